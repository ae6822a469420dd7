"""English relays and impersonal sourcing: "X quoted Y as saying", "X said, citing Y, that",
"Y was quoted by X as saying" (Y speaks, X relays), "It was reported that" (the outlet)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..lang.gazetteer import match_english
from .discourse import OUTLET, Entity, Range, Reading
from .english_spans import EnglishSpans
from .lexicon_en import EnglishCue


class EnglishRelays(EnglishSpans):
    """Who speaks through whom in an English sentence; who issued its documents."""

    def _relay(
        self, match: re.Match[str], cue: EnglishCue, conduit: Entity | None
    ) -> Reading | None:
        """ "X quoted Y as saying": Y speaks, X relays."""
        if cue.lemma not in self.lex.relay_lemmas:
            return None
        rest = self.text[match.end() :]
        for marker in self.lex.relay_markers:
            at = rest.lower().find(f" {marker}")
            if 0 < at < 160:
                comma = rest.find(",", 0, at)
                begin, stop, _ = self.owner(match.end(), match.end() + (comma if comma > 0 else at))
                span = self._trim(begin, stop)
                if span is None:
                    return None
                entity = self.entity_for(self._issuer_name(span))
                reading = self._said(
                    entity, span, (match.start(), match.end()), "statement", "relay"
                )
                return replace(reading, via=conduit)
        return None

    def _relayed_after(self, reading: Reading, after: int) -> Reading:
        """ "X said, citing Y, that ...": Y speaks, X relays."""
        low = self.text.lower()
        for phrase in self.lex.relaying:
            at = low.find(phrase + " ", after)
            if at < 0 or self._quoted(at):
                continue
            start = at + len(phrase) + 1
            stop = min(
                (i for i in (low.find(",", start), low.find(" that ", start)) if i > 0),
                default=len(low),
            )
            span = self._trim(start, stop)
            if span is None or not self._a_source(self.text[span[0] : span[1]]):
                continue  # "citing security reasons": what is cited, not who
            inner = self.entity_for(self.text[span[0] : span[1]])
            if inner is None or inner is reading.entity:
                return reading
            self.discourse.said(inner, None)
            return replace(
                reading,
                entity=inner,
                span=self.text[span[0] : span[1]],
                span_range=span,
                construction="relay",
                via=reading.entity,
            )
        return reading

    def _impersonal(self, match: re.Match[str]) -> Reading:
        """ "It was reported that": the outlet; "It was whispered in banking circles that": them."""
        rest = self.text[match.end() :]
        found = re.match(r"\s+(in|among|within)\s+(.{3,60}?)\s+that\b", rest)
        if (
            found
            and found.group(1).lower() in self.lex.impersonal_sources
            and not set(found.group(2).lower().split()) & self.lex.time_words
            and found.group(2).rstrip().endswith(("s", "men", "people"))  # residents: a group
        ):
            start = match.end() + found.start(2)
            span = (start, start + len(found.group(2)))
            entity = self.entity_for(found.group(2))
            return self._said(entity, span, (match.start(), match.end()), "report", "impersonal")
        return OUTLET

    def _issuer_of(self, document: str | None) -> Entity | None:
        """Who issued the document ("the statement": the latest speaker when none was named;
        "the report": None until its author is named, then the report is its own source)."""
        if document is None:
            return None
        return self.discourse.issuer(document, document in self.lex.speaker_documents)

    def _issuer_name(self, span: Range) -> str:
        """The words of a span; a bare noun ("ministry" of "a ministry statement") with its
        article, for matching "the ministry" named before."""
        words = self.text[span[0] : span[1]]
        return words if " " in words or words[:1].isupper() else f"the {words}"

    def _quoted_by(self, match: re.Match[str], cue: EnglishCue) -> tuple[Entity | None] | None:
        """For a passive relay ("X was quoted by state television as saying"), the conduit
        (None when not named: "X was quoted as saying"), in a tuple; None when it is none."""
        if cue.lemma not in self.lex.relay_lemmas:
            return None
        markers = "|".join(re.escape(m) for m in self.lex.relay_markers)
        found = re.match(
            rf"\s+(?:by\s+(?P<by>[^,]{{2,80}}?)\s+)?(?:{markers})\b", self.text[match.end() :], re.I
        )
        if found is None:
            return None
        by = found.group("by")
        return (self.entity_for(by) if by else None,)

    def _citing_aside(self, match: re.Match[str]) -> bool:
        """True for "citing"/"quoting" in an aside after the subject ("A local radio, citing the
        police, reported"): not the sentence's verb; the relay is read after it."""
        word = match.group(0).lower()
        return word in self.lex.relaying and self.text[: match.start()].rstrip().endswith(",")

    def _a_source(self, words: str) -> bool:
        """True when `words` can name who speaks: a gazetteer party, a title, an institution,
        sources or witnesses, or a capitalised name."""
        return bool(
            match_english(words, self.discourse.gazetteer)
            or self.lex.person_titles.search(words)
            or self.lex.institutions.search(words)
            or re.search(r"\b(?:sources?|witnesses|residents|activists|officials?)\b", words, re.I)
            or re.search(r"\b[A-Z]", re.sub(r"^(?:The|An?)\s+", "", words))
        )

    def _issuing_subject(self, document: int) -> Entity | None:
        """The subject of "X issued/released/published a statement" (the document at
        `document`): X issued it, so "according to the statement" later is X's."""
        found = re.search(
            r"^(?P<who>[^,]{3,80}?)\s+(?:has |had |have )?(?:issued|released|published|put out)"
            r"\s+(?:(?:an?|its|their|the)\s+)?(?:\w+\s+)?$",
            self.text[self.start : document],
            re.I,
        )
        return self.entity_for(found.group("who")) if found else None
