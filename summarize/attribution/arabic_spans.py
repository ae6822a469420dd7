"""Speaker spans in Arabic: the noun phrase that names who speaks (ATTRIBUTION.md, section 3).

A span is a title (وزير، المتحدث باسم، مصدر) with its affiliation (في/لدى/باسم/بـ + an institution,
nisba adjectives), a name, an acronym in brackets; it ends where the cue's complement starts
(أن، إن، a colon, a quotation, a preposition of the verb), at a comma, at another verb, or at the
outlet being told (قال لـ«الوطن»). Gazetteer names count only inside such a span.
"""

from __future__ import annotations

from itertools import pairwise

from ..lang.arabic import QUOTE_MARKS
from ..lang.gazetteer import PartyEntry
from .arabic_objects import ArabicObjects
from .arabic_words import COMMAS, ENDS, base, is_quote

_LONGEST_SPAN = 12  # tokens
_COMPLEMENT_STARTS = {"ان", "إن", "بان", "انه", "انها", "انهم", ":", "عن"}
_INSIDE_A_NAME = {"object", "complement", "stop"}  # stops a gazetteer name may run across
_RELATIVE = {"الذي", "التي", "الذين", "وهو", "وهي", "وهم", "ومقرها", "ومقره"}


class SpanParser(ArabicObjects):
    """One Arabic sentence: its tokens, and the speaker spans in it."""

    # --- positions -------------------------------------------------------------------------

    # --- the span ----------------------------------------------------------------------------

    def _affiliation(self, k: int, start: int) -> int:
        """How many tokens an affiliation at k adds to the span (0: none)."""
        norm = self.tokens[k].norm
        if norm == "باسم" or norm in {"التابع", "التابعه", "فيها", "فيه"}:
            return 1
        if norm in {"لدى", "لدي"} and self.institution(k + 1):
            return 1  # ممثل الجبهة لدى الأمم المتحدة
        if norm == "في":
            return 1 if self._in_affiliation(k, start) else 0
        if norm == "عن" and k > start:
            return 1 if self._about(k, start) else 0
        if norm == "من" and k == start + 1 and self.tokens[start].norm == "كل":
            return 1  # كل من مصر والأردن: a joint subject
        if (
            norm == "من"
            and k > start
            and (
                (self._titled(start) and self.institution(k + 1))
                or self.tokens[k - 1].norm in self.lex.quantifiers
            )
        ):
            return 1  # مصادر من الوزارة / ثلاثة من المترشحين
        if norm.startswith("ب") and len(norm) > 3 and self.institution(k):
            return 1  # مصدر بوزارة الصحة
        return 0

    def _about(self, k: int, start: int) -> bool:
        """عن at k belongs to the span: تقرير صادر عن البنك الدولي، الرابطة التونسية للدفاع عن
        حقوق الإنسان."""
        before = self.tokens[k - 1].norm
        return before in self.lex.issued_by or (before.startswith("لل") and self.institution(start))

    def _in_affiliation(self, k: int, start: int) -> bool:
        """في at k belongs to the span: مسؤول في البرنامج، الباحثة في الاقتصاد السياسي، وزارة
        الخارجية في حكومة دمشق، وزارة الصحة في غزة."""
        if self._titled(start):
            return self.institution(k + 1) or self._field(k + 1)
        return self.institution(start) and (self.institution(k + 1) or self._place(k + 1))

    def _field(self, k: int) -> bool:
        """After "في": a field or place of work (الاقتصاد، شؤون الطاقة), not an occasion, a time
        or a document (في مؤتمر، في بيان، في المساء)."""
        if k >= len(self.tokens):
            return False
        token = self.tokens[k]
        word = base(token.norm)
        return not (
            word in self.lex.occasions
            or word in self.lex.documents
            or token.norm in self.lex.documents
            or token.norm in self.lex.occasions
            or token.norm in self.lex.time_words
            or word in self.lex.time_words
            or self.lex.cue(token) is not None
            or token.text in COMMAS
            or is_quote(token)
        )

    def _place(self, k: int) -> bool:
        """After "في" and an institution: one word, then the span's end (وزارة الصحة في غزة،)."""
        if not self._field(k) or k + 1 > len(self.tokens):
            return False
        if k + 1 == len(self.tokens):
            return True
        following = self.tokens[k + 1]
        return (
            following.text in COMMAS
            or following.norm in _COMPLEMENT_STARTS
            or self._verb_at(k + 1, k)
        )

    def _addressee(self, k: int, start: int) -> bool:
        """قال لـ«الوطن» / صبري لوكالة شفق نيوز: the one told, after the verb and its subject
        (after a definite noun, لـ is "of": الاتحاد العراقي لكرة القدم)."""
        norm = self.tokens[k].norm
        if norm in {"ل", "لـ"}:
            return True
        if not norm.startswith("ل") or len(norm) < 3 or k == start:
            return False
        if self.tokens[k - 1].norm in self.lex.affiliations:
            return False  # "ممثلة المفوضية في لبنان،": a place, not the medium told
        if norm[1:] in self.lex.told_media:
            return True  # "مصدر في الرئاسة لوكالة الأنباء": the medium told
        if self.tokens[k - 1].norm.startswith("ال"):
            return False
        for following in self.tokens[k + 1 : k + 4]:  # لرووداو: / لوكالة شفق نيوز بأن
            if following.text in COMMAS or following.text in ENDS or is_quote(following):
                return True
            if following.norm in _COMPLEMENT_STARTS:
                return True
        return k + 1 >= len(self.tokens)  # (not لجنة الأشغال ...)

    def _brackets(self, k: int) -> int:
        """Index after "(فيفا)" when a bracketed acronym opens at k, else k."""
        if self.tokens[k].text != "(":
            return k
        close = next(
            (j for j in range(k + 1, min(len(self.tokens), k + 5)) if self.tokens[j].text == ")"),
            None,
        )
        if close is None or any(c.isdigit() for t in self.tokens[k + 1 : close] for c in t.text):
            return k  # "(34 عاماً)": an age, not a name
        return close + 1

    def _verb_at(self, k: int, start: int) -> bool:
        """A cue at k ends the span: at its start any cue (ومضى قائلاً), inside it a verb
        without a clitic or after و (a name like فرات is not ف + رأت)."""
        found = self.lex.reading(self.tokens[k])
        if found is None:
            return False
        clitic, form = found
        if k == start:
            return True
        if form.form == "noun":  # "عن مصدر عسكري قوله": his saying ends the speaker
            return form.gender is not None
        return clitic in {"", "و"} and form.form in {"perfect", "imperfect"}

    def _stop(self, k: int, start: int, object_taking: bool, after_verb: bool) -> str | None:
        """Why the span that started at `start` ends before token k (None: it goes on)."""
        token = self.tokens[k]
        norm = token.norm
        if token.text in COMMAS:
            return "comma"
        if token.text in ENDS or is_quote(token) or token.text in "()" or norm.isdigit():
            return "end"
        if self._verb_at(k, start):
            return "verb"
        if after_verb and self._addressee(k, start):
            return "addressee"
        if self.said_thing(k):
            return "object"  # "وختم كلمته بالقول": what the speaker said, not who
        if (norm in self.lex.span_stops or norm in _RELATIVE) and token.text != "علي":
            if norm in {"من", "عن"} and k > start and self._participle_of_name(k - 1):
                return None  # الحكومة المكلفة من مجلس النواب، المقرب من الرئيس: its complement
            return "stop"  # (علي the name folds like على the preposition)
        return self._grammar_stop(k, start, object_taking, after_verb)

    def _participle_of_name(self, k: int) -> bool:
        """Token k is a definite participle of a name (المكلفة، المدعومة، المقرب، المنبثقة)."""
        norm = self.tokens[k].norm
        return norm in self.lex.adjectives and norm.startswith("الم")

    def _grammar_stop(
        self, k: int, start: int, object_taking: bool, after_verb: bool = True
    ) -> str | None:
        """A complement (بـ...) or the verb's object starts at k; before the verb (a subject
        first) there is no object yet: "الحسين أيت بوعزة، ... يؤكد" is one name."""
        norm = self.tokens[k].norm
        if k > start and (norm in {"ب", "بـ"} or norm.startswith(("بال", "با", "بت", "بم"))):
            following = self.tokens[k + 1].text if k + 1 < len(self.tokens) else ""
            if not (norm.startswith("با") and not norm.startswith("بال") and following in COMMAS):
                return "complement"  # برر القرار بارتفاع ... (not "عبدالله باوزير، ...")
        if (
            k > start
            and norm.startswith("ب")
            and len(norm) >= 4
            and (object_taking or self._quote_next(k))
        ):  # طالبت الحكومة بفتح المعابر; أقر فلان بوجود "تأخر" (its quotation next)
            return "complement"
        if object_taking and k > start + 1 and self._institution_object(k):
            return "object"  # ناشد محافظ ذي قار الحكومة
        if object_taking and k > start + 1 and self._name_object(k, start):
            return "object"  # حمّل أبو ريدة الاحتلالَ المسؤولية
        if object_taking and k > start + 1 and self._after_genitive(k, start):
            return "object"  # استهجن أهالي القرية تأخرَ المساعدات
        if k == start and norm.startswith("با") and len(norm) >= 5:
            return "complement"  # لوّح بإطفاء: no subject, a complement
        if after_verb and (self._new_phrase(k, start) or self._after_one_of(k, start)):
            return "object"
        return None

    def _quote_next(self, k: int) -> bool:
        """True when a quotation opens right after token k."""
        return k + 1 < len(self.tokens) and is_quote(self.tokens[k + 1])

    def _quoted_name(self, k: int) -> int:
        """Index after a short quoted name at k (مرصد "نت بلوكس", «الوكالة الوطنية»), else k."""
        if not is_quote(self.tokens[k]):
            return k
        for j in range(k + 1, min(len(self.tokens), k + 7)):
            if is_quote(self.tokens[j]):
                inner = self.tokens[k + 1 : j]
                if inner and not any(self.lex.verb(t) for t in inner):
                    return j + 1
                return k
            if self.tokens[j].text in COMMAS or self.tokens[j].text in ENDS:
                return k
        return k

    def span_end(
        self, start: int, limit: int, object_taking: bool = False, after_verb: bool = True
    ) -> tuple[int, str]:
        """End of the speaker span starting at `start` (before `limit`), and why it ended."""
        end = start
        limit = min(limit, len(self.tokens))
        while end < limit and end - start < _LONGEST_SPAN:
            added = self._affiliation(end, start)
            if added:
                end += added
                continue
            after = self._brackets(end) if end > start else end
            after = self._quoted_name(end) if after == end else after
            if after > end:
                end = after
                continue
            reason = self._stop(end, start, object_taking, after_verb)
            if reason == "object" and self._first_conjunct(start, end):
                reason = None  # "كل من منظمة العفو وهيومن رايتس": the first of the joint parties
            elif reason is None and self._after_joint(start, end):
                reason = "object"  # "كل من X وهيومن رايتس ووتش السلطاتِ": the object
            inside = self._name_across(start, end) if reason in _INSIDE_A_NAME else None
            if inside is not None:
                end = inside  # "والمفوضية السامية للأمم المتحدة ...": a name is never cut
                continue
            if reason is not None:
                return end, reason
            end += 1
        return end, "end"

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop quote marks and fillers (بدورها); cut before an object (الطرفين) or a second
        party: in verb-subject-object order, the object is never the speaker."""
        keep: list[int] = []
        for k in range(start, end):
            norm = self.tokens[k].norm
            if norm in QUOTE_MARKS or any(norm == filler[0] for filler in self.lex.fillers):
                continue
            if keep and norm in self.lex.object_heads:
                break
            keep.append(k)
        if not keep:
            return start, start
        start, end = keep[0], keep[-1] + 1
        return start, self._cut_second_party(start, end)

    def _listed(self, start: int, mentions: list[tuple[int, int, PartyEntry]]) -> bool:
        """True when gazetteer names after a head follow each other joined by و ("سفارات
        فرنسا وألمانيا", "وزيرا خارجية مصر والأردن"): the head's list, one party."""
        if len(mentions) < 2 or mentions[0][0] == 0:
            return False
        head = self.tokens[start + mentions[0][0] - 1].norm  # a construct head: no article
        return not head.startswith("ال") and all(  # ("اتهمت الحكومة إيران وتركيا": objects)
            later[0] == earlier[1] and self.tokens[start + later[0]].norm.startswith("و")
            for earlier, later in pairwise(mentions)
        )

    def _cut_second_party(self, start: int, end: int) -> int:
        mentions = self.gazetteer(start, end)
        if (
            len(mentions) >= 2
            and mentions[0][2].kind == "ministry"
            and mentions[1][2].kind == "government"
            and mentions[1][0] - mentions[0][1] <= 1
        ):
            mentions = [mentions[0], *mentions[2:]]  # وزارة الخارجية في حكومة الأسد: one party
            return start + mentions[1][0] if len(mentions) >= 2 else end
        if self.joint(start, mentions) or self._listed(start, mentions):
            # "المنظمة الدولية للهجرة والمفوضية ...", "سفارات فرنسا وألمانيا وإيطاليا": one
            # party; what follows the last name is the object
            return start + mentions[-1][1]
        if len(mentions) >= 2 and mentions[1][0] > 0:
            before = self.tokens[start + mentions[1][0] - 1].norm
            if before not in self.lex.affiliations and not before.startswith("ب"):
                return start + mentions[1][0]
        if mentions and mentions[0][0] == 0:
            # VSO: "اتهمت قسد رئيسَ جهاز ...": a title after the leading party starts the object
            for k in range(start + mentions[0][1], end):
                if self.tokens[k].norm in self.lex.speaker_heads:
                    return k
        elif mentions and self._titled(start) and mentions[0][0] >= 3:
            # "المتحدث باسم الجيش العميد فلان قوات الدعم": a party after a title and a name,
            # with no affiliation before it (nor "لـ": المكتب السياسي لأنصار الله), is the object
            before = self.tokens[start + mentions[0][0] - 1].norm
            first = self.tokens[start + mentions[0][0]].norm
            if (
                before not in self.lex.affiliations
                and not before.startswith("ب")
                and not first.startswith("ل")
            ):
                return start + mentions[0][0]
        return end

    # --- parties -------------------------------------------------------------------------------
