"""The outlet: how the article names itself (data/outlets.yaml).

Clues, each a candidate with a weight: a source line ("المصدر: «النهار»", 4), a copyright line
("© 2025 المشرق اليوم", 4), the line that opens the article ("شفق نيوز/ ...", "دمشق-سانا", "تونس –
«القدس العربي»:", "Baghdad-INA", 3), a follow or subscribe line ("تابعوا شفق نيوز على تلغرام", 3),
whom the article's sources talk to ("قال لـ«مدى مصر»", "في تصريح لـ"الخبر"", "told Mada Masr", 2
each time), a photo credit ("صورة: وفا", 1). Candidates that name the same outlet ("صحيفة الغد",
"الغد") are summed; the heaviest wins. Pronouns ("قناتنا", "our") and "agencies" are never names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError
from ..lang.arabic import fold, tokenize
from ..lang.data import bundled
from ..model import Sentence

_QUOTED = re.compile(r"[«\"“„]([^»\"”]{2,40})[»\"”]")
_YEARS = re.compile(r"\b(19|20)\d\d\b|\b[٠-٩]{4}\b")
# A quoted name in a dateline: "غزة - "القدس" دوت كوم -", "عدن «الأيام» خاص:", "تونس – «القدس
# العربي»:" (a place of up to three words, the name, up to two words, a dash or a colon).
_DATELINE_QUOTED = re.compile(
    r"^(?:[^\s«\"“„]+\s+){0,3}?(?:[-–—]\s*)?[«\"“„]([^»\"”]{2,40})[»\"”][،,]?(?:\s+\S+){0,2}?"
    r"\s*[-–—:]"
)
# A credit line closing wire copy: "فرانس24/ أ ف ب", "الغد - وكالات": the outlet, then the wire.
_CREDIT = re.compile(r"^\s*(?P<name>[^/|\-–—:]{2,30}?)\s*[/|\-–—]\s*(?P<wire>[^/|]{1,25})\s*$")
# Words that end an addressee's name: complementisers, prepositions ("لنواة أمام مقر ...").
_AFTER_NAME = frozenset(
    {"ان", "إن", "بان", "انه", "امام", "في", "خلال", "عبر", "من", "على", "حول", "بعد", "قبل", "عن"}
    | {"that", "on", "about", "said", "in", "at", "from", "during", "after", "before", "via"}
)
_OPENER = re.compile(r"^(?P<head>[^:/|\n]{0,40}?)\s*(?P<mark>/|\||:|[-–—])\s*")


@dataclass(frozen=True)
class OutletWords:
    """The clues of one language."""

    source_labels: tuple[str, ...]
    copyright: tuple[str, ...]
    follow: tuple[str, ...]
    follow_fillers: frozenset[str]
    channels: tuple[str, ...]
    captions: tuple[str, ...]
    interview: tuple[str, ...]
    not_names: frozenset[str]
    wires: frozenset[str]  # agencies whose copy outlets carry ("أ ف ب", "وكالات", "AFP")
    told: tuple[str, ...]  # verbs after which "لـX إن" names whom the source told


@dataclass(frozen=True)
class Outlets:
    """data/outlets.yaml."""

    arabic: OutletWords
    english: OutletWords
    generic: frozenset[str]  # words that do not tell outlets apart (صحيفة، نت)
    known: dict[str, str]  # folded Arabic name -> English name


@dataclass(frozen=True)
class OutletFinding:
    """The outlet as the article names it."""

    source: str | None  # as written in the article (its language)
    name: str | None  # in English, when known without translation (English text, known outlet)
    clue: str | None  # which clue decided ("source line", "addressee", ...)


def _words(raw: dict[str, Any]) -> OutletWords:
    def tup(key: str) -> tuple[str, ...]:
        return tuple(sorted((str(w) for w in raw[key]), key=len, reverse=True))

    return OutletWords(
        source_labels=tup("source_labels"),
        copyright=tup("copyright"),
        follow=tup("follow"),
        follow_fillers=frozenset(fold(str(w)).lower() for w in raw["follow_fillers"]),
        channels=tup("channels"),
        captions=tup("captions"),
        interview=tup("interview"),
        not_names=frozenset(fold(str(w)).lower() for w in raw["not_names"]),
        wires=frozenset(fold(str(w)).lower() for w in raw["wires"]),
        told=tup("told"),
    )


@lru_cache(maxsize=1)
def load_outlets() -> Outlets:
    """data/outlets.yaml (read once per process)."""
    raw = bundled("outlets.yaml")
    try:
        return Outlets(
            arabic=_words(raw["arabic"]),
            english=_words(raw["english"]),
            generic=frozenset(fold(str(w)).lower() for w in raw["generic"]),
            known={fold(str(k)).lower(): str(v) for k, v in raw["known"].items()},
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"outlets.yaml: invalid or missing key: {exc}") from None


def _key(name: str, outlets: Outlets) -> frozenset[str]:
    """What tells an outlet's names apart: its folded words without generic ones."""
    words = {t.norm.lower() for t in tokenize(name) if any(c.isalnum() for c in t.norm)}
    return frozenset(words - outlets.generic) or frozenset(words)


