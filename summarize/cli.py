"""The command line: parses options, reads inputs, calls the library, writes outputs.

Nothing here imports torch or transformers; the library loads them when a model is first used.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .backends import EngineOptions
from .config import (
    BACKEND_ENV,
    DEVICE_ENV,
    load_models_config,
    resolve_summarizer,
    resolve_translator,
)
from .errors import InputError, SummarizeError
from .render import render
from .textio import read_article, write_atomic

if TYPE_CHECKING:
    from .pipeline import Summarizer
    from .raybatch import RayOptions
    from .translator import Translator

app = typer.Typer(
    name="summarize",
    help="Translate Arabic news into English (MarianMT) and summarize who said what.\n\n"
    "`summarize FILE` and `cat FILE | summarize` are short for `summarize run`.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
models_app = typer.Typer(help="List and download translation models.", no_args_is_help=True)
app.add_typer(models_app, name="models")

COMMANDS = {"run", "translate", "batch", "models", "eval"}


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


class Device(str, Enum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class BackendChoice(str, Enum):
    auto = "auto"
    ct2 = "ct2"
    torch = "torch"


class SourceLang(str, Enum):
    ar = "ar"
    en = "en"


ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Name from models.yaml, hub id, or local directory. "
        "\\[env: SUMMARIZE_MODEL; default: models.yaml `default`]",
    ),
]
DeviceOpt = Annotated[
    Device | None,
    typer.Option("--device", help="auto picks CUDA when present. \\[env: SUMMARIZE_DEVICE]"),
]
BackendOpt = Annotated[
    BackendChoice | None,
    typer.Option(
        "--backend",
        help="ct2 (CTranslate2, the default when installed) or torch. \\[env: SUMMARIZE_BACKEND]",
    ),
]
ComputeOpt = Annotated[
    str | None,
    typer.Option(
        "--compute-type",
        help="ct2 only: int8 (CPU default), int8_float16 (CUDA default), float16, float32.",
    ),
]
ThreadsOpt = Annotated[
    int, typer.Option("--threads", min=0, help="CPU threads for translation (0: engine default).")
]
LangOpt = Annotated[
    SourceLang, typer.Option("--source-lang", help="ar translates; en passes English through.")
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or logs on stderr.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")]
InputArg = Annotated[str, typer.Argument(help="Article file, or - for stdin.", show_default=False)]


@dataclass(frozen=True)
class Ui:
    """Where progress and logs go (stderr, only on a terminal unless --debug)."""

    console: Console  # stderr console
    show: bool  # progress and info logs are shown


def _ui(quiet: bool, debug: bool) -> Ui:
    console = Console(stderr=True, no_color=bool(os.environ.get("NO_COLOR")))
    show = (console.is_terminal and not quiet) or debug
    level = logging.DEBUG if debug else logging.INFO if show else logging.ERROR
    logger = logging.getLogger("summarize")
    logger.handlers[:] = [RichHandler(console=console, show_time=False, show_path=False)]
    logger.setLevel(level)
    logger.propagate = False
    return Ui(console, show)


@contextmanager
def _progress(ui: Ui, label: str) -> Iterator[Progress | None]:
    if not ui.show:
        yield None
        return
    bar = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=ui.console,
        transient=True,
    )
    with bar:
        bar.add_task(label, total=None)
        yield bar


def _engine(
    device: Device | None, backend: BackendChoice | None, compute_type: str | None, threads: int
) -> EngineOptions:
    """Flags first, then SUMMARIZE_DEVICE / SUMMARIZE_BACKEND, then auto."""
    return EngineOptions(
        device=device.value if device else os.environ.get(DEVICE_ENV, "auto"),
        backend=backend.value if backend else os.environ.get(BACKEND_ENV, "auto"),
        compute_type=compute_type or "auto",
        threads=threads,
    )


def _translator(model: str | None, engine: EngineOptions, lang: SourceLang) -> Translator | None:
    if lang is SourceLang.en:
        return None
    from .translator import Translator

    return Translator(resolve_translator(model), engine)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


def _single(
    summary: bool | Summarizer,
    file: str,
    model: str | None,
    engine: EngineOptions,
    lang: SourceLang,
    fmt: Format,
    output: Path | None,
    quiet: bool,
    debug: bool,
) -> None:
    ui = _ui(quiet, debug)
    if file == "-" and sys.stdin.isatty():
        raise InputError("no input: give a FILE, or pipe an article on stdin")
    text = read_article(file)
    translator = _translator(model, engine, lang)
    from .pipeline import PipelineOptions, run_document, translate_document

    process = run_document if summary else translate_document
    extra = {"summarizer": summary} if callable(summary) else {}

    with _progress(ui, "Translating") as bar:

        def report(done: int, total: int) -> None:
            if bar is not None:
                bar.update(bar.task_ids[0], completed=done, total=total)

        document = process(
            text,
            translator,
            PipelineOptions(source_lang=lang.value),
            name="stdin" if file == "-" else file,
            progress=report,
            **extra,
        )
    _emit(render(document, fmt.value), output)


OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]


class SummarizerChoice(str, Enum):
    rules = "rules"
    llm = "llm"


SummarizerOpt = Annotated[
    SummarizerChoice,
    typer.Option("--summarizer", help="rules (default) or llm (verified, rules fill in)."),
]
LLMModelOpt = Annotated[
    str | None,
    typer.Option(
        "--llm-model",
        help="Summarizer name from models.yaml, hub id, or directory. \\[env: SUMMARIZE_LLM_MODEL]",
    ),
]
PromptOpt = Annotated[
    Path | None, typer.Option("--prompt", help="Prompt template (default prompts/summary.yaml).")
]


def _summarizer(
    choice: SummarizerChoice,
    llm_model: str | None,
    prompt: Path | None,
    engine: EngineOptions,
    check: bool = True,
) -> Summarizer | None:
    """None for the rules summary; else the LLM summarizer (template checked now, model later;
    with `check`, the model is looked for now too)."""
    if choice is SummarizerChoice.rules:
        if llm_model or prompt:
            raise InputError("--llm-model and --prompt go with --summarizer llm")
        return None
    from .hub import locate
    from .llm import LLM, LLMSummarizer
    from .prompts import load_prompt

    template = load_prompt(prompt)
    spec = resolve_summarizer(llm_model)
    if check:
        locate(spec)  # before translating: a missing model fails fast, losing no work
    return LLMSummarizer(LLM(spec, engine.device), template)


@app.command()
def run(
    file: InputArg = "-",
    model: ModelOpt = None,
    device: DeviceOpt = None,
    backend: BackendOpt = None,
    compute_type: ComputeOpt = None,
    threads: ThreadsOpt = 0,
    source_lang: LangOpt = SourceLang.ar,
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    summarizer: SummarizerOpt = SummarizerChoice.rules,
    llm_model: LLMModelOpt = None,
    prompt: PromptOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Translate an article, then write a neutral summary of who said what."""
    engine = _engine(device, backend, compute_type, threads)
    chosen = _summarizer(summarizer, llm_model, prompt, engine) or True
    _single(chosen, file, model, engine, source_lang, fmt, output, quiet, debug)


