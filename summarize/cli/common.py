"""What the commands share: flags turned into the library's options, models, the output."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .. import settings
from ..errors import InputError
from .flags import DocumentFlags, ModelFlags, SummaryFlags

if TYPE_CHECKING:
    from ..pipeline import Stage
    from ..translation.base import EngineOptions
    from ..translation.translator import Translator


def engine_options(flags: ModelFlags) -> EngineOptions:
    """How to run the translator: each setting from its flag, else its environment variable,
    else its default (settings.py)."""
    from ..translation.base import EngineOptions

    cpus = os.cpu_count() or 1
    if flags.threads > cpus:
        raise InputError(
            f"--threads {flags.threads}: this machine has {cpus} CPUs; give 0 to {cpus}"
        )
    return EngineOptions(
        device=settings.value("device", flags.device) or "auto",
        backend=settings.value("backend", flags.backend) or "auto",
        compute_type=flags.compute_type or "auto",
        threads=flags.threads,
        memory=not (flags.no_cache or settings.value("no_cache")),
    )


def glossary_path(flags: DocumentFlags) -> str | None:
    """--glossary, else SUMMARIZE_GLOSSARY: read and checked now (one clear line before any
    model loads), its path passed on (each process, each Ray actor, reads it once)."""
    found = settings.path("glossary", flags.glossary)
    if found is None:
        return None
    from ..lang.glossary import load_glossary

    load_glossary(str(found))
    return str(found)


def make_translator(flags: ModelFlags, engine: EngineOptions, lang: str) -> Translator | None:
    """The translator (loaded on first use), or None for English input."""
    if lang == "en":
        return None
    from ..config import resolve_translator
    from ..translation.translator import Translator

    return Translator(resolve_translator(flags.model), engine)


def make_summarizer(flags: SummaryFlags, engine: EngineOptions, check: bool = True) -> Stage | None:
    """None for the rules summary; else the LLM summarizer (template checked now, model later;
    with `check`, the model is looked for now too, so that a missing one fails before any
    translation)."""
    if flags.summarizer == "rules":
        if flags.llm_model or flags.prompt:
            raise InputError("--llm-model and --prompt go with --summarizer llm")
        return None
    from ..config import resolve_summarizer
    from ..summary.llm import LLM, LLMSummarizer
    from ..summary.prompts import load_prompt
    from ..translation.hub import locate

    template = load_prompt(flags.prompt)
    spec = resolve_summarizer(flags.llm_model)
    if check:
        locate(spec)
    return LLMSummarizer(LLM(spec, engine.device), template)
