"""Summary wording: a claim as "<party> <neutral verb> <content>", loaded words handled by voice."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..attribution.lexicon_en import EnglishLexicon
from ..lang.dateline import without_dateline
from ..lang.loaded import LoadedLexicon, neutralize, quote_loaded
from ..lang.quotes import inside, quote_spans
from ..model import Claim
from .compress import compress
from .settings import SummaryRules

# An aside about the subject between commas, before its verb (no quotation inside).
_SUBJECT_ASIDE = re.compile(r",\s(?:which|who|whose|whom)\s[^,“”\"«»]+,")
_DIGIT = re.compile(r"\d")
# An opening quotation and the speaker after it: "“We will rebuild,” says X, a farmer, to Y."
_QUOTE_FIRST = re.compile(r"^\s*(?P<quote>[“\"«][^”\"»]{8,}[”\"»]),?\s")
# A source named at the end: "..., according to what was announced by X." (no comma after it)
_ACCORDING_LAST = re.compile(  # (the source may be described: "... who spoke to "Al-Ayyam"")
    r",\s*according to (?:[^,“”\"«»]|[“\"«][^”\"»]{1,40}[”\"»])+\.?$", re.IGNORECASE
)
# Constructions whose item opens "According to X, ...": a second claim joins as a sentence
_ACCOUNTS = frozenset({"according-to", "headline"})
# "The voices of X complaining about Y are growing louder": X complained about Y
_VOICES = re.compile(
    r"voices of .+? (?P<cue>\w+ing)\b(?P<rest>.*?)(?:,? (?:are|were|is|was|have been|has been) "
    r"(?:growing|getting|rising|increasing) (?:louder|stronger)| (?:grew|grow|rose|rise) louder)?"
    r"\.?$",
    re.IGNORECASE,
)
# Vague sourcing naming a group: "Word spread among residents that ..." (the group says it)
_RUMOUR = re.compile(
    r"^(?:word|news|reports?|rumou?rs?) (?:spread|circulated|emerged|went round) "
    r"(?:among|in|within|through) [^,“”\"«»]{2,60}? that ",
    re.IGNORECASE,
)
# A topicalised subject: "As for X, it ..." (the party is X, the pronoun goes)
_TOPIC = re.compile(r"^(?:as for|as to|regarding) [^,]{1,80}, (?:it|he|she|they) ", re.IGNORECASE)
# A relay after the conduit's verb: "reported, citing X, that ..." (X said it)
_CITING = re.compile(r"^(?:citing|quoting) [^,“”\"«»]{1,120}?,\s*(that )?")
# An item whose content already opens with the party's name: the content alone
NAMES_ITSELF = ""
_KEEP_CAPITAL = ("I ", "US", "UN")  # sentence openings never lower-cased


@dataclass(frozen=True)
class Article:
    """What an item's wording knows of its article."""

    names: Sequence[str] = ()  # the parties: a loaded word in one is quoted, never rewritten
    lead: frozenset[str] = frozenset()  # the lead's words: a place phrase of them repeats it
    lower: frozenset[str] = frozenset()  # words the article writes in lower case: no names
    loaded: LoadedLexicon | None = None  # its loaded terms (contested names included)


def capitalize(text: str) -> str:
    """`text` with its first letter upper-cased."""
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str, rules: SummaryRules, lower: frozenset[str] = frozenset()) -> str:
    """A sentence joined after "According to X, ": its first word lower-cased when it is a
    function word (or one of summary.yaml's `lower_after_according`), or a word the article
    writes in lower case elsewhere (`lower`: "Heavy rain" -> "heavy rain"), never a name."""
    if (
        len(text) > 1
        and text[0].isupper()
        and not text[1].isupper()
        and not text.startswith(_KEEP_CAPITAL)
    ):
        first, _, after = text.partition(" ")
        first = first.lower()
        named = after[:1].isupper()  # "Health Ministry", "Central Bank": a name's first word
        if (
            first in rules.function_words
            or first in rules.lower_after_according
            or (first in lower and not named)
        ):
            return text[0].lower() + text[1:]
    return text


