"""Which script an article is written in: enough to keep English out of an Arabic model."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..errors import InputError
from .data import bundled, section

# Share of letters that must be Arabic-script for a text to count as Arabic.
ARABIC_MIN_SHARE = 0.5


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if name.startswith("ARABIC"):
        return "arabic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


def script_shares(text: str) -> dict[str, float]:
    """Share of letters per script: {'arabic': .., 'latin': .., 'other': ..}."""
    counts = {"arabic": 0, "latin": 0, "other": 0}
    for ch in text:
        if ch.isalpha():
            counts[_script(ch)] += 1
    total = sum(counts.values()) or 1
    return {key: value / total for key, value in counts.items()}


@lru_cache(maxsize=1)
def _english() -> tuple[frozenset[str], float]:
    raw = bundled("langid.yaml")
    words = frozenset(str(w) for w in section(raw, "english_function_words", "langid.yaml"))
    return words, float(section(raw, "english_min_share", "langid.yaml"))


def is_english(text: str) -> bool:
    """Latin-script text whose words are English (not French, Spanish, Turkish, ...)."""
    words = re.findall(r"[a-z']+", text.lower())
    if not words or script_shares(text)["latin"] < ARABIC_MIN_SHARE:
        return False
    function_words, share = _english()
    return sum(1 for w in words if w in function_words) / len(words) >= share


def describe(text: str) -> str:
    """What a text looks like, named honestly: "English", "Latin-script text (not English)",
    "text with no letters", "text in another script"."""
    if not any(ch.isalpha() for ch in text):
        return "text with no letters"
    shares = script_shares(text)
    if shares["arabic"] >= ARABIC_MIN_SHARE:
        return "Arabic"
    if shares["latin"] >= ARABIC_MIN_SHARE:
        return "English" if is_english(text) else "Latin-script text (not English)"
    return "text in another script"


def check_language(text: str, expected: str, name: str = "input") -> None:
    """Raise InputError when `text` is not in the `expected` language ('ar' or 'en'); the
    message names what it looks like, and suggests --source-lang en only for English."""
    looks = describe(text)
    if expected == "ar" and looks != "Arabic":
        share = script_shares(text)["arabic"]
        hint = (
            "; pass --source-lang en to summarize English text without translating it"
            if looks == "English"
            else "; this tool translates Arabic (or reads English with --source-lang en)"
        )
        raise InputError(
            f"{name}: looks like {looks}, not Arabic ({share:.0%} Arabic letters){hint}"
        )
    if expected == "en" and looks != "English":
        raise InputError(f"{name}: --source-lang en was given but the text looks like {looks}")
