"""Pieces that fit a model's input limit, never dropping a character."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..errors import ConfigError
from ..lang.data import bundled


@lru_cache(maxsize=1)
def clause_marks() -> tuple[str, ...]:
    """Where an over-long sentence is split first (data/segmentation.yaml `clause_marks`)."""
    try:
        return tuple(str(m) for m in bundled("segmentation.yaml")["clause_marks"])
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"segmentation.yaml: invalid or missing key: {exc}") from None


def split_to_fit(
    text: str,
    count_tokens: Callable[[str], int],
    limit: int,
) -> list[str]:
    """Split `text` into pieces of at most `limit` tokens, never dropping a character.

    Cuts after a clause mark (، ؛ :) away from the edges first, else at the whitespace nearest the
    middle, else (one enormous word) in the middle of the word.
    """
    if count_tokens(text) <= limit:
        return [text]
    marks = clause_marks()
    n = len(text)
    middle = n // 2
    margin = max(1, n // 10)
    clause_cuts = [
        i + 1 for i, ch in enumerate(text) if ch in marks and margin <= i + 1 <= n - margin
    ]
    space_cuts = [i for i, ch in enumerate(text) if ch.isspace() and 0 < i < n - 1]
    candidates = clause_cuts or space_cuts or [middle]
    cut = min(candidates, key=lambda c: abs(c - middle))
    cut = min(max(cut, 1), n - 1)
    left, right = text[:cut].strip(), text[cut:].strip()
    if not left or not right:  # cannot happen with the cuts above; guard against loops anyway
        left, right = text[:middle], text[middle:]
    return split_to_fit(left, count_tokens, limit) + split_to_fit(right, count_tokens, limit)
