"""The evaluator: the targets hold on the suite's own annotated article in both modes, the
devset's figures never fall below those recorded (tests/annotated.py), and the evaluator notices
wrong attributions."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from annotated import BASELINE, MODES, AnnotatedRun, fallen, figures

from summarize.config import resolve_translator
from summarize.evaluation.run import evaluate
from summarize.evaluation.scores import score, totals
from summarize.model import RunOptions
from summarize.pipeline import run_document
from summarize.translation.translator import Translator

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def test_targets_on_own_fixture_both_modes(own_runs: list[AnnotatedRun]) -> None:
    for mode in MODES:
        scores = [score(r.gold, r.documents[mode], mode) for r in own_runs]
        misses = [m for s in scores for m in s.misses]
        assert totals(scores).meets_targets(), (mode, totals(scores), misses)
    assert figures(own_runs)["en"]["segmentation_misses"] == 0
    assert figures(own_runs)["en"]["unheard_parties"] == 0


def test_devset_figures_never_fall(devset_runs: list[AnnotatedRun]) -> None:
    """The ratchet: the devset grew from 5 to 37 articles; the rules built on the first 5 score
    lower on the rest. These figures may only improve (record a rise with
    `python tests/annotated.py --update`)."""
    recorded = json.loads(BASELINE.read_text("utf-8"))
    assert set(recorded) == set(MODES)
    found = figures(devset_runs)
    assert not fallen(found, recorded), (fallen(found, recorded), found)


def test_devset_meets_the_attribution_targets(devset_runs: list[AnnotatedRun]) -> None:
    """The attribution targets on the devset, in both modes (the ratchet above follows every
    figure besides, the unheard parties too)."""
    for mode, found in figures(devset_runs).items():
        assert found["attribution"] >= 0.95, (mode, found)
        assert found["key_claim_recall"] >= 0.90, (mode, found)
        assert found["outlet_accuracy"] == 1.0, (mode, found)
        zero = (
            "inversions",
            "invented",
            "boilerplate_leaks",
            "segmentation_misses",
            "loaded_outside_quotes",
        )
        assert all(found[k] == 0 for k in zero), (mode, found)


def test_evaluate_runs_a_folder(models_file: Path) -> None:
    scores = evaluate(FIXTURES, ("en", "ar"), Translator(resolve_translator(None), "cpu"))
    assert [s.mode for s in scores] == ["en", "ar"] and all(s.sentences for s in scores)


def test_evaluator_notices_wrong_parties_and_missing_summary() -> None:
    gold = json.loads((FIXTURES / "fixture-jordan-water.json").read_text("utf-8"))
    document = run_document(gold["en"], None, RunOptions("en"))
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
    document = run_document(gold["en"], None, RunOptions("en"))
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
