"""Claims, loaded terms and the neutral summary of a translated document."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .arabic import fold, tokenize
from .attribution import Attribution, ClaimKind, Entity, Voice, attribute
from .document import Document, Sentence
from .lexicon import Lexicon, load_lexicon

Translate = Callable[[list[str]], list[str]]  # Arabic spans -> English, in order

MIN_ITEMS, MAX_ITEMS = 4, 8
REPORT = "the report"  # the outlet's name when it cannot be found
_KIND_WEIGHT = {
    "accusation": 2.0,
    "demand": 2.0,
    "denial": 2.0,
    "threat": 1.8,
    "report": 1.6,
    "statement": 1.2,
    "event": 1.2,
    "assessment": 0.6,
}
_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"|”[^”]*”")
_ALLOWED_VERBS = {
    "said",
    "stated",
    "accused",
    "denied",
    "reported",
    "called for",
    "called on",
    "demanded",
    "warned",
    "threatened",
    "announced",
    "added",
    "noted",
    "described",
    "asked",
    "criticised",
    "criticized",
    "urged",
    "condemned",
    "rejected",
}
_EN_FUNCTION = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "and",
    "for",
    "that",
    "with",
    "by",
    "from",
    "its",
    "it",
    "is",
    "was",
    "be",
    "as",
    "this",
    "these",
}


@dataclass(frozen=True)
class Claim:
    """What one body sentence asserts, and on whose authority."""

    id: int  # position in the claims list
    sentence_ids: tuple[int, ...]  # the sentences it rests on
    voice: Voice  # attributed (a party said it) or outlet (the article's own voice)
    party: str  # neutral English name of the party; the outlet's name for outlet voice
    party_source: str | None  # the span naming the party in the source text (null for outlet)
    cue: str | None  # reporting verb or phrase as written in the source
    kind: ClaimKind  # statement, accusation, demand, denial, threat, report, assessment, event
    text: str  # the English sentence
    quotes: tuple[str, ...]  # quotations in the English text, verbatim


@dataclass(frozen=True)
class SummaryItem:
    """One line of the summary."""

    text: str  # one sentence naming its party, neutral wording
    party: str  # whose claim it reports
    claim_ids: tuple[int, ...]  # claims it rests on
    sentence_ids: tuple[int, ...]  # sentences those claims rest on
    origin: str = "rules"  # who wrote it: "rules", or "llm" (then it passed the verifier)


@dataclass(frozen=True)
class LoadedTerm:
    """A loaded word found in the article."""

    term: str  # as written (English in translations, Arabic in the source)
    sentence_id: int  # where
    used_by: str  # the party whose words they are, or the outlet's name
    in_quotes: bool  # inside quotation marks in that sentence


@dataclass(frozen=True)
class Analysis:
    """Who said what, and the summary."""

    outlet: str | None  # the outlet's name when found (boilerplate, copyright line)
    claims: tuple[Claim, ...]
    summary: tuple[SummaryItem, ...]
    loaded_terms: tuple[LoadedTerm, ...]


# --- text helpers ------------------------------------------------------------------------------


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations (with their marks)."""
    return [m.span() for m in _QUOTED.finditer(text)]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def loaded_matches(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, neutral) of English loaded terms, longest first, not overlapping."""
    found: list[tuple[int, int, str]] = []
    for term, neutral in lex.loaded_en:
        for match in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, re.IGNORECASE):
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), neutral))
    return sorted(found)


def _rewrite_loaded(text: str, lex: Lexicon, rewrite: Callable[[str, str], str]) -> str:
    """`text` with each loaded word outside quotations replaced by rewrite(word, neutral)."""
    spans = quoted_spans(text)
    out, last = [], 0
    for start, end, neutral in loaded_matches(text, lex):
        if _inside(start, spans):
            continue
        out.append(text[last:start])
        out.append(rewrite(text[start:end], neutral))
        last = end
    out.append(text[last:])
    return "".join(out)


def neutralize(text: str, lex: Lexicon | None = None) -> str:
    """The outlet's voice: loaded words outside quotations replaced by neutral wording."""
    rewritten = _rewrite_loaded(text, lex or load_lexicon(), lambda _, neutral: neutral)
    return re.sub(r"\s{2,}", " ", rewritten).replace(" ,", ",").strip()


