"""Declarations that perform an act ("declared a state of emergency"): no claim, an event the
outlet reports (data/declarations.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..lang.arabic import fold, tokenize
from ..lang.data import bundled, section


@dataclass(frozen=True)
class _Declarations:
    window: int  # words after the cue where the state must stand
    verbs: tuple[re.Pattern[str], ...]  # a declaring verb (folded, lower-cased)
    states: tuple[tuple[str, ...], ...]  # what is declared, as folded tokens
    complementisers: frozenset[str]  # "that": what follows is a claim, not an act


@lru_cache(maxsize=2)
def _load(language: str) -> _Declarations:
    raw = bundled("declarations.yaml")
    part = section(raw, language, "declarations.yaml")
    try:
        return _Declarations(
            window=int(section(raw, "window", "declarations.yaml")),
            verbs=tuple(re.compile(str(p)) for p in part["verbs"]),
            states=tuple(tuple(t.norm for t in tokenize(str(s))) for s in part["states"]),
            complementisers=frozenset(fold(str(c)) for c in part["complementisers"]),
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ConfigError(f"declarations.yaml: invalid or missing key: {exc}") from None


def declares_an_act(text: str, cue: tuple[int, int], language: str) -> bool:
    """True when the cue at `cue` (character offsets in `text`) declares a state ("declared a
    state of emergency", "أعلنت ... «مناطق منكوبة»") with no "that" or colon before it."""
    words = _load(language)
    verb = fold(text[cue[0] : cue[1]]).split()
    if not verb or not any(p.search(verb[-1]) for p in words.verbs):
        return False
    after = tokenize(text[cue[1] :])
    norms = [t.norm for t in after if t.norm.strip()][: words.window + 4]
    for index, norm in enumerate(norms):
        if norm in words.complementisers or norm == ":":
            return False
        if index < words.window and any(
            tuple(norms[index : index + len(state)]) == state for state in words.states
        ):
            return True
    return False
