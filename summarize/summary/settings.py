"""The summary's vocabulary and limits (data/summary.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..lang.data import bundled, check_choice
from ..model import CLAIM_KINDS, ClaimKind


@dataclass(frozen=True)
class SummaryRules:
    """From data/summary.yaml."""

    min_items: int  # fewest items (when there are enough claims)
    max_items: int  # most items
    kind_weights: dict[ClaimKind, float]  # how much each kind of claim weighs in ranking
    allowed_verbs: frozenset[str]  # reporting verbs kept as written; others become "said"
    function_words: frozenset[str]  # not content words
    outlet_openers: tuple[str, ...]  # "However, ..." dropped in the outlet's voice
    lower_after_according: frozenset[str]  # lower-cased after "According to X, "
    side_taking_verbs: tuple[str, ...]  # never outside quotation marks (LLM verifier)
    verifier_function_words: frozenset[str]  # left out of the grounding check
    min_grounding: float  # share of an item's words that must come from its claims
    neutral_verbs: dict[ClaimKind, str]  # kind -> the verb an item uses when it has none


def _words(raw: dict[str, object], key: str) -> frozenset[str]:
    values = raw[key]
    if not isinstance(values, list):
        raise ConfigError(f"summary.yaml: '{key}' must be a list")
    return frozenset(str(v).lower() for v in values)


@lru_cache(maxsize=1)
def load_summary_rules() -> SummaryRules:
    """data/summary.yaml (read once per process)."""
    raw = bundled("summary.yaml")
    try:
        weights = {
            check_choice(k, CLAIM_KINDS, "claim kind", "summary.yaml: kind_weights"): float(v)
            for k, v in raw["kind_weights"].items()
        }
        return SummaryRules(
            min_items=int(raw["min_items"]),
            max_items=int(raw["max_items"]),
            kind_weights=weights,
            allowed_verbs=_words(raw, "allowed_verbs"),
            function_words=_words(raw, "function_words"),
            outlet_openers=tuple(str(v).lower() for v in raw["outlet_openers"]),
            lower_after_according=_words(raw, "lower_after_according"),
            side_taking_verbs=tuple(str(v).lower() for v in raw["side_taking_verbs"]),
            verifier_function_words=_words(raw, "verifier_function_words"),
            min_grounding=float(raw["min_grounding"]),
            neutral_verbs={
                check_choice(k, CLAIM_KINDS, "claim kind", "summary.yaml: neutral_verbs"): str(v)
                for k, v in raw["neutral_verbs"].items()
            },
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"summary.yaml: invalid or missing key: {exc}") from None