def quote_loaded(text: str, lex: Lexicon | None = None) -> str:
    """A party's words: loaded words outside quotations are quoted, as that party's wording."""
    return _rewrite_loaded(text, lex or load_lexicon(), lambda word, _: f"“{word}”")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _content_words(text: str) -> set[str]:
    """Content words of English or Arabic text (Arabic folded, without the article)."""
    words = set()
    for token in tokenize(text):
        word = token.norm
        if len(word) < 3 or not word.isalpha() or word in _EN_FUNCTION:
            continue
        words.add(word[2:] if word.startswith("ال") and len(word) > 4 else word)
    return words


# --- outlet, names ----------------------------------------------------------------------------


def find_outlet(sentences: Sequence[Sentence], lex: Lexicon) -> str | None:
    """The outlet's name as written in its boilerplate (subscribe line, copyright line)."""
    for sentence in sentences:
        if sentence.kind != "boilerplate":
            continue
        for pattern in lex.outlet_patterns:
            match = pattern.search(sentence.source)
            if match and match.group(1).strip():
                return match.group(1).strip(" .،")
    return None


_DATELINE = re.compile(r"^[^()\n]{0,40}?\(([^)]{1,30})\)\s*[-–—]")


def dateline_agency(sentences: Sequence[Sentence], lex: Lexicon) -> str | None:
    """A news agency named in the first sentence's dateline ("دمشق - (رويترز) -"), in English."""
    first = next((s for s in sentences if s.kind == "body"), None)
    match = _DATELINE.match(first.source) if first is not None else None
    return lex.dateline_agencies.get(fold(match.group(1)).strip()) if match else None


def _english_names(
    entities: list[Entity], outlet: str | None, language: str, translate: Translate | None
) -> tuple[dict[str, str], str | None]:
    """English names for parties the gazetteer does not know, and for the outlet."""
    names = {e.key: e.name for e in entities if e.name}
    missing = [e for e in entities if not e.name]
    spans = [max(e.spans, key=len) for e in missing]
    if outlet is not None:
        spans.append(outlet)
    wanted = language == "ar" and translate is not None and spans
    english = translate(spans) if wanted and translate is not None else spans
    for entity, name in zip(missing, english, strict=False):
        names[entity.key] = name.strip(" .") or max(entity.spans, key=len)
    outlet_name = english[-1].strip(" .") if outlet is not None and english else None
    return names, outlet_name


# --- summary -----------------------------------------------------------------------------------


def _content_after_cue(text: str, cue: str | None, lex: Lexicon) -> tuple[str, str] | None:
    """(verb, rest) when the English sentence reads "<party> <cue> <rest>"."""
    verbs = sorted(lex.en_verbs, key=len, reverse=True)
    match = re.search(r"\b(" + "|".join(map(re.escape, verbs)) + r")\b", text, re.IGNORECASE)
    if not match or match.start() > 0.6 * len(text):
        return None
    verb = match.group(1).lower()
    rest = text[match.end() :].strip()
    if verb not in _ALLOWED_VERBS:
        verb = "said"
        rest = re.sub(r"^(out|that)\b\s*", lambda m: "that " if m.group(1) == "that" else "", rest)
    return verb, rest.rstrip(" .")


def _clause(claim: Claim, lex: Lexicon) -> tuple[str, str]:
    """(verb phrase, content) of one claim, in neutral wording."""
    if claim.voice == "outlet":
        text = re.sub(
            r"^(in contrast|however|meanwhile|on the other hand|in turn),\s*",
            "",
            claim.text,
            flags=re.IGNORECASE,
        )
        return "reported", neutralize(text, lex).rstrip(" .")
    according = re.search(r"\baccording to [^,]+,\s*(.+)$", claim.text, re.IGNORECASE)
    if according and according.start() < 0.5 * len(claim.text):
        return "according to", quote_loaded(according.group(1).rstrip(" ."), lex)
    found = _content_after_cue(claim.text, claim.cue, lex)
    if found:
        verb, rest = found
        return verb, quote_loaded(rest, lex)
    verb = lex.neutral_verbs.get(claim.kind, "said")
    return verb, f"“{claim.text.rstrip(' .')}”"


