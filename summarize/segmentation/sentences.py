"""Sentences and headings: one paragraph per non-empty line, split outside quotations."""

from __future__ import annotations

from ..lang.normalize import normalize_text
from ..lang.quotes import quote_spans
from ..model import Segment, SentenceKind
from .noise import NoiseClassifier
from .rules import SegmentationRules, load_rules

_CLOSERS_AFTER_END = set("”»›\"')]’")


def _is_abbreviation(text: str, period: int, rules: SegmentationRules) -> bool:
    start = period
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:period].lstrip("“«\"'(‹„”").lower()
    # Arabic prefixes written with a tatweel (لـ, بـ) never make an abbreviation.
    return (len(word) == 1 and word.isalpha()) or word in rules.abbreviations


def _quoted(text: str) -> tuple[list[bool], set[int]]:
    """Which characters are inside a quotation, and where the outermost quotations close."""
    inside = [False] * len(text)
    outer_end: set[int] = set()  # index of the closing mark of each outermost quotation
    for start, stop in quote_spans(text):
        end = stop - 1  # the closing mark
        if not inside[start]:
            outer_end.add(end)
        for k in range(start + 1, end):
            inside[k] = True
    return inside, outer_end


def split_sentences(paragraph: str, rules: SegmentationRules | None = None) -> list[str]:
    """Split one paragraph into sentences at . ! ? ؟ … outside quotations.

    Decimals (2.5, 3.000), abbreviations (د. ، U.S.) and terminators inside a quotation do not
    split; a quotation that ends with a terminator ends the sentence with it.
    """
    rules = rules or load_rules()
    text = paragraph.strip()
    inside, outer_end = _quoted(text)
    sentences: list[str] = []
    start = i = 0
    n = len(text)
    while i < n:
        if text[i] not in rules.terminators:
            i += 1
            continue
        j = i
        while j + 1 < n and text[j + 1] in rules.terminators:
            j += 1
        single_period = j == i and text[i] == "."
        if single_period and (
            (0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())
            or _is_abbreviation(text, i, rules)
        ):
            i += 1
            continue
        k = j + 1
        if inside[i]:
            # A terminator inside a quotation ends the sentence only right before the outermost
            # closing mark: “… نرفض ذلك.” وأضاف
            if k < n and k in outer_end:
                k += 1
            else:
                i = k
                continue
        while k < n and text[k] in _CLOSERS_AFTER_END:
            k += 1
        if k < n and not text[k].isspace():
            i = k
            continue
        sentences.append(text[start:k].strip())
        start = i = k
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _heading_text(line: str, rules: SegmentationRules) -> str | None:
    """The heading text when `line` is a heading (markdown '#' or short and unpunctuated)."""
    if line.startswith("#"):
        stripped = line.lstrip("#").strip()
        return stripped or None
    body = line.rstrip("".join(_CLOSERS_AFTER_END))
    if not body or body[-1] in rules.heading_not_ending_with:
        return None
    if len(line.split()) > rules.heading_max_words:
        return None
    return line


def segment_article(text: str, rules: SegmentationRules | None = None) -> list[Segment]:
    """Normalise and segment an article: one paragraph per non-empty line.

    The first line, when heading-like, is the headline; later heading-like lines are headings;
    each is one unit. Web noise and boilerplate (prompts, bylines, captions, tags, widgets:
    noise.py) are one unit of kind "boilerplate", never the headline. Other lines are split into
    body sentences.
    """
    rules = rules or load_rules()
    segments: list[Segment] = []
    paragraph = 0
    noise = NoiseClassifier()
    for line in normalize_text(text).split("\n"):
        if not line:
            continue
        heading = _heading_text(line, rules)
        if noise.classify(line.lstrip("#").strip()) is not None:
            segments.append(Segment(paragraph=paragraph, kind="boilerplate", text=line))
        elif heading is not None:
            kind: SentenceKind = (
                "headline" if not any(s.kind != "boilerplate" for s in segments) else "heading"
            )
            segments.append(Segment(paragraph=paragraph, kind=kind, text=heading))
        else:
            for sentence in split_sentences(line, rules):
                segments.append(Segment(paragraph=paragraph, kind="body", text=sentence))
        paragraph += 1
    return segments
