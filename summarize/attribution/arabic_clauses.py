"""Clause-level tests the Arabic reader uses: whether a cue reports, where a subject starts
and ends, whether a noun phrase after the verb is its object, the outlet's own reporters."""

from __future__ import annotations

from ..lang.arabic import strip_prefix
from .arabic_sources import ArabicSources
from .arabic_words import COMMAS, among, base, is_quote
from .discourse import Reading
from .morphology import CueForm

# Words opening an aside about the subject between commas ("X، وهي مجموعة ...،", "X، الذي ...،").
ASIDES = frozenset({"وهو", "وهي", "وهم", "الذي", "التي", "الذين"})


class ArabicClauses(ArabicSources):
    """Tests on the clause around a cue."""

    def _adverbial(self, index: int) -> bool:
        """A leading phrase that opens with a preposition or a time word (not a subject)."""
        norm = self.tokens[index].norm
        forms = set(strip_prefix(norm, ("و", "ف")))
        return bool(forms & self.lex.leading_words) or (
            len(norm) > 3 and norm.startswith(("وب", "ب")) and not self.institution(index)
        )

    def _clause_start(self, index: int) -> int:
        """Skip clause-initial conjunctions (و is a clitic; كما، ثم، لكن، غير أن are words)."""
        tokens = self.tokens
        while index < len(tokens) and tokens[index].norm in self.lex.conjunctions:
            index += 1
            if index < len(tokens) and tokens[index].norm in {"ان", "أن"}:
                index += 1
        return index

    def _reports(self, v: int, form: CueForm) -> bool:
        """False for a cue that reports nothing: negated or subordinate ("لم تعلن الحكومة",
        "بعدما شدد البنك"), or without the preposition it reports with ("شدد على")."""
        if v > 0 and self.tokens[v - 1].norm in self.lex.not_reporting:
            return False
        if not self._speech_reply(v, form):
            return False
        needed = self.lex.needs_preposition.get(form.lemma)
        if needed is None:
            return True
        return any(
            t.norm in needed or (t.norm.startswith("ل") and "ل" in needed)
            for t in self.tokens[v + 1 : v + 15]
        )

    def _speech_reply(self, v: int, form: CueForm) -> bool:
        """False for "ردّت الفصائل بإطلاق صواريخ": a reply whose first بـ complement (before
        على, أن or a quotation) is an act, not one of the words that make it speech."""
        speech = self.lex.replies_with.get(form.lemma)
        if speech is None:
            return True
        for token in self.tokens[v + 1 : v + 8]:
            norm = token.norm
            if is_quote(token):
                continue  # a quoted name (ردّت «الجبهة») or the quotation itself
            if norm in {"علي", "ان", "بان", ":"} or token.text in COMMAS:
                return True
            if norm.startswith("ب") and len(norm) >= 4:
                return norm in speech
        return True

    def _outlet_reporter(self, start: int, end: int) -> bool:
        """The outlet's own reporter: "أفاد مراسلنا", "أفادت مراسلة الميادين (في أصفهان)"."""
        norm = self.tokens[start].norm
        return base(norm) in self.lex.own_correspondent or (
            norm in self.lex.correspondent and self._own_reporter(start, end)
        )

    def _subject_start(self, k: int) -> int | None:
        """Where the subject after a verb starts: after a demonstrative that names a person, an
        institution or a document ("وأكد هذا المسؤول"); None after one that names a thing."""
        tokens = self.tokens
        if k >= len(tokens) or tokens[k].norm not in self.lex.demonstratives:
            return k
        named = k + 1 < len(tokens) and (
            self._titled(k + 1)
            or self.institution(k + 1)
            or among(tokens[k + 1].norm, self.lex.documents)
        )
        return k + 1 if named else None

    def _is_object(self, start: int, end: int, reason: str, form: CueForm, continues: bool) -> bool:
        """A lone noun phrase after طالب/اتهم/دعا in a continuing sentence is the object."""
        if form.kind not in self.lex.object_taking:
            return False
        first = self.tokens[start]
        joint = start + 1 < end and first.norm == "كل" and self.tokens[start + 1].norm == "من"
        if joint:
            return False  # "أدانت كل من مصر والأردن": a joint party, the subject
        if first.norm in self.lex.object_heads or first.text.endswith(("اً", "ًا")):
            return True
        if reason == "object" and form.kind == "demand" and end < len(self.tokens):
            return self.tokens[end].norm in self.lex.demanded_acts  # ناشدت المنظمات التدخل
        if not continues or reason not in {"complement", "stop"}:
            return False
        if self.tokens[start].norm in self.lex.speaker_heads:
            return False
        if self.discourse.recent_speaker(form.gender) is None:
            return False  # no one to continue: "ودعت الحكومة إلى ..." opens with its subject
        return len(self.gazetteer(start, end)) < 2

    def _subject_end(self, start: int, verb: int) -> int:
        """End of a subject before its verb: the first comma-separated segment (the rest are
        parentheticals: "الرابطة، وهي أقدم جمعية، استنكرت")."""
        comma = self.comma_after(start)
        return comma if comma is not None and comma < verb else verb

    def _own_reporter(self, start: int, end: int) -> bool:
        """مراسل + an outlet's name of one or two words, then at most a place (في ...)."""
        words = [t.norm for t in self.tokens[start + 1 : end]]
        outlet = words[: words.index("في")] if "في" in words else words
        return len(outlet) <= 2

    def _voices(self, index: int) -> Reading | None:
        """ "وتتعالى أصوات متضررين يشتكون من ...": the voices' owners speak (the cue after them)."""
        tokens = self.tokens
        k = next(
            (
                j
                for j in range(index, min(len(tokens), index + 3))
                if base(tokens[j].norm) == "اصوات"
            ),
            None,
        )
        if k is None:
            return None
        for v in range(k + 2, min(len(tokens), k + 7)):
            form = self.lex.verb(tokens[v], False)
            if form is not None:
                start, end = self.trim(k + 1, v)
                entity = self.entity_for(start, end) if start < end else None
                return self._reading(entity, (start, end), (v, v + 1), form, "voices")
        return None
