"""The Arabic reader: whose claim a sentence is, by the constructions of ATTRIBUTION.md.

In order, after a dateline and leading phrases ("في المقابل،", "من جانبه،", "أما X فـ"):
statement continuations ("وجاء في البيان"), the pluperfect ("وكانت السفارة قد أعلنت"), verb-subject
("وقال المتحدث ..."), relays ("نقلت الوكالة عن مصدر قوله"), according-to phrases ("بحسب البيان",
"بحسب ما أعلن X"), subject-verb with parentheticals ("الرابطة، وهي ...، استنكرت"), a sentence
opening with a quotation ("«...»، قال X", or the last speaker going on), attributed lines
("X: ..."),
circumstantial participles ("..., مؤكداً أن"), impersonal sourcing ("تردد في X أن"). Each reading
records its construction and the offsets of its cue and speaker span.
"""

from __future__ import annotations

from dataclasses import replace

from ..lang.arabic import strip_prefix
from .arabic_clauses import ASIDES, ArabicClauses
from .arabic_sources import IMPERSONAL_LEMMAS
from .arabic_words import COMMAS, among, base, document_word, is_quote, phrase_at, skip_dateline
from .discourse import OUTLET, PARTICIPLE_KINDS, Entity, Reading
from .morphology import CueForm

_LOOKAHEAD = 30  # tokens searched for a cue after a subject


