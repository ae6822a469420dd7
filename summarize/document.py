"""Typed values shared by the pipeline: segments, sentences and documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .analysis import Analysis

SentenceKind = Literal["headline", "heading", "body", "boilerplate"]


@dataclass(frozen=True)
class Segment:
    """One unit of the source text, as segmentation found it."""

    paragraph: int  # index of the paragraph (0-based) the unit belongs to
    kind: SentenceKind  # headline (first-line title), heading, body sentence, or boilerplate
    text: str  # normalised source text


@dataclass(frozen=True)
class Sentence:
    """A source unit with its translation."""

    id: int  # position in the document (0-based), stable across formats
    paragraph: int  # paragraph index (0-based)
    kind: SentenceKind  # see Segment.kind
    source: str  # normalised source text
    translation: str  # English text ("" for boilerplate, which is not translated)
    pieces: int = 1  # how many pieces the unit was split into to fit the model's input limit
    redecoded: bool = False  # True when the repetition guard re-decoded this unit


@dataclass(frozen=True)
class Document:
    """A processed article: what every output format is rendered from."""

    source_language: str  # ISO 639-1 code of the input ("ar" or "en")
    sentences: tuple[Sentence, ...]  # in reading order
    models: dict[str, str | None] = field(default_factory=dict)  # role -> model id used (or None)
    warnings: tuple[str, ...] = ()  # things the user should know (re-decodes, splits)
    analysis: Analysis | None = None  # claims and summary (`summarize run`), None for translation

    def paragraphs(self) -> list[list[Sentence]]:
        """Sentences grouped by paragraph, in order."""
        groups: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            groups.setdefault(sentence.paragraph, []).append(sentence)
        return [groups[key] for key in sorted(groups)]
