"""The glossary: a user's terms kept in the translation (or a warning per sentence), and the
user's names for parties and the outlet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summarize.cli import main
from summarize.config import resolve_translator
from summarize.errors import ConfigError
from summarize.lang.glossary import load_glossary
from summarize.model import RunOptions
from summarize.pipeline import run_document
from summarize.translation.base import EngineOptions
from summarize.translation.translator import Translator

GLOSSARY = """\
# terms and names
قسد: SDF
المرصد السوري لحقوق الإنسان:
  en: Syrian Observatory for Human Rights (SOHR)
  note: a UK-based monitor
BBC: BBC
"""
ARTICLE = (
    "اشتباكات في ريف دير الزور\n"
    "وقال المرصد السوري لحقوق الإنسان إن ثلاثة مدنيين قتلوا في القصف.\n"
    "وأعلنت قسد أنها صدت الهجوم.\n"
)


def _glossary(tmp_path: Path, text: str = GLOSSARY) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, "utf-8")
    load_glossary.cache_clear()
    return path


def test_terms_are_found_with_clitics_and_replaced_by_their_english(tmp_path: Path) -> None:
    glossary = load_glossary(str(_glossary(tmp_path)))
    protected, used = glossary.protect("وأعلنت قسد أنها صدت هجوم لقسد، بحسب BBC.")
    assert protected == "وأعلنت SDF أنها صدت هجوم ل SDF، بحسب BBC."
    assert [e.english for e in used] == ["SDF", "SDF", "BBC"]
    assert glossary.name_for("المرصد السوري لحقوق الانسان") == (
        "Syrian Observatory for Human Rights (SOHR)"
    )  # folded: إ and ا alike
    assert glossary.name_for("والمرصد السوري لحقوق الإنسان") is not None  # with a conjunction
    assert glossary.name_for("مدير المرصد السوري لحقوق الإنسان") is None  # a person, not it


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("قسد: SDF\nقسد: Kurdish forces\n", "the term 'قسد' is given twice"),
        ("قسد: SDF\nقَسَد: SDF\n", "terms given twice (once normalised)"),
        ("قسد: \n", "must not be empty"),
        ("قسد:\n  en: SDF\n  notes: x\n", "unknown key(s)"),
        ("- قسد\n- SDF\n", "a mapping of Arabic terms to English"),
        ("قسد: [SDF\n", "invalid YAML"),
    ],
)
def test_bad_glossaries_are_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = _glossary(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_glossary(str(path))
    assert message in str(error.value) and str(path) in str(error.value)


def test_cli_refuses_a_missing_glossary_before_any_model(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, "utf-8")
    code = main(["run", str(article), "--glossary", str(tmp_path / "nope.yaml")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(err) == 1 and "cannot read the glossary" in err[0]


def test_the_model_gets_the_terms_and_missing_ones_are_warned(
    models_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _glossary(tmp_path)
    translator = Translator(resolve_translator("tiny"), EngineOptions("cpu", "ct2"))
    sent: list[str] = []
    real = translator.translate

    def spy(units: Any, progress: Any = None) -> Any:
        sent.extend(units)
        return real(units, progress)

    monkeypatch.setattr(translator, "translate", spy)
    document = run_document(ARTICLE, translator, RunOptions("ar", glossary=str(path)))
    assert any("Syrian Observatory for Human Rights (SOHR)" in u for u in sent)
    assert any("وأعلنت SDF أنها" in u for u in sent)
    # random weights do not copy the terms through: each missing one is a warning, per sentence
    for sentence in document.sentences:
        if "SDF" in sentence.translation or sentence.kind == "headline":
            continue
        assert any(
            w.startswith(f"sentence {sentence.id}: glossary term not in the translation")
            for w in document.warnings
        ), document.warnings
    assert document.analysis is not None
    parties = {c.party for c in document.analysis.claims}
    assert "Syrian Observatory for Human Rights (SOHR)" in parties  # the user's name
    assert "SDF" in parties  # over the gazetteer's own name for قسد


def test_without_a_glossary_nothing_changes(models_file: Path) -> None:
    translator = Translator(resolve_translator("tiny"), EngineOptions("cpu", "ct2"))
    plain = run_document(ARTICLE, translator, RunOptions("ar"))
    assert not any("glossary" in w for w in plain.warnings)
    assert plain.analysis is not None
    assert "SDF" not in {c.party for c in plain.analysis.claims}
