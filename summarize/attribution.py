"""Who said what: each body sentence's voice, party, cue and kind, from rules and lexicons.

Arabic sentences are read in Arabic (more regular than machine output); English input is read in
English. The rules are general (word order, reporting verbs, "according to" phrases, pronoun and
pro-drop continuations that agree in gender and number); the vocabulary is data (lexicon.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .arabic import QUOTE_MARKS, Token, fold, span_text, strip_prefix, tokenize
from .lexicon import Lexicon, PartyEntry, load_lexicon

ClaimKind = Literal[
    "statement", "accusation", "demand", "denial", "threat", "report", "assessment", "event"
]
Voice = Literal["attributed", "outlet"]

_AR_FUNCTION = {fold(w) for w in ("في", "من", "على", "لدى", "عن", "إلى", "مع", "و", "باسم", "بن")}
_AR_CONJ = {"كما", "ثم", "وكما"}
_EN_WEAK_CUES = {"continued", "went on"}
_DOCUMENT_WORDS = {fold(w) for w in ("بيان", "تقرير", "دراسة", "إحصاءات", "أرقام", "معطيات")}
_COMMAS = {"،", ",", "؛", ";"}
_EN_STOP = {"the", "a", "an", "of", "in", "for", "at", "on", "to", "and", "its", "his", "her", "s"}
_EN_PERSON = re.compile(
    r"\b(spokes(?:man|woman|person)|head|member|minister|dr\.?|mp|professor|researcher|"
    r"president|director|chief|commander|official|envoy|ambassador|governor|general|colonel|"
    r"brigadier|expert|analyst|economist|lawyer|activist|mr\.?|mrs\.?|ms\.?)\b",
    re.IGNORECASE,
)
# A noun phrase up to punctuation; the period of an abbreviation (Dr., U.N.) does not end it.
_EN_SPAN = r"(?:[^,.;:]|(?<=\bDr)\.|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bProf)\.|(?<=\b[A-Z])\.)+"
_EN_FILLER_SEGMENT = re.compile(
    r"^(in (a|an|its|his|her|their) (official |brief |written |joint )?(statement|post|"
    r"interview|press conference|phone call|speech|tweet)|at a press conference|"
    r"for (his|her|its|their) part|citing|quoting|speaking|on \w+day|yesterday|today|"
    r"last \w+|on \w+|at dawn|in the early hours|\w+day)\b",
    re.IGNORECASE,
)


@dataclass(eq=False)
class Entity:
    """A party the article mentions, as the discourse knows it so far."""

    key: str  # stable id within the article ("e1", ...)
    spans: list[str]  # how it was named, in order (Arabic for Arabic input)
    tokens: set[str]  # content words of those names (folded), for matching later mentions
    entry: PartyEntry | None  # the gazetteer entry, when known
    name: str | None  # neutral English name, when known without translation
    gender: str | None = None  # m, f, p (Arabic verbs) or m, f, o, p (English pronouns)
    person: bool = False  # named by a title or a personal name (English pronoun agreement)


@dataclass(frozen=True)
class Attribution:
    """What the rules decided for one sentence."""

    entity: Entity | None  # None: the outlet's own voice
    span: str | None  # the span naming the party in this sentence (None for a continuation)
    cue: str | None  # the reporting verb or phrase, as written
    kind: ClaimKind  # statement, accusation, ...


@dataclass
class Discourse:
    """Parties known so far and who spoke last: what continuations resolve against."""

    lexicon: Lexicon
    entities: list[Entity] = field(default_factory=list)
    speakers: list[tuple[Entity, str | None]] = field(default_factory=list)  # with verb gender

    def recent_speaker(self, gender: str | None, person: bool | None = None) -> Entity | None:
        """The latest speaker agreeing with `gender` (and person/organisation when asked)."""
        for entity, spoke_as in reversed(self.speakers):
            if gender is not None and spoke_as is not None and spoke_as != gender:
                continue
            if person is not None and entity.person != person:
                continue
            return entity
        return self.speakers[-1][0] if self.speakers else None

    def said(self, entity: Entity, gender: str | None) -> None:
        self.speakers.append((entity, gender))
        if gender is not None:
            entity.gender = gender

    def _new(
        self,
        span: str,
        tokens: set[str],
        entry: PartyEntry | None,
        name: str | None,
        person: bool = False,
    ) -> Entity:
        entity = Entity(
            f"e{len(self.entities) + 1}", [span], set(tokens), entry, name, person=person
        )
        self.entities.append(entity)
        return entity

    def _by_recency(self) -> list[Entity]:
        spoken = [e for e, _ in reversed(self.speakers)]
        return list(dict.fromkeys(spoken + list(reversed(self.entities))))

    def resolve(
        self,
        span: str,
        tokens: set[str],
        entry: PartyEntry | None,
        name: str | None,
        person: bool = False,
    ) -> Entity:
        """The entity `span` names: the gazetteer's, an earlier one it shortens, or a new one."""
        if entry is not None:
            for entity in self._by_recency():
                if entity.entry == entry and (entity.name == name or name == entry.name):
                    entity.spans.append(span)
                    entity.tokens |= tokens
                    return entity
            return self._new(span, tokens, entry, name, person)
        if tokens:
            for entity in self._by_recency():
                if tokens <= entity.tokens:
                    entity.spans.append(span)
                    return entity
        return self._new(span, tokens, None, name, person)


