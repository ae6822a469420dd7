"""summarize: translate Arabic news into English with MarianMT, then summarize who said what.

The library API (nothing heavy is imported until a model is used):

    from summarize import Translator, resolve_translator, translate_document
    translator = Translator(resolve_translator("fast"))
    document = run_document(text, translator)   # translation, claims and summary
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Document",
    "PipelineOptions",
    "Sentence",
    "SummarizeError",
    "Translator",
    "read_article",
    "render",
    "resolve_translator",
    "run_document",
    "translate_document",
]

_EXPORTS = {
    "Document": "document",
    "Sentence": "document",
    "SummarizeError": "errors",
    "PipelineOptions": "pipeline",
    "translate_document": "pipeline",
    "run_document": "pipeline",
    "Translator": "translator",
    "read_article": "textio",
    "render": "render",
    "resolve_translator": "config",
}

if TYPE_CHECKING:
    from .config import resolve_translator
    from .document import Document, Sentence
    from .errors import SummarizeError
    from .pipeline import PipelineOptions, run_document, translate_document
    from .render import render
    from .textio import read_article
    from .translator import Translator


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")
