"""The torch backend: MarianMT through transformers, eval mode, inference_mode, batched generate."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ModelError
from .base import Decoded, DecodeParams, check_device, quiet_transformers


def resolve_device(device: str) -> str:
    """'auto' -> 'cuda' when a CUDA GPU is usable, else 'cpu'; 'cuda' without one is an error."""
    import torch

    check_device(device)
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise ModelError("--device cuda was asked for but no CUDA GPU is available here")
    return device


@contextmanager
def torch_threads(threads: int) -> Iterator[None]:
    """torch's intra-op threads set to `threads` (0: left alone) while the block runs."""
    import torch

    if threads <= 0:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(before)


class TorchMarianBackend:
    """MarianMT through transformers and torch: eval mode, inference_mode, batched generate."""

    name = "torch"
    parallel_batches = 1

    def __init__(self, path: Path, device: str, model_id: str, threads: int = 0) -> None:
        import torch
        from transformers import MarianConfig, MarianMTModel, MarianTokenizer

        self.threads = threads
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
        # (a folder without the tokenizer's files: transformers passes None on, a TypeError)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if isinstance(exc, TypeError):
                reason = "an incomplete model folder (its tokenizer files are missing)"
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
        with self._torch.inference_mode(), torch_threads(self.threads):
            output = self._model.generate(
                **batch,
                num_beams=params.beam_size,
                do_sample=False,
                max_new_tokens=params.max_new_tokens,
                no_repeat_ngram_size=params.no_repeat_ngram_size,
                repetition_penalty=params.repetition_penalty,
                output_scores=True,
                return_dict_in_generate=True,
            )
        scores = self._scores(output, params)
        results = []
        for row, score in zip(output.sequences.tolist(), scores, strict=True):
            ids = row[1:]  # drop the decoder start token
            ended = self._eos in ids
            generated = ids.index(self._eos) + 1 if ended else len(ids)
            ids = [i for i in ids[: generated - 1 if ended else generated] if i != self._pad]
            # Marian configs force </s> at the cap, so reaching the cap is what counts.
            hit_limit = generated >= params.max_new_tokens
            text = self._tokenizer.decode(ids, skip_special_tokens=True)
            results.append(
                Decoded(text=text.strip(), token_ids=tuple(ids), hit_limit=hit_limit, score=score)
            )
        return results

    def _scores(self, output: Any, params: DecodeParams) -> list[float]:
        """Mean log-probability per generated token (with </s>), as the model scored its choice:
        beam search reports it (length-normalised); greedy decoding is scored token by token."""
        if params.beam_size > 1:
            return [float(s) for s in output.sequences_scores.tolist()]
        steps = self._model.compute_transition_scores(
            output.sequences, output.scores, normalize_logits=True
        )
        means = []
        for row, logprobs in zip(output.sequences.tolist(), steps.tolist(), strict=True):
            ids = row[1:]
            length = ids.index(self._eos) + 1 if self._eos in ids else len(ids)
            kept = logprobs[: max(1, length)]
            means.append(sum(kept) / len(kept))
        return means

    def submit(self, texts: Sequence[str], params: DecodeParams) -> Callable[[], list[Decoded]]:
        results = self.translate_batch(texts, params)  # torch runs one batch at a time
        return lambda: results