# --- Arabic -----------------------------------------------------------------------------------


def _content_ar(tokens: list[Token]) -> set[str]:
    words = set()
    for token in tokens:
        if not token.norm.isalnum() or token.norm in _AR_FUNCTION:
            continue
        word = token.norm[2:] if token.norm.startswith("ال") and len(token.norm) > 3 else token.norm
        word = word[1:] if word.startswith("و") and len(word) > 3 else word
        words.add(word)
    return words


def _gazetteer_ar(tokens: list[Token], lex: Lexicon) -> list[tuple[int, int, PartyEntry]]:
    """(start, end, entry) of gazetteer mentions, longest first at each place, not overlapping."""
    words = [t for t in range(len(tokens)) if tokens[t].norm not in QUOTE_MARKS]
    found: list[tuple[int, int, PartyEntry]] = []
    position = 0
    while position < len(words):
        best: tuple[int, PartyEntry] | None = None
        for entry in lex.parties:
            for alias in entry.ar:
                size = len(alias)
                if size == 0 or position + size > len(words) or (best and size <= best[0]):
                    continue
                window = [tokens[words[position + k]].norm for k in range(size)]
                if alias[0] in strip_prefix(window[0]) and list(alias[1:]) == window[1:]:
                    best = (size, entry)
        if best:
            start, end = words[position], words[position + best[0] - 1] + 1
            found.append((start, end, best[1]))
            position += best[0]
        else:
            position += 1
    return found


def _verb_ar(token: Token, lex: Lexicon) -> tuple[str, str] | None:
    for form in strip_prefix(token.norm, ("و", "ف")):
        if form in lex.ar_verbs:
            return lex.ar_verbs[form]
    return None


