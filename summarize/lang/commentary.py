"""The outlet's opinion (data/commentary.yaml): evaluative words or a question outside quotation
marks, in the source or in its English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from .arabic import fold, tokenize
from .data import bundled, section
from .quotes import inside, quote_spans


@dataclass(frozen=True)
class CommentaryWords:
    """data/commentary.yaml, compiled."""

    english: re.Pattern[str]
    arabic: tuple[tuple[str, ...], ...]  # folded phrases, as token tuples


@lru_cache(maxsize=1)
def load_commentary() -> CommentaryWords:
    """data/commentary.yaml (read once per process)."""
    raw = bundled("commentary.yaml")
    try:
        english = sorted((str(w) for w in section(raw, "english", "commentary.yaml")), key=len)
        arabic = [str(w) for w in section(raw, "arabic", "commentary.yaml")]
    except TypeError as exc:
        raise ConfigError(f"commentary.yaml: {exc}") from None
    words = "|".join(re.escape(w) for w in reversed(english))
    return CommentaryWords(
        re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE),
        tuple(tuple(t.norm for t in tokenize(w)) for w in arabic),
    )


def _questions(text: str) -> bool:
    spans = quote_spans(text)
    return any(not inside(m.start(), spans) for m in re.finditer(r"[?؟]", text))


def is_commentary(source: str, english: str) -> bool:
    """True when a sentence in the outlet's voice carries its opinion."""
    words = load_commentary()
    for text in (english, source):
        if text and _questions(text):
            return True
    spans = quote_spans(english)
    if any(not inside(m.start(), spans) for m in words.english.finditer(english)):
        return True
    tokens = tokenize(source)
    quoted = quote_spans(source)
    norms = [fold(t.norm) for t in tokens]
    for phrase in words.arabic:
        size = len(phrase)
        for i in range(len(norms) - size + 1):
            if tuple(norms[i : i + size]) == phrase and not inside(tokens[i].start, quoted):
                return True
    return False
