"""The segmentation rules (data/segmentation.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..lang.data import bundled


@dataclass(frozen=True)
class SegmentationRules:
    """Rules from data/segmentation.yaml."""

    terminators: frozenset[str]  # characters that end a sentence
    abbreviations: frozenset[str]  # lower-case words (without final period) that are not ends
    heading_max_words: int  # longest heading, in words
    heading_not_ending_with: frozenset[str]  # a line ending in one of these is not a heading


@lru_cache(maxsize=1)
def load_rules() -> SegmentationRules:
    """Load the bundled segmentation rules (once per process)."""
    raw = bundled("segmentation.yaml")
    try:
        return SegmentationRules(
            terminators=frozenset(raw["terminators"]),
            abbreviations=frozenset(str(a).lower() for a in raw["abbreviations"]),
            heading_max_words=int(raw["heading_max_words"]),
            heading_not_ending_with=frozenset(raw["heading_not_ending_with"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"segmentation.yaml: invalid or missing key: {exc}") from exc
