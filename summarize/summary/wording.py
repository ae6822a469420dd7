"""Summary wording: a claim as "<party> <neutral verb> <content>", loaded words handled by voice."""

from __future__ import annotations

import re

from ..attribution.lexicon_en import EnglishLexicon
from ..lang.loaded import neutralize, quote_loaded
from ..model import Claim
from .settings import SummaryRules

_KEEP_CAPITAL = ("I ", "US", "UN")  # sentence openings never lower-cased


def capitalize(text: str) -> str:
    """`text` with its first letter upper-cased."""
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str, rules: SummaryRules) -> str:
    """A sentence joined after "According to X, ": its first word lower-cased when it is a
    function word (or one of summary.yaml's `lower_after_according`), never a name."""
    if (
        len(text) > 1
        and text[0].isupper()
        and not text[1].isupper()
        and not text.startswith(_KEEP_CAPITAL)
    ):
        first = text.split(" ", 1)[0].lower()
        if first in rules.function_words or first in rules.lower_after_according:
            return text[0].lower() + text[1:]
    return text


def _content_after_cue(
    text: str, cues: EnglishLexicon, rules: SummaryRules
) -> tuple[str, str] | None:
    """(verb, rest) when the English sentence reads "<party> <cue> <rest>"."""
    match = cues.pattern.search(text)
    if not match or match.start() > 0.6 * len(text):
        return None
    verb = match.group(1).lower()
    rest = text[match.end() :].strip()
    if verb not in rules.allowed_verbs:
        verb = "said"
        rest = re.sub(r"^(out|that)\b\s*", lambda m: "that " if m.group(1) == "that" else "", rest)
    return verb, rest.rstrip(" .")


def clause(claim: Claim, cues: EnglishLexicon, rules: SummaryRules) -> tuple[str, str]:
    """(verb phrase, content) of one claim, in neutral wording."""
    if claim.voice == "outlet":
        openers = "|".join(map(re.escape, rules.outlet_openers))
        text = re.sub(rf"^({openers}),\s*", "", claim.text, flags=re.IGNORECASE)
        return "reported", neutralize(text).rstrip(" .")
    according = re.search(r"\baccording to [^,]+,\s*(.+)$", claim.text, re.IGNORECASE)
    if according and according.start() < 0.5 * len(claim.text):
        return "according to", quote_loaded(according.group(1).rstrip(" ."))
    found = _content_after_cue(claim.text, cues, rules)
    if found:
        verb, rest = found
        return verb, quote_loaded(rest)
    verb = rules.neutral_verbs.get(claim.kind, "said")
    return verb, f"“{claim.text.rstrip(' .')}”"


def item_text(party: str, claims: list[Claim], cues: EnglishLexicon, rules: SummaryRules) -> str:
    """One summary item for a party's claims (one claim, or two joined with "and")."""
    clauses = [clause(c, cues, rules) for c in claims]
    if claims[0].voice == "outlet":
        body = "; ".join(lower_first(content, rules) for _, content in clauses)
        return f"According to {party}, {body}."
    if clauses[0][0] == "according to":
        first = f"According to {party}, {clauses[0][1]}"
    else:
        first = f"{capitalize(party)} {clauses[0][0]} {clauses[0][1]}"
    rest = [
        f"{verb} {content}" if verb != "according to" else f"said that {content}"
        for verb, content in clauses[1:]
    ]
    text = " and ".join([first.strip(), *rest])
    return re.sub(r"\s+([:,;])", r"\1", text) + "."
