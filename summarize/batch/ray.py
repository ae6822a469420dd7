"""Folder mode on Ray: the work of batch.py spread over actors that each hold the model.

Ray Data reads the files (in tasks kept on this machine, the one that sees the folder), a pool
of actors (one per worker, each loading the model once) translates, attributes and renders each
article, and this process writes every output atomically and the manifest as results arrive.
The outputs are the bytes the local engine writes; only the manifest's `seconds` differ.

Ray is an optional extra (`pip install 'summarize[ray]'`), imported only here and only when the
ray engine runs.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import socket
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import settings
from ..config import TranslatorSpec
from ..errors import EngineError, InputError, ModelError, SummarizeError
from ..model import Article
from ..readers import read_article
from ..summary.llm import LLMSummarizer
from ..translation.base import EngineOptions, resolve_backend
from ..translation.translator import Translator
from ..writers.files import write_atomic
from .plan import (
    MANIFEST,
    BatchOptions,
    FileResult,
    Status,
    failure,
    manifest_line,
    open_manifest,
    pending,
    record,
    render_article,
)
from .reports import save_digest, title, write_overviews

log = logging.getLogger(__name__)

INSTALL_HINT = (
    "the ray engine needs Ray: pip install 'summarize[ray]' (or: pip install 'ray[data]')"
)

# Environment a local Ray instance's workers are given, as this process sees it: where models
# and conversions are cached, and which models.yaml is in force. (A cluster's nodes keep theirs.)
FORWARDED_ENV_PREFIXES = ("SUMMARIZE_", "HF_", "TRANSFORMERS_", "CT2_")

READERS = 2  # reading tasks at a time: a file takes milliseconds, an article seconds
MAX_BLOCK = 8  # articles that travel together between the stages (see blocks())


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide a Ray run goes."""

    address: str | None = None  # a cluster this machine is in ("auto", "HOST:6379"); None: local
    workers: int = 0  # actors, each with its own copy of the model; 0: as many as resources allow
    cpus_per_worker: float = 1.0  # CPUs reserved per actor (and its translation threads)
    gpus_per_worker: float = 0.0  # GPUs per actor (0.5: two share one); above 0, CUDA is used
    debug: bool = False  # show Ray's own logs and the workers' output


def import_ray() -> Any:
    """The ray module, or an EngineError that says how to install it."""
    try:
        ray = importlib.import_module("ray")
        importlib.import_module("ray.data")
    except ImportError:
        raise EngineError(INSTALL_HINT) from None
    return ray


def worker_engine(engine: EngineOptions, options: RayOptions) -> EngineOptions:
    """The engine each actor runs: CUDA when it was given GPUs, else the CPU; as many threads as
    CPUs it was given (unless --threads says otherwise)."""
    if options.gpus_per_worker < 0 or options.cpus_per_worker <= 0:
        raise InputError("--cpus-per-worker must be above 0 and --gpus-per-worker not below 0")
    device = engine.device
    if device == "auto":
        device = "cuda" if options.gpus_per_worker > 0 else "cpu"
    if device == "cuda" and options.gpus_per_worker == 0:
        raise InputError("--device cuda with --engine ray needs --gpus-per-worker (e.g. 1)")
    threads = engine.threads or max(1, int(options.cpus_per_worker))
    return replace(engine, device=device, threads=threads)


def prepare_model(spec: TranslatorSpec, engine: EngineOptions) -> None:
    """Fetch (and for ct2, convert) the model here, once, before a local instance's actors start:
    a missing model then fails before Ray starts, and the actors do not each convert it."""
    if resolve_backend(engine.backend) == "ct2":
        from ..translation.ct2_backend import ensure_converted, resolve

        ensure_converted(spec, resolve(engine.device, engine.compute_type)[1])
    else:
        from ..translation.hub import locate

        locate(spec)


def read_row(row: dict[str, Any]) -> dict[str, Any]:
    """Ray Data stage 1: read and decode one article (a bad file becomes an error, not a crash)."""
    try:
        article, error = read_article(row["input"]), None
        text, encoding, warnings = article.text, article.encoding, list(article.warnings)
    except Exception as exc:
        text, encoding, warnings, error = "", "", [], failure(exc, Path(row["input"]))
    return {**row, "text": text, "encoding": encoding, "warnings": warnings, "error": error}


