"""Per-sentence confidence: the model's own scores on both backends, what was kept scored,
low-confidence sentences flagged in every format and counted in the warnings."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

from summarize.cli import main
from summarize.config import resolve_translator
from summarize.translation.base import Decoded, EngineOptions
from summarize.translation.translator import Translator, _confidence

SENTENCES = [
    "قال المتحدث باسم الحكومة إن الاجتماع سيعقد الأسبوع المقبل.",
    "نفت الشركة الاتهامات.",
    "دعت الأمم المتحدة إلى وقف إطلاق النار وحماية المدنيين في المنطقة الشرقية من البلاد.",
]


def _translator(name: str, backend: str, **changes: object) -> Translator:
    spec = dataclasses.replace(resolve_translator(name), **changes)
    return Translator(spec, EngineOptions(device="cpu", backend=backend))


@pytest.mark.parametrize("beams", [1, 3])
def test_both_backends_score_what_they_decode(models_file: Path, beams: int) -> None:
    scores = {}
    for backend in ("torch", "ct2"):
        results = _translator("tiny", backend, beam_size=beams).translate(SENTENCES)
        scores[backend] = [r.confidence for r in results]
        assert all(s is not None and -30 < s <= 0 for s in scores[backend]), scores
    # the same model scores its choices alike on both engines (int8 against float32: close)
    for torch_score, ct2_score in zip(scores["torch"], scores["ct2"], strict=True):
        assert torch_score is not None and ct2_score is not None
        assert abs(torch_score - ct2_score) < 0.5, scores


def test_a_split_sentence_is_scored_on_every_piece_it_kept() -> None:
    short = Decoded("a", (1,), False, score=-0.5)  # 2 tokens with </s>
    long = Decoded("b c d", (1, 2, 3), False, score=-2.0)  # 4 tokens with </s>
    assert _confidence([short, long]) == pytest.approx((-0.5 * 2 - 2.0 * 4) / 6)
    assert _confidence([Decoded("x", (1,), False)]) is None  # an engine without scores


def test_confidence_in_json_and_flags_in_every_format(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    article = tmp_path / "a.txt"
    article.write_text("\n".join(["عنوان الخبر", *SENTENCES, "تابعونا على فيسبوك"]), "utf-8")
    schema = Path(__file__).resolve().parents[1] / "summarize" / "schema" / "document.schema.json"

    assert main(["run", str(article), "-f", "json", "-q"]) == 0  # tiny: min_confidence -50
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, json.loads(schema.read_text("utf-8")))
    for sentence in document["sentences"]:
        translated = sentence["kind"] != "boilerplate"
        assert (sentence["confidence"] is not None) == translated, sentence
        assert sentence["low_confidence"] is False

    doubt = ["-m", "doubt"]  # min_confidence 0: every translated sentence is under it
    assert main(["run", str(article), "-f", "json", *doubt]) == 0
    captured = capsys.readouterr()
    flagged = [s for s in json.loads(captured.out)["sentences"] if s["low_confidence"]]
    assert len(flagged) == 4  # the headline and the three sentences
    shown = sum(1 for s in flagged if s["translation"])  # (a random model may give "")
    assert "low translation confidence, double-check it" in captured.err
    assert main(["run", str(article), *doubt, "-q"]) == 0
    assert capsys.readouterr().out.count("[low confidence]") == shown
    assert main(["run", str(article), *doubt, "-q", "-f", "html"]) == 0
    assert capsys.readouterr().out.count("low translation confidence (") == 4
    assert main(["run", str(article), *doubt, "-q", "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert rows and all(float(r["confidence"]) <= 0 for r in rows)
