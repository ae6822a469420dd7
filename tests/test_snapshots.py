"""The bytes `summarize` writes for known articles are the recorded ones (tests/snapshots.py).

A restructuring keeps them; a change of behaviour records them anew (`python tests/snapshots.py
--update`) in the same commit, so that the change shows in review.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotated import AnnotatedRun
from conftest import SHARED
from snapshots import RECORD, annotated_outputs, cli_outputs, digest


def _changed(found: dict[str, str]) -> list[str]:
    recorded = json.loads(RECORD.read_text("utf-8"))
    return sorted(key for key in found if recorded.get(key) != found[key])


def test_cli_outputs_are_the_recorded_bytes(models_file: Path, tiny_model_dir: Path) -> None:
    shared = SHARED if SHARED.is_dir() else None
    found = {key: digest(out, tiny_model_dir) for key, out in cli_outputs(shared)}
    assert len(found) >= 6
    changed = _changed(found)
    assert not changed, f"outputs changed (python tests/snapshots.py --write DIR to see): {changed}"


def _check_runs(runs: list[AnnotatedRun], prefix: str, model_dir: Path) -> None:
    found = {key: digest(out, model_dir) for key, out in annotated_outputs(runs, prefix)}
    assert len(found) == 6 * len(runs) > 0
    changed = _changed(found)
    assert not changed, f"outputs changed (python tests/snapshots.py --write DIR to see): {changed}"


def test_own_annotated_outputs_are_the_recorded_bytes(
    own_runs: list[AnnotatedRun], tiny_model_dir: Path
) -> None:
    _check_runs(own_runs, "eval", tiny_model_dir)


def test_devset_outputs_are_the_recorded_bytes(
    devset_runs: list[AnnotatedRun], tiny_model_dir: Path
) -> None:
    _check_runs(devset_runs, "devset", tiny_model_dir)