@app.command()
def translate(
    file: InputArg = "-",
    model: ModelOpt = None,
    device: DeviceOpt = None,
    backend: BackendOpt = None,
    compute_type: ComputeOpt = None,
    threads: ThreadsOpt = 0,
    source_lang: LangOpt = SourceLang.ar,
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Translate an article only."""
    engine = _engine(device, backend, compute_type, threads)
    _single(False, file, model, engine, source_lang, fmt, output, quiet, debug)


class BatchEngine(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
def batch(
    in_dir: Annotated[Path, typer.Argument(help="Folder of .txt/.md articles.")],
    out_dir: Annotated[Path, typer.Option("--output", "-o", help="Output folder (required).")],
    recursive: Annotated[
        bool, typer.Option("--recursive", "-r", help="Include sub-folders.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Redo files already done.")] = False,
    translate_only: Annotated[
        bool, typer.Option("--translate-only", help="Translation only, no summary.")
    ] = False,
    engine_choice: Annotated[
        BatchEngine,
        typer.Option(
            "--engine",
            help="local: this process. ray: Ray Data with model-holding actors, on this "
            "machine or a cluster (pip install 'summarize\\[ray]').",
        ),
    ] = BatchEngine.local,
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            help="ray: an existing cluster (auto, HOST:6379); default: a local Ray instance.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option("--workers", min=0, help="ray: actors, one model each (0: as many as fit)."),
    ] = 0,
    cpus_per_worker: Annotated[
        float, typer.Option("--cpus-per-worker", help="ray: CPUs (and threads) per actor.")
    ] = 1.0,
    gpus_per_worker: Annotated[
        float,
        typer.Option("--gpus-per-worker", help="ray: GPUs per actor (0.5 shares one); uses CUDA."),
    ] = 0.0,
    model: ModelOpt = None,
    device: DeviceOpt = None,
    backend: BackendOpt = None,
    compute_type: ComputeOpt = None,
    threads: ThreadsOpt = 0,
    source_lang: LangOpt = SourceLang.ar,
    fmt: FormatOpt = Format.text,
    summarizer: SummarizerOpt = SummarizerChoice.rules,
    llm_model: LLMModelOpt = None,
    prompt: PromptOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Translate and summarize every article in a folder; the output tree mirrors the input."""
    from .batch import MANIFEST, BatchOptions, FileResult, run_batch
    from .pipeline import PipelineOptions

    ui = _ui(quiet, debug)
    engine = _engine(device, backend, compute_type, threads)
    ray_options = _ray_options(
        engine_choice, address, workers, cpus_per_worker, gpus_per_worker, debug
    )
    if translate_only and summarizer is SummarizerChoice.llm:
        raise InputError("--summarizer llm writes a summary; --translate-only writes none")
    # On a cluster the summarizer need not be on this machine: the actors load it.
    here = ray_options is None or ray_options.address is None
    options = BatchOptions(
        in_dir,
        out_dir,
        fmt.value,
        recursive,
        force,
        PipelineOptions(source_lang.value),
        summary=not translate_only,
        summarizer=_summarizer(summarizer, llm_model, prompt, engine, check=here),
    )
    counts = {"ok": 0, "skipped": 0, "failed": 0}
    with _progress(ui, "Files") as bar:
        sentences = bar.add_task("Sentences", total=None) if bar is not None else None

        def on_start(path: Path, number: int, total: int) -> None:
            if bar is not None and sentences is not None:
                bar.update(bar.task_ids[0], completed=number - 1, total=total)
                bar.update(sentences, completed=0, total=None, description=path.name)

        def report(done: int, total: int) -> None:
            if bar is not None and sentences is not None:
                bar.update(sentences, completed=done, total=total)

        def on_ready(pool: int, files: int) -> None:
            if bar is not None and sentences is not None:
                bar.update(sentences, visible=False)
                bar.update(bar.task_ids[0], total=files, description=f"Files ({pool} Ray workers)")

        results: Iterator[FileResult]
        if ray_options is None:
            translator = _translator(model, engine, source_lang)
            results = run_batch(options, translator, on_start, report)
        else:
            from .raybatch import run_batch_ray

            if not debug:  # Ray's advice on tuning its plan is noise to someone translating
                warnings.filterwarnings("ignore", module=r"ray(\.|$)")
            spec = None if source_lang is SourceLang.en else resolve_translator(model)
            results = run_batch_ray(options, spec, engine, ray_options, on_ready)
        for result in results:
            counts[result.status] += 1
            if bar is not None and ray_options is not None:
                bar.update(bar.task_ids[0], completed=sum(counts.values()))
            if result.status == "failed":
                ui.console.print(
                    f"[red]failed[/red] {escape(result.error or '')}",
                    highlight=False,
                    soft_wrap=True,
                )
    summary = (
        f"{counts['ok']} translated, {counts['skipped']} skipped, "
        f"{counts['failed']} failed; manifest: {out_dir / MANIFEST}"
    )
    if not quiet:
        ui.console.print(summary, highlight=False, markup=False, soft_wrap=True)
    if counts["failed"]:
        raise typer.Exit(code=1)


def _ray_options(
    engine: BatchEngine,
    address: str | None,
    workers: int,
    cpus_per_worker: float,
    gpus_per_worker: float,
    debug: bool,
) -> RayOptions | None:
    """None for the local engine (which takes none of the Ray options)."""
    if engine is BatchEngine.local:
        given = [
            flag
            for flag, value, default in (
                ("--address", address, None),
                ("--workers", workers, 0),
                ("--cpus-per-worker", cpus_per_worker, 1.0),
                ("--gpus-per-worker", gpus_per_worker, 0.0),
            )
            if value != default
        ]
        if given:
            raise InputError(f"{', '.join(given)}: only with --engine ray")
        return None
    from .raybatch import RayOptions

    return RayOptions(address, workers, cpus_per_worker, gpus_per_worker, debug)


class EvalMode(str, Enum):
    both = "both"
    en = "en"
    ar = "ar"


@app.command("eval")
def eval_command(
    folder: Annotated[Path, typer.Argument(help="Folder of annotated articles (*.json).")],
    mode: Annotated[
        EvalMode, typer.Option("--mode", help="en: English references; ar: Arabic, translated.")
    ] = EvalMode.both,
    model: ModelOpt = None,
    device: DeviceOpt = None,
    backend: BackendOpt = None,
    compute_type: ComputeOpt = None,
    threads: ThreadsOpt = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
    show_misses: Annotated[bool, typer.Option("--misses", help="List every miss.")] = False,
    summarizer: SummarizerOpt = SummarizerChoice.rules,
    llm_model: LLMModelOpt = None,
    prompt: PromptOpt = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when a target is not met.")
    ] = False,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Score attribution and summary on annotated articles (e.g. ../shared/devset)."""
    import json
    from dataclasses import asdict

    from .evaluate import MODES, evaluate, totals

    ui = _ui(quiet, debug)
    modes = MODES if mode is EvalMode.both else (mode.value,)
    engine = _engine(device, backend, compute_type, threads)
    translator = _translator(model, engine, SourceLang.ar) if "ar" in modes else None
    chosen = _summarizer(summarizer, llm_model, prompt, engine)
    with _progress(ui, "Evaluating") as bar:

        def on_article(name: str, which: str) -> None:
            if bar is not None:
                bar.update(bar.task_ids[0], description=f"{name} ({which})")

        scores = evaluate(folder, modes, translator, on_article, chosen)
    per_mode = {m: totals([s for s in scores if s.mode == m]) for m in modes}
    if fmt is Format.json:
        report = {
            "articles": [asdict(s) for s in scores],
            "totals": {
                m: {**asdict(t), "meets_targets": t.meets_targets()} for m, t in per_mode.items()
            },
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"{'article':34} mode  attribution  key-claims  leaks  loaded")
        for s in scores:
            print(
                f"{s.article[:34]:34} {s.mode:4}  {s.attributed_right:>4}/{s.sentences:<6}"
                f"  {s.key_claims_found:>4}/{s.key_claims:<5}  {s.boilerplate_leaks:>5}"
                f"  {s.loaded_outside_quotes:>6}"
            )
            if show_misses:
                for miss in s.misses:
                    print(f"    - {miss}")
        for m, t in per_mode.items():
            verdict = "targets met" if t.meets_targets() else "targets NOT met"
            print(
                f"total {m}: attribution {t.attribution:.3f}, key-claim recall "
                f"{t.key_claim_recall:.3f}, boilerplate leaks {t.boilerplate_leaks}, "
                f"loaded words outside quotes {t.loaded_outside_quotes} ({verdict})"
            )
    if check and not all(t.meets_targets() for t in per_mode.values()):
        raise typer.Exit(code=1)


@models_app.command("list")
def models_list() -> None:
    """Show the configured models and whether each is cached."""
    from .hub import is_available

    config = load_models_config()
    table = Table("role", "name", "id", "revision", "cached", box=None)
    roles: list[tuple[str, dict[str, Any], str | None]] = [
        ("translator", dict(config.translators), config.default),
        ("summarizer", dict(config.summarizers or {}), config.default_summarizer),
    ]
    for role, specs, default in roles:
        for name, spec in specs.items():
            label = f"{name} (default)" if name == default else name
            cached = "yes" if is_available(spec) else "no"
            table.add_row(role, label, spec.id, spec.revision, cached)
    console = Console(no_color=bool(os.environ.get("NO_COLOR")))
    if console.is_terminal:
        console.print(table)
    else:  # piped: whole values, one tab-separated row per model
        for row in zip(*(column.cells for column in table.columns), strict=True):
            print("\t".join(row))


@models_app.command("download")
def models_download(
    name: Annotated[
        str, typer.Argument(help="Translator or summarizer name from models.yaml, or a hub id.")
    ],
) -> None:
    """Download a model into the Hugging Face cache (needs network)."""
    from .hub import download

    _ui(False, False)
    config = load_models_config()
    is_summarizer = name in (config.summarizers or {})
    spec = resolve_summarizer(name, config) if is_summarizer else resolve_translator(name, config)
    print(download(spec))


def _version(value: bool) -> None:
    if value:
        print(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Translate Arabic news into English (MarianMT) and summarize who said what."""


def _route(args: list[str]) -> list[str]:
    """`summarize FILE` and `cat FILE | summarize` mean `summarize run ...`."""
    if not args:
        return ["--help"] if sys.stdin.isatty() else ["run", "-"]
    if args[0] in COMMANDS or args[0] in {"--help", "-h", "--version"}:
        return ["--help"] if args[0] == "-h" else args
    return ["run", *args]


def _fail(message: str, code: int) -> int:
    console = Console(stderr=True, no_color=bool(os.environ.get("NO_COLOR")))
    console.print(f"[bold red]error:[/bold red] {escape(message)}", highlight=False, soft_wrap=True)
    return code


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point; returns (and exits with) the exit code."""
    args = _route(list(sys.argv[1:] if argv is None else argv))
    debug = "--debug" in args
    try:
        result = app(args=args, prog_name="summarize", standalone_mode=False)
        code = result if isinstance(result, int) else 0
        if code == 130:  # typer turns Ctrl-C into exit code 130
            code = _fail("interrupted", 130)
    except SummarizeError as exc:
        if debug:
            traceback.print_exc()
        code = _fail(str(exc), exc.exit_code)
    except typer.Exit as exc:
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        code = _fail("interrupted", 130)
    except typer.TyperException as exc:  # usage errors: unknown option, missing argument, ...
        formatter = getattr(exc, "format_message", None)
        message = formatter() if callable(formatter) else str(exc)
        code = _fail(" ".join(str(message).split()), int(getattr(exc, "exit_code", 2)))
    except BrokenPipeError:
        code = 0
    except Exception as exc:
        if debug:
            traceback.print_exc()
        code = _fail(
            f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", 1
        )
    if argv is None:
        sys.exit(code)
    return code
