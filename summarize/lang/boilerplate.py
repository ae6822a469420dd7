"""Lines that are not the article (data/boilerplate.yaml), and the agencies of datelines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from .arabic import fold
from .data import bundled


@dataclass(frozen=True)
class BoilerplateRules:
    """Patterns of boilerplate lines, and the news agencies a dateline may name."""

    patterns: tuple[re.Pattern[str], ...]  # a line matching any of them is not the article
    dateline_agencies: dict[str, str]  # folded agency name in a dateline -> English name


@lru_cache(maxsize=1)
def load_boilerplate() -> BoilerplateRules:
    """data/boilerplate.yaml (read once per process)."""
    raw = bundled("boilerplate.yaml")
    try:
        return BoilerplateRules(
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in raw["patterns"]),
            dateline_agencies={
                fold(str(k)).strip(): str(v) for k, v in raw["dateline_agencies"].items()
            },
        )
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise ConfigError(f"boilerplate.yaml: invalid or missing key: {exc}") from None


def is_boilerplate(line: str) -> bool:
    """True when a line is a subscribe/follow prompt, a "read also" link, a copyright line, ..."""
    return any(p.search(line) for p in load_boilerplate().patterns)