class ArabicReader(ArabicClauses):
    """Attribution of one Arabic sentence against the discourse so far."""

    # --- readings --------------------------------------------------------------------------

    # --- leading material --------------------------------------------------------------------

    def _lead(self, index: int) -> tuple[int, list[tuple[int, int]], Entity | None]:
        """Skip leading phrases without a cue ("في المقابل،", "أمس الجمعة،"); returns where the
        clause starts, the phrases skipped, and the topic they name ("من جانبه،" the party just
        named; "أما X فـ" X)."""
        tokens, lex = self.tokens, self.lex
        prefixes: list[tuple[int, int]] = []
        topic: Entity | None = None
        while index < len(tokens):
            lead = phrase_at(tokens, index, lex.anaphoric_leads)
            if lead:
                gender = {"ه": "m", "ها": "f", "هم": "p"}.get(
                    _suffix(tokens[index + lead - 1].norm)
                )
                topic = self.discourse.latest_mention(gender) or self.discourse.recent_speaker(
                    gender
                )
                if index + lead < len(tokens) and tokens[index + lead].text not in COMMAS:
                    prefixes.append((index, index + lead))  # "ومن جانبه قال": no comma
                    index += lead
                    continue
            comma = next(
                (k for k in range(index, min(len(tokens), index + 8)) if tokens[k].text in COMMAS),
                None,
            )
            if comma is None or comma == index:
                break
            segment = range(index, comma)
            if not lead and (
                not self._adverbial(index)
                or any(lex.cue(tokens[k], k == index) for k in segment)
                or any(phrase_at(tokens, k, lex.according) for k in segment)
                or any(tokens[k].norm == lex.topic for k in segment)
            ):
                break
            prefixes.append((index, comma))
            index = comma + 1
        return index, prefixes, topic

    def _topic(self, index: int) -> tuple[int, Entity | None]:
        """أما X فـ...: X is the topic; returns where the clause after فـ starts."""
        tokens = self.tokens
        if index >= len(tokens) or base(tokens[index].norm) != self.lex.topic:
            return index, None
        aside = False  # inside "، وهي مجموعة ...،" / "، الذي ...،" about X
        for k in range(index + 2, min(len(tokens), index + 26)):
            if tokens[k].text in COMMAS:
                aside = k + 1 < len(tokens) and tokens[k + 1].norm in ASIDES
                continue
            if k >= index + 14 and not aside and tokens[k - 1].text not in COMMAS:
                continue  # far from X, only a فـ right after its aside
            if aside or self.inside[k]:
                continue
            if tokens[k].norm.startswith("ف") and len(tokens[k].norm) > 2:
                end, _ = self.span_end(index + 1, k, after_verb=False)
                start, end = self.trim(index + 1, end)
                entity = self.entity_for(start, end) if start < end else None
                return k, entity
        return index, None

    # --- constructions -------------------------------------------------------------------------

    def _verb_subject(
        self,
        v: int,
        form: CueForm,
        continues: bool,
        topic: Entity | None,
        prefixes: list[tuple[int, int]],
        construction: str = "verb-subject",
    ) -> Reading:
        """قال المتحدث ... / وأضاف أن ...: the speaker follows the verb, or continues."""
        if not self._reports(v, form):
            return OUTLET
        if self._passive(v) or form.lemma in IMPERSONAL_LEMMAS:
            return self._impersonal(v, form)
        if form.lemma in self.lex.relay_lemmas:
            relay = self._relay(v, form)
            if relay is not None:
                return relay
        object_taking = form.kind in self.lex.object_taking
        subject = self._subject_start(v + 1)
        if subject is None:
            return OUTLET  # "وتكشف هذه المأساة": a thing, not a speaker
        end, reason = self.span_end(subject, len(self.tokens), object_taking)
        start, end = self.trim(subject, end)
        if start < end and reason in {"comma", "stop"}:
            end = self.apposition(end, start)
        if start < end and not self._is_object(start, end, reason, form, continues):
            if self._outlet_reporter(start, end):
                self.discourse.reporter_spoke(form.gender)  # "وأضاف" goes on in its voice
                return OUTLET
            if among(self.tokens[start].norm, self.lex.documents) and start + 1 < end:
                start = self._issuer(start, end)  # "أفاد بلاغ صادر عن عمالة الإقليم"
            entity = self.entity_for(start, end)
            if entity is not None:
                reading = self._reading(entity, (start, end), (v, v + 1), form, construction)
                return self._relayed_after(reading, end)
        from_prefix = self._prefix_party(prefixes)
        if from_prefix is not None:
            return self._reading(from_prefix, None, (v, v + 1), form, "topic")
        return self._continuation(form.gender, (v, v + 1), form.kind, form, topic)

    def _pluperfect(self, index: int, continues: bool, topic: Entity | None) -> Reading | None:
        """وكانت السفارة قد أعلنت / وكان قد أعلن الوزير: كان + subject + قد + verb."""
        tokens, lex = self.tokens, self.lex
        if index >= len(tokens) or not set(strip_prefix(tokens[index].norm, ("و", "ف"))) & (
            lex.auxiliaries
        ):
            return None
        if index + 1 < len(tokens) and tokens[index + 1].norm == lex.particle:
            form = lex.verb(tokens[index + 2], True) if index + 2 < len(tokens) else None
            if form is None:
                return OUTLET if index + 2 < len(tokens) and self._passive(index + 2) else None
            return self._verb_subject(index + 2, form, continues, topic, [], "pluperfect")
        for k in range(index + 1, min(len(tokens), index + 16)):
            if tokens[k].norm == lex.particle and k + 1 < len(tokens):
                form = lex.verb(tokens[k + 1], True)
                if form is None or not self._reports(k + 1, form):
                    return None
                start, end = self.trim(index + 1, self._subject_end(index + 1, k))
                entity = self.entity_for(start, end) if self.plausible(start, end) else None
                if entity is None:
                    return None
                relay = self.relay_after(k + 1, form, entity)
                if relay is not None:
                    return relay
                return self._reading(entity, (start, end), (k + 1, k + 2), form, "pluperfect")
        return None

    def _subject_verb(self, index: int, topic: Entity | None) -> Reading | None:
        """The first cue after a subject: الوزارة أكدت ... / X، ...، قال لـ«الوطن» إن ...; a
        cue with its own subject after it is a verb-subject clause further on."""
        tokens, lex = self.tokens, self.lex
        for v in range(index + 1, min(len(tokens), index + _LOOKAHEAD)):
            if self.inside[v]:
                continue
            form = lex.verb(tokens[v], tokens[v - 1].text in COMMAS)
            if form is None:
                continue
            if v + 1 < len(tokens) and tokens[v + 1].norm in lex.object_heads:
                continue  # "طلب عدم ذكر اسمه": a parenthetical about the subject
            if not self._reports(v, form):
                continue  # "ولم تعلن الحكومة", "بعدما شدد البنك"
            if phrase_at(tokens, v - 1, lex.according) or base(tokens[v - 1].norm) == "ما":
                return None  # بحسب ما أعلن: an according-to phrase, not a subject
            subject_end = self._subject_end(index, v)
            if tokens[subject_end - 1].norm == lex.particle:
                subject_end -= 1
            stop, _ = self.span_end(index, subject_end, after_verb=False)
            subject = self.trim(index, stop)
            introduced = (  # "الحسين أيت بوعزة، وهو فلاح من ...، يؤكد": someone introduced
                subject_end < len(tokens) - 1
                and tokens[subject_end].text in COMMAS
                and tokens[subject_end + 1].norm in ASIDES
                and subject[1] - subject[0] <= 4
                # "X، الذي ...،": X must reach the comma ("أن X لم تجد في ...، الذي" does not)
                and (tokens[subject_end + 1].norm in {"وهو", "وهي", "وهم"} or stop == subject_end)
            )
            before = self.plausible(*subject) or introduced
            end, reason = self.span_end(v + 1, len(tokens), form.kind in lex.object_taking)
            start, end = self.trim(v + 1, end)
            joined = tokens[v].norm.startswith("و") or tokens[v - 1].norm in lex.conjunctions
            if (
                start < end
                and reason != "addressee"
                and self._names_speaker(start, end)
                and (joined or not before)
            ):  # "...، قال ناشطون إن": a clause of its own further on
                entity = self.entity_for(start, end)
                return self._reading(entity, (start, end), (v, v + 1), form, "verb-subject")
            if topic is not None:
                return self._reading(topic, None, (v, v + 1), form, "topic")
            if not before:
                return self._serial(index, v, form)
            entity = self.entity_for(*subject)
            relay = self.relay_after(v, form, entity)  # الوكالة نقلت عن مصدر ...
            if relay is not None:
                return relay
            return self._reading(entity, subject, (v, v + 1), form, "subject-verb")
        return None

    def _serial(self, index: int, v: int, form: CueForm) -> Reading | None:
        """وتعود ياسمين لتؤكد أن / ومضى الوزير قائلاً: a verb, its subject, then the cue (with
        لـ, or a participle) that continues it."""
        clitic = self.lex.reading(self.tokens[v])
        serial = clitic is not None and (clitic[0].endswith("ل") or form.form == "participle")
        if not serial or not self.tokens[index].norm.startswith(("و", "ف")):
            return None
        start, end = self.trim(index + 1, v)
        if start >= end or end - start > 4 or not self.plausible(start, end):
            return None
        entity = self.entity_for(start, end)
        return self._reading(entity, (start, end), (v, v + 1), form, "verb-subject")

    def _quote_first(self, index: int) -> Reading | None:
        """«...»، قال X (the speaker after the quotation), or «...» alone: the last speaker."""
        tokens = self.tokens
        if index >= len(tokens) or not is_quote(tokens[index]):
            return None
        close = next((k for k in range(index + 1, len(tokens)) if not self.inside[k]), None)
        if close is not None and close - index < 6 and tokens[close].text not in COMMAS:
            return None  # a quoted name opening the sentence ("«الخبر» لم تجد"), not speech
        if close is not None:
            k = close + 1 if close < len(tokens) and tokens[close].text in COMMAS else close
            if k < len(tokens) and tokens[k].norm in {"هكذا", "كذا", "بهذه"}:
                k += 2 if tokens[k].norm == "بهذه" else 1  # «...»، هكذا وصف X / بهذه الكلمات
            form = self.lex.verb(tokens[k], True) if k < len(tokens) else None
            if form is not None:
                return self._verb_subject(k, form, False, None, [], "quote-inverted")
        return self._continuation(None, None, "statement")

    def _contrast(self, index: int, continues: bool, topic: Entity | None) -> Reading | None:
        """وبينما يؤكد X أن ...، يرى Y أن ...: the main clause after the comma is the claim, its
        speaker the party; the subordinate clause's speaker is kept as `also`."""
        tokens, lex = self.tokens, self.lex
        size = phrase_at(tokens, index, lex.contrast_openers)
        if not size or index + size >= len(tokens):
            return None
        comma = next(
            (
                k
                for k in range(index + size, len(tokens))
                if tokens[k].text in COMMAS and not self.inside[k]
            ),
            None,
        )
        main = comma + 1 if comma is not None else len(tokens)
        form = lex.verb(tokens[main], True) if main < len(tokens) else None
        first = lex.verb(tokens[index + size], True)
        if form is None or first is None:
            return None
        subordinate = self._verb_subject(index + size, first, continues, topic, [])
        reading = self._verb_subject(main, form, False, None, [])
        if reading.entity is None or reading.construction != "verb-subject":
            return None
        if subordinate.entity is not None and subordinate.entity is not reading.entity:
            reading = replace(reading, also=subordinate.entity)
        return reading

    def _topic_reading(self, index: int, clause: int, topic: Entity) -> Reading:
        """أما X فـ...: the topic is the party, whatever its verb (the verb agrees with it)."""
        tokens = self.tokens
        v = clause + 1 if tokens[clause].norm == "فقد" and clause + 1 < len(tokens) else clause
        form = self.lex.cue(tokens[v], True) if v < len(tokens) else None
        if form is not None:  # أما الشركة، فقد قال مسؤول فيها: its source speaks
            end, _ = self.span_end(v + 1, len(tokens), form.kind in self.lex.object_taking)
            start, end = self.trim(v + 1, end)
            if start < end and self._titled(start):
                entity = self.entity_for(start, end)
                return self._reading(entity, (start, end), (v, v + 1), form, "verb-subject")
        end, _ = self.span_end(index + 1, clause, after_verb=False)
        start, end = self.trim(index + 1, end)
        return self._reading(topic, (start, end), (v, v + 1), form, "topic", None)

    # --- the sentence --------------------------------------------------------------------------

    def _read(self) -> Reading:
        tokens, lex = self.tokens, self.lex
        index, prefixes, topic = self._lead(skip_dateline(tokens, self.agencies))
        after_topic, named = self._topic(index)
        topic = named or topic
        if index >= len(tokens):
            return OUTLET
        continues = not prefixes and (
            tokens[index].norm in lex.conjunctions or tokens[index].norm.startswith(("و", "ف"))
        )
        size = phrase_at(tokens, index, lex.continuation)
        if size:  # "وجاء في البيان": the issuer (or the last speaker) goes on
            document = next(
                (
                    word
                    for t in tokens[index : index + size]
                    if (word := document_word(t.norm, lex.documents)) is not None
                ),
                None,
            )
            entity = self.discourse.issuer(document)
            return self._reading(
                entity, None, (index, index + size), None, "continuation", "statement"
            )
        contrast = self._contrast(after_topic, continues, topic)
        if contrast is not None:
            return contrast
        clause = self._clause_start(after_topic)
        if named is not None:  # أما X فقال / فقد أكد / فاكتفى ...: X speaks, or acts
            return self._topic_reading(index, clause, named)
        if phrase_at(tokens, clause, lex.impersonal):
            return self._according(clause) or OUTLET
        pluperfect = self._pluperfect(clause, continues, topic)
        if pluperfect is not None:
            return pluperfect
        form = lex.verb(tokens[clause], True) if clause < len(tokens) else None
        if form is not None:
            return self._verb_subject(clause, form, continues, topic, prefixes)
        return (
            self._according(clause)
            or self._quote_first(clause)
            or self._attributed_line(clause)
            or self._subject_verb(clause, topic)
            or self._participle(clause, topic)
            or self._voices(clause)
            or OUTLET
        )

    def read(self) -> Reading:
        """The sentence's speaker, cue, kind and evidence (OUTLET when it names none)."""
        reading = self._read()
        speaker = reading.entity
        if speaker is not None and self._only_in_second_clause(reading):
            # "يحتفظ الجيش بخمس نقاط، فيما يطالب لبنان بانسحابه": the sentence is the
            # outlet's account; the party's demand is its second clause
            return OUTLET
        if speaker is not None:
            reading = self._second_speaker(reading)
            self._documents(speaker)
        return self._stronger_kind(reading)

    def _stronger_kind(self, reading: Reading) -> Reading:
        """ "وأضاف أن…، نافياً…": a circumstantial participle after a comma past the cue that
        accuses, denies, demands or threatens gives the claim its kind."""
        if reading.entity is None or reading.cue_range is None or reading.kind != "statement":
            return reading
        for k, token in enumerate(self.tokens):
            if token.start < reading.cue_range[1] or self.inside[k]:
                continue
            form = self.lex.cue(token) if self.tokens[k - 1].text in COMMAS else None
            if form is not None and form.form == "participle" and form.kind in PARTICIPLE_KINDS:
                return replace(reading, kind=form.kind)
        return reading

    def _only_in_second_clause(self, reading: Reading) -> bool:
        """True when the cue and the speaker stand after "، فيما / بينما / في حين" and the main
        clause before it (three words or more) is the outlet's."""
        if reading.cue_range is None or reading.construction not in {
            "verb-subject",
            "subject-verb",
        }:
            return False  # ("..., فيما ...، بحسب حصيلة أعلنتها X": according-to covers both)
        tokens = self.tokens
        for k in range(3, len(tokens)):
            if tokens[k].start >= reading.cue_range[0]:
                return False
            if (
                tokens[k - 1].text in COMMAS
                and not self.inside[k]
                and phrase_at(tokens, k, self.lex.second_speaker)
            ):
                span = reading.span_range
                return span is None or span[0] > tokens[k].start
        return False


def _suffix(norm: str) -> str:
    for suffix in ("هم", "ها", "ه"):
        if norm.endswith(suffix):
            return suffix
    return ""
