"""summarize: translate Arabic news into English with MarianMT, then summarize who said what.

The library API (nothing heavy is imported until a model is used):

    from summarize import Translator, read_article, render, resolve_translator, run_document
    translator = Translator(resolve_translator("fast"))
    document = run_document(read_article("article.txt"), translator)
    print(render(document, "json"))

Every name below is a function or a class; none shares its name with a module of the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Claim",
    "Document",
    "EngineOptions",
    "RunOptions",
    "Sentence",
    "SummarizeError",
    "SummaryItem",
    "Translator",
    "read_article",
    "render",
    "resolve_translator",
    "run_document",
    "translate_document",
]

_EXPORTS = {
    "Analysis": "model",
    "Article": "model",
    "Claim": "model",
    "Document": "model",
    "RunOptions": "model",
    "Sentence": "model",
    "SummaryItem": "model",
    "SummarizeError": "errors",
    "EngineOptions": "translation.base",
    "Translator": "translation.translator",
    "read_article": "readers",
    "render": "writers",
    "resolve_translator": "config",
    "run_document": "pipeline",
    "translate_document": "pipeline",
}

if TYPE_CHECKING:
    from .config import resolve_translator
    from .errors import SummarizeError
    from .model import Analysis, Article, Claim, Document, RunOptions, Sentence, SummaryItem
    from .pipeline import run_document, translate_document
    from .readers import read_article
    from .translation.base import EngineOptions
    from .translation.translator import Translator
    from .writers import render


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")
