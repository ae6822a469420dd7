"""The library's entry point: article text in, a translated Document out."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from .document import Document, Sentence
from .errors import InputError
from .langid import check_language
from .segment import segment_article
from .translator import Progress, Translation, Translator

log = logging.getLogger(__name__)

SOURCE_LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class PipelineOptions:
    """What a run does, independent of where its input comes from."""

    source_lang: str = "ar"  # "ar" translates; "en" passes English through untranslated


def translate_document(
    text: str,
    translator: Translator | None,
    options: PipelineOptions | None = None,
    name: str = "input",
    progress: Progress | None = None,
) -> Document:
    """Segment, check and translate an article.

    `translator` may be None only with source_lang "en". Raises InputError for empty input or
    text that is not in the source language.
    """
    options = options or PipelineOptions()
    if options.source_lang not in SOURCE_LANGUAGES:
        raise InputError(
            f"unknown source language '{options.source_lang}'; valid: {', '.join(SOURCE_LANGUAGES)}"
        )
    segments = segment_article(text)
    if not segments:
        raise InputError(f"{name}: empty input")
    check_language(" ".join(s.text for s in segments), options.source_lang, name)
    if options.source_lang == "en":
        sentences = tuple(
            Sentence(i, s.paragraph, s.kind, s.text, "" if s.kind == "boilerplate" else s.text)
            for i, s in enumerate(segments)
        )
        return Document("en", sentences, models={"translator": None})
    if translator is None:
        raise ValueError("a translator is needed for Arabic input")
    # Boilerplate (subscribe prompts, "read also" links) is recognised, never translated.
    wanted = [i for i, s in enumerate(segments) if s.kind != "boilerplate"]
    translated = dict(
        zip(wanted, translator.translate([segments[i].text for i in wanted], progress), strict=True)
    )
    untranslated = Translation(
        text="", pieces=1, redecoded=False, redecode_reason=None, piece_sources=()
    )
    translations = [translated.get(i, untranslated) for i in range(len(segments))]
    sentences = tuple(
        Sentence(
            id=i,
            paragraph=s.paragraph,
            kind=s.kind,
            source=s.text,
            translation=t.text,
            pieces=t.pieces,
            redecoded=t.redecoded,
        )
        for i, (s, t) in enumerate(zip(segments, translations, strict=True))
    )
    warnings = [
        f"sentence {s.id}: re-decoded by the repetition guard ({t.redecode_reason})"
        for s, t in zip(sentences, translations, strict=True)
        if t.redecode_reason
    ] + [
        f"sentence {s.id}: longer than the model's input limit, translated in {s.pieces} pieces"
        for s in sentences
        if s.pieces > 1
    ]
    for warning in warnings:
        log.warning(warning)
    return Document(
        "ar",
        sentences,
        models={"translator": translator.spec.id, "translator_engine": translator.describe()},
        warnings=tuple(warnings),
    )


Summarizer = Callable[[Document], Document]  # rewrites the summary of an analysed document


def run_document(
    text: str,
    translator: Translator | None,
    options: PipelineOptions | None = None,
    name: str = "input",
    progress: Progress | None = None,
    summarizer: Summarizer | None = None,
) -> Document:
    """Translate an article, then attribute its claims and write the neutral summary (the rules
    summary, or `summarizer`'s, e.g. the verified LLM summary of llm.py)."""
    from .analysis import analyze

    document = translate_document(text, translator, options, name, progress)
    if translator is None or document.source_language != "ar":
        document = analyze(document)
    else:
        document = analyze(document, lambda spans: [t.text for t in translator.translate(spans)])
    return summarizer(document) if summarizer is not None else document
