"""Word-level helpers of the Arabic reader: cues, phrases, datelines, content words."""

from __future__ import annotations

from collections.abc import Sequence

from ..lang.arabic import Token, strip_prefix
from ..model import ClaimKind, Gender
from .cues import Cues

COMMAS = {"،", ",", "؛", ";"}
DASHES = {"-", "–", "—"}
_ATTACHED_L = {"ل", "لـ"}


def content_words(tokens: Sequence[Token], cues: Cues) -> set[str]:
    """Content words of a span (folded, without the article or a leading و): what later
    mentions of the same party share."""
    words = set()
    for token in tokens:
        if not token.norm.isalnum() or token.norm in cues.ar_function:
            continue
        word = token.norm[2:] if token.norm.startswith("ال") and len(token.norm) > 3 else token.norm
        word = word[1:] if word.startswith("و") and len(word) > 3 else word
        words.add(word)
    return words


def verb(token: Token, cues: Cues) -> tuple[ClaimKind, Gender] | None:
    """(kind, gender) when `token` is a reporting verb (with و/ف allowed in front)."""
    for form in strip_prefix(token.norm, ("و", "ف")):
        if form in cues.ar_verbs:
            return cues.ar_verbs[form]
    return None


def phrase_at(tokens: Sequence[Token], index: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length in tokens of the phrase starting at `index` (0 if none). A final ل may be attached
    to the next word (وفقاً لمكتب)."""
    for phrase in sorted(phrases, key=len, reverse=True):
        size = len(phrase)
        if index + size > len(tokens) + (1 if phrase[-1] in _ATTACHED_L else 0):
            continue
        if phrase[0] not in strip_prefix(tokens[index].norm, ("و", "ف")):
            continue
        middle = [tokens[index + k].norm for k in range(1, size) if index + k < len(tokens)]
        if phrase[-1] in _ATTACHED_L:
            if list(phrase[1:-1]) == middle[: size - 2] and index + size - 1 < len(tokens):
                following = tokens[index + size - 1].norm
                if following.startswith("ل") or following in _ATTACHED_L:
                    return size - 1 if following not in _ATTACHED_L else size
            continue
        if list(phrase[1:]) == middle:
            return size
    return 0


def skip_dateline(tokens: Sequence[Token]) -> int:
    """Index after a dateline such as "بغداد -" or "طرابلس - (وكالات) -"."""
    for index in range(min(len(tokens), 5)):
        if tokens[index].text in DASHES and index > 0:
            after = index + 1
            if after < len(tokens) and tokens[after].text == "(":
                close = next(
                    (k for k in range(after, min(len(tokens), after + 6)) if tokens[k].text == ")"),
                    None,
                )
                if close is not None:
                    after = close + 1
                    if after < len(tokens) and tokens[after].text in DASHES:
                        after += 1
            return after
    return 0