def _clean(name: str, words: OutletWords) -> str | None:
    """A candidate name without quote marks, years, "+ وكالات" tails; None when it is not a name."""
    name = re.split(r"\s*[+،,|]\s*", name.strip(), maxsplit=1)[0]
    name = _YEARS.sub(" ", name).strip(" «»\"“”„'.:-–—()")
    name = re.sub(r"['’]s$", "", name)  # "the Habr newspaper's channel": Habr newspaper
    name = re.sub(r"\s+", " ", name)
    tokens = [t.norm.lower() for t in tokenize(name) if any(c.isalnum() for c in t.norm)]
    if not tokens or len(tokens) > 5 or len(name) < 2:
        return None
    if all(t in words.not_names for t in tokens) or any(_ours(t) for t in tokens):
        return None  # "وكالات", "قناتنا": not a name
    if tokens[0] in {"our", "us", "we"}:
        return None
    return name


def _ours(word: str) -> bool:
    """A noun with "our" ("قناتنا", "موقعنا", "جريدتنا"), not a name that ends in نا ("سانا")."""
    return word.endswith("تنا") or (word.endswith("نا") and len(word) >= 6)


class _Clues:
    """The candidates of one article."""

    def __init__(self, words: OutletWords, outlets: Outlets) -> None:
        self.words = words
        self.outlets = outlets
        self.found: list[tuple[str, float, str]] = []  # (name, weight, clue)

    def add(self, name: str | None, weight: float, clue: str) -> None:
        cleaned = _clean(name, self.words) if name else None
        if cleaned:
            self.found.append((cleaned, weight, clue))

    def line(self, text: str, first: bool) -> None:
        low = text.lower()
        self._source(text, low)
        self._copyright(text, low)
        self._follow(text, low)
        self._caption(text, low)
        self._credit(text)
        if first:
            self._opener(text)

    def _source(self, text: str, low: str) -> None:
        for label in self.words.source_labels:
            if re.match(rf"^\s*{re.escape(label)}\s*[:：]", low):
                self.add(text.split(":", 1)[1] if ":" in text else None, 4, "source line")

    def _copyright(self, text: str, low: str) -> None:
        for mark in self.words.copyright:
            at = low.find(mark)
            if at < 0:
                continue
            after = text[at + len(mark) :]
            after = re.sub(r"^[\s©:]*(لـ|ل)?\s*", "", after)
            quoted = _QUOTED.search(after)
            self.add(quoted.group(1) if quoted else after, 4, "copyright")
            before = text[:at].strip(" -–—|")
            if mark != "©" and before and len(before.split()) <= 4:
                self.add(before, 2, "copyright")
            return

    def _follow(self, text: str, low: str) -> None:
        words = low.split()
        follow = {fold(w) for w in self.words.follow}
        # the verb opens the line, or follows a short lead ("لمتابعة كل جديد اشترك في ...")
        verbs = [k for k, w in enumerate(words[:8]) if fold(w.strip(",،")) in follow]
        verb = verbs[-1] if verbs else None  # "To follow all the news, subscribe to X": the last
        if verb is None:
            return
        quoted = _QUOTED.search(text)
        if quoted:
            self.add(quoted.group(1), 3, "follow line")
            return
        kept: list[str] = []
        for word in text.split()[verb + 1 :]:
            folded = fold(word).lower().strip('«»"“”:')
            if folded in {fold(c).lower() for c in self.words.channels}:
                break
            if folded in self.words.follow_fillers and not kept:
                continue
            if folded in self.words.follow_fillers:
                break
            kept.append(word)
        self.add(" ".join(kept), 3, "follow line")

    def _credit(self, text: str) -> None:
        """ "فرانس24/ أ ف ب": a short line naming the outlet and the wire it took the copy from."""
        found = _CREDIT.match(text)
        if found and fold(found.group("wire").strip()).lower() in self.words.wires:
            self.add(found.group("name"), 4, "credit line")

    def _caption(self, text: str, low: str) -> None:
        for label in self.words.captions:
            found = re.search(rf"\(?\b{re.escape(label)}\s*[:：]\s*([^)\n]+)\)?\s*$", low)
            if found:
                start = found.start(1)
                self.add(text[start : start + len(found.group(1))], 1, "caption")
                return

    def _opener(self, text: str) -> None:
        """ "شفق نيوز/ أعلن", "دمشق-سانا رحبت", "غزة - "القدس" دوت كوم -", "مقديشو (الصومال
        الجديد) –", "عدن «الأيام» خاص:", "Baghdad-INA"."""
        head = text[:60]
        quoted = _DATELINE_QUOTED.match(head)  # a quotation later in the line names no outlet
        if quoted:
            self.add(quoted.group(1), 3, "opening line")
            return
        bracket = re.match(r"^[^()]{1,25}(?:\([^)]{2,30}\)\s*)*\(([^)]{2,30})\)\s*[-–—:]", head)
        if bracket:
            self.add(bracket.group(1), 3, "opening line")
            return
        glued = re.match(r"^\S{2,15}[-–](\S{2,12})\b", head)
        if glued:
            self.add(glued.group(1), 3, "opening line")
            return
        opener = _OPENER.match(head)
        if opener and opener.group("mark") in {"/", "|"}:
            self.add(opener.group("head"), 3, "opening line")

    def addressees(self, text: str) -> None:
        """Whom sources talk to: "في تصريح لـ"الخبر"", "قال لـ«مدى مصر»", "لرووداو:", "told X"."""
        quoted_after = (  # "لـ«مدى مصر»", "told "Echorouk"", "in a statement to "Al-Quds""
            r"(?:\bلـ|\bل|\bمع|\btold|\b(?:statement|remarks|interview|speaking|talking)\s+(?:to|with))"
            r"\s*([«\"“][^»\"”]{2,40}[»\"”])"
        )
        for quoted in re.finditer(quoted_after, text):
            self.add(quoted.group(1), 2, "addressee")
        if self.words.told:  # "وقال مصدر، طلب عدم ذكر اسمه، لبي بي سي إن": told X
            verbs = "|".join(map(re.escape, self.words.told))
            told = (
                rf"(?:^|\s)[وف]?(?:{verbs})\s+"
                r"(?:[^،.:«»\s][^،.:«»]{0,39}?(?:\s*،[^،.:]{1,60}،\s*|\s+))?"
                r"ل(?!ل)(?!ـ?\s*[«\"“])(\S{2,}(?:\s+\S+){0,2}?)\s+(?:إن|أن|بأن)\b"
            )
            for found in re.finditer(told, text):
                self.add(found.group(1), 2, "addressee")
        for noun in self.words.interview:
            pattern = rf"{re.escape(noun)}\S*(?:\s+\S+)?\s+(?:لـ\s*|ل(?=\S)|مع\s+)"
            if noun.isascii():
                pattern = rf"\b{re.escape(noun)}\s+(?:the\s+)?"  # "told the BBC"
            for found in re.finditer(pattern, text, re.IGNORECASE):
                rest = text[found.end() :]
                if rest[:1] in '«"“':
                    continue  # counted above
                name = re.match(
                    r"([A-Z\u0600-\u06ff][\w\u0600-\u06ff'’-]*(?:\s+[A-Z0-9\u0600-\u06ff][\w\u0600-\u06ff'’-]*){0,2})",
                    rest,
                )
                if name and noun.isascii() and not name.group(1)[:1].isupper():
                    continue
                if name:
                    self.add(self._name_end(rest, name.group(1)), 2, "addressee")

    def _name_end(self, rest: str, name: str) -> str | None:
        """The name before a complementiser or a punctuation mark ("لصحراء ميديا أن" ->
        "صحراء ميديا"); None when none follows within three words (a word that merely starts
        with ل: "تصريحات لاحقة نقلتها")."""
        kept: list[str] = []
        for word in rest.split()[:3]:
            bare = word.strip(":،,.")
            if fold(bare) in _AFTER_NAME:
                return " ".join(kept) or None
            kept.append(bare)
            if bare != word:  # punctuation ends the name
                return " ".join(kept)
        return None

    def best(self) -> tuple[str, str] | None:
        """(name, clue) of the heaviest outlet, by its most frequent form."""
        groups: list[tuple[set[str], list[tuple[str, float, str]]]] = []
        for name, weight, clue in self.found:
            key = set(_key(name, self.outlets))
            for group_key, members in groups:
                if group_key & key:
                    group_key |= key
                    members.append((name, weight, clue))
                    break
            else:
                groups.append((key, [(name, weight, clue)]))
        if not groups:
            return None
        _, members = max(groups, key=lambda g: (sum(w for _, w, _ in g[1]), -self._first(g[1])))
        forms: dict[str, float] = {}
        for name, weight, _ in members:
            forms[name] = forms.get(name, 0) + weight
        name = max(forms, key=lambda n: (forms[n], -len(n)))
        clue = max(members, key=lambda m: m[1])[2]
        return name, clue

    def _first(self, members: list[tuple[str, float, str]]) -> int:
        return min(self.found.index(m) for m in members)