def _content_after_cue(
    text: str, cues: EnglishLexicon, rules: SummaryRules, at: int | None = None
) -> tuple[str, str] | None:
    """(verb, rest) when the English sentence reads "<party> <cue> <rest>": the verb as the
    source wrote it with its complement ("told Reuters that", "appealed to X for"), except a
    verb that takes sides, which becomes "said" ("revealed to X that" -> "told X that").
    `at`: where the claim's own cue stands, when attribution read this very text (the cue of
    another speaker in the sentence is then never taken: "While X insist ..., Y believe")."""
    match = cues.pattern.match(text, at) if at is not None else None
    if match is None:
        aside = _SUBJECT_ASIDE.search(text)
        if (
            aside
            and not cues.pattern.search(text, 0, aside.start())
            and not _DIGIT.search(aside[0])
        ):
            text = (
                text[: aside.start()] + text[aside.end() :]
            )  # "X, which rarely criticises Y, said"
        match = cues.pattern.search(text)
    if not match or (at is None and match.start() > 0.6 * len(text)):
        return None
    verb = match.group(1).lower()
    found = cues.cues.get(verb)
    if found is not None and found.tense == "gerund":  # "ended her briefing by warning that"
        if not re.search(r"(?:\bby|,)\s*$", text[: match.start()]):
            return None  # "the voices of residents complaining about ... grow": no finite verb
        verb = cues.past_forms.get(found.lemma, verb)
    rest = text[match.end() :].strip(" ,")
    relayed = re.match(r"^.{0,120}? as saying,? (that )?", rest) or _CITING.match(rest)
    if relayed:  # "quoted a source as saying that ...", "reported, citing X, that": X said it
        verb, rest = "said", ("that " if relayed.group(1) else "") + rest[relayed.end() :]
    aside = _ASIDE_BEFORE_THAT.match(rest)
    if aside:  # "affirmed, through its spokesman, that": the occasion goes with its commas
        rest = rest[aside.end() :]
    if verb.split()[0] in rules.side_taking_in_items:
        if rest.lower().startswith("to "):
            verb, rest = "told", rest[3:]
        else:
            verb = "said"
            rest = re.sub(r"^out\b\s*", "", rest)
    return verb, rest.rstrip(" .")


# an occasion or channel between the verb and its "that" ("stated, through its press
# office, that", "warned, in a radio interview, that")
_ASIDE_BEFORE_THAT = re.compile(
    r"(?:through|in|during|at|on|via|by|before|after|from|with|to|while)\b[^,“”\"«»]{1,60},\s*"
    r"(?=that\b)",
    re.IGNORECASE,
)


def _without_own_name(rest: str, party: str) -> str:
    """ "said in sports circles that ..." for the party "sports circles": the place is the party."""
    found = re.match(r"^(?:in|among|within|from) (.{1,60}?) (that\b.*)$", rest, re.IGNORECASE)
    if not found:
        return rest
    shared = set(found.group(1).lower().split()) & set(party.lower().split())
    return found.group(2) if len(shared) >= 1 and len(shared) * 2 >= len(party.split()) else rest


def _names(text: str, party: str) -> bool:
    """True when `text` opens with the party's name ("MP Ali Karam, a member of ..., filed")."""
    low, name = text.lower(), party.lower()
    return bool(name) and (low.startswith(name) or low.startswith(f"the {name}"))


def plain(text: str, rules: SummaryRules) -> str:
    """`text` with summary.yaml's `plain_wording` idioms said plainly (never in a quotation)."""
    for pattern, replacement in rules.plain_wording:
        for found in reversed(list(pattern.finditer(text))):
            if not inside(found.start(), quote_spans(text)):
                text = text[: found.start()] + replacement + text[found.end() :]
    return text


def _cue_at(claim: Claim, shift: int) -> int | None:
    """Where the claim's cue stands in its text less a `shift`-character opening, when the
    offsets were read on this text (English input); None otherwise (a translation)."""
    if not claim.cue or not claim.cue_offsets:
        return None
    start, end = claim.cue_offsets
    if claim.text[start:end].lower() != claim.cue.lower() or start < shift:
        return None
    return start - shift


