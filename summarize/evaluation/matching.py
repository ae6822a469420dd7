"""Which annotated party a claim names: its span must be mostly that party's words.

A span counts for a party when more than half of one of the party's aliases is in it
(coverage > 0.5: "an official" does not name "a WHO official") and at least MIN_PURITY of its
words belong to the party's aliases (a span running from the speaker into the accused party, or
into the complement, does not; a lone "و" has no word of any alias).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..lang.arabic import fold, tokenize
from ..model import Claim

MIN_OVERLAP = 0.5  # shared words / words of the longer of two names (outlets)
MIN_PURITY = 0.6  # share of a span's words that belong to the party's aliases
_EN_SKIP = {"the", "a", "an", "of", "s", "for", "in", "on", "at", "to", "and", "by", "with", "from"}
_AR_CLITICS = ("وال", "بال", "لل", "ال", "و", "ب", "ل")


def _ar_words(text: str) -> list[str]:
    words = []
    for token in tokenize(text):
        norm = token.norm
        if not norm.isalnum():
            continue
        for clitic in _AR_CLITICS:
            if norm.startswith(clitic) and len(norm) > len(clitic) + 1:
                norm = norm[len(clitic) :]
                break
        words.append(norm.removesuffix("ا") if len(norm) > 3 else norm)  # مصدرًا -> مصدر
    return words


def _en_words(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", text.lower().replace("’", "'"))
    return [w.removesuffix("'s") for w in words if w not in _EN_SKIP]


def overlap(span: list[str], alias: list[str]) -> float:
    """Shared words (with repeats) over the length of the longer of the two."""
    if not span or not alias:
        return 0.0
    shared = sum((Counter(span) & Counter(alias)).values())
    return shared / max(len(span), len(alias))


def _fit(span: list[str], aliases: list[list[str]]) -> tuple[float, float] | None:
    """(coverage, purity) of a span for a party with these aliases, or None when it fails."""
    if not span:
        return None
    union = {w for alias in aliases for w in alias}
    purity = sum(w in union for w in span) / len(span)
    coverage = max(
        (sum((Counter(span) & Counter(a)).values()) / len(a) for a in aliases if a), default=0.0
    )
    return (coverage, purity) if coverage > 0.5 and purity >= MIN_PURITY else None


def _best(candidates: list[list[str]], parties: list[dict[str, Any]], key: str) -> str | None:
    words = _ar_words if key == "aliases_ar" else _en_words
    best: tuple[tuple[float, float], str] | None = None
    for party in parties:
        names = [*party[key], *([party["name"]] if key == "aliases_en" else [])]
        aliases = [words(a) for a in names]
        for candidate in candidates:
            fit = _fit(candidate, aliases)
            if fit is not None and (best is None or fit > best[0]):
                best = (fit, str(party["id"]))
    return best[1] if best else None


def gold_party(claim: Claim, parties: list[dict[str, Any]], mode: str) -> str | None:
    """The annotated party a predicted claim names: "outlet", a party id, or None (no party's
    alias is most of its span). In Arabic mode the Arabic span decides, and the English name
    may name another annotated party (then that party: an inversion)."""
    if claim.voice == "outlet":
        return "outlet"
    if mode == "en":  # the name a reader sees decides; the span only when the name is no alias
        named = _best([_en_words(claim.party)], parties, "aliases_en")
        return named or _best([_en_words(claim.party_source or "")], parties, "aliases_en")
    found = _best([_ar_words(claim.party_source or "")], parties, "aliases_ar")
    named = _best([_en_words(claim.party)], parties, "aliases_en")
    return named if named is not None and found is not None and named != found else found


def outlet_right(gold: dict[str, Any], outlet: str | None, source: str | None, mode: str) -> bool:
    """Whether the outlet found is the annotated one. Where the annotation says the text never
    names its outlet (`outlet_ar` null), only no name (the placeholder) is right."""
    expected_ar = gold.get("outlet_ar")
    if not expected_ar:
        return outlet is None
    if outlet is None:
        return False
    if mode == "ar" and source:
        wanted = _ar_words(expected_ar)
        if overlap(_ar_words(source), wanted) >= MIN_OVERLAP or fold(expected_ar) in fold(source):
            return True
    wanted_en = _outlet_words(str(gold.get("outlet", "")))
    got = _outlet_words(outlet)
    return bool(got) and (
        overlap(got, wanted_en) >= MIN_OVERLAP
        or set(got) <= set(wanted_en)  # "INA" for "Iraqi News Agency (INA)"
        or (bool(wanted_en) and set(wanted_en) <= set(got))
    )


def _outlet_words(name: str) -> list[str]:
    generic = {"net", "news", "online", "arabic", "newspaper", "al", "el", "an", "as", "ar"}
    spaced = re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", name.lower())  # France24
    words = _en_words(spaced.replace("-", " "))
    return [w for w in words if w not in generic] or words
