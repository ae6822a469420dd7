"""Arabic-aware segmentation: paragraphs, headings, sentences, and pieces that fit the model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .document import Segment, SentenceKind
from .errors import ConfigError
from .lexicon import is_boilerplate
from .normalize import normalize_text

_CLOSERS_AFTER_END = set("”»›\"')]’")


@dataclass(frozen=True)
class SegmentationRules:
    """Rules from data/segmentation.yaml."""

    terminators: frozenset[str]  # characters that end a sentence
    abbreviations: frozenset[str]  # lower-case words (without final period) that are not ends
    quote_pairs: dict[str, str]  # opening mark -> closing mark
    ambiguous_quotes: frozenset[str]  # marks that may open or close
    max_quote_chars: int  # longer "quotations" are taken as stray marks
    heading_max_words: int  # longest heading, in words
    heading_not_ending_with: frozenset[str]  # a line ending in one of these is not a heading
    clause_marks: tuple[str, ...]  # where over-long sentences are split first


@lru_cache(maxsize=1)
def load_rules() -> SegmentationRules:
    """Load the bundled segmentation rules (once per process)."""
    text = resources.files("summarize").joinpath("data/segmentation.yaml").read_text("utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    try:
        return SegmentationRules(
            terminators=frozenset(raw["terminators"]),
            abbreviations=frozenset(str(a).lower() for a in raw["abbreviations"]),
            quote_pairs=dict(raw["quote_pairs"]),
            ambiguous_quotes=frozenset(raw["ambiguous_quotes"]),
            max_quote_chars=int(raw["max_quote_chars"]),
            heading_max_words=int(raw["heading_max_words"]),
            heading_not_ending_with=frozenset(raw["heading_not_ending_with"]),
            clause_marks=tuple(raw["clause_marks"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"segmentation.yaml: invalid or missing key: {exc}") from exc


def quote_spans(text: str, rules: SegmentationRules) -> list[tuple[int, int]]:
    """(start, end) index pairs of matched quotations; unmatched or stray marks are ignored.

    Handles “…”, «…», straight quotes, and ” used as an opening mark (بـ”الأبرياء…”).
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[frozenset[str], int]] = []
    for i, ch in enumerate(text):
        if stack and ch in stack[-1][0]:
            _, start = stack.pop()
            if i - start <= rules.max_quote_chars:
                spans.append((start, i))
        elif ch in rules.quote_pairs:
            stack.append((frozenset({rules.quote_pairs[ch]}) | rules.ambiguous_quotes, i))
        elif ch in rules.ambiguous_quotes:
            following = text[i + 1] if i + 1 < len(text) else " "
            if not following.isspace() and following not in rules.terminators:
                stack.append((frozenset({ch}) | rules.ambiguous_quotes, i))
    return sorted(spans)


def _is_abbreviation(text: str, period: int, rules: SegmentationRules) -> bool:
    start = period
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:period].lstrip("“«\"'(‹„”").lower()
    # Arabic prefixes written with a tatweel (لـ, بـ) never make an abbreviation.
    return (len(word) == 1 and word.isalpha()) or word in rules.abbreviations


def split_sentences(paragraph: str, rules: SegmentationRules | None = None) -> list[str]:
    """Split one paragraph into sentences at . ! ? ؟ … outside quotations.

    Decimals (2.5, 3.000), abbreviations (د. ، U.S.) and terminators inside a quotation do not
    split; a quotation that ends with a terminator ends the sentence with it.
    """
    rules = rules or load_rules()
    text = paragraph.strip()
    spans = quote_spans(text, rules)
    inside = [False] * len(text)
    outer_end: dict[int, int] = {}  # index of a closing mark -> its span's start, outermost only
    for start, end in spans:
        if not inside[start]:
            outer_end[end] = start
        for k in range(start + 1, end):
            inside[k] = True
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
    each is one unit. Boilerplate lines (subscribe prompts, "read also" links, copyright lines:
    data/boilerplate.yaml) are one unit of kind "boilerplate". Other lines are split into body
    sentences.
    """
    rules = rules or load_rules()
    segments: list[Segment] = []
    paragraph = 0
    for line in normalize_text(text).split("\n"):
        if not line:
            continue
        heading = _heading_text(line, rules)
        if is_boilerplate(line):
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


def split_to_fit(
    text: str,
    count_tokens: Callable[[str], int],
    limit: int,
    rules: SegmentationRules | None = None,
) -> list[str]:
    """Split `text` into pieces of at most `limit` tokens, never dropping a character.

    Cuts after a clause mark (، ؛ :) away from the edges first, else at the whitespace nearest the
    middle, else (one enormous word) in the middle of the word.
    """
    if count_tokens(text) <= limit:
        return [text]
    rules = rules or load_rules()
    n = len(text)
    middle = n // 2
    margin = max(1, n // 10)
    clause_cuts = [
        i + 1
        for i, ch in enumerate(text)
        if ch in rules.clause_marks and margin <= i + 1 <= n - margin
    ]
    space_cuts = [i for i, ch in enumerate(text) if ch.isspace() and 0 < i < n - 1]
    candidates = clause_cuts or space_cuts or [middle]
    cut = min(candidates, key=lambda c: abs(c - middle))
    cut = min(max(cut, 1), n - 1)
    left, right = text[:cut].strip(), text[cut:].strip()
    if not left or not right:  # cannot happen with the cuts above; guard against loops anyway
        left, right = text[:middle], text[middle:]
    return split_to_fit(left, count_tokens, limit, rules) + split_to_fit(
        right, count_tokens, limit, rules
    )
