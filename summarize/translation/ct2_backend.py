"""The CTranslate2 backend: int8 inference, converted once, loaded without torch or transformers.

On first use a Hugging Face Marian model is converted with CTranslate2's transformers converter
into the user cache (keyed by model id, revision and compute type), through a temporary folder
and a rename so a killed conversion never leaves half a model. Later runs load the converted
model and tokenize with SentencePiece directly.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..config import TranslatorSpec
from ..errors import ModelError
from ..settings import cache_root
from .base import Decoded, DecodeParams, check_device, quiet_transformers

log = logging.getLogger(__name__)

COMPUTE_TYPES = ("auto", "int8", "int8_float16", "int8_float32", "float16", "bfloat16", "float32")
_SIDECAR = "summarize.json"
_TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json")


def cuda_available() -> bool:
    """True when CTranslate2 sees a CUDA device."""
    import ctranslate2

    return int(ctranslate2.get_cuda_device_count()) > 0


def resolve(device: str, compute_type: str) -> tuple[str, str]:
    """(device, compute type): auto picks CUDA when present; int8 on CPU, int8_float16 on CUDA."""
    check_device(device)
    if compute_type not in COMPUTE_TYPES:
        raise ModelError(
            f"unknown compute type '{compute_type}'; valid: {', '.join(COMPUTE_TYPES)}"
        )
    if device == "auto":
        device = "cuda" if cuda_available() else "cpu"
    elif device == "cuda" and not cuda_available():
        raise ModelError("--device cuda was asked for but no CUDA GPU is available here")
    if compute_type == "auto":
        compute_type = "int8_float16" if device == "cuda" else "int8"
    return device, compute_type


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")[:80]


def converted_dir(spec: TranslatorSpec, compute_type: str) -> Path:
    """Where the converted model lives: one folder per model id, revision and compute type.

    A local model directory is keyed by its path and the time its weights were last written.
    """
    if spec.is_local:
        path = Path(spec.id).expanduser().resolve()
        stamps = [str(p.stat().st_mtime_ns) for p in sorted(path.glob("*")) if p.is_file()]
        digest = hashlib.sha1("|".join([str(path), *stamps]).encode()).hexdigest()[:12]
        name = f"local--{_safe(path.name)}-{digest}--{compute_type}"
    else:
        name = f"{_safe(spec.id)}--{_safe(spec.revision)}--{compute_type}"
    return cache_root() / "ct2" / name


def convert(source: Path, target: Path, compute_type: str) -> Path:
    """Convert a saved Hugging Face Marian model into `target`, atomically."""
    from ctranslate2.converters import TransformersConverter

    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".converting-", dir=target.parent))
    try:
        files = [name for name in _TOKENIZER_FILES if (source / name).is_file()]
        output = work / "model"
        with quiet_transformers():
            TransformersConverter(str(source), copy_files=files).convert(
                str(output), quantization=compute_type, force=True
            )
        config = json.loads((source / "config.json").read_text("utf-8"))
        tokenizer = {}
        if (source / "tokenizer_config.json").is_file():
            tokenizer = json.loads((source / "tokenizer_config.json").read_text("utf-8"))
        sidecar = {
            "max_position_embeddings": int(config.get("max_position_embeddings", 512)),
            "source_lang": tokenizer.get("source_lang"),
            "compute_type": compute_type,
            "source": str(source),
        }
        (output / _SIDECAR).write_text(json.dumps(sidecar, indent=2), "utf-8")
        try:
            output.rename(target)
        except OSError:
            if not (target / _SIDECAR).is_file():  # not a concurrent conversion that won
                raise
    except ModelError:
        raise
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"cannot convert {source} for CTranslate2: {reason}") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def ensure_converted(spec: TranslatorSpec, compute_type: str) -> Path:
    """The converted model for `spec`, converting it (once) when it is not cached yet."""
    target = converted_dir(spec, compute_type)
    if (target / _SIDECAR).is_file():
        return target
    from .hub import locate

    source = locate(spec)
    log.warning(
        "converting %s to CTranslate2 (%s), once; it is cached in %s",
        spec.id,
        compute_type,
        target,
    )
    return convert(source, target, compute_type)


class CT2MarianBackend:
    """Marian through CTranslate2 and SentencePiece: no torch, no transformers."""

    name = "ct2"

    def __init__(
        self,
        spec: TranslatorSpec,
        device: str = "auto",
        compute_type: str = "auto",
        threads: int = 0,
    ) -> None:
        import ctranslate2
        import sentencepiece as spm

        self.device, self.compute_type = resolve(device, compute_type)
        self.model_id = spec.id
        path = ensure_converted(spec, self.compute_type)
        sidecar = json.loads((path / _SIDECAR).read_text("utf-8"))
        self.max_positions = int(sidecar["max_position_embeddings"])
        # On CPU, batches run in parallel, one core each: on 2 cores that is ~1.4x the throughput
        # of one batch on two cores (bench/translate_speed.py). On CUDA, one batch at a time.
        cores = threads or os.cpu_count() or 1
        self.parallel_batches = 1 if self.device == "cuda" else max(1, cores)
        try:
            self._translator: Any = ctranslate2.Translator(
                str(path),
                device=self.device,
                compute_type=self.compute_type,
                inter_threads=self.parallel_batches,
                intra_threads=1 if self.device == "cpu" else threads,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"{spec.id}: cannot load the CTranslate2 model: {exc}") from exc
        self._source = spm.SentencePieceProcessor(model_file=str(path / "source.spm"))
        self._target = spm.SentencePieceProcessor(model_file=str(path / "target.spm"))

    def _pieces(self, text: str) -> list[str]:
        # As MarianTokenizer does: SentencePiece on the (already normalised) text, then </s>.
        return [*self._source.encode(text, out_type=str), "</s>"]

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(self._pieces(text)) for text in texts]

    def translate_batch(self, texts: Sequence[str], params: DecodeParams) -> list[Decoded]:
        return self.submit(texts, params)()

    def submit(self, texts: Sequence[str], params: DecodeParams) -> Callable[[], list[Decoded]]:
        # transformers counts the closing </s> within max_new_tokens; CTranslate2 does not.
        limit = max(1, params.max_new_tokens - 1)
        pending = self._translator.translate_batch(
            [self._pieces(text) for text in texts],
            beam_size=params.beam_size,
            max_decoding_length=limit,
            min_decoding_length=0,
            no_repeat_ngram_size=params.no_repeat_ngram_size,
            repetition_penalty=params.repetition_penalty,
            max_batch_size=len(texts),  # one batch: the pipeline already sorted and grouped
            asynchronous=True,
            return_scores=True,  # log-probability / length (length_penalty 1, the default)
        )
        return lambda: self._decode([result.result() for result in pending], limit)

    def _decode(self, results: list[Any], limit: int) -> list[Decoded]:
        decoded = []
        for result in results:
            pieces = result.hypotheses[0]
            text = self._target.decode_pieces(pieces)
            ids = tuple(self._target.piece_to_id(piece) for piece in pieces)
            hit = len(pieces) >= limit
            score = float(result.scores[0])  # CTranslate2 divides by the length itself
            decoded.append(Decoded(text=text.strip(), token_ids=ids, hit_limit=hit, score=score))
        return decoded
