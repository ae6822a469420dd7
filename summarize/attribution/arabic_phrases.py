"""One Arabic sentence's tokens and what its words are: titles, institutions, gazetteer names
(and where one runs across a stop), speech nouns, the joint parties of "كل من X وY"."""

from __future__ import annotations

from itertools import pairwise

from ..lang.arabic import strip_prefix, tokenize
from ..lang.boilerplate import load_boilerplate
from ..lang.gazetteer import PartyEntry, load_countries, match_arabic
from .arabic_words import COMMAS, base, quoted
from .discourse import Discourse, Range
from .lexicon_ar import load_arabic


class ArabicPhrases:
    """The tokens of one Arabic sentence, and tests on its words."""

    def __init__(self, text: str, discourse: Discourse) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.discourse = discourse
        self.lex = load_arabic()
        self.agencies = frozenset(load_boilerplate().dateline_agencies)
        self.inside = quoted(self.tokens)
        self._all_mentions: list[tuple[int, int, PartyEntry]] | None = None  # (lazily)

    def chars(self, start: int, end: int) -> Range | None:
        """Character range of tokens[start:end]."""
        if start >= end:
            return None
        return self.tokens[start].start, self.tokens[end - 1].end

    def gazetteer(self, start: int, end: int) -> list[tuple[int, int, PartyEntry]]:
        """Gazetteer mentions in tokens[start:end] (offsets relative to `start`)."""
        return match_arabic(self.tokens[start:end], self.discourse.gazetteer)

    def _first_conjunct(self, start: int, k: int) -> bool:
        """True when token k is still inside the parties of "كل من X وY": anywhere in X, the و
        that opens Y, and Y's words up to a definite noun (the object: "... السلطاتِ")."""
        tokens = self.tokens
        joint = start + 2 <= k and tokens[start].norm == "كل" and tokens[start + 1].norm == "من"
        if not joint:
            return False
        conjunction = next(
            (j for j in range(start + 2, k + 1) if tokens[j].norm.startswith("و")), None
        )
        return conjunction is None or conjunction == k or not tokens[k].norm.startswith("ال")

    def _after_joint(self, start: int, k: int) -> bool:
        """True when token k, a definite noun after an indefinite word, follows the second party
        of "كل من X وY" (it starts the verb's object)."""
        tokens = self.tokens
        if not (start + 3 < k and tokens[start].norm == "كل" and tokens[start + 1].norm == "من"):
            return False
        second = any(t.norm.startswith("و") for t in tokens[start + 3 : k])
        before = tokens[k - 1].norm
        definite = tokens[k].norm.startswith("ال") and not before.startswith("ال")
        head = {before, base(before), before[1:] if before.startswith("و") else before}
        construct = bool(head & (self.lex.institutions | self.lex.speaker_heads))  # ورابطة القضاة
        return second and definite and not construct and tokens[k].norm not in load_countries()

    def _name_across(self, start: int, k: int) -> int | None:
        """The end of a gazetteer name that began in the span (at or after `start`) and goes on
        past token k, if any."""
        if self._all_mentions is None:
            self._all_mentions = self.gazetteer(0, len(self.tokens))
        return next((b for a, b, _ in self._all_mentions if start <= a < k < b), None)

    def institution(self, k: int) -> bool:
        """True when token k names an institution (a gazetteer party or an institution noun)."""
        if k >= len(self.tokens):
            return False
        norm = self.tokens[k].norm
        forms = {norm, base(norm), *strip_prefix(norm)}
        if forms & self.lex.institutions:
            return True
        mentions = self.gazetteer(k, k + 6)
        return bool(mentions) and mentions[0][0] == 0

    def comma_after(self, k: int) -> int | None:
        """Index of the next comma at or after k, if any."""
        return next((j for j in range(k, len(self.tokens)) if self.tokens[j].text in COMMAS), None)

    def _titled(self, start: int) -> bool:
        """True when tokens[start] is a title or a source word (مصدرًا too: its case ending)."""
        norm = self.tokens[start].norm
        if norm in self.lex.places or base(norm) in self.lex.places:
            return False  # محافظة (a governorate), not محافظ (a governor)
        forms = {norm, base(norm), norm[:-1] if norm.endswith(("ا", "ه")) else norm}
        if len(norm) >= 5 and norm.endswith(("ون", "ين")) and not norm.startswith("ال"):
            forms.add(norm[:-2])  # عاملون (في المجال)، ممثلة (المفوضية)
        return bool(forms & (self.lex.speaker_heads | self.lex.circles)) or (
            len(norm) >= 5 and norm.endswith("ون") and norm.startswith(("م", "عا"))
        )

    def gender(self, start: int, end: int) -> str:
        """m, f or p: the gender and number of the noun phrase tokens[start:end] (its head)."""
        head = self.tokens[start].norm
        if end - start >= 3 and head in {"كل"}:  # كل من X وY: joint parties
            return "p"
        forms = {head, base(head)}
        if forms & self.lex.plurals or (len(head) > 4 and head.endswith(("ون", "ين"))):
            return "p"
        return "f" if head.endswith("ه") else "m"

    def said_thing(self, k: int) -> bool:
        """Token k is a speech noun with a possessive pronoun (كلمته، إحاطتها، بيانهم)."""
        norm = self.tokens[k].norm
        for suffix in ("هما", "هم", "ها", "ه"):
            stem = norm[: -len(suffix)]
            if norm.endswith(suffix) and len(stem) >= 3:
                forms = {stem, stem[:-1] + "ه" if stem.endswith("ت") else stem}
                return bool(forms & self.lex.speech_nouns)
        return False

    def joint(self, start: int, mentions: list[tuple[int, int, PartyEntry]]) -> bool:
        """True when the span (from `start`) opens with gazetteer names joined by و, each right
        after the other ("مصر والأردن", "كل من مصر والأردن"): a joint party."""
        offset = 2 if self.tokens[start].norm == "كل" else 0
        if len(mentions) < 2 or mentions[0][0] != offset:
            return False
        return all(
            later[0] == earlier[1] and self.tokens[start + later[0]].norm.startswith("و")
            for earlier, later in pairwise(mentions)
        )
