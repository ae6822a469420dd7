"""The pipeline: an ordered list of stages, each a callable from Document to Document.

Every stage says what it needs and what it provides (facets of the document: "text",
"sentences", "translations", ...). `STAGES` names each stage and how to build it from the run's
`Context`; `TRANSLATE` and `RUN` are the two pipelines the commands use. A pipeline whose stage
needs what no earlier stage provides is refused when it is built, not halfway through an article.

To add a stage: write its module (a class with `name`, `requires`, `provides` and
`__call__(document) -> document`), add a builder to `STAGES`, and put its name in a pipeline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from .errors import InputError
from .model import SOURCE_LANGUAGES, Article, Document, Progress, RunOptions

if TYPE_CHECKING:
    from .lang.glossary import Glossary
    from .translation.translator import Translator

log = logging.getLogger(__name__)


class Stage(Protocol):
    """One step of the pipeline."""

    @property
    def name(self) -> str:
        """The stage's name, for messages."""
        ...

    @property
    def requires(self) -> frozenset[str]:
        """Facets of the document the stage reads."""
        ...

    @property
    def provides(self) -> frozenset[str]:
        """Facets it fills in."""
        ...

    def __call__(self, document: Document) -> Document:
        """The document with the stage's work done."""
        ...


@dataclass(frozen=True)
class Context:
    """What the stages of one run are built from."""

    options: RunOptions  # source language, parties file
    translator: Translator | None  # None only for English input
    progress: Progress | None = None  # translation progress (pieces done, pieces in all)
    summarizer: Stage | None = None  # rewrites the rules summary (the LLM's), or None


def _segment(context: Context) -> Stage:
    from .segmentation.stage import SegmentStage

    return SegmentStage(context.options.max_sentences)


def _language(context: Context) -> Stage:
    from .segmentation.stage import LanguageStage

    return LanguageStage()


def _translate(context: Context) -> Stage:
    from .translation.stage import EnglishStage, TranslateStage

    if context.options.source_lang == "en":
        return EnglishStage()
    if context.translator is None:
        raise ValueError("a translator is needed for Arabic input")
    return TranslateStage(context.translator, context.progress, _glossary(context))


def _glossary(context: Context) -> Glossary | None:
    if not context.options.glossary:
        return None
    from .lang.glossary import load_glossary

    return load_glossary(context.options.glossary)


def _attribute(context: Context) -> Stage:
    from .attribution.stage import AttributeStage

    return AttributeStage(context.options)


def _name(context: Context) -> Stage:
    from .translation.stage import NameStage

    translator = context.translator if context.options.source_lang == "ar" else None
    return NameStage(translator, _glossary(context))


def _claims(context: Context) -> Stage:
    from .attribution.stage import ClaimsStage

    return ClaimsStage(context.options)


def _summary(context: Context) -> Stage:
    from .summary.stage import RulesSummaryStage

    return RulesSummaryStage()


STAGES: dict[str, Callable[[Context], Stage | None]] = {
    "segment": _segment,  # headline, headings, body sentences, boilerplate
    "language": _language,  # refuse text that is not in the source language
    "translate": _translate,  # translations (or English passed through)
    "attribute": _attribute,  # each body sentence's party, cue and kind
    "name": _name,  # English names for parties the gazetteer lacks, and the outlet
    "claims": _claims,  # claims and loaded terms
    "summary": _summary,  # the rules summary
    "llm-summary": lambda context: context.summarizer,  # the LLM's, when one is given
}
TRANSLATE = ("segment", "language", "translate")
ANALYZE = ("attribute", "name", "claims", "summary", "llm-summary")
RUN = (*TRANSLATE, *ANALYZE)


def check_order(stages: Sequence[Stage], start: frozenset[str] = frozenset({"text"})) -> None:
    """Raise ValueError when a stage needs what no stage before it provides."""
    available = set(start)
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise ValueError(f"stage '{stage.name}' needs {', '.join(sorted(missing))} first")
        available |= stage.provides


def build(
    names: Sequence[str], context: Context, start: frozenset[str] = frozenset({"text"})
) -> list[Stage]:
    """The stages `names` name, in order (a builder may answer None: that stage is left out),
    checked to run in that order on a document that already has `start`."""
    unknown = [n for n in names if n not in STAGES]
    if unknown:
        raise ValueError(f"unknown stage(s) {', '.join(unknown)}; valid: {', '.join(STAGES)}")
    stages = [stage for n in names if (stage := STAGES[n](context)) is not None]
    check_order(stages, start)
    return stages


def start(article: Article | str, options: RunOptions, name: str = "input") -> Document:
    """The document a pipeline starts from: the article's text, nothing done yet."""
    if options.source_lang not in SOURCE_LANGUAGES:
        raise InputError(
            f"unknown source language '{options.source_lang}'; valid: {', '.join(SOURCE_LANGUAGES)}"
        )
    if not isinstance(article, Article):
        article = Article(name=name, text=article)
        encoding = None
    else:
        encoding = article.encoding
    for warning in article.warnings:
        log.warning("%s", warning)
    return Document(
        options.source_lang,
        name=article.name,
        text=article.text,
        encoding=encoding,
        source=article.source,
        warnings=article.warnings,
        provided=frozenset({"text"}),
    )


def run_stages(document: Document, stages: Sequence[Stage]) -> Document:
    """Each stage in turn."""
    for stage in stages:
        document = stage(document)
    return document


def translate_document(
    article: Article | str,
    translator: Translator | None,
    options: RunOptions | None = None,
    name: str = "input",
    progress: Progress | None = None,
) -> Document:
    """Segment, check and translate an article (`translator` may be None only for English).

    Raises InputError for empty input or text that is not in the source language.
    """
    options = options or RunOptions()
    document = start(article, options, name)
    context = Context(options, translator, progress)
    return run_stages(document, build(TRANSLATE, context))


def run_document(
    article: Article | str,
    translator: Translator | None,
    options: RunOptions | None = None,
    name: str = "input",
    progress: Progress | None = None,
    summarizer: Stage | None = None,
) -> Document:
    """Translate an article, then attribute its claims and write the neutral summary (the rules
    summary, rewritten by `summarizer` when given: llm.LLMSummarizer, the verified LLM summary)."""
    options = options or RunOptions()
    document = start(article, options, name)
    context = Context(options, translator, progress, summarizer)
    return run_stages(document, build(RUN, context))


def analyze(
    document: Document,
    translator: Translator | None = None,
    options: RunOptions | None = None,
    summarizer: Stage | None = None,
) -> Document:
    """Who said what and the summary of a document that already has its sentences and their
    translations (from translate_document, or built by the caller). `translator` names the
    parties the gazetteer does not know (without it their Arabic spans are kept)."""
    options = options or RunOptions(source_lang=document.source_language)
    given = document.provided | {"text", "sentences", "translations"}
    context = Context(options, translator, None, summarizer)
    stages = build(ANALYZE, context, frozenset(given))
    return run_stages(replace(document, provided=frozenset(given)), stages)
