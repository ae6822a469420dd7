"""Where a verb's object begins after its subject in Arabic (ATTRIBUTION.md, section 2: the
object of اتهم، حمّل، طالب، دعا، ناشد is never the speaker): a definite noun the subject does not
describe, an institution after a name, a word after a closed construct, what follows "one of"."""

from __future__ import annotations

from functools import cached_property

from ..lang.gazetteer import load_countries
from .arabic_phrases import ArabicPhrases
from .arabic_words import base, definite, is_quote


class ArabicObjects(ArabicPhrases):
    """Tests on the token where a speaker span may end and the verb's object begin."""

    def _institution_object(self, k: int) -> bool:
        """A definite institution after a name or a noun: the object of طالب/ناشد/اتهم."""
        token = self.tokens[k].norm
        before = self.tokens[k - 1].norm
        return (
            token.startswith("ال")
            and self.institution(k)
            and not before.startswith("ال")
            and before not in self.lex.affiliations
            and not self._titled(k - 1)
            and not self.institution(k - 1)
        )

    def _name_object(self, k: int, start: int) -> bool:
        """A definite noun after a personal name of indefinite words (أبو ريدة، كارلسون): the
        verb's object, not part of the name."""
        words = [t.norm for t in self.tokens[start:k]]
        return (
            self.tokens[k].norm.startswith("ال")
            and not self._titled(start)
            and not self.institution(start)
            and words[0] not in self.lex.quantifiers
            and not any(w.startswith("ال") for w in words)
            and not any(w in self.lex.affiliations for w in words)
            and self.lex.cue(self.tokens[k]) is None
        )

    def _after_quoted_name(self, k: int, start: int) -> bool:
        """A definite word k after a quoted name starts the object, except an adjective: after
        a bare quoted name only its country ("«قسد» الرواية التركية": the object), after a head
        noun any nisba (منظمة "ييش دين" الإسرائيلية)."""
        token = self.tokens[k].norm
        if is_quote(self.tokens[start]):
            return token not in load_countries()
        return not token.endswith(("ي", "يه"))

    def _new_phrase(self, k: int, start: int) -> bool:
        """Token k starts another noun phrase (the verb's object): a definite noun after a
        definite noun that it does not describe (اتهمت الحكومة الحركة), a definite noun after a
        sound plural (حمّل محتجون الحكومة), a common noun after a definite one (برر المتحدث
        ساعات القطع)."""
        if k == start:
            return False
        before, token = self.tokens[k - 1].norm, self.tokens[k].norm
        if k - 1 > start and is_quote(self.tokens[k - 1]) and token.startswith("ال"):
            return self._after_quoted_name(k, start)
        definite = token.startswith(("ال", "وال"))
        if len(before) > 4 and before.endswith(("ون", "ين")) and definite:
            return not before.startswith(("ال", "وال", "لل", "بال"))  # محتجون الحكومة
        named = token.startswith("ال") and any(  # a name is definite: "قطر الهجوم"
            start + m_end == k for _, m_end, _ in self.gazetteer(start, k)
        )
        if (
            not (before.startswith("ال") or named)
            or self.tokens[k - 1].text.startswith("آ")  # آلان folds like الان: no article
            or self.lex.cue(self.tokens[k - 1]) is not None
        ):
            return False
        if (
            (token.startswith("ل") and len(token) > 2)
            or any(c.isdigit() for c in token)
            or token in self.lex.name_particles
        ):
            return False  # الاتحاد العراقي لكرة القدم: "of"; القناة الـ12; عبد الرحيم أبو عليا
        if token.startswith("است") and len(token) >= 6:
            return True  # مصادر في الوزارة التركية استهداف ...: a verbal noun, the object
        if definite:
            adjective = (
                token.endswith(("ي", "يه", "يون", "يين", "يات"))
                or token.startswith(("الم", "والم"))
                or token in self.lex.adjectives
                or token.startswith("وال")
                or self._titled(k)
            )
            return not adjective
        return not self._titled(start) or token.endswith("ات") or token.isdigit()

    def _after_one_of(self, k: int, start: int) -> bool:
        """ "وصف أحد الأطباء المشهدَ": after "one of the X" a definite singular is the object (a
        plural adjective agrees with them and stays: "أحد المعلمين المشاركين")."""
        norm = self.tokens[k].norm
        return (
            k == start + 2
            and self.tokens[start].norm in {"احد", "احدي"}
            and norm.startswith("ال")
            and not norm.endswith(("ي", "يه", "ين", "ون", "ات"))
        )

    def _after_genitive(self, k: int, start: int) -> bool:
        """Token k, a word without the article, follows a construct closed by a definite
        genitive (أهالي القرية، شركة الكهرباء): a new noun phrase, the verb's object (after a
        verb that takes one); not in a span opened by a person's title, where a name follows
        ("الناطق باسم الحكومة خالد عساف")."""
        before, token = self.tokens[k - 1].norm, self.tokens[k].norm
        head = self.tokens[k - 2].norm
        if self._titled(start) and self.tokens[start].norm not in self.lex.plurals:
            # a person's title: "وزير الداخلية أحمد السعدي" goes on to the name; an
            # institution there is the object ("حمّل رئيس البلدية شركة الكهرباء")
            return self.institution(k) and (
                (before.startswith("ال") and not token.startswith("ال"))
                or (k - 1 > start and self._name_word(k - 1))
            )  # ("حمّل الناطق باسم الحكومة خالد عساف حكومةَ الاحتلال": after the name)
        return (
            before.startswith("ال")
            and not head.startswith(("ال", "وال"))
            and not token.startswith(("ال", "وال", "ل", "و"))
            and token.isalpha()
            and token not in self.lex.name_particles
            and self.lex.cue(self.tokens[k]) is None
        )

    def _name_word(self, k: int) -> bool:
        """True when token k can be a given name: a word of letters with no article after a
        definite word or another such name, and not a title, an institution, a place, a time,
        a function word or a cue."""
        norm = self.tokens[k].norm
        if k == 0 or not norm.isalpha() or definite(norm):
            return False  # (والطوارئ، بالوزارة، للانتخابات: a definite word behind a clitic)
        if not self.tokens[k - 1].norm.startswith("ال") and not self._name_word(k - 1):
            return False
        return (
            not ({norm, base(norm)} & self._known)
            and self.lex.cue(self.tokens[k]) is None
            and (norm not in load_countries())
        )

    @cached_property
    def _known(self) -> frozenset[str]:
        """Words of the lexicon that are never part of a personal name."""
        return (
            self.lex.speaker_heads
            | self.lex.institutions
            | self.lex.places
            | self.lex.time_words
            | self.lex.leading_words
            | self.lex.span_stops
            | self.lex.function_words
            | self.lex.affiliations
        )