class ArticleWorker:
    """Ray Data stage 2, an actor: loads the model once, then renders one article per call.

    A model that cannot be loaded is not raised here (Ray would retry and then bury it in a
    traceback): every call answers with it as `fatal`, and the driver stops the run with it.
    """

    def __init__(
        self, spec: TranslatorSpec | None, engine: EngineOptions, options: BatchOptions
    ) -> None:
        self.options = options
        self.translator: Translator | None = None
        self.fatal: str | None = None
        try:
            if spec is not None:
                self.translator = Translator(spec, engine)
                _ = self.translator.backend  # load (and for ct2, convert) now, once per actor
        except SummarizeError as exc:
            self.fatal = str(exc)

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        started = time.perf_counter()
        rendered, error, fatal = "", row["error"], self.fatal
        warnings: tuple[str, ...] = ()
        found: dict[str, Any] = {}
        if fatal is None and error is None:
            source = Path(row["input"])
            article = Article(row["input"], row["text"], row["encoding"], tuple(row["warnings"]))
            try:
                rendered, warnings, found = render_article(article, self.translator, self.options)
            except ModelError as exc:
                fatal = str(exc)
            except Exception as exc:  # a bad file (or a bug on one) must not end the folder
                error = failure(exc, source)
        return {
            "index": row["index"],
            "rendered": rendered,
            "error": error,
            "fatal": fatal,
            "warnings": list(warnings),
            "digest": json.dumps(found, ensure_ascii=False),
            "seconds": time.perf_counter() - started,
        }


def quiet_logs(debug: bool) -> None:
    """Ray and Ray Data log their progress at INFO on stderr; the run shows its own progress."""
    for name in ("ray", "ray.data", "ray.train", "ray.tune"):
        logging.getLogger(name).setLevel(logging.INFO if debug else logging.ERROR)


def check_reachable(address: str, timeout: float = 5.0) -> None:
    """Fail fast on a HOST:PORT nothing listens on (Ray itself retries a dead address for
    minutes); "auto" is left to Ray, which answers at once. Ray Client (ray://) is refused."""
    if address.startswith("ray://"):
        raise InputError(
            f"--address {address}: Ray Client is not supported (the folders must be where the "
            "command runs); run it on a node of the cluster with --address auto"
        )
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        if address != "auto":
            raise InputError(f"--address {address}: expected auto or HOST:PORT")
        return
    try:
        socket.create_connection((host, int(port)), timeout=timeout).close()
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise EngineError(
            f"cannot connect to Ray at {address}: {reason} (is the cluster up? `ray status` "
            "on its head node tells)"
        ) from exc


@contextmanager
def ray_session(ray: Any, options: RayOptions) -> Iterator[bool]:
    """Connect to the cluster at `options.address`, or start a local instance (shut down after).
    Yields True when the instance is local. A Ray already initialised by the caller is used as
    it is and left running."""
    if ray.is_initialized():
        yield False
        return
    quiet_logs(options.debug)
    init: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": options.debug,
        "logging_level": logging.INFO if options.debug else logging.ERROR,
    }
    local = options.address is None
    if options.address is None:
        forwarded = settings.forwarded_environment(FORWARDED_ENV_PREFIXES)
        init.update(
            address="local", num_cpus=os.cpu_count() or 1, runtime_env={"env_vars": forwarded}
        )
    else:
        check_reachable(options.address)
        init["address"] = options.address
    try:
        ray.init(**init)
    except Exception as exc:  # ConnectionError, a bad address, a version mismatch...
        ray.shutdown()  # a half-started local instance would outlive the error (and the run)
        where = "start a local Ray instance" if local else f"connect to Ray at {options.address}"
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise EngineError(f"cannot {where}: {reason}") from exc
    try:
        yield local
    finally:
        ray.shutdown()


