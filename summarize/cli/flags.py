"""The command line's flags, one frozen group per concern, shared by the commands that take them.

A command names a group as a parameter (`model: ModelFlags`); `with_flags` spreads the group's
fields into the command's signature for typer and gathers them back into the group for the
command, so each flag is declared once, here.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, get_type_hints

import typer

from ..model import BACKENDS, DEVICES, SOURCE_LANGUAGES
from ..writers import FORMATS

if TYPE_CHECKING:
    DeviceChoice = str
    BackendChoice = str
    LanguageChoice = str
    FormatChoice = str
else:
    DeviceChoice = Literal[DEVICES]
    BackendChoice = Literal[BACKENDS]
    LanguageChoice = Literal[SOURCE_LANGUAGES]
    FormatChoice = Literal[FORMATS]

SummarizerChoice = Literal["rules", "llm"]
EngineChoice = Literal["local", "ray"]
EvalMode = Literal["both", "en", "ar"]


@dataclass(frozen=True)
class ModelFlags:
    """Which translation model, and how to run it."""

    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            help="Name from models.yaml, hub id, or local directory. "
            "\\[env: SUMMARIZE_MODEL; default: models.yaml `default`]",
        ),
    ] = None
    device: Annotated[
        DeviceChoice | None,
        typer.Option("--device", help="auto picks CUDA when present. \\[env: SUMMARIZE_DEVICE]"),
    ] = None
    backend: Annotated[
        BackendChoice | None,
        typer.Option(
            "--backend",
            help="ct2 (CTranslate2, the default when installed) or torch. "
            "\\[env: SUMMARIZE_BACKEND]",
        ),
    ] = None
    compute_type: Annotated[
        str | None,
        typer.Option(
            "--compute-type",
            help="ct2 only: int8 (CPU default), int8_float16 (CUDA default), float16, float32.",
        ),
    ] = None
    threads: Annotated[
        int,
        typer.Option("--threads", min=0, help="CPU threads for translation (0: engine default)."),
    ] = 0
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Neither reuse nor keep translations in the translation memory. "
            "\\[env: SUMMARIZE_NO_CACHE]",
        ),
    ] = False


@dataclass(frozen=True)
class DocumentFlags:
    """The language that comes in and the format that goes out."""

    source_lang: Annotated[
        LanguageChoice,
        typer.Option("--source-lang", help="ar translates; en passes English through."),
    ] = "ar"
    fmt: Annotated[FormatChoice, typer.Option("--format", "-f", help="Output format.")] = "text"
    max_sentences: Annotated[
        int,
        typer.Option(
            "--max-sentences",
            min=0,
            help="Refuse longer articles before any translation (0: no limit).",
        ),
    ] = 3000
    glossary: Annotated[
        Path | None,
        typer.Option(
            "--glossary",
            help="YAML of Arabic terms and the English they must come out as (names too). "
            "\\[env: SUMMARIZE_GLOSSARY]",
            show_default=False,
        ),
    ] = None


@dataclass(frozen=True)
class SummaryFlags:
    """Who writes the summary."""

    summarizer: Annotated[
        SummarizerChoice,
        typer.Option("--summarizer", help="rules (default) or llm (verified, rules fill in)."),
    ] = "rules"
    llm_model: Annotated[
        str | None,
        typer.Option(
            "--llm-model",
            help="Summarizer name from models.yaml, hub id, or directory. "
            "\\[env: SUMMARIZE_LLM_MODEL]",
        ),
    ] = None
    prompt: Annotated[
        Path | None,
        typer.Option("--prompt", help="Prompt template (default prompts/summary.yaml)."),
    ] = None
    outlet: Annotated[
        str | None,
        typer.Option(
            "--outlet",
            help="The outlet's name, when you know it better than the article says it "
            "(default: found in the article, else 'the outlet').",
        ),
    ] = None


@dataclass(frozen=True)
class UiFlags:
    """What the run shows on stderr."""

    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or logs on stderr.")] = (
        False
    )
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False


@dataclass(frozen=True)
class FolderFlags:
    """Where a folder run writes, and what it covers."""

    out_dir: Annotated[Path, typer.Option("--output", "-o", help="Output folder (required).")]
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Include sub-folders.")] = (
        False
    )
    force: Annotated[bool, typer.Option("--force", help="Redo files already done.")] = False
    translate_only: Annotated[
        bool, typer.Option("--translate-only", help="Translation only, no summary.")
    ] = False
    urls: Annotated[
        Path | None,
        typer.Option("--urls", help="A file of web addresses, one per line, instead of a folder."),
    ] = None
    delay: Annotated[
        float,
        typer.Option("--delay", min=0, help="--urls: seconds between requests to the same host."),
    ] = 1.0


@dataclass(frozen=True)
class RayFlags:
    """Where a folder run goes: this process, or Ray."""

    engine: Annotated[
        EngineChoice,
        typer.Option(
            "--engine",
            help="local: this process. ray: Ray Data with model-holding actors, on this "
            "machine or a cluster (pip install 'summarize\\[ray]').",
        ),
    ] = "local"
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            help="ray: an existing cluster (auto, HOST:6379); default: a local Ray instance.",
        ),
    ] = None
    workers: Annotated[
        int,
        typer.Option("--workers", min=0, help="ray: actors, one model each (0: as many as fit)."),
    ] = 0
    cpus_per_worker: Annotated[
        float, typer.Option("--cpus-per-worker", help="ray: CPUs (and threads) per actor.")
    ] = 1.0
    gpus_per_worker: Annotated[
        float,
        typer.Option("--gpus-per-worker", help="ray: GPUs per actor (0.5 shares one); uses CUDA."),
    ] = 0.0

    def given(self) -> list[str]:
        """The Ray-only flags given with values other than their defaults."""
        names = {
            "address": "--address",
            "workers": "--workers",
            "cpus_per_worker": "--cpus-per-worker",
            "gpus_per_worker": "--gpus-per-worker",
        }
        defaults = RayFlags()
        return [flag for f, flag in names.items() if getattr(self, f) != getattr(defaults, f)]


@dataclass(frozen=True)
class EvalFlags:
    """What `summarize eval` scores and shows."""

    mode: Annotated[
        EvalMode, typer.Option("--mode", help="en: English references; ar: Arabic, translated.")
    ] = "both"
    fmt: Annotated[
        Literal["text", "json"], typer.Option("--format", "-f", help="text or json.")
    ] = "text"
    misses: Annotated[bool, typer.Option("--misses", help="List every miss.")] = False
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when a target is not met.")] = False


FLAG_GROUPS = (ModelFlags, DocumentFlags, SummaryFlags, UiFlags, FolderFlags, RayFlags, EvalFlags)
Command = TypeVar("Command", bound=Callable[..., Any])


def with_flags(func: Command) -> Command:
    """Spread every flag-group parameter of `func` into its flags (for typer), and gather the
    flags back into the group when the command is called."""
    hints = get_type_hints(func, include_extras=True)
    groups: dict[str, type[Any]] = {}
    params: list[inspect.Parameter] = []
    for param in inspect.signature(func).parameters.values():
        annotation = hints[param.name]
        if isinstance(annotation, type) and is_dataclass(annotation) and annotation in FLAG_GROUPS:
            groups[param.name] = annotation
            group_hints = get_type_hints(annotation, include_extras=True)
            params += [
                inspect.Parameter(
                    f"{param.name}__{f.name}",
                    inspect.Parameter.KEYWORD_ONLY,
                    default=inspect.Parameter.empty if f.default is MISSING else f.default,
                    annotation=group_hints[f.name],
                )
                for f in fields(annotation)
            ]
        else:
            params.append(param.replace(annotation=annotation))

    @functools.wraps(func)
    def command(**given: Any) -> Any:
        for name, group in groups.items():
            values = {f.name: given.pop(f"{name}__{f.name}") for f in fields(group)}
            given[name] = group(**values)
        return func(**given)

    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    return command  # type: ignore[return-value]
