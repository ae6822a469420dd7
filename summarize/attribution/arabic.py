"""The Arabic reader: who a sentence attributes its claim to, read in Arabic.

In order: a dateline and leading phrases ("في المقابل،") are skipped; a statement continuation
("وجاء في البيان") continues the last speaker; a verb first (قال المتحدث ...) takes the noun phrase
after it; a subject first (الوزارة أكدت ...) the one before it; an according-to phrase (بحسب ...)
the party it names; a sentence opening with a quotation continues the last speaker.
"""

from __future__ import annotations

import re

from ..lang.arabic import QUOTE_MARKS, span_text, strip_prefix, tokenize
from ..lang.gazetteer import PartyEntry, match_arabic, party_name
from ..model import ClaimKind
from .arabic_words import COMMAS, content_words, phrase_at, skip_dateline, verb
from .discourse import OUTLET, Discourse, Entity, Mention, Reading

_SPAN_ENDS = {":", ".", "؟", "!"}
_LONGEST_SPAN = 14  # tokens


class ArabicReader:
    """Attribution of one Arabic sentence against the discourse so far."""

    def __init__(self, text: str, discourse: Discourse) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.discourse = discourse
        self.cues = discourse.cues

    def _gazetteer(self, start: int, end: int) -> list[tuple[int, int, PartyEntry]]:
        return match_arabic(self.tokens[start:end], self.discourse.gazetteer)

    def entity_for(self, start: int, end: int, *, register: bool = True) -> Entity | None:
        """The party tokens[start:end] names (registered in the discourse); with `register`
        False, only a gazetteer party or one already known."""
        tokens = self.tokens[start:end]
        span = span_text(self.text, self.tokens, start, end)
        if not span:
            return None
        entry, name = party_name([m[2] for m in self._gazetteer(start, end)])
        content = content_words(tokens, self.cues)
        if (
            not register
            and entry is None
            and not any(content <= e.tokens for e in self.discourse.entities)
        ):
            return None
        return self.discourse.resolve(Mention(span, frozenset(content), entry, name))

    def mentions(self) -> None:
        """Register the gazetteer parties a sentence names, so short forms resolve later."""
        for start, end, entry in self._gazetteer(0, len(self.tokens)):
            span = span_text(self.text, self.tokens, start, end)
            content = content_words(self.tokens[start:end], self.cues)
            self.discourse.resolve(Mention(span, frozenset(content), entry, entry.name))

    def _ends_span(self, start: int, end: int, kind: str) -> str | None:
        """Why the speaker span starting at `start` ends before tokens[end], or None."""
        token = self.tokens[end]
        if token.text in COMMAS or token.text in _SPAN_ENDS:
            return "comma" if token.text in COMMAS else "colon"
        if (
            token.norm in self.cues.ar_stops or phrase_at(self.tokens, end, self.cues.ar_according)
        ) and not self._qualifies_ministry(start, end):
            return "stop"
        if (
            kind in self.cues.ar_object_taking
            and end > start
            and token.norm.startswith("ب")
            and len(token.norm) >= 4
            and token.norm not in self.cues.ar_name_words_with_b
        ):
            return "complement"
        if end == start and token.norm.startswith("با") and len(token.norm) >= 5:
            return "complement"  # لوّح بإطفاء / هدد باتخاذ: no subject, a complement
        return None

    def _subject_span(self, start: int, kind: str) -> tuple[int, int, str]:
        """Span after a verb: up to a stop word, punctuation or (object-taking verbs) بـ."""
        end = start
        while end < len(self.tokens) and end - start < _LONGEST_SPAN:
            reason = self._ends_span(start, end, kind)
            if reason is not None:
                return start, end, reason
            end += 1
        return start, end, "end"

    def _qualifies_ministry(self, start: int, end: int) -> bool:
        """True at "في"/"لدى" that joins a ministry to its government (وزارة الخارجية في حكومة
        الأسد): the government qualifies the ministry rather than ending the speaker's name."""
        if self.tokens[end].norm not in {"في", "لدي"}:
            return False
        before = self._gazetteer(start, end)
        after = self._gazetteer(end + 1, end + 6)
        return bool(
            before
            and before[-1][2].kind == "ministry"
            and before[-1][1] == end - start
            and after
            and after[0][0] == 0
            and after[0][2].kind == "government"
        )

    def _kept_words(self, start: int, end: int) -> list[int]:
        """Token indices of a span without quote marks and fillers (بدورها), cut before an
        object head (الطرفين)."""
        keep: list[int] = []
        for k in range(start, end):
            norm = self.tokens[k].norm
            if norm in QUOTE_MARKS or any(norm == filler[0] for filler in self.cues.ar_fillers):
                continue
            if keep and norm in self.cues.ar_object_heads:
                break
            keep.append(k)
        return keep

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop fillers (بدورها) and cut before an object (الطرفين) or a second party."""
        keep = self._kept_words(start, end)
        if not keep:
            return start, start
        start, end = keep[0], keep[-1] + 1
        mentions = self._gazetteer(start, end)
        if (
            len(mentions) >= 2
            and mentions[0][2].kind == "ministry"
            and mentions[1][2].kind == "government"
            and mentions[1][0] - mentions[0][1] <= 1
        ):
            mentions = [mentions[0], *mentions[2:]]  # وزارة الخارجية في حكومة الأسد: one party
            if len(mentions) >= 2:
                end = start + mentions[1][0]
        elif len(mentions) >= 2 and mentions[1][0] > 0:
            end = start + mentions[1][0]
        elif mentions and mentions[0][0] == 0:
            # VSO: "اتهمت قسد رئيسَ جهاز ...": a title after the leading party starts the object
            head = next(
                (
                    k
                    for k in range(start + mentions[0][1], end)
                    if self.tokens[k].norm in self.cues.ar_speaker_heads
                ),
                None,
            )
            end = head if head is not None else end
        elif (
            mentions
            and self.tokens[start].norm in self.cues.ar_speaker_heads
            and mentions[0][0] >= 3
        ):
            # "المتحدث باسم الجيش العميد حسن الطاهر قوات الدعم السريع": a party named after the
            # speaker's title and name is the object
            end = start + mentions[0][0]
        return start, end

    def _is_object(self, start: int, end: int, reason: str, kind: str, continues: bool) -> bool:
        """A lone noun phrase after طالب/اتهم/دعا in a continuing sentence is the object."""
        if start >= end or kind not in self.cues.ar_object_taking:
            return False
        first = self.tokens[start]
        if first.norm in self.cues.ar_object_heads or first.text.endswith(("اً", "ًا")):
            return True
        if not continues or reason not in {"complement", "stop"}:
            return False
        if first.norm in self.cues.ar_speaker_heads:
            return False
        return len(self._gazetteer(start, end)) < 2

    def _prefix_party(self, segments: list[tuple[int, int]]) -> Entity | None:
        """A party named in a leading phrase ("في بيان أصدرته الوزارة،")."""
        for start, end in segments:
            for m_start, m_end, _ in self._gazetteer(start, end):
                return self.entity_for(start + m_start, start + m_end)
            # "في بيان أصدرته الوزارة": the issuer is named after the verb
            for k in range(start, end):
                if self.tokens[k].norm.startswith(self.cues.ar_issuer_verbs):
                    found = self.entity_for(k + 1, end, register=False)
                    if found is not None:
                        return found
        return None

    def _continuation(self, gender: str | None, cue: str, kind: ClaimKind) -> Reading:
        entity = self.discourse.recent_speaker(gender)
        if entity is None:
            return OUTLET
        self.discourse.said(entity, gender)
        return Reading(entity, None, cue, kind)

    def _issuer(self, start: int, end: int) -> int:
        """Where the party starts in "تقرير لمنظمة X" / "بيان مقتضب أصدرته X" (a report by X)."""
        head = strip_prefix(self.tokens[start].norm, ("ل",))[-1]
        if head not in self.cues.ar_documents:
            return start
        for k in range(start + 1, min(end, start + 4)):
            norm = self.tokens[k].norm
            if norm.startswith(self.cues.ar_issuer_verbs) and k + 1 < end:
                return k + 1
            if norm.startswith("ل") and len(norm) > 3:
                return k
        return start

    def _attributed(
        self, start: int, end: int, gender: str | None, cue: str, kind: ClaimKind
    ) -> Reading | None:
        entity = self.entity_for(start, end)
        if entity is None:
            return None
        self.discourse.said(entity, gender)
        span = span_text(self.text, self.tokens, start, end)
        if self.tokens[start].norm.startswith("ل") and kind == "report":
            span = re.sub(r"^لـ?\s*", "", span)  # وفقاً لمكتب ... / تقرير لمنظمة ... -> مكتب ...
        return Reading(entity, span, cue, kind)

    def _leading(self, index: int) -> tuple[int, list[tuple[int, int]]]:
        """Skip leading phrases without a cue ("في المقابل،", "أمس الجمعة،", "وفي بيان رسمي،");
        returns where the clause starts and the phrases skipped."""
        tokens, cues = self.tokens, self.cues
        prefixes: list[tuple[int, int]] = []
        while True:
            comma = next(
                (k for k in range(index, min(len(tokens), index + 8)) if tokens[k].text in COMMAS),
                None,
            )
            if comma is None or comma == index:
                break
            segment = range(index, comma)
            if any(verb(tokens[k], cues) for k in segment) or any(
                phrase_at(tokens, k, cues.ar_according) for k in segment
            ):
                break
            prefixes.append((index, comma))
            index = comma + 1
        return index, prefixes

    def _verb_first(
        self, verb_at: int, continues: bool, prefixes: list[tuple[int, int]]
    ) -> Reading | None:
        """قال المتحدث ... / وأضاف أن ...: the speaker follows the verb, or continues."""
        found = verb(self.tokens[verb_at], self.cues) if verb_at < len(self.tokens) else None
        if not found:
            return None
        kind, gender = found
        cue = self.tokens[verb_at].text
        start, end, reason = self._subject_span(verb_at + 1, kind)
        start, end = self._trim(start, end)
        if start < end and not self._is_object(start, end, reason, kind, continues):
            result = self._attributed(start, end, gender, cue, kind)
            if result:
                return result
        from_prefix = self._prefix_party(prefixes)
        if from_prefix is not None:
            self.discourse.said(from_prefix, gender)
            return Reading(from_prefix, from_prefix.spans[-1], cue, kind)
        return self._continuation(gender, cue, kind)

    def _subject_first(self, index: int) -> Reading | None:
        """الوزارة أكدت ...: a plausible speaker before a verb within eight words."""
        tokens, cues = self.tokens, self.cues
        for verb_at in range(index + 1, min(len(tokens), index + 9)):
            found = verb(tokens[verb_at], cues)
            if not found:
                continue
            start, end = self._trim(index, verb_at)
            subject = tokens[start:end]
            if start >= end or any(t.text in COMMAS or t.norm in cues.ar_stops for t in subject):
                return None
            plausible = (
                subject[0].norm in cues.ar_speaker_heads
                or self._gazetteer(start, end)
                or any(content_words(subject, cues) <= e.tokens for e in self.discourse.entities)
                or len(subject) <= 3
            )
            if plausible:
                kind, gender = found
                return self._attributed(start, end, gender, tokens[verb_at].text, kind)
            return None
        return None

    def _according(self, index: int) -> Reading | None:
        """ "according to X": حسب / وفقاً لـ / نقلاً عن, then a party up to a comma or فإن."""
        tokens, cues = self.tokens, self.cues
        for k in range(index, len(tokens)):
            size = phrase_at(tokens, k, cues.ar_according)
            if not size:
                continue
            start = end = k + size
            while (
                end < len(tokens)
                and end - start < _LONGEST_SPAN
                and tokens[end].text not in COMMAS
                and tokens[end].norm not in cues.ar_according_stops
            ):
                end += 1
            subject = tokens[start:end]
            head = strip_prefix(subject[0].norm, ("ل",))[-1] if subject else ""
            if subject and (
                head in cues.ar_speaker_heads
                or self._gazetteer(start, end)
                or head in cues.ar_documents | cues.ar_source_words
                or any(content_words(subject, cues) <= e.tokens for e in self.discourse.entities)
            ):
                cue = span_text(self.text, tokens, k, k + size)
                result = self._attributed(self._issuer(start, end), end, None, cue, "report")
                if result:
                    return result
        return None

    def read(self) -> Reading:
        """The sentence's speaker, cue and kind (OUTLET when it names none)."""
        tokens = self.tokens
        index, prefixes = self._leading(skip_dateline(tokens))
        if index >= len(tokens):
            return OUTLET
        continues = not prefixes and (
            tokens[index].norm in self.cues.ar_conjunctions
            or tokens[index].norm.startswith(("و", "ف"))
        )
        size = phrase_at(tokens, index, self.cues.ar_continuation)
        if size:  # "وجاء في البيان": the last speaker goes on
            cue = span_text(self.text, tokens, index, index + size)
            return self._continuation(None, cue, "statement")
        verb_at = index + 1 if tokens[index].norm in self.cues.ar_conjunctions else index
        first = self._verb_first(verb_at, continues, prefixes)
        if first is not None:
            return first
        found = self._subject_first(index) or self._according(index)
        if found is not None:
            return found
        if tokens[index].text in QUOTE_MARKS:  # a quotation going on from the last speaker
            return self._continuation(None, "", "statement")
        return OUTLET