def _item_text(party: str, claims: list[Claim], lex: Lexicon) -> str:
    clauses = [_clause(c, lex) for c in claims]
    if claims[0].voice == "outlet":
        body = "; ".join(_lower_first(content) for _, content in clauses)
        return f"According to {party}, {body}."
    if clauses[0][0] == "according to":
        first = f"According to {party}, {clauses[0][1]}"
    else:
        first = f"{_capitalize(party)} {clauses[0][0]} {clauses[0][1]}"
    rest = [
        f"{verb} {content}" if verb != "according to" else f"said that {content}"
        for verb, content in clauses[1:]
    ]
    text = " and ".join([first.strip(), *rest])
    return re.sub(r"\s+([:,;])", r"\1", text) + "."


def _lower_first(text: str) -> str:
    if (
        len(text) > 1
        and text[0].isupper()
        and not text[1].isupper()
        and not text.startswith(("I ", "US", "UN"))
    ):
        first = text.split(" ", 1)[0]
        if first.lower() in _EN_FUNCTION or first.lower() in {"violent", "since", "yesterday"}:
            return text[0].lower() + text[1:]
    return text


def _scores(claims: Sequence[Claim], headline: str, sources: Sequence[str] | None) -> list[float]:
    heading_words = _content_words(headline)
    words = [_content_words(text) for text in (sources or [c.text for c in claims])]
    scores = []
    for rank, claim in enumerate(claims):
        lead = 3.0 / (1 + rank)
        kind = _KIND_WEIGHT.get(claim.kind, 1.0)
        repeated = sum(len(words[rank] & other) for k, other in enumerate(words) if k != rank)
        echo = len(words[rank] & heading_words)
        numbers = 0.5 if re.search(r"\d", claim.text) else 0.0
        quotes = 0.3 if claim.quotes else 0.0
        scores.append(lead + kind + 0.05 * repeated + 0.3 * echo + numbers + quotes)
    return scores