def _phrase_at(tokens: list[Token], index: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length in tokens of the phrase starting at `index` (0 if none). A final ل may be attached
    to the next word (وفقاً لمكتب)."""
    for phrase in sorted(phrases, key=len, reverse=True):
        size = len(phrase)
        if index + size > len(tokens) + (1 if phrase[-1] in {"ل", "لـ"} else 0):
            continue
        if phrase[0] not in strip_prefix(tokens[index].norm, ("و", "ف")):
            continue
        middle = [tokens[index + k].norm for k in range(1, size) if index + k < len(tokens)]
        if phrase[-1] in {"ل", "لـ"}:
            if list(phrase[1:-1]) == middle[: size - 2] and index + size - 1 < len(tokens):
                following = tokens[index + size - 1].norm
                if following.startswith("ل") or following in {"ل", "لـ"}:
                    return size - 1 if following not in {"ل", "لـ"} else size
            continue
        if list(phrase[1:]) == middle:
            return size
    return 0


def _skip_dateline(tokens: list[Token]) -> int:
    """Index after a dateline such as "بغداد -" or "طرابلس - (وكالات) -"."""
    for index in range(min(len(tokens), 5)):
        if tokens[index].text in {"-", "–", "—"} and index > 0:
            after = index + 1
            if after < len(tokens) and tokens[after].text == "(":
                close = next(
                    (k for k in range(after, min(len(tokens), after + 6)) if tokens[k].text == ")"),
                    None,
                )
                if close is not None:
                    after = close + 1
                    if after < len(tokens) and tokens[after].text in {"-", "–", "—"}:
                        after += 1
            return after
    return 0


class _ArabicReader:
    """Attribution of one Arabic sentence against the discourse so far."""

    def __init__(self, text: str, discourse: Discourse) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.discourse = discourse
        self.lex = discourse.lexicon

    def entity_for(self, start: int, end: int, *, register: bool = True) -> Entity | None:
        tokens = self.tokens[start:end]
        span = span_text(self.text, self.tokens, start, end)
        if not span:
            return None
        entry, name = _party_name([m[2] for m in _gazetteer_ar(tokens, self.lex)])
        content = _content_ar(tokens)
        if (
            not register
            and entry is None
            and not any(content <= e.tokens for e in self.discourse.entities)
        ):
            return None
        return self.discourse.resolve(span, content, entry, name)

    def mentions(self) -> None:
        """Register the gazetteer parties a sentence names, so short forms resolve later."""
        for start, end, entry in _gazetteer_ar(self.tokens, self.lex):
            self.discourse.resolve(
                span_text(self.text, self.tokens, start, end),
                _content_ar(self.tokens[start:end]),
                entry,
                entry.name,
            )

    def _subject_span(self, start: int, kind: str) -> tuple[int, int, str]:
        """Span after a verb: up to a stop word, punctuation or (object-taking verbs) بـ."""
        end = start
        reason = "end"
        while end < len(self.tokens) and end - start < 14:
            token = self.tokens[end]
            if token.text in _COMMAS or token.text in {":", ".", "؟", "!"}:
                reason = "comma" if token.text in _COMMAS else "colon"
                break
            if (
                token.norm in self.lex.ar_stops
                or _phrase_at(self.tokens, end, self.lex.ar_according)
            ) and not self._qualifies_ministry(start, end):
                reason = "stop"
                break
            if (
                kind in self.lex.ar_object_taking
                and end > start
                and token.norm.startswith("ب")
                and len(token.norm) >= 4
                and token.norm not in {"باسم", "بن"}
            ):
                reason = "complement"
                break
            if end == start and token.norm.startswith("با") and len(token.norm) >= 5:
                reason = "complement"  # لوّح بإطفاء / هدد باتخاذ: no subject, a complement
                break
            end += 1
        return start, end, reason

    def _qualifies_ministry(self, start: int, end: int) -> bool:
        """True at "في"/"لدى" that joins a ministry to its government (وزارة الخارجية في حكومة
        الأسد): the government qualifies the ministry rather than ending the speaker's name."""
        if self.tokens[end].norm not in {"في", "لدي"}:
            return False
        before = _gazetteer_ar(self.tokens[start:end], self.lex)
        after = _gazetteer_ar(self.tokens[end + 1 : end + 6], self.lex)
        return bool(
            before
            and before[-1][2].kind == "ministry"
            and before[-1][1] == end - start
            and after
            and after[0][0] == 0
            and after[0][2].kind == "government"
        )

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop fillers (بدورها) and cut before an object (الطرفين) or a second party."""
        words = [k for k in range(start, end) if self.tokens[k].norm not in QUOTE_MARKS]
        keep: list[int] = []
        for k in words:
            if any(self.tokens[k].norm == filler[0] for filler in self.lex.ar_fillers):
                continue
            if keep and self.tokens[k].norm in self.lex.ar_object_heads:
                break
            keep.append(k)
        if not keep:
            return start, start
        start, end = keep[0], keep[-1] + 1
        mentions = _gazetteer_ar(self.tokens[start:end], self.lex)
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
                    if self.tokens[k].norm in self.lex.ar_speaker_heads
                ),
                None,
            )
            end = head if head is not None else end
        elif (
            mentions
            and self.tokens[start].norm in self.lex.ar_speaker_heads
            and mentions[0][0] >= 3
        ):
            # "المتحدث باسم الجيش العميد حسن الطاهر قوات الدعم السريع": a party named after the
            # speaker's title and name is the object
            end = start + mentions[0][0]
        return start, end

    def _is_object(self, start: int, end: int, reason: str, kind: str, continues: bool) -> bool:
        """A lone noun phrase after طالب/اتهم/دعا in a continuing sentence is the object."""
        if start >= end or kind not in self.lex.ar_object_taking:
            return False
        first = self.tokens[start]
        if first.norm in self.lex.ar_object_heads or first.text.endswith(("اً", "ًا")):
            return True
        if not continues or reason not in {"complement", "stop"}:
            return False
        if first.norm in self.lex.ar_speaker_heads:
            return False
        return len(_gazetteer_ar(self.tokens[start:end], self.lex)) < 2

    def _prefix_party(self, segments: list[tuple[int, int]]) -> Entity | None:
        for start, end in segments:
            mentions = _gazetteer_ar(self.tokens[start:end], self.lex)
            for m_start, m_end, _ in mentions:
                return self.entity_for(start + m_start, start + m_end)
            # "في بيان أصدرته الوزارة": the issuer is named after the verb
            for k in range(start, end):
                if self.tokens[k].norm.startswith(("اصدرته", "اصدرها", "نشرته", "نشرها")):
                    found = self.entity_for(k + 1, end, register=False)
                    if found is not None:
                        return found
        return None

    def _continuation(self, gender: str | None, cue: str, kind: ClaimKind) -> Attribution:
        entity = self.discourse.recent_speaker(gender)
        if entity is None:
            return Attribution(None, None, None, "event")
        self.discourse.said(entity, gender)
        return Attribution(entity, None, cue, kind)

    def _issuer(self, start: int, end: int) -> int:
        """Where the party starts in "تقرير لمنظمة X" / "بيان مقتضب أصدرته X" (a report by X)."""
        head = strip_prefix(self.tokens[start].norm, ("ل",))[-1]
        if head not in _DOCUMENT_WORDS:
            return start
        for k in range(start + 1, min(end, start + 4)):
            norm = self.tokens[k].norm
            if norm.startswith(("اصدرته", "اصدرها", "نشرته", "نشرها")) and k + 1 < end:
                return k + 1
            if norm.startswith("ل") and len(norm) > 3:
                return k
        return start

    def _attributed(
        self, start: int, end: int, gender: str | None, cue: str, kind: ClaimKind
    ) -> Attribution | None:
        entity = self.entity_for(start, end)
        if entity is None:
            return None
        self.discourse.said(entity, gender)
        span = span_text(self.text, self.tokens, start, end)
        if self.tokens[start].norm.startswith("ل") and kind == "report":
            span = re.sub(r"^لـ?\s*", "", span)  # وفقاً لمكتب ... / تقرير لمنظمة ... -> مكتب ...
        return Attribution(entity, span, cue, kind)

    def read(self) -> Attribution:
        tokens, lex = self.tokens, self.lex
        index = _skip_dateline(tokens)
        prefixes: list[tuple[int, int]] = []
        while True:  # leading phrases without a cue: "في المقابل،", "أمس الجمعة،", "وفي بيان رسمي،"
            comma = next(
                (k for k in range(index, min(len(tokens), index + 8)) if tokens[k].text in _COMMAS),
                None,
            )
            if comma is None or comma == index:
                break
            segment = range(index, comma)
            if any(_verb_ar(tokens[k], lex) for k in segment) or any(
                _phrase_at(tokens, k, lex.ar_according) for k in segment
            ):
                break
            prefixes.append((index, comma))
            index = comma + 1
        continues = (
            not prefixes
            and index < len(tokens)
            and (tokens[index].norm in _AR_CONJ or tokens[index].norm.startswith(("و", "ف")))
        )
        if index >= len(tokens):
            return Attribution(None, None, None, "event")
        size = _phrase_at(tokens, index, lex.ar_continuation)
        if size:  # "وجاء في البيان": the last speaker goes on
            return self._continuation(
                None, span_text(self.text, tokens, index, index + size), "statement"
            )
        verb_at = index + 1 if tokens[index].norm in _AR_CONJ else index
        found = _verb_ar(tokens[verb_at], lex) if verb_at < len(tokens) else None
        if found:  # verb first: قال المتحدث ... / وأضاف أن ...
            kind, gender = found
            cue = tokens[verb_at].text
            start, end, reason = self._subject_span(verb_at + 1, kind)
            start, end = self._trim(start, end)
            if start < end and not self._is_object(start, end, reason, kind, continues):
                result = self._attributed(start, end, gender, cue, kind)  # type: ignore[arg-type]
                if result:
                    return result
            from_prefix = self._prefix_party(prefixes)
            if from_prefix is not None:
                self.discourse.said(from_prefix, gender)
                return Attribution(from_prefix, from_prefix.spans[-1], cue, kind)  # type: ignore[arg-type]
            return self._continuation(gender, cue, kind)  # type: ignore[arg-type]
        for verb_at in range(index + 1, min(len(tokens), index + 9)):  # subject first
            found = _verb_ar(tokens[verb_at], lex)
            if not found:
                continue
            start, end = self._trim(index, verb_at)
            subject = tokens[start:end]
            if start >= end or any(t.text in _COMMAS or t.norm in lex.ar_stops for t in subject):
                break
            plausible = (
                subject[0].norm in lex.ar_speaker_heads
                or _gazetteer_ar(subject, lex)
                or any(_content_ar(subject) <= e.tokens for e in self.discourse.entities)
                or len(subject) <= 3
            )
            if plausible:
                kind, gender = found
                result = self._attributed(start, end, gender, tokens[verb_at].text, kind)  # type: ignore[arg-type]
                if result:
                    return result
            break
        for k in range(index, len(tokens)):  # "according to X": حسب / وفقاً لـ / نقلاً عن
            size = _phrase_at(tokens, k, lex.ar_according)
            if not size:
                continue
            start = k + size
            end = start
            while (
                end < len(tokens)
                and end - start < 14
                and tokens[end].text not in _COMMAS
                and tokens[end].norm not in {"فان", "فانه", ":"}
            ):
                end += 1
            subject = tokens[start:end]
            head = strip_prefix(subject[0].norm, ("ل",))[-1] if subject else ""
            if subject and (
                head in lex.ar_speaker_heads
                or _gazetteer_ar(subject, lex)
                or head in _DOCUMENT_WORDS | {"مصادر", "مصدر"}
                or any(_content_ar(subject) <= e.tokens for e in self.discourse.entities)
            ):
                cue = span_text(self.text, tokens, k, k + size)
                start = self._issuer(start, end)
                result = self._attributed(start, end, None, cue, "report")
                if result:
                    return result
        if tokens[index].text in QUOTE_MARKS:  # a quotation going on from the last speaker
            return self._continuation(None, "", "statement")
        return Attribution(None, None, None, "event")


# --- English ----------------------------------------------------------------------------------


def _content_en(span: str) -> set[str]:
    words = re.findall(r"[a-z0-9][a-z0-9'-]*", span.lower().replace("’", "'"))
    return {w.removesuffix("'s") for w in words if w not in _EN_STOP}


def _gazetteer_en(span: str, lex: Lexicon) -> list[tuple[int, PartyEntry]]:
    """(position, entry) of gazetteer mentions, in order; the longest alias at each place."""
    low = " " + re.sub(r"[^\w.' -]", " ", span.lower().replace("’", "'")) + " "
    # a full stop before a space ends a sentence or an abbreviation (U.S. -> "u.s")
    low = re.sub(r"\s+", " ", re.sub(r"\.(?=\s)", " ", low))
    best: dict[int, tuple[int, PartyEntry]] = {}
    for entry in lex.parties:
        for alias in entry.en:
            position = low.find(f" {alias} ")
            while position >= 0:
                if position not in best or len(alias) > best[position][0]:
                    best[position] = (len(alias), entry)
                position = low.find(f" {alias} ", position + 1)
    return [(position, best[position][1]) for position in sorted(best)]


def _party_name(
    entries: list[PartyEntry], head: PartyEntry | None = None
) -> tuple[PartyEntry | None, str | None]:
    """The party a span's mentions name (`head`, else the first); a ministry takes its
    government along."""
    if not entries:
        return None, None
    entry = head or entries[0]
    if entry.kind == "ministry":
        government = next((e for e in entries[1:] if e.kind == "government"), None)
        if government is not None:
            return entry, f"{entry.name} ({government.name})"
    return entry, entry.name


class _EnglishReader:
    """Attribution of one English sentence against the discourse so far."""

    def __init__(self, text: str, discourse: Discourse) -> None:
        self.text = re.sub(r"^[A-Z][\w' .-]{0,40}? [-–—] (\([^)]{1,30}\) [-–—] )?", "", text)
        self.discourse = discourse
        self.lex = discourse.lexicon
        verbs = sorted(self.lex.en_verbs, key=len, reverse=True)
        self.verb_re = re.compile(r"\b(" + "|".join(map(re.escape, verbs)) + r")\b", re.IGNORECASE)

    def entity_for(self, span: str) -> Entity | None:
        span = span.strip(' ,“”"«»')
        if not span:
            return None
        mentions = [e for _, e in _gazetteer_en(span, self.lex)]
        # English may name the head late ("the UN Office for ... (OCHA)"): the longest alias wins
        low = span.lower()
        longest = max(
            mentions,
            key=lambda e: max((len(a) for a in e.en if a in low), default=0),
            default=None,
        )
        entry, name = _party_name(mentions, longest)
        person = bool(_EN_PERSON.search(span)) or bool(
            entry is None and re.search(r"\b[A-Z][a-z]+ (al-|el-)?[A-Z][a-z]+\b", span)
        )
        return self.discourse.resolve(span, _content_en(span), entry, name or span, person)

    def _said(
        self, entity: Entity | None, span: str | None, cue: str, kind: ClaimKind
    ) -> Attribution:
        if entity is None:
            return Attribution(None, None, None, "event")
        self.discourse.said(entity, None)
        return Attribution(entity, span, cue, kind)

    def _pronoun(self, pronoun: str, cue: str, kind: ClaimKind) -> Attribution:
        sort = self.lex.en_pronouns[pronoun]
        person = None if sort == "p" else sort in {"m", "f"}
        entity = self.discourse.recent_speaker(None, person)
        return self._said(entity, None, cue, kind)

    def _according(self, text: str) -> Attribution | None:
        for phrase in self.lex.en_according:
            match = re.search(
                rf"\b{re.escape(phrase)} ({_EN_SPAN})(,\s*([A-Z][^,]{{0,40}}),)?",
                text,
                re.IGNORECASE,
            )
            if match and phrase in {"according to", "as reported by"}:
                # "a brief statement issued by X" / "a report by X": the party is X
                span = re.sub(
                    r"^(?:an? |the )?(?:[\w-]+ ){0,2}?(?:report|statement|study|post|survey)s?"
                    r" (?:issued |published |released )?by ",
                    "",
                    match.group(1),
                    flags=re.IGNORECASE,
                )
                if match.group(3) and len(match.group(3).split()) <= 5:
                    span = f"{span}, {match.group(3)}"
                return self._said(
                    self.entity_for(span), span, match.group(0)[: len(phrase)], "report"
                )
        return None

    def read(self) -> Attribution:
        text = self.text
        low = text.lower()
        for phrase in self.lex.en_continuation:
            if low.startswith(phrase):
                return self._said(
                    self.discourse.recent_speaker(None), None, text[: len(phrase)], "statement"
                )
        if re.match(r"^(however, |but )?according to\b", low):
            found = self._according(text)
            if found:
                return found
        match = self.verb_re.search(text)
        if match and len(text[: match.start()].split()) <= 28:
            subject = text[: match.start()]
            segments = [s.strip() for s in subject.split(",")]
            issuer = None
            while segments and (
                segments[0].lower() in self.lex.en_prefixes
                or _EN_FILLER_SEGMENT.match(segments[0])
                or not segments[0]
            ):
                by = re.search(r"\bby (the [\w ]+|[A-Z][\w ]+)$", segments[0])
                issuer = by.group(1) if by else issuer
                segments.pop(0)
            segments = [s for s in segments if s and not _EN_FILLER_SEGMENT.match(s)]
            span = ", ".join(segments)
            words = span.split()
            cue = match.group(1)
            kind: ClaimKind = self.lex.en_verbs[cue.lower()]  # type: ignore[assignment]
            first = words[0].lower() if words else ""
            # "continued" is a cue only for someone already speaking ("He continued:"),
            # not for "Fighting continued".
            known = (
                first in self.lex.en_pronouns
                or bool(_gazetteer_en(span, self.lex))
                or any(_content_en(span) <= e.tokens for e, _ in self.discourse.speakers)
            )
            if cue.lower() not in _EN_WEAK_CUES or known:
                if len(words) <= 2 and first in self.lex.en_pronouns:
                    if issuer:
                        return self._said(self.entity_for(issuer), issuer, cue, kind)
                    return self._pronoun(first, cue, kind)
                if 0 < len(words) <= 20 and not re.search(
                    r"\b(that|which|who|when|after)\b", span, re.IGNORECASE
                ):
                    return self._said(self.entity_for(span), span, cue, kind)
        found = self._according(text)
        if found:
            return found
        if text[:1] in QUOTE_MARKS:
            return self._said(self.discourse.recent_speaker(None), None, "", "statement")
        return Attribution(None, None, None, "event")

    def mentions(self) -> None:
        for _, entry in _gazetteer_en(self.text, self.lex):
            self.discourse.resolve(entry.name, _content_en(" ".join(entry.en)), entry, entry.name)


def attribute(
    sentences: list[str],
    language: str,
    lexicon: Lexicon | None = None,
    translations: list[str] | None = None,
) -> tuple[list[Attribution], Discourse]:
    """Attribution for each sentence, in order (they form one discourse).

    For Arabic, `translations` (the English of each sentence) are a second signal: when the
    Arabic rules find no speaker but the English names a gazetteer party as the subject of a
    reporting verb, that party is taken.
    """
    discourse = Discourse(lexicon or load_lexicon())
    results = []
    for index, text in enumerate(sentences):
        reader: _ArabicReader | _EnglishReader = (
            _ArabicReader(text, discourse) if language == "ar" else _EnglishReader(text, discourse)
        )
        result = reader.read()
        if result.entity is None and language == "ar" and translations:
            result = _english_signal(translations[index], discourse) or result
        reader.mentions()
        results.append(result)
    return results, discourse


def _english_signal(english: str, discourse: Discourse) -> Attribution | None:
    """The English reading of a sentence, kept only when it names a gazetteer party."""
    entities, speakers = len(discourse.entities), len(discourse.speakers)
    result = _EnglishReader(english, discourse).read()
    if result.entity is not None and result.entity.entry is not None and result.span:
        return result
    del discourse.entities[entities:], discourse.speakers[speakers:]
    return None
