"""The translation engine: pieces that fit, length-sorted batches, the repetition guard."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from .. import settings
from ..config import TranslatorSpec
from ..model import Progress
from .base import Backend, Decoded, DecodeParams, EngineOptions
from .fit import split_to_fit
from .guard import degenerate_reason
from .loader import load_backend
from .memory import FILE_NAME, TranslationMemory, unit_key

log = logging.getLogger(__name__)

_WINDOW = 2  # batches in flight per parallel worker


@dataclass(frozen=True)
class Translation:
    """The translation of one unit (a sentence or heading)."""

    text: str  # English
    pieces: int  # pieces the unit was split into to fit the input limit (1 = not split)
    redecoded: bool  # the repetition guard re-decoded at least one piece
    redecode_reason: str | None  # why (the first piece's reason), None when not re-decoded
    piece_sources: tuple[str, ...]  # the source text of each piece, as sent to the model
    confidence: float | None = None  # mean log-probability per token of what was kept


def _stored(value: dict[str, Any]) -> Translation:
    """A Translation as the memory keeps it (JSON)."""
    return Translation(
        text=str(value["text"]),
        pieces=int(value["pieces"]),
        redecoded=bool(value["redecoded"]),
        redecode_reason=value["redecode_reason"],
        piece_sources=tuple(value["piece_sources"]),
        confidence=value.get("confidence"),
    )


def _confidence(pieces: Sequence[Decoded | None]) -> float | None:
    """A unit's confidence: its pieces' scores weighted by their tokens (a split sentence is
    scored on all it kept; a re-decoded piece on its re-decode). None when the engine gave none."""
    scored = [
        (p.score, len(p.token_ids) + 1) for p in pieces if p is not None and p.score is not None
    ]
    if not scored:
        return None
    return round(sum(s * n for s, n in scored) / sum(n for _, n in scored), 4)


def make_batches(lengths: Sequence[int], budget: int, at_least: int = 1) -> list[list[int]]:
    """Group indices into batches, longest first, so that rows x longest row <= budget.

    Every index appears exactly once; a single item over the budget gets a batch of its own.
    With `at_least` > 1 there are at least that many batches (when there are enough items), so
    a backend that runs batches in parallel keeps all its workers busy.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    rows = max(1, -(-len(order) // max(1, at_least)))  # ceil(items / at_least)
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        longest = lengths[current[0]] if current else lengths[index]
        if current and (longest * (len(current) + 1) > budget or len(current) >= rows):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


class Translator:
    """A MarianMT translator for one model spec; the model is loaded on first use, once."""

    def __init__(self, spec: TranslatorSpec, engine: EngineOptions | str = "auto") -> None:
        self.spec = spec
        # a bare string is the device, for the common case Translator(spec, "cpu")
        self.engine = EngineOptions(device=engine) if isinstance(engine, str) else engine
        self._backend: Backend | None = None
        self._memory: TranslationMemory | None = None

    @property
    def memory(self) -> TranslationMemory | None:
        """The translation memory where this translator runs, when the engine options ask for
        one (the tool's cache folder on this machine, or on this Ray node)."""
        if self.engine.memory and self._memory is None:
            self._memory = TranslationMemory(settings.cache_root() / FILE_NAME)
        return self._memory

    def _settings(self) -> tuple[Any, ...]:
        """Everything a unit's translation depends on besides its text (the memory's key)."""
        spec = self.spec
        return (
            spec.id,
            spec.revision,
            self.describe(),
            spec.beam_size,
            spec.max_new_tokens,
            self.input_limit,
            spec.length_ratio,
            spec.length_slack,
            spec.no_repeat_ngram_size,
            spec.repetition_penalty,
        )

    @property
    def backend(self) -> Backend:
        """The loaded backend (loads, and for ct2 converts once, the model the first time)."""
        if self._backend is None:
            self._backend = load_backend(self.spec, self.engine)
        return self._backend

    def describe(self) -> str:
        """What translates, for the output's `models` field: "ct2 int8 cpu" or "torch cpu"."""
        backend = self.backend
        compute = getattr(backend, "compute_type", None)
        return " ".join(p for p in (backend.name, compute, backend.device) if p)

    def _params(self, guarded: bool = False) -> DecodeParams:
        spec = self.spec
        if not guarded:
            return DecodeParams(beam_size=spec.beam_size, max_new_tokens=spec.max_new_tokens)
        return DecodeParams(
            beam_size=spec.beam_size,
            max_new_tokens=spec.max_new_tokens,
            no_repeat_ngram_size=spec.no_repeat_ngram_size,
            repetition_penalty=spec.repetition_penalty,
        )

    @property
    def input_limit(self) -> int:
        """Most tokens one piece may have: models.yaml's limit, capped by the model's own."""
        return min(self.spec.max_input_tokens, self.backend.max_positions)

    def split(self, text: str) -> list[str]:
        """The pieces `text` is sent to the model in (one, unless it is over the input limit)."""
        backend = self.backend
        return split_to_fit(text, lambda t: backend.count_tokens([t])[0], self.input_limit)

    def translate_names(self, spans: Sequence[str]) -> list[str | None]:
        """Short spans (parties' names) translated in one batch with the repetition guard, each
        bounded to twice its length plus four tokens: None where the bound was reached or the
        span is over the input limit (the caller then falls back to the span itself)."""
        fitting = (
            [
                (index, span, length)
                for index, (span, length) in enumerate(
                    zip(spans, self.backend.count_tokens(list(spans)), strict=True)
                )
                if length <= self.input_limit
            ]
            if spans
            else []
        )
        results: list[str | None] = [None] * len(spans)
        if not fitting:
            return results
        bound = min(self.spec.max_new_tokens, 2 * max(f[2] for f in fitting) + 4)
        params = replace(self._params(True), max_new_tokens=bound)
        outputs = self.backend.translate_batch([f[1] for f in fitting], params)
        for (index, _, length), decoded in zip(fitting, outputs, strict=True):
            own = min(bound, 2 * length + 4)
            if not decoded.hit_limit and len(decoded.token_ids) <= own:
                results[index] = decoded.text
        return results

    def translate(
        self, texts: Sequence[str], progress: Progress | None = None
    ) -> list[Translation]:
        """Translate units in order; over-long units are split into pieces and re-joined. With
        the translation memory, units translated before (same model and settings) are reused
        and new ones kept."""
        memory = self.memory
        if memory is None or not texts:
            return self._translate(texts, progress)
        settings_key = self._settings()
        keys = [unit_key(settings_key, t) for t in texts]
        found: dict[str, Translation] = {}
        for key, value in memory.get(keys).items():
            try:
                found[key] = _stored(value)
            except (KeyError, TypeError, ValueError):  # damaged: translated again, and replaced
                log.debug("translation memory: a damaged entry, %s", key)
        todo = [i for i, key in enumerate(keys) if key not in found]
        fresh = self._translate([texts[i] for i in todo], progress)
        memory.put((keys[i], asdict(t)) for i, t in zip(todo, fresh, strict=True))
        made = dict(zip(todo, fresh, strict=True))
        return [made[i] if i in made else found[keys[i]] for i in range(len(texts))]

    def _translate(
        self, texts: Sequence[str], progress: Progress | None = None
    ) -> list[Translation]:
        if not texts:
            return []
        backend = self.backend
        owners: list[int] = []
        pieces: list[str] = []
        lengths: list[int] = []
        for unit, (text, length) in enumerate(zip(texts, backend.count_tokens(texts), strict=True)):
            split = [text] if length <= self.input_limit else self.split(text)
            owners.extend([unit] * len(split))
            pieces.extend(split)
            lengths.extend([length] if len(split) == 1 else backend.count_tokens(split))
        decoded: list[Decoded | None] = [None] * len(pieces)
        done = 0
        batches = make_batches(lengths, self.spec.batch_tokens, backend.parallel_batches)
        # Batches run in parallel where the backend can (ct2 on CPU), a window of them at a
        # time: memory is bounded by the window, not the article, and Ctrl-C is seen between
        # windows.
        window = _WINDOW * max(1, backend.parallel_batches)
        for opening in range(0, len(batches), window):
            waiting = [
                (b, backend.submit([pieces[i] for i in b], self._params()))
                for b in batches[opening : opening + window]
            ]
            for batch, outputs in waiting:
                for index, output in zip(batch, outputs(), strict=True):
                    decoded[index] = output
                done += len(batch)
                if progress:
                    progress(done, len(pieces))
        reasons: list[str | None] = [None] * len(pieces)
        for index, first in enumerate(decoded):
            assert first is not None
            reason = degenerate_reason(
                first.text,
                first.token_ids,
                first.hit_limit,
                lengths[index],
                self.spec.length_ratio,
                self.spec.length_slack,
            )
            if reason:
                log.debug("re-decoding piece %d: %s", index, reason)
                decoded[index] = backend.translate_batch([pieces[index]], self._params(True))[0]
                reasons[index] = reason
        return self._assemble(texts, owners, pieces, decoded, reasons)

    @staticmethod
    def _assemble(
        texts: Sequence[str],
        owners: list[int],
        pieces: list[str],
        decoded: list[Decoded | None],
        reasons: list[str | None],
    ) -> list[Translation]:
        grouped: list[list[int]] = [[] for _ in texts]
        for index, unit in enumerate(owners):
            grouped[unit].append(index)
        results = []
        for indices in grouped:
            english = " ".join(d.text for i in indices if (d := decoded[i]) is not None and d.text)
            why = [r for i in indices if (r := reasons[i])]
            results.append(
                Translation(
                    text=english,
                    pieces=len(indices),
                    redecoded=bool(why),
                    redecode_reason=why[0] if why else None,
                    piece_sources=tuple(pieces[i] for i in indices),
                    confidence=_confidence([decoded[i] for i in indices]),
                )
            )
        return results