def _account(claim: Claim, text: str, cues: EnglishLexicon) -> str | None:
    """What the party's account says, where the sentence names its source apart from it: an
    attributed line ("Health Ministry: 14 killed"), "According to X, ...", "..., according to
    a toll announced by X"; None otherwise, and when the party's own reporting verb and its
    complement come first ("Al-Badri added that ... according to the latest data, and ...":
    the data are what she cites, the sentence is hers)."""
    if claim.construction == "headline" and ":" in text:
        return text.split(":", 1)[1].strip(" .")
    according = re.search(
        r"\baccording to (?:[^,]|(?<=\d),(?=\d))+,\s*(.+)$", text, re.IGNORECASE
    )  # (a figure's comma, "21,000", ends no phrase)
    if according and _reported(text[: according.start()], cues):
        return None
    if (
        according
        and claim.construction != "according-to"
        and _cue_at(claim, len(claim.text) - len(text)) is not None
    ):
        # "X had announced, according to the state radio, a timetable", "According to the report,
        # the observers noted ...": the party's own verb, the medium or document an aside
        return None
    if according and according.start() < 0.5 * len(text):
        before = text[: according.start()].rstrip(" ,")
        if len(before.split()) >= 6:  # "X decided ..., according to Y, less than ...": X's clause
            return f"{before}, {according.group(1)}".rstrip(" .")
        return according.group(1).rstrip(" .")
    last = _ACCORDING_LAST.search(text)
    if last and claim.construction == "according-to" and last.start() > 0.3 * len(text):
        return text[: last.start()]
    return None


# "..., according to the state radio, ...": the medium that relayed the party's words
_CONDUIT = re.compile(r",?\s*\baccording to [^,“”\"«»]+,\s*", re.IGNORECASE)


def _without_conduit(rest: str) -> str:
    """The party's words without the medium that relayed them, named in an aside before the
    words begin ("announced on Sunday, according to the state radio, a timetable" -> "announced
    on Sunday a timetable"); an aside inside what the party said stays theirs."""
    found = _CONDUIT.search(rest)
    if found is None or re.search(r"\bthat\b|[“\"«:]", rest[: found.start()]):
        return rest
    return f"{rest[: found.start()]} {rest[found.end() :]}".strip()


def _reported(text: str, cues: EnglishLexicon) -> bool:
    """True when `text` holds a reporting verb with its complement ("added that", "said:")."""
    return any(
        re.match(r"\s*(?:,\s*)?(?:that\b|:)", text[m.end() :]) for m in cues.pattern.finditer(text)
    )


def _worded(
    claim: Claim,
    cues: EnglishLexicon,
    rules: SummaryRules,
    fit: tuple[int | None, int | None],
    article: Article,
) -> tuple[str, str]:
    """clause() before its idioms are said plainly; `fit` is (budget, limit)."""
    budget, limit = fit
    if claim.voice == "outlet":
        openers = "|".join(map(re.escape, rules.outlet_openers))
        text = without_dateline(claim.text)
        text = re.sub(rf"^({openers}),\s*", "", text, flags=re.IGNORECASE)
        neutral = neutralize(text, article.loaded, protect=article.names)
        content = compress(neutral, rules, budget, limit, article.lead).rstrip(" .")
        return (NAMES_ITSELF if _names(content, claim.party) else "reported"), content
    voices = _VOICES.search(claim.text) if claim.construction == "voices" else None
    cue = cues.cues.get(voices.group("cue").lower()) if voices else None
    if voices and cue is not None:  # "The voices of farmers demanding X grow louder"
        content = compress(voices.group("rest").strip(" ,."), rules, budget, limit)
        return cues.past_forms.get(cue.lemma, "said"), quote_loaded(content, article.loaded)
    rumour = _RUMOUR.match(claim.text)
    if rumour:  # "Word spread among residents that X": the residents say that X
        content = compress(claim.text[rumour.end() :].rstrip(" ."), rules, budget, limit)
        return "said that", quote_loaded(content, article.loaded)
    text, topicalised = _TOPIC.subn("", claim.text)
    quoted = _QUOTE_FIRST.match(text)
    if quoted and claim.construction == "quote-inverted":  # the quotation is what was said
        quotation = re.sub(r"[,،]\s*([”\"»])$", r"\1", quoted.group("quote"))
        return "said:", compress(quotation, rules, budget, limit)
    account = _account(claim, text, cues)
    if account is not None:
        content = compress(account, rules, budget, limit, article.lead)
        return "according to", quote_loaded(content, article.loaded)
    at = _cue_at(claim, len(claim.text) - len(text))
    found = _content_after_cue(text, cues, rules, at)
    if found and not found[1].strip(" .") and at is not None and "," in text[:at]:
        # "5,000 refugees crossed back, the agency said.": what was said stands before
        before = lower_first(text[: text.rfind(",", 0, at)].strip(), rules, article.lower)
        found = (found[0] if found[0].endswith(("that", ":")) else f"{found[0]} that", before)
    if found:
        verb, rest = found
        rest = _without_conduit(_without_own_name(rest, claim.party))
        return verb, quote_loaded(
            compress(rest, rules, budget, limit, article.lead).rstrip(" ."), article.loaded
        )
    content = compress(text.rstrip(" ."), rules, budget, limit, article.lead)
    if topicalised or _names(content, claim.party):
        # "As for X, it confined itself to ...": "X confined itself to ..."; "MP X, a member
        # of ..., filed a request": as it stands
        return NAMES_ITSELF, quote_loaded(content, article.loaded)
    # no reporting verb in the English (a machine translation that lost it): the sentence as
    # the party's account, not quoted (it is the translation, not their words)
    return "according to", quote_loaded(content, article.loaded)


