"""Arabic text for matching: normalised tokens that keep their place in the original text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_DIACRITICS = re.compile(
    "[\u064b-\u0652\u0670\u0640]"
)  # harakat, shadda, sukun, dagger alef, tatweel
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"  # diacritics are part of words
# A lone Arabic letter with its period is one word, an abbreviated honorific (د. for doctor,
# م. for engineer): the period ends no span.
_TOKEN = re.compile(
    rf"(?<![\w{_MARKS}])[\u0621-\u064a]\.(?=\s)|[\w{_MARKS}]+(?:[.'’-][\w{_MARKS}]+)*|[^\w\s{_MARKS}]"
)

QUOTE_MARKS = set('“”«»"„‹›')


def fold(text: str) -> str:
    """Normalise for comparison: no diacritics or tatweel, one alef, ه for ة, ي for ى."""
    return _DIACRITICS.sub("", text).translate(_FOLD).lower()


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark of a sentence."""

    text: str  # as written
    norm: str  # folded (see `fold`)
    start: int  # character offset in the sentence
    end: int  # character offset just past the token


def _norm(word: str) -> str:
    """A token's folded form; an abbreviated honorific without its period (د. -> د)."""
    return fold(word[:-1] if len(word) == 2 and word.endswith(".") else word)


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Token, ...]:
    """Words and single punctuation marks, with their offsets.

    Memoised: the attribution readers, the loaded-term finder and the summary's word features
    all read the same sentences, which are tokenised once (the last 8,192 distinct texts kept).
    """
    return tuple(
        Token(match.group(), _norm(match.group()), match.start(), match.end())
        for match in _TOKEN.finditer(text)
    )


ARABIC_PREFIXES = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")


def strip_prefix(norm: str, candidates: tuple[str, ...] = ARABIC_PREFIXES) -> list[str]:
    """`norm` and its forms without one clitic prefix (وقال -> قال, للامم -> الامم)."""
    forms = [norm]
    for prefix in candidates:
        if norm.startswith(prefix) and len(norm) > len(prefix) + 1:
            rest = norm[len(prefix) :]
            forms.append(rest)
            if prefix.endswith("ل") and rest.startswith("ل"):  # ل + ال -> لل
                forms.append("ا" + rest)
    return forms


def span_text(text: str, tokens: Sequence[Token], start: int, end: int) -> str:
    """The original text covered by tokens[start:end], without surrounding quote marks."""
    if start >= end:
        return ""
    return text[tokens[start].start : tokens[end - 1].end].strip('“”«»"„‹› ،,')