def find_outlet(
    sentences: Sequence[Sentence], language: str, site_name: str | None = None
) -> OutletFinding:
    """The outlet as the article names it (source line, copyright, opening line, follow line,
    whom its sources talk to, photo credits); else the page's site name; nothing found:
    OutletFinding(None, None, None)."""
    outlets = load_outlets()
    clues = _Clues(outlets.english if language == "en" else outlets.arabic, outlets)
    # the dateline opens the first body sentence, or the second after a photo caption
    opening = [s.id for s in sentences if s.kind == "body"][:2]
    for sentence in sentences:
        if sentence.kind in {"boilerplate", "heading", "headline"} or sentence.id in opening:
            clues.line(sentence.source, first=sentence.id in opening)
        if sentence.kind == "body" or sentence.kind == "boilerplate":
            clues.addressees(sentence.source)
    found = clues.best()
    if found is None and site_name:
        latin = not any("\u0600" <= ch <= "\u06ff" for ch in site_name)
        known = site_name if latin else _known(site_name, outlets)
        return OutletFinding(site_name, known, "site name")
    if found is None:
        return OutletFinding(None, None, None)
    name, clue = found
    english = name if language == "en" else _known(name, outlets)
    return OutletFinding(name, english, clue)


def _known(name: str, outlets: Outlets) -> str | None:
    """The English name of a known outlet ("الميادين نت" is الميادين)."""
    exact = outlets.known.get(fold(name).lower())
    if exact is not None:
        return exact
    key = _key(name, outlets)
    for known, english in outlets.known.items():
        if _key(known, outlets) == key:
            return english
    return None
