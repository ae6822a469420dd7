"""The segmentation stages: the text cut into units (segment), and its language checked."""

from __future__ import annotations

from dataclasses import replace

from ..errors import InputError
from ..lang.langid import check_language, describe
from ..model import Document, Sentence
from .sentences import segment_article


class SegmentStage:
    """The article's lines as headline, headings, body sentences and boilerplate."""

    name = "segment"
    requires = frozenset({"text"})
    provides = frozenset({"sentences"})

    def __init__(self, max_sentences: int = 0) -> None:
        self.max_sentences = max_sentences  # 0: no limit

    def __call__(self, document: Document) -> Document:
        segments = segment_article(document.text)
        if not segments:
            raise InputError(f"{document.name}: empty input")
        if all(s.kind == "boilerplate" for s in segments):
            raise InputError(
                f"{document.name}: no article text, only page furniture "
                f"({len(segments)} lines: menus, bylines, captions, prompts)"
            )
        if self.max_sentences and len(segments) > self.max_sentences:
            raise InputError(
                f"{document.name}: {len(segments):,} sentences, more than --max-sentences "
                f"{self.max_sentences:,}; split the article, or raise the limit (0: none)"
            )
        sentences = tuple(
            Sentence(i, s.paragraph, s.kind, s.text, "") for i, s in enumerate(segments)
        )
        return replace(document, sentences=sentences, provided=document.provided | self.provides)


class LanguageStage:
    """Refuses text that is not in the source language (English fed to an Arabic model); an
    Arabic article with English sentences (a third or more of them Arabic) goes on."""

    name = "language"
    requires = frozenset({"sentences"})
    provides = frozenset({"language"})

    def __call__(self, document: Document) -> Document:
        text = " ".join(s.source for s in document.sentences)
        arabic = [s for s in document.sentences if describe(s.source) == "Arabic"]
        mixed = document.source_language == "ar" and 3 * len(arabic) >= len(document.sentences)
        if not mixed:  # a mixed article: its English sentences are kept as written
            check_language(text, document.source_language, document.name)
        return replace(document, provided=document.provided | self.provides)
