"""Web noise in pasted or extracted text, recognised by what a line is (data/noise.yaml):
prompts (subscribe, follow, "read also": data/boilerplate.yaml), labelled furniture (bylines,
tags, source and date lines, captions: "LABEL: ..."), dates and times alone, handles and editors'
initials, outlet and place lines ("هسبريس - يوسف لخضر"), photo captions (a credit in brackets or
after a dash, a picture word, or the present-tense description of a scene right after the
headline), lists of tags, widgets (weather, prices), buttons and forms, cookie banners, and the
lists of other stories after "most read" or "read also".

The first line of an article is only tested by the rules that cannot take a headline for noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ..errors import ConfigError
from ..lang.arabic import fold
from ..lang.boilerplate import is_boilerplate, load_boilerplate
from ..lang.data import bundled

_FINAL = (".", "!", "?", "؟", "…", ".»", ".”", '."', "!»", "؟»")
_SEPARATORS = re.compile(r"\s+[-–—|/·•]\s+|\s*[|/·•]\s*|\s*[:：]\s*|\s+[-–—]\s*|\s*[-–—]\s+")
_LIST_SEPARATORS = re.compile(r"\s*[|·•]\s*|\s+[-–—]\s+")
_INITIALS = re.compile(r"^\w{1,2}(?:\.\w{1,2})+\.?$|^\w\.$|^[ـ\-–—_]+$")
_HANDLE = re.compile(r"@\w{2,}")
_DIGIT = re.compile(r"[\d٠-٩]")
_PLURAL_IMPERFECT = re.compile(r"^و?ي\w{2,}(?:ون|ان)$")
_PUNCT = re.compile(r"[^\w\s@°℃]")
_PROMPT_MAX_WORDS = 30


@dataclass(frozen=True)
class NoiseWords:
    """data/noise.yaml, folded for matching."""

    labels: dict[str, tuple[str, ...]]  # kind -> labels, longest first
    label_max_words: dict[str, int]
    ui_words: tuple[str, ...]  # longest first
    list_headings: frozenset[str]
    link_headings: frozenset[str]
    cookies: tuple[str, ...]
    photo_words: tuple[str, ...]
    caption_plurals_en: frozenset[str]  # "personnel", "people": plural subjects of a caption
    caption_not_verbs_en: frozenset[str]  # "from", "with": never the caption's verb
    media_heads: tuple[str, ...]
    date_words: frozenset[str]
    widget_marks: tuple[str, ...]
    outlets: frozenset[str]  # known outlets and agencies, folded, generic words removed
    generic: frozenset[str]


def key(text: str) -> str:
    """Folded, lower case, punctuation as spaces, single spaces."""
    return " ".join(_PUNCT.sub(" ", fold(text).lower()).split())


def _tuple(raw: dict[str, Any], name: str) -> tuple[str, ...]:
    return tuple(sorted({key(str(w)) for w in raw[name]} - {""}, key=len, reverse=True))


@lru_cache(maxsize=1)
def load_noise() -> NoiseWords:
    """data/noise.yaml, with the known outlets of outlets.yaml and the agencies of
    boilerplate.yaml (read once per process)."""
    raw = bundled("noise.yaml")
    outlets = bundled("outlets.yaml")
    try:
        generic = frozenset(key(str(w)) for w in outlets["generic"])
        names = [str(k) for k in outlets["known"]] + [str(v) for v in outlets["known"].values()]
        names += list(load_boilerplate().dateline_agencies)
        known = {_strip_generic(key(n), generic) for n in names} - {""}
        return NoiseWords(
            labels={kind: _tuple(raw["labels"], kind) for kind in raw["labels"]},
            label_max_words={str(k): int(v) for k, v in raw["label_max_words"].items()},
            ui_words=_tuple(raw, "ui_words"),
            list_headings=frozenset(_tuple(raw, "list_headings")),
            link_headings=frozenset(_tuple(raw, "link_headings")),
            cookies=_tuple(raw, "cookies"),
            photo_words=_tuple(raw, "photo_words"),
            caption_plurals_en=frozenset(_tuple(raw, "caption_plurals_en")),
            caption_not_verbs_en=frozenset(_tuple(raw, "caption_not_verbs_en")),
            media_heads=_tuple(raw, "media_heads"),
            date_words=frozenset(_tuple(raw, "date_words")),
            widget_marks=tuple(str(m) for m in raw["widget_marks"]),
            outlets=frozenset(known),
            generic=generic,
        )
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ConfigError(f"noise.yaml: invalid or missing key: {exc}") from None


def _strip_generic(text: str, generic: frozenset[str]) -> str:
    words = [w for w in text.split() if w not in generic]
    if words and words[0].startswith("ال") and words[0][2:] in generic:
        words = words[1:]
    return " ".join(words)


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_FINAL)


def _has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {text} "
    return any(f" {p} " in padded for p in phrases)


def _outlet(segment: str, words: NoiseWords) -> bool:
    name = _strip_generic(key(segment.strip("«»\"“”'() ")), words.generic)
    return bool(name) and name in words.outlets


@dataclass
class NoiseContext:
    """What the classifier knows of the lines before."""

    first: bool = True  # no article line yet (the next may be the headline)
    since_headline: int | None = None  # lines since the headline
    in_list: bool = False  # inside a list of other stories
    link: bool = False  # the line before was "read also" alone: this one is its title
    kinds: list[str] = field(default_factory=list)  # noise kinds found so far


class NoiseClassifier:
    """Classifies an article's lines in order (see the module's docstring)."""

    def __init__(self, words: NoiseWords | None = None) -> None:
        self.words = words or load_noise()
        self.context = NoiseContext()

    def classify(self, line: str) -> str | None:
        """The noise kind of `line`, or None when it is the article's."""
        kind = self._kind(line)
        context = self.context
        if kind is None:
            if context.first:
                context.first = False
                context.since_headline = 0
            elif context.since_headline is not None:
                context.since_headline += 1
        else:
            context.kinds.append(kind)  # (lines since the headline count the article's only)
        return kind

    def _kind(self, line: str) -> str | None:
        words, context = self.words, self.context
        text = key(line)
        if not text:
            return None
        listed, linked = context.in_list, context.link
        context.in_list = context.link = False
        if text in words.list_headings:
            context.in_list = True
            return "related"
        if text in words.link_headings:
            context.link = True
            return "related"
        found = (
            self._prompt(line, text)
            or self._labelled(line, text)
            or self._dated(line, text)
            or self._credit(line, text)
            or self._outlet_line(line, text)
            or self._widget(line, text)
        )
        if found or context.first:
            return found
        if (listed or linked) and not _ends_sentence(line) and len(text.split()) <= 15:
            context.in_list = listed
            return "related"
        return self._caption(line, text) or self._tag_list(line, text)

    def _prompt(self, line: str, text: str) -> str | None:
        if is_boilerplate(line) and len(text.split()) <= _PROMPT_MAX_WORDS:
            return "prompt"  # (a long line is an article's, whatever it mentions)
        if _has_phrase(text, self.words.cookies):
            return "cookies"
        rest = text
        for word in self.words.ui_words:
            rest = f" {rest} ".replace(f" {word} ", " ").strip()
        if not _DIGIT.sub("", rest).strip():
            return "buttons"
        return None

    def _labelled(self, line: str, text: str) -> str | None:
        for kind, labels in self.words.labels.items():
            for label in labels:
                if not (text == label or text.startswith(label + " ")):
                    continue
                after = line.split(":", 1)[1] if ":" in line[: len(label) + 3] else None
                rest = text[len(label) :].split()
                if kind == "byline" and after is None and len(line.split()) > 1 + len(rest):
                    continue
                if (
                    kind != "byline"
                    and after is None
                    and not ({"،", ","} & set(line[: len(label) + 3]))
                ):
                    continue
                limit = self.words.label_max_words.get(kind, 8)
                if len(rest) <= limit and (kind in {"tags", "caption"} or not _ends_sentence(line)):
                    return kind
        return None

    def _dated(self, line: str, text: str) -> str | None:
        if not _DIGIT.search(line) or _ends_sentence(line):
            return None
        rest = [w for w in text.split() if not _DIGIT.search(w) and w not in self.words.date_words]
        if not rest:
            return "date"
        month = any(w in self.words.date_words and len(w) > 3 for w in text.split())
        full_date = re.search(r"[\d٠-٩]{1,4}[/.-][\d٠-٩]{1,2}[/.-][\d٠-٩]{2,4}", line) or month
        if full_date and len(rest) <= 4 and re.search(r"\s[-–—|]\s", line):
            return "byline"  # "ياسمين عبد الحكيم - ١٢ يونيو ٢٠٢٥"
        return None

    def _credit(self, line: str, text: str) -> str | None:
        tokens = [t for t in re.split(r"[\s/]+", re.sub(r"\([^)]*\)", " ", line)) if t]
        if _HANDLE.search(line) and len(line.split()) <= 8:
            return "byline"
        if (
            tokens
            and len(tokens) <= 8
            and all(_INITIALS.match(t) for t in tokens)
            and any(re.search(r"\w\.\w", t) or "ـ" in t or "-" in t for t in tokens)
        ):
            return "initials"  # "م.ع.ح/ ص.ش (واس، رويترز)", "ــــــ/س.ك"
        return None

    def _outlet_line(self, line: str, text: str) -> str | None:
        if _ends_sentence(line) or len(text.split()) > 10:
            return None
        segments = [s for s in _SEPARATORS.split(line) if s.strip()]
        if any(len(key(s).split()) > 4 for s in segments):
            return None
        if len(segments) == 1:
            return "byline" if _outlet(segments[0], self.words) else None
        if any(_outlet(s, self.words) for s in segments):
            return "byline"  # "هسبريس - يوسف لخضر", "نواكشوط – صحراء ميديا"
        dashed = [s for s in re.split(r"\s+[-–—]\s+", line) if s.strip()]
        if len(dashed) == 2 and any(
            any(key(s).startswith(h + " ") for h in self.words.media_heads) for s in dashed
        ):
            return "byline"  # "حمص – وكالة الأنباء الوطنية": a place and its source
        if re.match(r"^[^:]{2,30}:\s*\S{1,3}\.\s", line):
            return "byline"  # "الجزائر: ح. سليمان": a place, then an initial and a name
        return None

    def _widget(self, line: str, text: str) -> str | None:
        if _ends_sentence(line):
            return None
        size = len(text.split())
        if any(m in line for m in self.words.widget_marks) and size <= 6:
            return "widget"
        numbers = sum(1 for w in line.split() if _DIGIT.search(w))
        if "|" in line and numbers >= 2 and numbers * 3 >= size:
            return "widget"
        return None

    def _caption(self, line: str, text: str) -> str | None:
        words = self.words
        photo = words.photo_words
        stripped = line.rstrip()
        bracket = re.search(r"\(([^()]{1,60})\)\s*$", stripped)
        if bracket:
            inside = key(bracket.group(1))
            latin = bool(re.fullmatch(r"[\s\w.,:&'-]+", bracket.group(1), re.ASCII))
            parts = re.split(r"\s*[-–:،,]\s*", bracket.group(1))
            if _has_phrase(inside, photo) or latin or any(_outlet(p, words) for p in parts):
                return "caption"
        if _ends_sentence(line):
            return None
        tail = re.split(r"\s[-–—]\s|\s(?=صورة|صوره|photo:)", stripped, flags=re.I)[-1]
        if len(tail) < len(stripped) and _has_phrase(key(tail), photo):
            return "caption"  # "... - أرشيف", "... - صورة: مدى مصر"
        if any(text.startswith(p + " ") for p in photo) or _has_phrase(text, ("صورة من",)):
            return "caption"  # "صورة أرشيفية لـ...", "Archive photo of ..."
        since = self.context.since_headline
        tokens = text.split()
        if (
            since is not None
            and since <= 2
            and len(tokens) >= 6
            and any(_PLURAL_IMPERFECT.match(t) for t in tokens[1:5])
        ):
            return "caption"  # "مواطنون يتفقدون بقايا ..." under the headline: a picture
        if since is not None and since <= 2 and self._english_caption(line):
            return "caption"  # "Civil defence personnel inspect the car ..."
        return None

    def _english_caption(self, line: str) -> bool:
        """An English line describing a picture: a plural subject, then a bare present verb
        ("Residents gather ...", "Civil defence personnel inspect ..."), six words or more."""
        words = line.split()
        if len(words) < 6 or not line.isascii():
            return False
        plurals, not_verbs = self.words.caption_plurals_en, self.words.caption_not_verbs_en
        for before, word in pairwise(words[:6]):
            subject = before.lower().strip(",")
            if not (subject in plurals or (subject.endswith("s") and len(subject) > 3)):
                continue
            if (
                word.isalpha()
                and word.islower()
                and len(word) >= 4
                and not word.endswith(("s", "ed", "ly"))
                and word not in not_verbs
            ):
                return True
        return False

    def _tag_list(self, line: str, text: str) -> str | None:
        if _ends_sentence(line):
            return None
        items = [i for i in _LIST_SEPARATORS.split(line) if i.strip()]
        if len(items) >= 3 and all(len(key(i).split()) <= 4 for i in items):
            return "tags"
        return None