def summarize_claims(
    claims: Sequence[Claim],
    headline: str = "",
    lexicon: Lexicon | None = None,
    sources: Sequence[str] | None = None,
) -> list[SummaryItem]:
    """4 to 8 items, most important first; every party's main claim is in.

    Importance: the lead, the kind of claim, words shared with other claims and with the
    headline and sub-headings, numbers, quotations. Word features read `sources` (each claim's
    source text) when given, so they do not depend on the translation.

    A party's claim from the sentence right after another of its claims may join that item
    ("... and accused ..."), so related statements read as one.
    """
    lex = lexicon or load_lexicon()
    if not claims:
        return []
    scores = _scores(claims, headline, sources)
    order = sorted(range(len(claims)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    for index in order:  # the best claim of each party first: every side is heard
        if claims[index].party not in {claims[c].party for c in chosen}:
            chosen.append(index)
    chosen += [i for i in order if i not in chosen]
    groups: list[list[int]] = []
    placed: set[int] = set()
    for index in chosen:
        if index in placed:
            continue
        group = [index]
        partner = next(
            (
                j
                for j in (index + 1, index - 1)
                if 0 <= j < len(claims)
                and j not in placed
                and claims[j].party == claims[index].party
                and claims[j].voice == claims[index].voice
            ),
            None,
        )
        if partner is not None and len(groups) + 1 >= MIN_ITEMS:
            group = sorted([index, partner])
        placed.update(group)
        groups.append(group)
        if len(groups) == MAX_ITEMS:
            break
    items = []
    for group in groups:
        members = [claims[i] for i in group]
        items.append(
            SummaryItem(
                text=_item_text(members[0].party, members, lex),
                party=members[0].party,
                claim_ids=tuple(c.id for c in members),
                sentence_ids=tuple(s for c in members for s in c.sentence_ids),
            )
        )
    return items


# --- the whole analysis ------------------------------------------------------------------------


def _loaded_terms(
    sentences: Sequence[Sentence], used_by: dict[int, str], outlet: str, lex: Lexicon
) -> list[LoadedTerm]:
    found = []
    for sentence in sentences:
        if sentence.kind == "boilerplate":
            continue
        who = used_by.get(sentence.id, outlet)
        spans = quoted_spans(sentence.translation)
        for start, end, _ in loaded_matches(sentence.translation, lex):
            found.append(
                LoadedTerm(sentence.translation[start:end], sentence.id, who, _inside(start, spans))
            )
        if sentence.source != sentence.translation:
            found += _loaded_arabic(sentence, who, lex)
    return found


def _loaded_arabic(sentence: Sentence, who: str, lex: Lexicon) -> list[LoadedTerm]:
    tokens = tokenize(sentence.source)
    spans = quoted_spans(sentence.source)
    found = []
    for index in range(len(tokens)):
        for term, _ in lex.loaded_ar:
            size = len(term)
            window = [t.norm for t in tokens[index : index + size]]
            if (
                len(window) == size
                and term[0] in _ar_forms(window[0])
                and list(term[1:]) == window[1:]
            ):
                start, end = tokens[index].start, tokens[index + size - 1].end
                found.append(
                    LoadedTerm(sentence.source[start:end], sentence.id, who, _inside(start, spans))
                )
                break
    return found


def _ar_forms(norm: str) -> set[str]:
    forms = {norm}
    for prefix in ("و", "ف", "ب", "ل", "ك", "لل", "وال", "بال", "لل"):
        if norm.startswith(prefix) and len(norm) > len(prefix) + 1:
            forms.add(norm[len(prefix) :])
            forms.add("ال" + norm[len(prefix) :])
    return forms | {fold(f) for f in forms}


def analyze(
    document: Document, translate: Translate | None = None, lexicon: Lexicon | None = None
) -> Document:
    """Attribute every body sentence, find loaded terms, and write the summary.

    `translate` turns Arabic spans (party names the gazetteer lacks, the outlet's name) into
    English; without it they stay in Arabic.
    """
    lex = lexicon or load_lexicon()
    body = [s for s in document.sentences if s.kind == "body"]
    attributions, discourse = attribute(
        [s.source for s in body], document.source_language, lex, [s.translation for s in body]
    )
    raw_outlet = find_outlet(document.sentences, lex)
    agency = dateline_agency(document.sentences, lex) if raw_outlet is None else None
    names, outlet_name = _english_names(
        discourse.entities, raw_outlet, document.source_language, translate
    )
    outlet_name = outlet_name or agency
    outlet = outlet_name or REPORT
    claims = [
        _claim(i, s, a, names, outlet, lex)
        for i, (s, a) in enumerate(zip(body, attributions, strict=True))
    ]
    used_by = {c.sentence_ids[0]: c.party for c in claims if c.voice == "attributed"}
    headline = " ".join(s.source for s in document.sentences if s.kind in {"headline", "heading"})
    analysis = Analysis(
        outlet=outlet_name,
        claims=tuple(claims),
        summary=tuple(summarize_claims(claims, headline, lex, [s.source for s in body])),
        loaded_terms=tuple(_loaded_terms(document.sentences, used_by, outlet, lex)),
    )
    return replace(document, analysis=analysis, models={**document.models, "summarizer": "rules"})


def _claim(
    index: int,
    sentence: Sentence,
    attribution: Attribution,
    names: dict[str, str],
    outlet: str,
    lex: Lexicon,
) -> Claim:
    text = sentence.translation
    quotes = tuple(q for s, e in quoted_spans(text) if len((q := text[s + 1 : e - 1]).split()) >= 2)
    if attribution.entity is None:
        return Claim(index, (sentence.id,), "outlet", outlet, None, None, "event", text, quotes)
    entity = attribution.entity
    source = attribution.span or entity.spans[-1]
    party = neutralize(names.get(entity.key, source), lex)
    return Claim(
        index,
        (sentence.id,),
        "attributed",
        party,
        source,
        attribution.cue,
        attribution.kind,
        text,
        quotes,
    )
