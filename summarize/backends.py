"""Inference backends. A backend tokenizes and decodes batches; the pipeline does the rest.

Two implement the interface: `torch` (transformers, below) and `ct2` (CTranslate2, ct2.py).
Heavy imports happen when a backend is created, never at import time.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .config import TranslatorSpec
from .errors import ModelError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DecodeParams:
    """How to decode one batch."""

    beam_size: int  # 1 = greedy
    max_new_tokens: int  # hard cap on generated tokens
    no_repeat_ngram_size: int = 0  # 0 = off
    repetition_penalty: float = 1.0  # 1.0 = off


@dataclass(frozen=True)
class Decoded:
    """One decoded output."""

    text: str  # detokenized English
    token_ids: tuple[int, ...]  # generated ids, without the start token, padding or </s>
    hit_limit: bool  # True when decoding stopped at max_new_tokens, not at </s>


class Backend(Protocol):
    """What the pipeline needs from an inference engine."""

    name: str  # "torch" or "ct2"
    device: str  # resolved device ("cpu" or "cuda")
    model_id: str  # what was loaded, for the output's `models` field
    max_positions: int  # longest input the model accepts, in tokens
    parallel_batches: int  # batches that can run at the same time (ct2 workers), at least 1

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Source-side token counts (with </s>), exactly as the model would see them."""
        ...

    def translate_batch(self, texts: Sequence[str], params: DecodeParams) -> list[Decoded]:
        """Translate texts (same order out as in)."""
        ...

    def submit(self, texts: Sequence[str], params: DecodeParams) -> Callable[[], list[Decoded]]:
        """Start translating a batch; the returned function waits for and returns its outputs.
        Batches submitted together run in parallel up to `parallel_batches`."""
        ...


@contextmanager
def quiet_transformers() -> Iterator[None]:
    """transformers as a library should be: no info logs or progress bars, and no advice to
    install sacremoses (MarianTokenizer recommends it on every load and never uses it)."""
    import transformers

    transformers.utils.logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    transformers.utils.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*sacremoses.*")
        yield


def resolve_device(device: str) -> str:
    """'auto' -> 'cuda' when a CUDA GPU is usable, else 'cpu'; 'cuda' without one is an error."""
    import torch

    if device not in {"auto", "cpu", "cuda"}:
        raise ModelError(f"unknown device '{device}'; valid devices: auto, cpu, cuda")
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise ModelError("--device cuda was asked for but no CUDA GPU is available here")
    return device


class TorchMarianBackend:
    """MarianMT through transformers and torch: eval mode, inference_mode, batched generate."""

    name = "torch"
    parallel_batches = 1

    def __init__(self, path: Path, device: str, model_id: str, threads: int = 0) -> None:
        import torch
        from transformers import MarianConfig, MarianMTModel, MarianTokenizer

        if threads > 0:
            torch.set_num_threads(threads)

        self.device = resolve_device(device)
        self.model_id = model_id
        try:
            with quiet_transformers():
                config = MarianConfig.from_pretrained(path)
                if config.model_type != "marian":
                    raise ModelError(f"{model_id}: not a MarianMT model (type {config.model_type})")
                self._tokenizer = MarianTokenizer.from_pretrained(path)
                model: Any = MarianMTModel.from_pretrained(path, trust_remote_code=False)
        except ModelError:
            raise
        except (OSError, ValueError, KeyError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ModelError(f"{model_id}: cannot load the model: {reason}") from exc
        self._model = model.to(self.device).eval()
        self._torch = torch
        self._eos = int(self._tokenizer.eos_token_id)
        self._pad = int(self._tokenizer.pad_token_id)
        self.max_positions = int(config.max_position_embeddings)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        encoded = self._tokenizer(list(texts), add_special_tokens=True)["input_ids"]
        return [len(ids) for ids in encoded]

    def translate_batch(self, texts: Sequence[str], params: DecodeParams) -> list[Decoded]:
        batch = self._tokenizer(list(texts), return_tensors="pt", padding=True)
        batch = {key: value.to(self.device) for key, value in batch.items()}
        with self._torch.inference_mode():
            output = self._model.generate(
                **batch,
                num_beams=params.beam_size,
                do_sample=False,
                max_new_tokens=params.max_new_tokens,
                no_repeat_ngram_size=params.no_repeat_ngram_size,
                repetition_penalty=params.repetition_penalty,
            )
        results = []
        for row in output.tolist():
            ids = row[1:]  # drop the decoder start token
            ended = self._eos in ids
            generated = ids.index(self._eos) + 1 if ended else len(ids)
            ids = [i for i in ids[: generated - 1 if ended else generated] if i != self._pad]
            # Marian configs force </s> at the cap, so reaching the cap is what counts.
            hit_limit = generated >= params.max_new_tokens
            text = self._tokenizer.decode(ids, skip_special_tokens=True)
            results.append(Decoded(text=text.strip(), token_ids=tuple(ids), hit_limit=hit_limit))
        return results

    def submit(self, texts: Sequence[str], params: DecodeParams) -> Callable[[], list[Decoded]]:
        results = self.translate_batch(texts, params)  # torch runs one batch at a time
        return lambda: results


BACKENDS = ("auto", "ct2", "torch")


@dataclass(frozen=True)
class EngineOptions:
    """How to run the model (not which model: that is a TranslatorSpec)."""

    device: str = "auto"  # auto, cpu or cuda
    backend: str = "auto"  # auto (ct2 when installed), ct2 or torch
    compute_type: str = "auto"  # ct2 only: auto (int8 on CPU, int8_float16 on CUDA), float32, ...
    threads: int = 0  # CPU threads for inference; 0 = the engine's default


def resolve_backend(name: str) -> str:
    """'auto' -> 'ct2' when CTranslate2 is installed, else 'torch'."""
    if name not in BACKENDS:
        raise ModelError(f"unknown backend '{name}'; valid backends: {', '.join(BACKENDS)}")
    if name == "auto":
        from importlib.util import find_spec

        return "ct2" if find_spec("ctranslate2") is not None else "torch"
    return name


def load_backend(spec: TranslatorSpec, options: EngineOptions) -> Backend:
    """Load the model of `spec` with the backend `options` ask for."""
    backend = resolve_backend(options.backend)
    if backend == "ct2":
        from .ct2 import CT2MarianBackend

        return CT2MarianBackend(spec, options.device, options.compute_type, options.threads)
    if options.compute_type not in {"auto", "float32"}:
        raise ModelError("--compute-type applies to the ct2 backend only")
    from .hub import locate

    path = locate(spec)
    log.info("loading %s from %s", spec.id, path)
    return TorchMarianBackend(path, options.device, spec.id, options.threads)
