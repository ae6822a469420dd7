"""Which script an article is written in: enough to keep English out of an Arabic model."""

from __future__ import annotations

import unicodedata

from ..errors import InputError

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


def check_language(text: str, expected: str, name: str = "input") -> None:
    """Raise InputError when `text` is not in the `expected` language ('ar' or 'en')."""
    shares = script_shares(text)
    if expected == "ar" and shares["arabic"] < ARABIC_MIN_SHARE:
        looks = "English (Latin script)" if shares["latin"] >= ARABIC_MIN_SHARE else "not Arabic"
        raise InputError(
            f"{name}: looks {looks}, not Arabic ({shares['arabic']:.0%} Arabic letters); "
            "pass --source-lang en to summarize English text without translating it"
        )
    if expected == "en" and shares["latin"] < ARABIC_MIN_SHARE:
        raise InputError(
            f"{name}: --source-lang en was given but the text is not English "
            f"({shares['latin']:.0%} Latin letters)"
        )
