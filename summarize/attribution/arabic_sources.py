"""Where an Arabic sentence's source stands when it is not plainly the verb's subject: relays,
according-to phrases, impersonal sourcing, participles, attributed lines, second speakers, and
the documents a sentence's speaker issued. Shared with the reader: the readings themselves."""

from __future__ import annotations

from dataclasses import replace

from ..lang.arabic import span_text, tokenize
from ..model import ClaimKind
from .arabic_parties import ArabicParties
from .arabic_words import COMMAS, among, base, document_word, is_quote, phrase_at
from .discourse import OUTLET, Entity, Reading
from .morphology import CueForm

_DAMMA = "\u064f"
IMPERSONAL_LEMMAS = {"افيد", "تردد"}  # passive sourcing: the source, if any, follows في/بين


class ArabicSources(ArabicParties):
    """The readings, and the constructions that find a source away from the verb."""

    def _reading(
        self,
        entity: Entity | None,
        span: tuple[int, int] | None,
        cue: tuple[int, int] | None,
        form: CueForm | None,
        construction: str,
        kind: ClaimKind | None = None,
    ) -> Reading:
        """A reading for `entity` (said now, with the cue's gender), with its evidence; the
        outlet's voice for none, or for the outlet's own reporter continued."""
        if entity is None or entity is self.discourse.reporter:
            return OUTLET
        gender: str | None = form.gender if form is not None else None
        if span and span[0] < span[1]:
            if construction in {"verb-subject", "relay", "quote-inverted"} and gender != "f":
                # قال شهود: a verb before its subject is singular, the subject tells the number;
                # a masculine verb keeps its gender (وقال عبدالله، قال أسامة: no feminine ة)
                found = self.gender(*span)
                gender = found if gender is None or found == "p" else gender
            if self.document_issuer(*span) is not None:
                span = None  # وفقاً للبيان: its issuer speaks
        self.discourse.said(entity, gender)
        return Reading(
            entity,
            self.span_of(*span) if span and span[0] < span[1] else None,
            span_text(self.text, self.tokens, *cue) if cue else None,
            kind or (form.kind if form is not None else "statement"),
            construction,
            self.chars(*cue) if cue else None,
            self.chars(*span) if span else None,
        )

    def _continuation(
        self,
        gender: str | None,
        cue: tuple[int, int] | None,
        kind: ClaimKind,
        form: CueForm | None = None,
        topic: Entity | None = None,
    ) -> Reading:
        """No speaker named: the topic ("أما X فـ", "من جانبه"), else the latest speaker who
        agrees with the cue in gender and number."""
        entity = topic or self.discourse.recent_speaker(gender)
        construction = "topic" if topic is not None else "continuation"
        return self._reading(entity, None, cue, form, construction, kind)

    def _passive(self, k: int) -> bool:
        """A verb written with a damma on its first letter (أُعلن، ذُكر): the passive."""
        text = self.tokens[k].text
        for index, char in enumerate(text[:4]):
            if char == _DAMMA:
                return index <= 2
        return False

    def _relay(self, v: int, form: CueForm) -> Reading | None:
        """نقلت الوكالة عن مصدر عسكري قوله: the speaker after عن, the conduit before it."""
        tokens = self.tokens
        end, _ = self.span_end(v + 1, len(tokens))
        conduit = self.trim(v + 1, end)
        while end < len(tokens) and tokens[end].text in COMMAS:  # "وكالة فرات، المقربة من X، عن"
            comma = self.comma_after(end + 1)
            if comma is None or comma > end + 8:
                break
            end = comma + 1
        if end >= len(tokens) or tokens[end].norm != self.lex.relay_preposition:
            return None
        via = self.entity_for(*conduit) if conduit[0] < conduit[1] else None
        return self._relayed_from(end + 1, v, form, via)

    def _relayed_from(self, k: int, v: int, form: CueForm, via: Entity | None) -> Reading | None:
        """The inner speaker after عن at k: "عن مصدر عسكري", "عن بيان للوزارة" (its issuer)."""
        inner_end, _ = self.span_end(k, len(self.tokens), after_verb=False)
        start, inner_end = self.trim(k, inner_end)
        if start >= inner_end:
            return None
        if among(self.tokens[start].norm, self.lex.documents) and start + 1 < inner_end:
            start = self._issuer(start, inner_end)  # عن بيان للوزارة: the ministry
        entity = self.entity_for(start, inner_end)
        reading = self._reading(entity, (start, inner_end), (v, v + 1), form, "relay")
        return replace(reading, via=via)

    def relay_after(self, v: int, form: CueForm, via: Entity | None) -> Reading | None:
        """A relay verb whose conduit came first ("وكانت رويترز قد نقلت أمس عن مصادر أن"): عن
        within a few words of the verb, before any complement."""
        if form.lemma not in self.lex.relay_lemmas:
            return None
        for k in range(v + 1, min(len(self.tokens), v + 6)):
            token = self.tokens[k]
            if token.text in COMMAS or token.norm in {"ان", "إن", "بان", ":"} or is_quote(token):
                return None
            if token.norm == self.lex.relay_preposition:
                return self._relayed_from(k + 1, v, form, via)
        return None

    def _relayed_after(self, reading: Reading, after: int) -> Reading:
        """ "X، نقلاً عن Y، ..." later in the sentence: Y speaks, X relays."""
        tokens = self.tokens
        for k in range(after, len(tokens)):
            size = phrase_at(tokens, k, self.lex.relaying_according)
            if not size or self.inside[k]:
                continue
            end, _ = self.span_end(k + size, len(tokens), after_verb=False)
            start, end = self.trim(k + size, end)
            inner = self.entity_for(start, end) if start < end else None
            if inner is None or inner is reading.entity:
                return reading
            if not self._medium(reading):  # a party citing witnesses makes the report its own
                return replace(reading, also=inner)
            self.discourse.said(inner, None)
            return replace(
                reading,
                entity=inner,
                span=self.span_of(start, end),
                span_range=self.chars(start, end),
                construction="relay",
                via=reading.entity,
            )
        return reading

    def _medium(self, reading: Reading) -> bool:
        """True when the reading's speaker is a news medium (a media noun in its span, or a
        media party): "أفادت قناة محلية، نقلاً عن الشرطة" relays the police."""
        entity = reading.entity
        if entity is not None and entity.entry is not None and entity.entry.kind == "media":
            return True
        if reading.span_range is None:
            return True  # (no span to judge by: as before, the innermost speaker)
        words = tokenize(self.text[reading.span_range[0] : reading.span_range[1]])
        return any(
            base(w.norm) in self.lex.told_media or w.norm in self.lex.told_media for w in words
        )

    def _impersonal(self, v: int, form: CueForm) -> Reading:
        """أُفيد بأن / تردد في الأوساط أن / أُعلن عن: a source after في or بين, else the outlet."""
        tokens = self.tokens
        k = v + 1
        while k < len(tokens) and k < v + 4:
            if tokens[k].norm in {"في", "بين", "لدى"} and not self._time(k + 1):
                end, _ = self.span_end(k + 1, len(tokens), after_verb=False)
                start, end = self.trim(k + 1, end)
                if start < end and self._titled(start) and self._names_speaker(start, end):
                    entity = self.entity_for(
                        start, end
                    )  # among officials, in circles (not a place)
                    return self._reading(entity, (start, end), (v, v + 1), form, "impersonal")
            if tokens[k].text in COMMAS or tokens[k].norm in {"ان", "بان", "عن", ":"}:
                break
            k += 1
        # "ويُرجَّح أن ...، بحسب المصادر ذاتها": an according-to phrase names the source
        return self._according(v + 1) or OUTLET

    def _time(self, k: int) -> bool:
        return k < len(self.tokens) and base(self.tokens[k].norm) in {
            "مساء",
            "صباح",
            "ليل",
            "يوم",
            "وقت",
            "ساعه",
            "اسبوع",
            "شهر",
            "عام",
            "سنه",
        }

    def _prefix_party(self, segments: list[tuple[int, int]]) -> Entity | None:
        """A party named in a leading phrase ("في بيان أصدرته الوزارة،")."""
        for start, end in segments:
            for k in range(start, end):
                if self.tokens[k].norm.startswith(self.lex.issuer_verbs):
                    found = self.entity_for(k + 1, end, register=False)
                    if found is not None:
                        return found
            for m_start, m_end, _ in self.gazetteer(start, end):
                return self.entity_for(start + m_start, start + m_end)
        return None

    def _names_speaker(self, start: int, end: int) -> bool:
        """A span after a verb in mid-sentence that names someone (not "عن X" or a time)."""
        first = self.tokens[start].norm
        return (
            self._titled(start)
            or bool(self._heading_mentions(start, end))
            or base(first) in self.lex.institutions
            or (first.startswith("لل") and first[1:] in self.lex.institutions)  # للجنة: ل + لجنة
            or any(
                self.tokens[start].norm in e.tokens or base(first) in e.tokens
                for e in self.discourse.entities
            )
        )

    def _according(self, index: int) -> Reading | None:
        """بحسب X / وفقاً لـ X / نقلاً عن X / بحسب ما أعلن X / وفقاً للبيان (its issuer)."""
        tokens, lex = self.tokens, self.lex
        for k in range(index, len(tokens)):
            size = phrase_at(tokens, k, lex.according)
            if not size or self.inside[k]:
                continue
            start = k + size
            cue: tuple[int, int] = (k, start)
            passive = False
            if start < len(tokens) and base(tokens[start].norm) == "ما":  # بحسب ما أعلن X
                form = self._verb_with_object(start + 1)  # (وفق ما أعلنته X: its object ه)
                if form is not None:
                    passive = self._passive(start + 1)
                    start = self._after_passive(start + 1) if passive else start + 2
            end, _ = self.span_end(start, len(tokens), after_verb=False)
            start, end = self.trim(start, end)
            document = next(
                (
                    j
                    for j in range(start, min(end, start + 3))
                    if among(tokens[j].norm, lex.documents)
                ),
                None,
            )
            if start >= end or not (
                self._names_speaker(start, end)
                or document is not None
                or (self.plausible(start, end) and (passive or self.gazetteer(start, end)))
            ):
                continue
            if document is not None and document + 1 < end:
                start = self._issuer(document, end)
            entity = self.entity_for(start, end)
            if entity is not None:
                reading = self._reading(entity, (start, end), cue, None, "according-to", "report")
                return self._relayed_after(reading, end) if k + size < end else reading
        return None

    def _verb_with_object(self, k: int) -> CueForm | None:
        """The cue at k, also with an object pronoun (أعلنته، أوردها: what was announced)."""
        if k >= len(self.tokens):
            return None
        form = self.lex.verb(self.tokens[k], True)
        norm = self.tokens[k].norm
        for suffix in ("ها", "ه"):
            if form is None and norm.endswith(suffix) and len(norm) > len(suffix) + 2:
                bare = replace(self.tokens[k], norm=norm[: -len(suffix)])
                form = self.lex.verb(bare, True)
        return form

    def _after_passive(self, v: int) -> int:
        """Where the source starts after "وفق ما أُعلن في نهاية لقاء عقدته X": X."""
        tokens, lex = self.tokens, self.lex
        k = v + 1
        while k < len(tokens) and (
            tokens[k].norm in {"في", "عن", "خلال", "اثناء"}
            or tokens[k].norm in lex.occasions  # (لقاء is no ل + قاء)
            or base(tokens[k].norm) in lex.occasions
            or tokens[k].norm.startswith(lex.issuer_verbs)
            or (k > v + 1 and tokens[k].norm.endswith("ي") and not self.institution(k))
        ):
            k += 1  # في ختام الاجتماع الأسبوعي لمجلس الوزراء
        return k

    def _issuer(self, start: int, end: int) -> int:
        """Where the party starts in "تقرير لمنظمة X" / "بيان أصدرته X" / "بيان صادر عن X", or
        in a construct "أرقام المفوضية" / "بيان وزارة الداخلية" (a head without the article)."""
        head = self.tokens[start].norm
        definite = head.startswith(("ال", "وال", "بال", "فال", "كال", "لل"))
        if (
            not definite
            and start + 1 < end
            and (self.institution(start + 1) or self._titled(start + 1))
        ):
            return start + 1
        for k in range(start + 1, min(end, start + 4)):
            norm = self.tokens[k].norm
            if (
                norm.startswith(self.lex.issuer_verbs) or norm in self.lex.issued_by
            ) and k + 1 < end:
                after = k + 1
                while after + 1 < end and (
                    self._time(after) or self.tokens[after].norm in self.lex.time_words
                ):
                    after += 1  # "الصادر اليوم عن", "أصدرته مساء أمس"
                return after + 1 if self.tokens[after].norm == "عن" else after
            if norm.startswith("لل") or (norm.startswith("ل") and self.institution(k)):
                return k
        return start

    def _attributed_line(self, index: int) -> Reading | None:
        """ "الخارجية الروسية: ...", "الرئاسة الفلسطينية: ..." — a party (a title, a known
        party or an institution), a colon, its words."""
        tokens = self.tokens
        colon = next(
            (k for k in range(index, min(len(tokens), index + 7)) if tokens[k].text == ":"), None
        )
        if colon is None or colon == index:
            return None
        start, end = self.trim(index, colon)
        named = self._titled(start) or self.gazetteer(start, end) or self.institution(start)
        if not named or any(self.lex.cue(t) for t in tokens[start:end]):
            return None
        entity = self.entity_for(start, end)
        return self._reading(entity, (start, end), (colon, colon + 1), None, "headline")

    def _participle(self, index: int, topic: Entity | None) -> Reading | None:
        """ "...، مؤكداً أن": a circumstantial participle after a clause with no cue of its own
        belongs to that clause's subject (the topic, or the noun phrase that opens it)."""
        tokens = self.tokens
        for k in range(index + 1, len(tokens)):
            if self.inside[k] or tokens[k - 1].text not in COMMAS:
                continue
            form = self.lex.cue(tokens[k])
            if form is None or form.form != "participle":
                continue
            if topic is not None:
                return self._reading(topic, None, (k, k + 1), form, "participle")
            for start in (index, index + 1):  # the subject opens the clause, or follows its verb
                end, _ = self.span_end(start, k, object_taking=True, after_verb=False)
                start, end = self.trim(start, end)
                if start < end and self._names_speaker(start, end):
                    entity = self.entity_for(start, end)
                    return self._reading(entity, (start, end), (k, k + 1), form, "participle")
            return None
        return None

    def _second_speaker(self, reading: Reading) -> Reading:
        """أعلنت الوزارة أن…، فيما قال ناشطون إن…: the second speaker is kept as `also`."""
        tokens = self.tokens
        for k in range(1, len(tokens)):
            size = phrase_at(tokens, k, self.lex.second_speaker)
            if not size or self.inside[k] or tokens[k - 1].text not in COMMAS:
                continue
            v = k + size
            form = self.lex.verb(tokens[v], True) if v < len(tokens) else None
            if form is None:
                continue
            end, _ = self.span_end(v + 1, len(tokens), form.kind in self.lex.object_taking)
            start, end = self.trim(v + 1, end)
            if start < end and self._names_speaker(start, end):
                other = self.entity_for(start, end)
                if other is not None and other is not reading.entity:
                    return replace(reading, also=other)
        return reading

    def _documents(self, speaker: Entity) -> None:
        """Note who issued the documents a sentence mentions, for later anaphors ("وفقاً
        للبيان"): the party named after the document ("تقرير ديوان الرقابة"), else the speaker
        when it is theirs ("في بيان", "في بيان مقتضب")."""
        tokens = self.tokens
        for k, token in enumerate(tokens):
            word = document_word(token.norm, self.lex.documents)
            if word is None or self.inside[k]:
                continue
            issued = self._issuer(k, len(tokens))  # "التقرير الصادر اليوم عن X": X
            first = issued if issued > k else k + 1
            end, _ = self.span_end(first, len(tokens), after_verb=False)
            start, end = self.trim(first, end)
            named = issued > k and self.plausible(start, end)  # whoever issued it
            if start < end and (named or self._names_speaker(start, end)):
                issuer = self.entity_for(start, end)
                if issuer is not None:
                    self.discourse.issued(word, issuer)
                    continue
            if (k > 0 and tokens[k].norm.startswith(("ب", "في"))) or (
                k > 0 and tokens[k - 1].norm in {"في", "ب"}
            ):
                self.discourse.issued(word, speaker)
