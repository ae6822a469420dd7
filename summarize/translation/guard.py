"""Degenerate-output detection: MarianMT loops ("the the the ...") on noisy input."""

from __future__ import annotations

from collections.abc import Sequence


def tandem_repeat(items: Sequence[object], max_n: int, min_repeats: int) -> tuple[int, int] | None:
    """Find an n-gram (n <= max_n) repeated back to back at least `min_repeats` times.

    Returns (n, start index) of the first such run, or None.
    """
    length = len(items)
    for n in range(1, max_n + 1):
        for start in range(0, length - n * min_repeats + 1):
            unit = items[start : start + n]
            repeats = 1
            pos = start + n
            while pos + n <= length and items[pos : pos + n] == unit:
                repeats += 1
                if repeats >= min_repeats:
                    return n, start
                pos += n
    return None


def degenerate_reason(
    text: str,
    token_ids: Sequence[int],
    hit_limit: bool,
    source_tokens: int,
    length_ratio: float,
    length_slack: int,
) -> str | None:
    """Why an output looks degenerate, or None when it looks sound.

    Signs: a word n-gram (n <= 4) repeated three times in a row; a token n-gram repeated four
    times in a row; decoding that ran into its token cap; an output far longer than the input.
    """
    words = text.lower().split()
    found = tandem_repeat(words, max_n=4, min_repeats=3)
    if found:
        n, start = found
        return f"repeated {n}-word sequence '{' '.join(words[start : start + n])}'"
    if tandem_repeat(list(token_ids), max_n=4, min_repeats=4):
        return "repeated token sequence"
    if hit_limit:
        return "output ran into the token limit"
    if len(token_ids) > length_ratio * source_tokens + length_slack:
        return f"output of {len(token_ids)} tokens for {source_tokens} input tokens"
    return None
