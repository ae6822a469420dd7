"""Running the pipeline on a folder of annotated articles, in each mode."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import RunOptions
from ..pipeline import Stage, run_document
from .scores import ArticleScore, score

if TYPE_CHECKING:
    from ..translation.translator import Translator

MODES = ("en", "ar")


def load_annotations(folder: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The annotated articles of a folder, sorted by name."""
    files = sorted(folder.glob("*.json"))
    if not folder.is_dir() or not files:
        raise InputError(f"{folder}: no annotated articles (*.json) found")
    for path in files:
        try:
            yield path, json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: not a readable annotation: {exc}") from exc


def evaluate(
    folder: Path,
    modes: tuple[str, ...],
    translator: Translator | None,
    on_article: Callable[[str, str], None] | None = None,
    summarizer: Stage | None = None,
) -> list[ArticleScore]:
    """Run and score every annotated article of `folder` in each mode."""
    scores = []
    for path, gold in load_annotations(folder):
        for mode in modes:
            if on_article:
                on_article(path.name, mode)
            options = RunOptions(source_lang="en" if mode == "en" else "ar")
            document = run_document(
                gold[mode],
                translator if mode == "ar" else None,
                options,
                name=path.name,
                summarizer=summarizer,
            )
            scores.append(score(gold, document, mode))
    return scores
