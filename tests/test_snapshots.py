"""The bytes `summarize` writes for known articles are the recorded ones (tests/snapshots.py).

A restructuring keeps them; a change of behaviour records them anew (`python tests/snapshots.py
--update`) in the same commit, so that the change shows in review.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SHARED
from snapshots import RECORD, digests


def test_outputs_are_the_recorded_bytes(models_file: Path, tiny_model_dir: Path) -> None:
    recorded = json.loads(RECORD.read_text("utf-8"))
    found = digests(SHARED if SHARED.is_dir() else None, tiny_model_dir)
    assert len(found) >= 14, "the suite's own articles are always snapshotted"
    changed = sorted(key for key in found if recorded.get(key) != found[key])
    assert not changed, f"outputs changed (python tests/snapshots.py --write DIR to see): {changed}"
