"""The English reader: whose claim an English sentence is, by the same constructions.

Used for English input (--source-lang en) and, for Arabic input, as a second signal on the
translation (engine.py keeps its reading only when it names a gazetteer party). In order:
statement continuations ("The statement added"), a topic ("As for X, it ..."), a quotation
first ("“...,” said X"), a subject and its reporting verb ("X, who ..., said"; pronouns agree),
relays ("X quoted Y as saying", "citing Y"), impersonal sourcing ("It was reported that"),
according-to phrases ("according to the statement": its issuer), participles (", saying that").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .discourse import OUTLET, PARTICIPLE_KINDS, Entity, Range, Reading
from .english_relays import EnglishRelays
from .lexicon_en import EnglishCue

_OPENING_QUOTES = '“«"„‹'
# "The voices of X complaining/demanding ...": X speaks
_VOICES = re.compile(
    r"(?:the |growing |louder )*voices of (?P<who>[\w' -]{2,60}?) (?=\w+ing\b)", re.I
)


@lru_cache(maxsize=4)
def _issued(documents: frozenset[str]) -> re.Pattern[str]:
    """A document and who issued it: "the report issued today by X", "in a (brief) statement"
    (the speaker's own)."""
    names = "|".join(sorted(map(re.escape, documents), key=len, reverse=True))
    return re.compile(
        rf"(?P<own>\bin (?:a|an|its|his|her|their) (?:\w+ )??)?(?:(?:an?|the) (?:\w+ )??)?"
        rf"\b(?P<doc>{names})\b"
        r"(?: (?:issued|published|released|prepared|compiled)(?: \w+){0,3}? by (?P<by>\S))?",
        re.IGNORECASE,
    )


_RELATIVES = frozenset({"which", "who", "whose", "whom"})  # open an aside about the subject


def _in_aside(before: str) -> bool:
    """True when the text before a cue ends in an aside about the subject (", which ...")."""
    aside = before.rsplit(",", 1)[-1].split() if "," in before else []
    return bool(aside) and aside[0].lower() in _RELATIVES


class EnglishReader(EnglishRelays):
    """Attribution of one English sentence against the discourse so far."""

    # --- parties ---------------------------------------------------------------------------

    # --- spans -------------------------------------------------------------------------------

    # --- constructions -------------------------------------------------------------------------

    def _subject_verb(self, clause: int, topic: Entity | None = None) -> Reading | None:
        """The first reporting verb with its subject before it (a pronoun under a topic, "As
        for X, it said", is the topic)."""
        for match, cue in self._cues(clause):
            end, passive, negated = self._strip_auxiliaries(clause, match.start())
            if negated or not self._cue_ok(match, cue) or self._citing_aside(match):
                continue
            before = self.text[clause:end].strip()
            if _in_aside(self.text[clause : match.start()].strip()):
                continue  # "X, which rarely criticises Y, expressed ...": the cue of an aside
            if passive:
                relayed = self._passive(before, (clause, end), match, cue)
                if relayed is None:
                    continue  # "the results are to be announced": the thing announced
                return relayed
            cue_range = (match.start(), match.end())
            words = before.lower().split()
            if words and words[0] in self.lex.conjunctions:
                words = words[1:]
            if len(words) == 1 and words[0] in self.lex.pronouns:
                reading = self._pronoun(words[0], cue_range, cue.kind, topic)
                return self._relayed_after(reading, match.end())
            relative = self.lex.relative_pronoun.match(self._tail(clause, end))
            if relative:  # "MP X, ..., submitted a request, in which he considered that"
                head = self._noun_phrase(self._trim(*self._segments(clause, end)[0]))
                if head is not None:
                    return self._subject_reading(head, match, cue)
            head = self._framed_head(clause, end)
            if head is None:
                continue
            first = self.text[head[0] : head[1]].split()[0].lower()
            if first in self.lex.pronouns:  # "it hastened, ..., claiming"
                return self._pronoun(first, cue_range, cue.kind, topic)
            return self._subject_reading(head, match, cue)
        return None

    def _passive(
        self, before: str, subject: Range, match: re.Match[str], cue: EnglishCue
    ) -> Reading | None:
        """A passive cue: "It was reported that" (impersonal); "X was quoted by Y as saying"
        (X speaks, Y relays); None for anything else ("the results are to be announced")."""
        if before.lower() in {"it", ""}:
            return self._impersonal(match)
        conduit = self._quoted_by(match, cue)
        head = self._framed_head(*subject) if conduit is not None else None
        if conduit is None or head is None:
            return None
        entity = self.entity_for(self.text[head[0] : head[1]])
        reading = self._said(entity, head, (match.start(), match.end()), "statement", "relay")
        return replace(reading, via=conduit[0]) if reading.entity else reading

    def _framed_head(self, clause: int, end: int) -> Range | None:
        """The subject before a cue, without a framing verb and its speech noun ("Carlsson
        ended her briefing by warning": Carlsson)."""
        head = self._head(clause, end)
        framed = self.lex.framing.match(self.text[head[0] : head[1]]) if head else None
        return (head[0], head[0] + framed.end(1)) if head and framed else head

    def _subject_reading(self, head: Range, match: re.Match[str], cue: EnglishCue) -> Reading:
        """The reading for a subject before its verb: a document is its issuer's ("The
        statement held ..."), a correspondent the outlet's own reporting."""
        cue_range = (match.start(), match.end())
        words = self.text[head[0] : head[1]].lower().split()
        if any(w.strip("'’s") in self.lex.correspondents for w in words):
            return OUTLET  # "Al Mayadeen's correspondent reported": the outlet's reporting
        document = self._document(words)
        issuer = self._issuer_of(document)
        if issuer is not None:
            return self._said(issuer, None, cue_range, cue.kind, "according-to")
        by = _issued(self.lex.documents).match(self.text, head[0])
        if by and by.group("by") and by.start("by") < head[1]:
            head = (by.start("by"), head[1])  # "A communiqué issued by X stated": X
        entity = self.entity_for(self.text[head[0] : head[1]])
        relayed = self._relay(match, cue, entity)
        if relayed is not None:
            return relayed
        reading = self._said(entity, head, cue_range, cue.kind, "subject-verb")
        medium = self.lex.media_words.search(self.text[head[0] : head[1]])
        # "A local radio, citing the police, reported": the police; a party citing witnesses
        # before its verb makes the report its own
        return self._relayed_after(reading, head[1] if medium else match.end())

    def _topic(self, clause: int) -> tuple[int, Entity | None, Range | None]:
        """ "As for X, it justified ...": X is the topic; returns where the clause goes on."""
        found = re.match(r"(?:as for|as regards|regarding|turning to)\s+", self.text[clause:], re.I)
        if not found:
            return clause, None, None
        start = clause + found.end()
        comma = self.text.find(",", start)
        if comma < 0:
            return clause, None, None
        span = self._trim(start, comma)
        if span is None:
            return clause, None, None
        return comma + 1, self.entity_for(self.text[span[0] : span[1]]), span

    def _quote_first(self, clause: int) -> Reading | None:
        """ "“...,” said X" / "“...,” X said": the speaker after the quotation; a quotation alone
        goes on from the last speaker."""
        if clause >= len(self.text) or self.text[clause] not in _OPENING_QUOTES:
            return None
        closing = next((e for s, e in self.quotes if s == clause), None)
        if closing is None:
            return self._said(
                self.discourse.recent_speaker(None), None, None, "statement", "continuation"
            )
        for match, cue in self._cues(closing):
            between = self.text[closing : match.start()].strip(" ,")
            cue_range = (match.start(), match.end())
            if between.lower() in self.lex.pronouns:
                return self._pronoun(between.lower(), cue_range, cue.kind)
            if between:
                head = self._head(closing, match.start())
            else:  # "“...,” said the minister."
                stop = min(
                    (
                        i
                        for i in (
                            self.text.find(",", match.end()),
                            self.text.find(".", match.end()),
                        )
                        if i > 0
                    ),
                    default=len(self.text),
                )
                head = self._trim(match.end(), stop)
            if head is not None:
                entity = self.entity_for(self.text[head[0] : head[1]])
                return self._said(entity, head, cue_range, cue.kind, "quote-inverted")
            break
        return self._said(
            self.discourse.recent_speaker(None), None, None, "statement", "continuation"
        )

    def _according(self, start: int) -> Reading | None:
        """ "according to X" (a document: its issuer; "what was said after the board's
        session": the board; "what X has learned": the outlet's own reporting)."""
        low = self.text.lower()
        for phrase in self.lex.according:
            at = low.find(phrase + " ", start)
            if at < 0 or self._quoted(at) or (at > 0 and low[at - 1].isalnum()):
                continue
            begin = at + len(phrase) + 1
            reading = self._according_span(begin, self._stop(begin), (at, at + len(phrase)))
            if reading is not None:
                return reading
        return None

    def _according_span(self, begin: int, stop: int, cue: Range) -> Reading | None:
        text = self.text[begin:stop]
        if re.match(r"what .{1,40} (has|have|had) learned", text, re.I):
            return OUTLET  # "according to what the Gazette has found out": its own reporting
        announced = re.match(
            r"what (?:was|had been|has been|were) \w+ (?:at|in|during|after|by)\s+"
            r"(?:the (?:end|close|conclusion|opening) of\s+)?(?:the |a |an )?",
            text,
            re.I,
        )
        if announced:
            begin += announced.end()
            of = re.search(
                r"\b(?:meeting|session|conference|summit) (?:of|(?:held|organised|organized|"
                r"chaired|convened) by) (?:the )?",
                self.text[begin:stop],
            )
            if of:  # "the weekly meeting of the Council of Ministers"
                begin += of.end()
                joined = re.search(r"\s+(?:with|at|in|on|near)\s", self.text[begin:stop])
                stop = begin + joined.start() if joined else stop  # "held by X with Y at Z"
            text = re.sub(
                r"\s+(meeting|session|conference|summit|talks)\b.*$",
                "",
                self.text[begin:stop],
                flags=re.I,
            )
            stop = begin + len(text)
        begin, stop, owned = self.owner(begin, stop)
        if owned is not None:
            issuer_span = self._trim(begin, stop)
            if issuer_span is not None:
                entity = self.entity_for(self._issuer_name(issuer_span))
                return self._said(entity, issuer_span, cue, "report", "according-to")
        text = self.text[begin:stop]
        words = text.lower().split()
        document = next((w for w in words[:3] if w.strip(".,") in self.lex.documents), None)
        if document is not None:
            by = re.search(r"\b(?:issued by|published by|released by|by|of)\s+(.+)$", text, re.I)
            if by:
                begin, stop = begin + by.start(1), stop
            elif len(words) <= 4 or all(
                w in self.lex.same | {"the", "a", "an", document} for w in words
            ):
                issuer = self._issuer_of(document.strip(".,"))
                if issuer is not None:  # else the document itself is the source
                    return self._said(issuer, None, cue, "report", "according-to")
        span = self._trim(begin, stop)
        if span is None:
            return None
        entity = self.entity_for(self.text[span[0] : span[1]])
        return self._said(entity, span, cue, "report", "according-to")

    def _continued(self, clause: int) -> Reading | None:
        low = self.text[clause:].lower()
        for phrase in self.lex.continuation:
            if low.startswith(phrase):
                document = phrase.split()[1] if phrase.startswith("the ") else None
                entity = (
                    self.discourse.issuer(document)
                    if document
                    else (self.discourse.recent_speaker(None))
                )
                cue = (clause, clause + len(phrase))
                return self._said(entity, None, cue, "statement", "continuation")
        return None

    def _participle(self, clause: int) -> Reading | None:
        """ "X did ..., saying that": a participle after a comma belongs to the opening subject."""
        for match, cue in self._cues(clause):
            if cue.tense != "gerund" or self.text[: match.start()].rstrip()[-1:] != ",":
                continue
            head = self._head(clause, match.start())
            if head is None:
                return None
            words = self.text[head[0] : head[1]].split()
            if len(words) > 6:
                return None
            entity = self.entity_for(self.text[head[0] : head[1]])
            return self._said(entity, head, (match.start(), match.end()), cue.kind, "participle")
        return None

    def read(self) -> Reading:
        """The sentence's speaker, cue, kind and evidence (OUTLET when it names none); the
        documents it names are noted with their issuers, for later anaphors."""
        reading = self._read()
        self._documents(reading.entity)
        return self._stronger_kind(reading)

    def _stronger_kind(self, reading: Reading) -> Reading:
        """ "X added that ..., denying ...": a circumstantial participle after the cue's clause
        that accuses, denies, demands or threatens gives the claim its kind."""
        if reading.entity is None or reading.cue_range is None or reading.kind != "statement":
            return reading
        for match, cue in self._cues(reading.cue_range[1]):
            if (
                cue.tense == "gerund"
                and cue.kind in PARTICIPLE_KINDS
                and self.text[: match.start()].rstrip()[-1:] == ","
            ):
                return replace(reading, kind=cue.kind)
        return reading

    def _documents(self, speaker: Entity | None) -> None:
        """ "the report issued today by X": X issued it; "said in a statement": the speaker."""
        for found in _issued(self.lex.documents).finditer(self.text):
            document = found.group("doc").lower()
            if self._quoted(found.start()):
                continue
            if found.group("by"):
                begin = found.start("by")
                verb = self.lex.pattern.search(self.text, begin)  # "... by X stated that"
                stop = min(self._stop(begin), verb.start() if verb else len(self.text))
                span = self._trim(begin, stop)
                issuer = self.entity_for(self.text[span[0] : span[1]]) if span else None
                if issuer is not None:
                    self.discourse.issued(document, issuer)
            elif speaker is not None and found.group("own"):
                self.discourse.issued(document, speaker)
            elif issuer := self._issuing_subject(found.start()):
                self.discourse.issued(document, issuer)  # "The ministry issued a statement"

    def _read(self) -> Reading:
        clause, topic, topic_span = self._topic(self.start)
        clause = self._leading(clause, len(self.text))
        continued = self._continued(clause)
        if continued is not None:
            return continued
        if topic is not None:
            found = self._subject_verb(clause)
            if found is not None and found.span is not None:
                return found  # "As for the company, a manager there said"
            return self._said(
                topic,
                topic_span,
                found.cue_range if found else None,
                found.kind if found else "statement",
                "topic",
            )
        rumour = self.lex.rumour.match(self.text, clause)
        if rumour:
            return self._impersonal(rumour)  # "Word spread among residents that": the residents
        if self.text[clause:].lower().startswith(self.lex.own_correspondent):
            self.discourse.reporter_spoke(None)  # "He added that ...": still the outlet
            return OUTLET
        return (
            self._quote_first(clause)
            or self._attributed_line(clause)
            or self._voices(clause)
            or self._subject_verb(clause)
            or self._according(self.start)
            or self._participle(clause)
            or OUTLET
        )

    def _voices(self, clause: int) -> Reading | None:
        """ "The voices of farmers demanding ...": the voices' owners speak."""
        found = _VOICES.match(self.text, clause)
        if found is None:
            return None
        span = self._trim(found.start("who"), found.end("who"))
        cue = self._cues(found.end("who"))
        if span is None or not cue or cue[0][0].start() != found.end("who") + 1:
            return None
        entity = self.entity_for(self.text[span[0] : span[1]])
        match, kind = cue[0][0], cue[0][1].kind
        return self._said(entity, span, (match.start(), match.end()), kind, "voices")
