"""What every translation backend shares: decoding settings, outputs, the interface, options.

Heavy imports (torch, transformers, ctranslate2) happen when a backend is created, never here.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from ..errors import ModelError
from ..model import BACKENDS, DEVICES


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
    score: float | None = None  # the model's mean log-probability per generated token


@dataclass(frozen=True)
class EngineOptions:
    """How to run the model (not which model: that is a TranslatorSpec)."""

    device: str = "auto"  # auto, cpu or cuda
    backend: str = "auto"  # auto (ct2 when installed), ct2 or torch
    compute_type: str = "auto"  # ct2 only: auto (int8 on CPU, int8_float16 on CUDA), float32, ...
    threads: int = 0  # CPU threads for inference; 0 = the engine's default
    memory: bool = False  # reuse and keep translations in the translation memory (memory.py)


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
    """transformers as a library should be while it loads a model: no info logs or progress
    bars, and no advice to install sacremoses (MarianTokenizer recommends it on every load and
    never uses it). Its verbosity and progress bars are restored afterwards."""
    import transformers

    hf_logging = transformers.utils.logging
    verbosity = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*sacremoses.*")
            yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]


def check_device(device: str) -> None:
    """A ModelError for a device that is not auto, cpu or cuda."""
    if device not in DEVICES:
        raise ModelError(f"unknown device '{device}'; valid devices: {', '.join(DEVICES)}")


def resolve_backend(name: str) -> str:
    """'auto' -> 'ct2' when CTranslate2 is installed, else 'torch'."""
    if name not in BACKENDS:
        raise ModelError(f"unknown backend '{name}'; valid backends: {', '.join(BACKENDS)}")
    if name == "auto":
        from importlib.util import find_spec

        return "ct2" if find_spec("ctranslate2") is not None else "torch"
    return name