def size_pool(ray: Any, options: RayOptions, files: int, local: bool) -> int:
    """How many actors: --workers, or as many as the cluster's CPUs (GPUs) hold; never more
    than there are files. A local instance that cannot hold them is an error; a cluster may be
    autoscaling, so there it is a warning."""
    resources = ray.cluster_resources()
    fits = int(resources.get("CPU", 0) // options.cpus_per_worker)
    if options.gpus_per_worker > 0:
        fits = min(fits, int(resources.get("GPU", 0) // options.gpus_per_worker))
    workers = options.workers or max(1, fits)
    if workers > fits:
        kinds = [("CPU", options.cpus_per_worker)]
        if options.gpus_per_worker:
            kinds.append(("GPU", options.gpus_per_worker))
        needs = " and ".join(f"{workers * each:g} {kind}s" for kind, each in kinds)
        has = " and ".join(f"{resources.get(kind, 0):g} {kind}s" for kind, _ in kinds)
        need = f"{workers} worker(s) need {needs}, Ray has {has}"
        if local:
            raise EngineError(f"{need}; lower --workers or the per-worker resources")
        log.warning("%s now; Ray waits until the cluster grows", need)
    return max(1, min(workers, files))


def blocks(files: int, workers: int) -> int:
    """How many blocks the files travel in: at least 8 per worker, so that work stays balanced
    to the end, and at most 8 files a block, so that Ray's cost per block (~15 ms here) is spread
    over several articles in a large archive. A block's results come back together."""
    return max(1, min(files, max(workers * 8, -(-files // MAX_BLOCK))))


def _dataset(
    ray: Any,
    rows: list[dict[str, Any]],
    spec: TranslatorSpec | None,
    engine: EngineOptions,
    batch: BatchOptions,
    options: RayOptions,
    workers: int,
) -> Any:
    """from_items -> read (here) -> ArticleWorker actors; rows stream back as they finish."""
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.execution_options.preserve_order = False  # a slow article holds nobody back
    context.execution_options.verbose_progress = False
    here = {"ray.io/node-id": ray.get_runtime_context().get_node_id()}  # this machine
    return (
        ray.data.from_items(rows, override_num_blocks=blocks(len(rows), workers))
        .map(  # reading is light: no CPU held, and two readers keep many workers fed
            read_row,
            compute=ray.data.TaskPoolStrategy(size=READERS),
            num_cpus=0,
            label_selector=here,
        )
        .map(
            ArticleWorker,
            fn_constructor_kwargs={"spec": spec, "engine": engine, "options": batch},
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=options.cpus_per_worker,
            num_gpus=options.gpus_per_worker or None,
        )
    )


def write_result(row: dict[str, Any], source: Path, output: Path, out_dir: Path) -> FileResult:
    """Write one finished article and its digest (atomically) and say how it went."""
    error = row["error"]
    if error is None:
        try:
            write_atomic(output, row["rendered"])
            save_digest(out_dir, output, json.loads(row["digest"]))
        except SummarizeError as exc:
            error = str(exc)
    status: Status = "ok" if error is None else "failed"
    seconds = round(row["seconds"], 3)
    return FileResult(str(source), str(output), status, error, seconds, tuple(row["warnings"]))


def _finished(dataset: Any) -> Generator[tuple[int, dict[str, Any]], None, None]:
    """(input index, row) of each article as the actors finish it. A model that cannot load
    stops the run (ModelError); Ray's own failures (a lost node, an actor that kept dying) are
    one EngineError."""
    rows = iter(dataset.iter_rows())
    try:
        for row in rows:
            if row["fatal"]:
                raise ModelError(row["fatal"])
            yield int(row["index"]), row
    except SummarizeError:
        raise
    except Exception as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise EngineError(
            f"the Ray run stopped: {type(exc).__name__}: {reason} "
            "(finished files are kept; run the same command again to resume)"
        ) from exc
    finally:
        # stop Ray Data's executor before Ray shuts down (Ctrl-C, an error): left running, its
        # threads outlive the session, and a later session in this process dies with them
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def run_batch_ray(
    batch: BatchOptions,
    spec: TranslatorSpec | None,
    engine: EngineOptions,
    options: RayOptions | None = None,
    on_ready: Callable[[int, int], None] | None = None,
    on_fatal: Callable[[str], None] | None = None,
) -> Iterator[FileResult]:
    """Translate a folder on Ray; yields one FileResult per input (skipped ones first, the rest
    as they finish), writing the manifest as it goes and, at the end, once more in input order.

    `spec` is None only for English input (source_lang "en"). `on_ready(workers, files)` is
    called when the pool is sized (files counts the skipped ones too); `on_fatal(message)` when
    the run stops on an error, before Ray shuts down. Raises EngineError when
    Ray is missing or cannot start, ModelError when the model cannot be loaded (what was written
    so far stays).
    """
    options = options or RayOptions()
    ray = import_ray()
    actor_engine = worker_engine(engine, options)
    if isinstance(batch.summarizer, LLMSummarizer):  # the LLM goes where the translator goes
        batch = replace(batch, summarizer=batch.summarizer.on_device(actor_engine.device))
    pairs = pending(batch)
    if spec is not None and options.address is None and any(todo for *_, todo in pairs):
        prepare_model(spec, actor_engine)
    results: dict[int, FileResult] = {}
    with open_manifest(batch) as manifest:
        for index, (source, output, todo) in enumerate(pairs):
            if not todo:
                results[index] = FileResult(str(source), str(output), "skipped", None, 0.0)
                record(manifest, results[index])
                yield results[index]
        rows = [{"index": i, "input": str(p[0])} for i, p in enumerate(pairs) if p[2]]
        if rows:
            with ray_session(ray, options) as local:
                workers = size_pool(ray, options, len(rows), local)
                if on_ready:
                    on_ready(workers, len(pairs))
                dataset = _dataset(ray, rows, spec, actor_engine, batch, options, workers)
                with closing(_finished(dataset)) as finished:  # closed at once on Ctrl-C
                    try:
                        for index, row in finished:
                            source, output, _ = pairs[index]
                            results[index] = write_result(row, source, output, batch.out_dir)
                            record(manifest, results[index])
                            yield results[index]
                    except SummarizeError as exc:
                        # said before Ray is torn down: after actors failed to start, Ray's
                        # teardown now and then ends this process before the error is printed
                        if on_fatal is not None:
                            on_fatal(str(exc))
                            exc.reported = True
                        raise
    ordered = [results[i] for i in range(len(pairs))]
    write_atomic(batch.out_dir / MANIFEST, "".join(map(manifest_line, ordered)))
    named = title(batch.urls, batch.in_dir)
    write_overviews(batch.out_dir, ordered, named, with_claims=batch.summary)
