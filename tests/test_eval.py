"""The evaluator: the targets hold on the devset and on the suite's own annotated article, in
both modes; and the evaluator notices wrong attributions."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from summarize.config import resolve_translator
from summarize.evaluate import evaluate, score, totals
from summarize.pipeline import PipelineOptions, run_document
from summarize.translator import Translator

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def _check(scores: list) -> None:  # type: ignore[type-arg]
    for mode in ("en", "ar"):
        result = totals([s for s in scores if s.mode == mode])
        misses = [m for s in scores if s.mode == mode for m in s.misses]
        assert result.meets_targets(), (mode, result, misses)


def test_targets_on_own_fixture_both_modes(models_file: Path) -> None:
    _check(evaluate(FIXTURES, ("en", "ar"), Translator(resolve_translator(None), "cpu")))


def test_targets_on_devset_both_modes(models_file: Path, shared_dir: Path) -> None:
    scores = evaluate(
        shared_dir / "devset", ("en", "ar"), Translator(resolve_translator(None), "cpu")
    )
    assert len(scores) == 2 * len(list((shared_dir / "devset").glob("*.json")))
    _check(scores)


def test_evaluator_notices_wrong_parties_and_missing_summary() -> None:
    gold = json.loads((FIXTURES / "fixture-jordan-water.json").read_text("utf-8"))
    document = run_document(gold["en"], None, PipelineOptions("en"))
    good = score(gold, document, "en")
    assert good.attributed_right == good.sentences
    analysis = document.analysis
    assert analysis is not None
    swapped = dataclasses.replace(
        analysis,
        claims=tuple(
            dataclasses.replace(c, voice="outlet", party="the report", party_source=None)
            for c in analysis.claims
        ),
        summary=analysis.summary[:1],
    )
    bad = score(gold, dataclasses.replace(document, analysis=swapped), "en")
    outlet_gold = sum(1 for c in gold["claims"] if c["party"] == "outlet")
    assert bad.attributed_right == outlet_gold
    assert bad.key_claims_found < good.key_claims_found
    assert any("attribution" in m for m in bad.misses)


def test_evaluator_counts_loaded_words_and_leaks() -> None:
    gold = json.loads((FIXTURES / "fixture-jordan-water.json").read_text("utf-8"))
    document = run_document(gold["en"], None, PipelineOptions("en"))
    analysis = document.analysis
    assert analysis is not None
    item = dataclasses.replace(analysis.summary[0], text="The militia said the regime lies.")
    leaked = dataclasses.replace(document.sentences[5], kind="body", translation="x")
    sentences = (*document.sentences[:5], leaked, *document.sentences[6:])
    doctored = dataclasses.replace(
        document,
        sentences=sentences,
        analysis=dataclasses.replace(analysis, summary=(item, *analysis.summary[1:])),
    )
    assert document.sentences[5].kind == "boilerplate"
    result = score(gold, doctored, "en")
    assert result.loaded_outside_quotes == 2 and result.boilerplate_leaks == 1


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_eval_command(models_file: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    from summarize.cli import main

    code = main(["eval", str(FIXTURES), "--check", "--format", fmt])
    out = capsys.readouterr().out
    assert code == 0
    if fmt == "json":
        report = json.loads(out)
        assert report["totals"]["ar"]["meets_targets"] and report["totals"]["en"]["meets_targets"]
    else:
        assert "total en: attribution 1.000" in out and "(targets met)" in out
