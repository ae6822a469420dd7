"""The segmentation stages: the text cut into units (segment), and its language checked."""

from __future__ import annotations

from dataclasses import replace

from ..errors import InputError
from ..lang.langid import check_language
from ..model import Document, Sentence
from .sentences import segment_article


class SegmentStage:
    """The article's lines as headline, headings, body sentences and boilerplate."""

    name = "segment"
    requires = frozenset({"text"})
    provides = frozenset({"sentences"})

    def __call__(self, document: Document) -> Document:
        segments = segment_article(document.text)
        if not segments:
            raise InputError(f"{document.name}: empty input")
        sentences = tuple(
            Sentence(i, s.paragraph, s.kind, s.text, "") for i, s in enumerate(segments)
        )
        return replace(document, sentences=sentences, provided=document.provided | self.provides)


class LanguageStage:
    """Refuses text that is not in the source language (English fed to an Arabic model)."""

    name = "language"
    requires = frozenset({"sentences"})
    provides = frozenset({"language"})

    def __call__(self, document: Document) -> Document:
        text = " ".join(s.source for s in document.sentences)
        check_language(text, document.source_language, document.name)
        return replace(document, provided=document.provided | self.provides)
