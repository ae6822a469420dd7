"""Text normalisation as OPUS-MT's training data was prepared: marks removed, spaces collapsed."""

from __future__ import annotations

import re
import unicodedata

# Invisible format and direction characters that carry no text: ZWSP, ZWNJ/ZWJ, LRM/RLM, ALM
# (U+061C), BOM, word joiner, the bidi embeddings/overrides/isolates and the soft hyphen. Arabic
# letters never need them, and OPUS-MT's SentencePiece models were trained on text without them.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff\u2060\u202a\u202b\u202c\u202d\u202e"
        "\u2066\u2067\u2068\u2069\u00ad",
    )
)
_SPACES = re.compile(r"[^\S\n]+")  # any whitespace except newline


def normalize_line(line: str) -> str:
    """Normalise one line: drop invisible marks and control characters, collapse whitespace.

    Arabic letters and diacritics are left exactly as they are.
    """
    line = line.translate(_INVISIBLE)
    line = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Zs", "Zl", "Zp"} else ch for ch in line
    )
    return _SPACES.sub(" ", line).strip()


def normalize_text(text: str) -> str:
    """Normalise a whole article, keeping its line structure (Windows/old-Mac endings unified)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(normalize_line(line) for line in text.split("\n"))
