"""Summary wording: a claim as "<party> <neutral verb> <content>", loaded words handled by voice."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..attribution.lexicon_en import EnglishLexicon
from ..lang.loaded import neutralize, quote_loaded
from ..model import Claim
from .compress import compress
from .settings import SummaryRules

# An aside about the subject between commas, before its verb (no quotation inside).
_SUBJECT_ASIDE = re.compile(r",\s(?:which|who|whose|whom)\s[^,“”\"«»]+,")
_DIGIT = re.compile(r"\d")
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
    """(verb, rest) when the English sentence reads "<party> <cue> <rest>": the verb as the
    source wrote it with its complement ("told Reuters that", "appealed to X for"), except a
    verb that takes sides, which becomes "said" ("revealed to X that" -> "told X that")."""
    aside = _SUBJECT_ASIDE.search(text)
    if aside and not cues.pattern.search(text, 0, aside.start()) and not _DIGIT.search(aside[0]):
        text = text[: aside.start()] + text[aside.end() :]  # "X, which rarely criticises Y, said"
    match = cues.pattern.search(text)
    if not match or match.start() > 0.6 * len(text):
        return None
    verb = match.group(1).lower()
    found = cues.cues.get(verb)
    if found is not None and found.tense == "gerund":  # "ended her briefing by warning that"
        verb = cues.past_forms.get(found.lemma, verb)
    rest = text[match.end() :].strip(" ,")
    relayed = re.match(r"^.{0,120}? as saying,? (that )?", rest)
    if relayed:  # "quoted a source as saying that ...": the source said it
        verb, rest = "said", ("that " if relayed.group(1) else "") + rest[relayed.end() :]
    if verb.split()[0] in rules.side_taking_in_items:
        if rest.lower().startswith("to "):
            verb, rest = "told", rest[3:]
        else:
            verb = "said"
            rest = re.sub(r"^out\b\s*", "", rest)
    return verb, rest.rstrip(" .")


def _without_own_name(rest: str, party: str) -> str:
    """ "said in sports circles that ..." for the party "sports circles": the place is the party."""
    found = re.match(r"^(?:in|among|within|from) (.{1,60}?) (that\b.*)$", rest, re.IGNORECASE)
    if not found:
        return rest
    shared = set(found.group(1).lower().split()) & set(party.lower().split())
    return found.group(2) if len(shared) >= 1 and len(shared) * 2 >= len(party.split()) else rest


def clause(
    claim: Claim,
    cues: EnglishLexicon,
    rules: SummaryRules,
    budget: int | None = None,
    limit: int | None = None,
    names: Sequence[str] = (),
) -> tuple[str, str]:
    """(verb phrase, content) of one claim, in neutral wording, compressed to `budget` words
    and never more than `limit`."""
    if claim.voice == "outlet":
        openers = "|".join(map(re.escape, rules.outlet_openers))
        text = re.sub(rf"^({openers}),\s*", "", claim.text, flags=re.IGNORECASE)
        content = compress(neutralize(text, protect=names), rules, budget, limit)
        return "reported", content.rstrip(" .")
    according = re.search(
        r"\baccording to (?:[^,]|(?<=\d),(?=\d))+,\s*(.+)$", claim.text, re.IGNORECASE
    )  # (a figure's comma, "21,000", ends no phrase)
    if according and according.start() < 0.5 * len(claim.text):
        content = compress(according.group(1).rstrip(" ."), rules, budget, limit)
        return "according to", quote_loaded(content)
    found = _content_after_cue(claim.text, cues, rules)
    if found:
        verb, rest = found
        rest = _without_own_name(rest, claim.party)
        return verb, quote_loaded(compress(rest, rules, budget, limit).rstrip(" ."))
    # no reporting verb in the English (a machine translation that lost it): the sentence as
    # the party's account, not quoted (it is the translation, not their words)
    content = compress(claim.text.rstrip(" ."), rules, budget, limit)
    return "according to", quote_loaded(content)


def item_text(
    party: str,
    claims: list[Claim],
    cues: EnglishLexicon,
    rules: SummaryRules,
    names: Sequence[str] = (),
) -> str:
    """One summary item for a party's claims (one claim, or two joined with "and"); `names`
    are the article's parties (a loaded word in one is quoted, never rewritten)."""
    overhead = len(party.split()) + 3  # the party, the verb, "According to"
    budget = max(8, rules.target_words - overhead)
    limit = max(10, rules.max_words - overhead)
    share = budget if len(claims) == 1 else max(8, budget * 2 // 3)
    clauses = [clause(c, cues, rules, share, limit // len(claims), names) for c in claims]
    if claims[0].voice == "outlet":
        body = "; ".join(lower_first(content, rules) for _, content in clauses)
        return _end(f"According to {party}, {body}")
    if clauses[0][0] == "according to":
        first = f"According to {party}, {lower_first(clauses[0][1], rules)}"
    else:
        first = f"{capitalize(party)} {clauses[0][0]} {clauses[0][1]}"
    rest = [
        f"{verb} {content}" if verb != "according to" else f"said that {content}"
        for verb, content in clauses[1:]
    ]
    text = " and ".join([first.strip(), *rest])
    return _end(re.sub(r"\s+([:,;])", r"\1", text))


def _end(text: str) -> str:
    """A full stop, unless the text ends with the "…" of a cut."""
    return text if text.endswith("…") else f"{text}."
