"""Joint parties in English: "Both UNHCR and the IOM", "Egypt and Jordan", "South Africa and
Mozambique" are one claim of one party, named by its members."""

from __future__ import annotations

import re

from ..lang.gazetteer import PartyEntry, joint_name


def _proper(part: str, span: str) -> bool:
    """True when `part` (lower case) is written with a capital in `span`: a proper name."""
    found = re.search(rf"\b{re.escape(part)}\b", span, re.IGNORECASE)
    return found is not None and found.group(0)[:1].isupper()


def joint_party(low: str, mentions: list[PartyEntry], span: str) -> str | None:
    """For a joint party ("Both UNHCR and the IOM", "Egypt and Jordan"): the names joined
    when the gazetteer knows them all, "" when not (the span names it); None otherwise. The
    first part is a known party and nothing more, every other part a known party or a name
    of two words or more ("the Ministry of Culture and Heritage" is one name)."""
    if not mentions:
        return None
    text = " ".join(re.sub(r"[^\w.'&-]", " ", low).split())
    parts = [p for p in re.split(r"\s*(?:,|\band\b)\s*", text) if p]
    if len(parts) < 2:
        return None
    known = [_known(p, mentions) for p in parts]
    first = re.sub(r"^(?:both|the)\s+", "", parts[0])
    if not known[0] or first not in known[0]:
        return None
    if not all(
        k or len(p.split()) >= 2 or _proper(p, span) for p, k in zip(parts, known, strict=True)
    ):
        return None  # (a capitalised word is a name too: "South Africa and Mozambique")
    if all(known):
        return joint_name(mentions)
    return ""


def _known(part: str, mentions: list[PartyEntry]) -> set[str]:
    """The aliases of `mentions` that make the whole of `part` (bar "both", "the")."""
    bare = re.sub(r"^(?:both|the)\s+", "", part)
    return {
        a.removeprefix("the ") for e in mentions for a in e.en if a.removeprefix("the ") == bare
    }
