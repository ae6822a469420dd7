"""Quotations: the one finder every stage uses (data/quotes.yaml says which marks pair)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from .data import bundled

Span = tuple[int, int]  # (start, end): text[start:end] is the quotation with its marks


@dataclass(frozen=True)
class QuoteMarks:
    """Which marks open and close a quotation."""

    pairs: dict[str, str]  # opening mark -> closing mark
    ambiguous: frozenset[str]  # marks that may open or close
    max_chars: int  # longer "quotations" are taken as stray marks
    not_opening_before: frozenset[str]  # an ambiguous mark before one of these does not open


@lru_cache(maxsize=1)
def quote_marks() -> QuoteMarks:
    """data/quotes.yaml (read once per process)."""
    raw = bundled("quotes.yaml")
    try:
        return QuoteMarks(
            pairs={str(k): str(v) for k, v in raw["pairs"].items()},
            ambiguous=frozenset(raw["ambiguous"]),
            max_chars=int(raw["max_chars"]),
            not_opening_before=frozenset(raw["not_opening_before"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"quotes.yaml: invalid or missing key: {exc}") from None


def quote_spans(text: str) -> list[Span]:
    """Every matched quotation (nested ones too), sorted; unmatched or stray marks are ignored.

    Handles “…”, «…», straight quotes, and ” used as an opening mark (بـ”الأبرياء…”).
    """
    marks = quote_marks()
    spans: list[Span] = []
    stack: list[tuple[frozenset[str], int]] = []
    for i, ch in enumerate(text):
        if stack and ch in stack[-1][0]:
            _, start = stack.pop()
            if i - start <= marks.max_chars:
                spans.append((start, i + 1))
        elif ch in marks.pairs:
            stack.append((frozenset({marks.pairs[ch]}) | marks.ambiguous, i))
        elif ch in marks.ambiguous:
            following = text[i + 1] if i + 1 < len(text) else " "
            if not following.isspace() and following not in marks.not_opening_before:
                stack.append((frozenset({ch}) | marks.ambiguous, i))
    return sorted(spans)


def outermost(spans: Sequence[Span]) -> list[Span]:
    """The spans no other span contains."""
    result: list[Span] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not result or start >= result[-1][1]:
            result.append((start, end))
    return result


def inside(position: int, spans: Sequence[Span]) -> bool:
    """True when `position` falls within one of `spans`."""
    return any(start <= position < end for start, end in spans)


def outside_quotes(text: str) -> str:
    """`text` with every quotation blanked out (same length, so offsets still hold)."""
    spans = quote_spans(text)
    return "".join(" " if inside(i, spans) else ch for i, ch in enumerate(text))


def trim_span(span: str) -> str:
    """A speaker span without the spaces, commas and stray quotation marks at its ends; a
    quoted name keeps its marks ('the company "Delta Shipping"', "the “Tribal Army”")."""
    span = span.strip(" ,")
    while span and span[0] in '“"«' and not closed(span, 0):
        span = span[1:].strip(" ,")
    while span and span[-1] in '”"»' and not closed(span, len(span) - 1):
        span = span[:-1].strip(" ,")
    return span


def closed(span: str, at: int) -> bool:
    """True when the quotation mark at `at` has its partner inside `span`."""
    mark = span[at]
    if mark == '"':
        return span.count('"') % 2 == 0
    partner = {"“": "”", "«": "»", "”": "“", "»": "«"}[mark]
    return partner in (span[at + 1 :] if mark in "“«" else span[:at])
