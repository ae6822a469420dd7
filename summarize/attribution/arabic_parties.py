"""The parties Arabic speaker spans name: plausible subjects, appositions, documents and
their issuers, gazetteer names that head a span, and the discourse's entities."""

from __future__ import annotations

import re

from ..lang.arabic import span_text
from ..lang.gazetteer import PartyEntry, joint_name, load_countries, party_name
from .arabic_spans import SpanParser
from .arabic_words import (
    COMMAS,
    ENDS,
    among,
    base,
    content_words,
    definite,
    document_word,
    is_quote,
)
from .discourse import Entity, Mention


class ArabicParties(SpanParser):
    """Spans as parties: plausible ones, and the entities they name."""

    def plausible(self, start: int, end: int) -> bool:
        """Could tokens[start:end] name a speaker (before its verb)? Its first word must be its
        head: a title, an institution, a known party, a document; or a short name."""
        if start >= end:
            return False
        first = self.tokens[start].norm
        joint = first == "كل" and start + 1 < end and self.tokens[start + 1].norm == "من"
        if (first in self.lex.object_heads and not joint) or first in self.lex.span_stops:
            return False
        if first in self.lex.not_reporting or first in self.lex.conjunctions:
            return False
        mentions = self.gazetteer(start, end)
        tokens = self.tokens[start:end]
        return (
            joint
            or (first in self.lex.quantifiers and self.plausible(start + 1, end))  # ثلاث جمعيات
            or self._titled(start)
            or bool(mentions and mentions[0][0] == 0)
            or base(first) in self.lex.institutions
            or among(first, self.lex.documents)
            or any(content_words(tokens[:1], self.lex) <= e.tokens for e in self.discourse.entities)
            or (
                end - start <= 2
                and not mentions
                and self.lex.cue(tokens[0]) is None
                and not first.startswith(("و", "ف"))
            )
        )

    def apposition(self, end: int, start: int | None = None) -> int:
        """The end of an apposition naming the speaker after a comma ("قال وكيل الدفاع عن فلان،
        المحامي فراس الروسان." / "المتحدث باسم الجيش، العقيد فلان، إن"; after a relative
        tokens[start:end], a plain name: "وكتبت زوجته، فلانة الفلانية، في"), else `end`."""
        tokens = self.tokens
        comma = next(
            (k for k in range(end, min(len(tokens), end + 4)) if tokens[k].text in COMMAS), None
        )
        if comma is None or comma + 1 >= len(tokens):
            return end
        if start is not None and end - start == 1 and self._relative(start):
            named = self._plain_name(comma + 1)
            if named is not None:
                return named
        if not self._titled(comma + 1):
            return end
        stop, _ = self.span_end(comma + 1, len(tokens), after_verb=False)
        following = tokens[stop] if stop < len(tokens) else None
        if following is None or following.text in ENDS or following.norm in {"ان", "إن", "بان"}:
            return stop
        if following.text in COMMAS and stop + 1 < len(tokens):
            after = tokens[stop + 1].norm
            return stop if after in {"ان", "إن", "بان", ":"} or is_quote(tokens[stop + 1]) else end
        return end

    def _relative(self, k: int) -> bool:
        norm = self.tokens[k].norm
        return norm in self.lex.relatives or (
            norm.startswith(("و", "ف")) and norm[1:] in self.lex.relatives
        )

    def _plain_name(self, k: int) -> int | None:
        """The end of a name of one to three words at k closed by a comma, else None."""
        for j in range(k + 1, min(len(self.tokens), k + 4)):
            if self.tokens[j].text in COMMAS:
                words = self.tokens[k:j]
                if all(t.norm.isalpha() and self.lex.cue(t) is None for t in words) and not any(
                    t.norm in self.lex.span_stops for t in words
                ):
                    return j
                return None
        return None

    def document_issuer(self, start: int, end: int) -> Entity | None:
        """The issuer a document names ("البيان", "التقرير ذاته"): None when the span is not a
        document on its own."""
        words = [self.tokens[k].norm for k in range(start, end)]
        document = document_word(words[0], self.lex.documents) if words else None
        if document is None:
            return None
        if any(
            document_word(w, self.lex.documents) is None and base(w) not in self.lex.same
            for w in words[1:]
        ):
            return None
        return self.discourse.issuer(document, document in self.lex.speaker_documents)

    def entity_for(self, start: int, end: int, *, register: bool = True) -> Entity | None:
        """The party tokens[start:end] names (registered in the discourse); with `register`
        False, only a gazetteer party or one already known."""
        issuer = self.document_issuer(start, end)
        if issuer is not None:
            return issuer
        tokens = self.tokens[start:end]
        span = span_text(self.text, self.tokens, start, end)
        if not span:
            return None
        heading = self._heading_mentions(start, end)
        if (
            heading
            and heading[0][0] > 0
            and base(tokens[0].norm) in {base(w) for w in self.lex.anonymous_sources}
        ):
            heading = []  # "مصادر في وزارة الدفاع": the sources, not the ministry's own voice
        entry, name = party_name(
            [m[2] for m in heading], country=self._country(heading, start, end)
        )
        mentions = self.gazetteer(start, end)
        if self.joint(start, mentions):  # one claim, a joint party
            entry, name = None, joint_name([m[2] for m in mentions])
        elif self._joined_unknown(start, end, mentions):
            entry, name = None, None  # "جنوب أفريقيا وموزمبيق": both, named from the span
        # "المصادر ذاتها": the same sources as before (the word "same" names nobody)
        content = {w for w in content_words(tokens, self.lex) if w not in self.lex.same}
        head = base(tokens[0].norm)
        if head in {base(w) for w in self.lex.anonymous_sources} and any(
            t.norm in self.lex.same for t in tokens[1:]
        ):
            same = self.discourse.same_source(span, content)
            if same is not None:
                return same
        if (
            not register
            and entry is None
            and not any(content <= e.tokens for e in self.discourse.entities)
        ):
            return None
        entity = self.discourse.resolve(Mention(span, frozenset(content), entry, name))
        self.discourse.mention(entity)
        comma = self._comma_after_place(end)
        head = tokens[0].norm.removesuffix("ا")  # (مصدراً: its case ending)
        anonymous = base(head) in {base(w) for w in self.lex.anonymous_sources}
        named = any(self._name_word(j) for j in range(start + 1, end))  # (its role follows)
        if (
            register
            and comma is not None
            and not anonymous
            and not (named and self._titled(comma + 1))
            and self._name_apposed(comma)
        ):
            self._apposed_name(entity, start, comma)
        return entity

    def _comma_after_place(self, end: int) -> int | None:
        """The comma that closes the span, at `end` or after a short place phrase the span
        left out ("منسق مشاريع المنظمة | في أدري، أنيس الفرجاني،"); None otherwise."""
        if end < len(self.tokens) and self.tokens[end].text in COMMAS:
            return end
        if end >= len(self.tokens):
            return None
        norm = self.tokens[end].norm
        if norm not in {"في", "ب", "بـ"} and not (norm.startswith("بال") and definite(norm)):
            return None  # (بالمحكمة الابتدائية بتونس، الهادي بن عمر،: a place too)
        for k in range(end + 1, min(len(self.tokens), end + 5)):
            if self.tokens[k].text in COMMAS:
                return k
            if self.lex.cue(self.tokens[k]) or self.tokens[k].text in ENDS:
                return None
        return None

    def _apposed_name(self, entity: Entity, start: int, end: int) -> None:
        """The person's name in apposition after the title ("المتحدث باسم حكومة الإقليم، هيمن
        جلال، إن") is the party's too: a later mention by the name ("وتابع جلال") resolves to
        it, and the title with the name is its fullest span (what names it in English). An
        anonymous source has none ("مصدر مسؤول، فضّل عدم ذكر اسمه،"), and after a span that
        holds a name the apposition is a role ("المحامية إيمان، عضوة هيئة الدفاع،")."""
        close = next(k for k in range(end + 1, len(self.tokens)) if self.tokens[k].text in COMMAS)
        entity.tokens |= content_words(self.tokens[end + 1 : close], self.lex)
        full = span_text(self.text, self.tokens, start, close)
        if full not in entity.spans:
            entity.spans.append(full)

    def _joined_unknown(
        self, start: int, end: int, mentions: list[tuple[int, int, PartyEntry]]
    ) -> bool:
        """True when a state the gazetteer knows opens the span and و joins a name it does not
        know to it ("جنوب أفريقيا وموزمبيق"): a joint party, not the first alone."""
        if not mentions or mentions[0][0] != 0 or mentions[0][2].kind != "government":
            return False  # (a ministry's portfolios: "وزارة الخارجية والمغتربين" is one name)
        after = start + mentions[0][1]
        starts = {start + m[0] for m in mentions}
        return after < end and self.tokens[after].norm.startswith("و") and after not in starts

    def _country(
        self, heading: list[tuple[int, int, PartyEntry]], start: int, end: int
    ) -> str | None:
        """The country adjective right after the first mention (وزارة الدفاع التركية)."""
        if not heading:
            return None
        after = start + heading[0][1]
        if after >= end:
            return None
        return load_countries().get(self.tokens[after].norm)

    def _name_apposed(self, end: int) -> bool:
        """True when a person's name stands in apposition right after the span ("المتحدثة باسم
        الوكالة، سلمى حداد، إن"): up to four words between commas, with no preposition,
        adverbial, occasion, conjunction or cue. The person then speaks, not the party."""
        tokens = self.tokens
        if end >= len(tokens) or tokens[end].text not in COMMAS:
            return False
        close = next(
            (k for k in range(end + 1, min(len(tokens), end + 6)) if tokens[k].text in COMMAS),
            None,
        )
        if close is None or close == end + 1:
            return False
        words = tokens[end + 1 : close]
        return not any(  # ("، خلال مؤتمر صحفي،", "، وهي أكبر جمعية،": no name)
            w.norm in self.lex.span_stops
            or w.norm in self.lex.leading_words
            or w.norm in self.lex.occasions
            or w.norm in self.lex.time_words
            or self._conjunction(w.norm)
            or self.lex.cue(w)
            for w in words
        )

    def _conjunction(self, norm: str) -> bool:
        """True when a word opens with the conjunction و ("وهي", "والتي", "وفق"), not a name
        that starts with its letter (وائل، وليد، وداد) nor the particle ولد."""
        rest = norm[1:]
        return (
            norm.startswith("و")
            and norm not in self.lex.name_particles  # (ولد الطالب: "son of", a name's part)
            and (len(norm) <= 3 or rest in self._known or rest.startswith("ال"))
        )

    def _heading_mentions(self, start: int, end: int) -> list[tuple[int, int, PartyEntry]]:
        """Gazetteer mentions that name the speaker's party: at the span's head, after an
        affiliation (في، باسم، لدى، بـ) or after a title that speaks for a party (المتحدث باسم
        حماس, مصدر في الجيش); not inside another title ("وزير الخارجية الغاني" is a minister)."""
        found: list[tuple[int, int, PartyEntry]] = []
        head = self.tokens[start].norm
        if (head in self.lex.for_party or base(head) in self.lex.for_party) and (
            self._name_apposed(end)
        ):
            return found  # "المتحدثة باسم الوكالة، سلمى حداد،": the named person speaks
        for m_start, m_end, entry in self.gazetteer(start, end):
            at = start + m_start
            before = self.tokens[at - 1].norm if at > start else ""
            if self._where(at, m_end - m_start, entry):
                continue  # "ممثلة المفوضية في لبنان": where the office is, not who speaks
            if (
                at == start
                or before in self.lex.affiliations
                or before.startswith("ب")
                or base(before) in self.lex.for_party
                or before in self.lex.for_party
                or (found and at > start)
            ):
                found.append((m_start, m_end, entry))
        return found

    def _where(self, at: int, length: int, entry: PartyEntry) -> bool:
        """True when the state named at `at` (one word) follows an institution and في: the
        place of its office or branch ("مكتب المنظمة في تونس"), not a party of the span."""
        return (
            entry.kind == "government"
            and length == 1
            and at >= 2
            and self.tokens[at - 1].norm == "في"
            and self.institution(at - 2)
        )

    def span_of(self, start: int, end: int) -> str:
        """The span's text (without "لـ" before a party: وفقاً لمكتب ... -> مكتب ...): the ل
        goes only where it is a preposition, written apart or governed by the word before it
        (وفقاً لـ، طبقاً لـ); it is the name's own letter in لجنة، لبنان، ليث."""
        span = span_text(self.text, self.tokens, start, end)
        first = self.tokens[start].norm
        if first in {"ل", "لـ"}:
            return re.sub(r"^لـ?\s*", "", span)
        governed = start > 0 and (self.tokens[start - 1].norm, "ل") in self.lex.according
        if not governed or not first.startswith("ل"):
            return span
        if span.startswith("لل"):
            inner = first[1:]  # للجنة: ل + لجنة (a word of its own), للسفارة: ل + السفارة
            if inner in self.lex.institutions or inner in self.lex.speaker_heads:
                return span[1:]
            return "ال" + span[2:]
        return re.sub(r"^لـ?\s*", "", span)

    def mentions(self) -> None:
        """Register the gazetteer parties a sentence names, so short forms resolve later; and
        note the persons it introduces by title and name ("وصل وزير الداخلية الإيطالي جانلوكا
        موريتي"): a later span that repeats the name ("موريتي") is that person, under the
        full introduction, and titles that follow ("الوزير الإيطالي") resolve to it. (Arabic
        has no capitals: a word after a title may be a verb, so a candidate becomes a party
        only when a speaker's span repeats its name.)"""
        for start, end, entry in self.gazetteer(0, len(self.tokens)):
            span = span_text(self.text, self.tokens, start, end)
            content = content_words(self.tokens[start:end], self.lex)
            entity = self.discourse.resolve(Mention(span, frozenset(content), entry, entry.name))
            self.discourse.mention(entity)
        for start, first, end in self.titled_persons():
            span = span_text(self.text, self.tokens, start, end)
            norm = self.tokens[start].norm
            if norm.startswith("و") and norm[1:] in self.lex.speaker_heads | self.lex.circles:
                span = span[1:]  # "ورئيس البلدية ...": the title without its و
            if any(span in e.spans for e in self.discourse.entities):
                continue  # the speaker, registered already
            content = content_words(self.tokens[start:end], self.lex)
            name = frozenset(content_words(self.tokens[first:end], self.lex))
            self.discourse.introduce(Mention(span, frozenset(content), None, None, True), name)

    def titled_persons(self) -> list[tuple[int, int, int]]:
        """(start, name's start, end) of each person the sentence names by title and name: a
        title, what completes it (الداخلية الإيطالي), then a personal name after a definite
        word ("وزير الخارجية أحمد عطاف", "الرئيس قيس سعيد"); never an unnamed title ("مسؤول أمني",
        "رئيس الوزراء") nor a title and name the gazetteer knows (its party)."""
        found: list[tuple[int, int, int]] = []
        k = 0
        while k < len(self.tokens):
            if not self._titled(k) or self.tokens[k].norm.endswith(("ون", "ين")):
                k += 1
                continue
            end, _ = self.span_end(k, len(self.tokens))
            start, end = self.trim(k, end)
            first = next((j for j in range(start + 1, end) if self._name_word(j)), None)
            if first is not None and any(self._title_at(j) for j in range(start + 1, first)):
                k += 1  # "مسؤول أمني ورئيس البلدية سامي الحداد": the name is the later title's
                continue
            if first is not None:
                last = first + 1
                while last < end and (self._name_word(last) or self._family_name(last)):
                    last += 1  # the name ends before the first word that is not one (الثلاثاء)
                if not self.gazetteer(first, last):  # (a listed leader: its party)
                    found.append((start, first, last))
                    k = last
                    continue
            k += 1
        return found

    def _title_at(self, k: int) -> bool:
        """True when token k is a title, or و and a title (ورئيس)."""
        norm = self.tokens[k].norm
        if self._titled(k):
            return True
        return norm.startswith("و") and bool(
            {norm[1:], base(norm[1:])} & (self.lex.speaker_heads | self.lex.circles)
        )

    def _family_name(self, k: int) -> bool:
        """True when token k ends a name: a definite word right after a given name (أحمد
        السعدي) or a particle (بن، أبو)."""
        norm = self.tokens[k].norm
        return norm in self.lex.name_particles or (
            norm.startswith("ال")
            and norm.isalpha()
            and self._name_word(k - 1)
            and not {norm, base(norm)} & self._known
        )
