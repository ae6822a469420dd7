"""Claims and loaded terms from the attribution's findings and the parties' English names."""

from __future__ import annotations

from collections.abc import Sequence

from ..lang.arabic import tokenize
from ..lang.commentary import is_commentary
from ..lang.loaded import arabic_matches, article_lexicon, english_matches, quote_loaded
from ..lang.quotes import inside, outermost, quote_spans
from ..model import Attribution, Attributions, Claim, ClaimKind, LoadedTerm, Party, Sentence

OUTLET = "the outlet"  # stands in for the outlet's name when the article never gives it


def quotations(text: str) -> tuple[str, ...]:
    """The quotations of two words or more in `text`, verbatim, without their marks."""
    return tuple(
        quote
        for start, end in outermost(quote_spans(text))
        if len((quote := text[start + 1 : end - 1]).split()) >= 2
    )


def build_claim(
    index: int,
    sentence: Sentence,
    attribution: Attribution,
    parties: dict[str, Party],
    names: dict[str, str],
    outlet: str,
) -> Claim:
    """The claim of one body sentence. `names` maps a party's key to its English name."""
    text = sentence.translation
    quotes = quotations(text)
    if attribution.party is None:
        kind: ClaimKind = "commentary" if is_commentary(sentence.source, text) else "event"
        return Claim(index, (sentence.id,), "outlet", outlet, None, None, kind, text, quotes)
    party = parties[attribution.party]
    # a continuation names no one: its party as most fully named (not its latest short form)
    source = attribution.span or max(party.spans, key=len)

    def name(key: str | None) -> str | None:
        if key is None:
            return None
        # a name is never rewritten
        return quote_loaded(names.get(key, max(parties[key].spans, key=len)))

    return Claim(
        index,
        (sentence.id,),
        "attributed",
        quote_loaded(names.get(party.key, source)),
        source,
        attribution.cue,
        attribution.kind,
        text,
        quotes,
        via=name(attribution.via),
        also=name(attribution.also),
        construction=attribution.construction,
        cue_offsets=attribution.cue_offsets,
        party_offsets=attribution.span_offsets,
    )


def loaded_terms(
    sentences: Sequence[Sentence], used_by: dict[int, str], outlet: str
) -> list[LoadedTerm]:
    """Loaded words in the translation (English) and the source (Arabic), with who used them."""
    found = []
    lexicon = article_lexicon([s.translation for s in sentences if s.kind != "boilerplate"])
    for sentence in sentences:
        if sentence.kind == "boilerplate":
            continue
        who = used_by.get(sentence.id, outlet)
        spans = quote_spans(sentence.translation)
        for start, end, _ in english_matches(sentence.translation, lexicon):
            term = sentence.translation[start:end]
            found.append(LoadedTerm(term, sentence.id, who, inside(start, spans)))
        if sentence.source != sentence.translation:
            source_spans = quote_spans(sentence.source)
            for start, end in arabic_matches(tokenize(sentence.source)):
                term = sentence.source[start:end]
                found.append(LoadedTerm(term, sentence.id, who, inside(start, source_spans)))
    return found


def claims_of(
    body: Sequence[Sentence], attributions: Attributions, names: dict[str, str], outlet: str
) -> list[Claim]:
    """One claim per body sentence, in order."""
    parties = {p.key: p for p in attributions.parties}
    return [
        build_claim(i, s, a, parties, names, outlet)
        for i, (s, a) in enumerate(zip(body, attributions.sentences, strict=True))
    ]
