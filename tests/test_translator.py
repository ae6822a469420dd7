"""The translation engine on tiny real models: properties that hold for any weights."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from summarize.config import resolve_translator
from summarize.errors import InputError, ModelError
from summarize.guard import degenerate_reason, tandem_repeat
from summarize.pipeline import PipelineOptions, translate_document
from summarize.segment import segment_article
from summarize.translator import Translator, make_batches

SENTENCES = [
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة.",
    "قال المتحدث باسم الحكومة إن الاجتماع سيعقد الأسبوع المقبل.",
    "نفت الشركة الاتهامات.",
    "دعت الأمم المتحدة إلى وقف إطلاق النار وحماية المدنيين في المنطقة الشرقية من البلاد.",
    "هطلت الثلوج.",
    "وصل عدد الطلاب في الجامعة إلى 3.000 طالب هذا العام.",
    "ارتفعت أسعار الخبز والوقود في الأسواق بنسبة 2.5 في المئة.",
]


def _translator(models_file: Path, name: str = "tiny", **changes: Any) -> Translator:
    spec = dataclasses.replace(resolve_translator(name), **changes)
    return Translator(spec, device="cpu")


def test_one_output_per_input_and_order_restored(models_file: Path) -> None:
    translator = _translator(models_file)
    together = [t.text for t in translator.translate(SENTENCES)]
    alone = [translator.translate([s])[0].text for s in SENTENCES]
    assert len(together) == len(SENTENCES)
    assert together == alone
    assert len(set(alone)) > 3  # outputs depend on the input, so order is really being checked


@pytest.mark.parametrize("budget", [1, 40, 100, 10_000])
def test_greedy_output_does_not_depend_on_batch_size(models_file: Path, budget: int) -> None:
    reference = [t.text for t in _translator(models_file).translate(SENTENCES)]
    batched = [t.text for t in _translator(models_file, batch_tokens=budget).translate(SENTENCES)]
    assert batched == reference


def test_make_batches_respects_budget_and_covers_everything() -> None:
    lengths = [5, 30, 12, 12, 7, 60, 1, 30]
    batches = make_batches(lengths, budget=64)
    flat = sorted(i for batch in batches for i in batch)
    assert flat == list(range(len(lengths)))
    for batch in batches:
        longest = max(lengths[i] for i in batch)
        assert longest * len(batch) <= 64 or len(batch) == 1
        assert [lengths[i] for i in batch] == sorted((lengths[i] for i in batch), reverse=True)


def test_no_truncation_every_word_reaches_the_model(models_file: Path) -> None:
    """A 1,500-word sentence without punctuation: each word is in some input to the encoder."""
    vocabulary = " ".join(SENTENCES).replace(".", "").split()
    words = [vocabulary[i % len(vocabulary)] for i in range(1500)]
    translator = _translator(models_file)
    backend: Any = translator.backend
    seen: list[list[int]] = []

    def capture(_module: Any, args: Any, kwargs: Any) -> None:
        ids = kwargs.get("input_ids", args[0] if args else None)
        if ids is not None:
            seen.extend(ids.tolist())

    handle = backend._model.get_encoder().register_forward_pre_hook(capture, with_kwargs=True)
    try:
        result = translator.translate([" ".join(words)])[0]
    finally:
        handle.remove()
    limit = translator.spec.max_input_tokens
    assert result.pieces > 1
    assert all(len(ids) <= limit for ids in seen)
    tokenizer = backend._tokenizer
    # Each piece reaches the encoder whole; re-decoding the encoder inputs gives every word back.
    received = [
        tokenizer.decode([i for i in ids if i != tokenizer.pad_token_id], skip_special_tokens=True)
        for ids in seen
    ]
    # Pieces reach the encoder sorted by length (and re-decodes send some twice), so compare
    # counts: every word of the input, as many times as it occurs, was encoded.
    assert not Counter(words) - Counter(" ".join(received).split())
    assert " ".join(result.piece_sources).split() == words


def test_input_limit_is_capped_by_the_model(models_file: Path) -> None:
    translator = _translator(models_file, max_input_tokens=10_000)
    assert translator.input_limit == 512  # the tiny model's max_position_embeddings
    assert translator.translate([]) == []


def test_repetition_guard_redecodes_a_planted_loop(models_file: Path) -> None:
    translator = _translator(models_file, name="loop")
    first = translator.backend.translate_batch(SENTENCES[:1], translator._params())[0]
    assert degenerate_reason(first.text, first.token_ids, first.hit_limit, 12, 3.0, 10)
    result = translator.translate(SENTENCES[:2])
    assert all(r.redecoded for r in result)
    for r in result:  # re-decoded with no_repeat_ngram_size=3: no word trigram repeats
        words = r.text.split()
        trigrams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
        assert len(trigrams) == len(set(trigrams))


def test_guard_detection() -> None:
    assert degenerate_reason("the the the the", (5, 5, 5, 5), False, 5, 3.0, 10)
    assert degenerate_reason("a b c a b c a b c", (1, 2, 3) * 3, False, 9, 3.0, 10)
    assert degenerate_reason("fine text", (1, 2), True, 5, 3.0, 10)  # hit the token cap
    assert degenerate_reason("long", tuple(range(100)), False, 5, 3.0, 10)
    assert (
        degenerate_reason(
            "The minister said that the talks will go on.", (1, 2, 3, 4), False, 12, 3.0, 10
        )
        is None
    )
    assert tandem_repeat([1, 2, 1, 2], 2, 3) is None


def test_document_structure_and_flags(models_file: Path, fixture_article: Path) -> None:
    text = fixture_article.read_text("utf-8")
    document = translate_document(text, _translator(models_file), PipelineOptions("ar"))
    segments = segment_article(text)
    assert [(s.paragraph, s.kind, s.source) for s in document.sentences] == [
        (s.paragraph, s.kind, s.text) for s in segments
    ]
    assert [s.id for s in document.sentences] == list(range(len(segments)))
    assert document.models["translator"] == str(resolve_translator("tiny").id)


def test_english_passes_through_and_is_refused_as_arabic(models_file: Path) -> None:
    english = "The minister said the talks would resume. Local sources reported clashes."
    document = translate_document(english, None, PipelineOptions("en"))
    assert [s.translation for s in document.sentences] == [s.source for s in document.sentences]
    assert document.models == {"translator": None}
    with pytest.raises(InputError, match="--source-lang en"):
        translate_document(english, _translator(models_file), PipelineOptions("ar"))


def test_missing_model_directory_and_non_marian(tmp_path: Path, models_file: Path) -> None:
    spec = dataclasses.replace(resolve_translator("tiny"), id=str(tmp_path))
    with pytest.raises(ModelError, match=r"no config\.json"):
        _ = Translator(spec, device="cpu").backend


def test_offline_uncached_hub_model_is_one_clear_error(
    models_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))
    translator = Translator(resolve_translator("someone/not-cached"), device="cpu")
    with pytest.raises(ModelError) as caught:
        _ = translator.backend
    message = str(caught.value)
    assert "not cached" in message and "HF_HUB_OFFLINE" in message
    assert "summarize models download" in message and "--model PATH" in message
    assert "\n" not in message