def clause(
    claim: Claim,
    cues: EnglishLexicon,
    rules: SummaryRules,
    budget: int | None = None,
    limit: int | None = None,
    article: Article = Article(),
) -> tuple[str, str]:
    """(verb phrase, content) of one claim, in neutral wording, compressed to `budget` words
    and never more than `limit`; the verb is NAMES_ITSELF when the content opens with the
    party's name and reads alone."""
    verb, content = _worded(claim, cues, rules, (budget, limit), article)
    return verb, plain(content, rules)


def _without_that(verb: str, content: str, rules: SummaryRules) -> str:
    """The content without the "that" a verb does not need ("said that the ..." -> "said
    the ..."; never before a quotation: 'said that "..."' keeps it)."""
    if verb in rules.that_optional:
        return re.sub(r"^that (?=\w)", "", content)
    return content


def opening(party: str, verb: str, content: str, rules: SummaryRules, article: Article) -> str:
    """The item's first clause: "<Party> <verb> <content>", "According to <party>, <content>",
    or the content alone where it opens with the party's name."""
    content = _without_that(verb, content, rules)
    if verb == "according to":
        return f"According to {party}, {lower_first(content, rules, article.lower)}"
    if verb == NAMES_ITSELF and _names(content, party):
        return capitalize(content)
    return f"{capitalize(party)} {verb} {content}".replace("  ", " ")


def item_text(
    party: str,
    claims: list[Claim],
    cues: EnglishLexicon,
    rules: SummaryRules,
    article: Article = Article(),
    most: int | None = None,
) -> str:
    """One summary item for a party's claims (one claim, or two joined with "and"), of at most
    `most` words (default: the rules' `max_words`)."""
    overhead = len(party.split()) + 3  # the party, the verb, "According to"
    budget = max(8, rules.target_words - overhead)
    limit = max(10, (most or rules.max_words) - overhead)
    share = budget if len(claims) == 1 else max(8, budget * 2 // 3)
    clauses = [clause(c, cues, rules, share, limit // len(claims), article) for c in claims]
    verb, content = clauses[0]
    if claims[0].voice == "outlet" and verb != NAMES_ITSELF:
        body = "; ".join(lower_first(content, rules, article.lower) for _, content in clauses)
        return _end(f"According to {party}, {body}")
    text = opening(party, verb, content, rules, article).strip()
    for verb, content in clauses[1:]:
        text = re.sub(r"\.([”\"»])$", r"\1", text)  # 'control of the base." and said'
        if verb == NAMES_ITSELF and _names(content, party):
            text += f"; {content}"  # a sentence of its own, naming the party again
        elif verb == clauses[0][0] and content.startswith("that "):
            text += f" and {content}"  # "demanded that X ... and that Y ...": the verb once
        elif clauses[0][0] == "according to" and claims[0].construction in _ACCOUNTS:
            # "According to X, 14 killed; the X announced ..." (not "…, 14 killed and announced")
            again = opening(party, verb, content, rules, article)
            text += f"; {re.sub(r'^(The|An?) ', lambda m: m.group(1).lower() + ' ', again)}"
        else:
            if verb == "according to":  # "... and said that the convoy ...", lower-cased
                verb, content = "said that", lower_first(content, rules, article.lower)
            text += f" and {verb} {_without_that(verb, content, rules)}"
    return _end(re.sub(r"\s+([:,;])", r"\1", re.sub(r"\s{2,}", " ", text)))


def _end(text: str) -> str:
    """A full stop, unless the text ends with the "…" of a cut."""
    if text.endswith("…") or re.search(r"[.!?…][”\"»]$", text):
        return text  # the cut's "…", or a quotation that ends the sentence: 'killed 37."'
    return f"{text}."
