"""The translation memory: every unit translated before, in SQLite, so that nothing is translated
twice (re-runs, `batch --force`, syndicated wire copy shared by many sites).

Content-addressed: a unit's key is the SHA-256 of the model id and revision, the engine (backend,
compute type, device), every decoding setting and the normalised source text, so a different model
or setting never reads another's translation. One file in the tool's cache folder
(`translation-memory.sqlite3`), in WAL mode with a busy timeout: several processes (Ray actors on
one node, two runs) read and write it at once. It never grows without bound: past `capacity`
units, the least recently used go. A file that cannot be used (corrupt, truncated, locked for too
long, in a folder that cannot be written) is one warning and a run without the memory, never a
failure or a wrong translation. The standard library's sqlite3 is the only dependency.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FILE_NAME = "translation-memory.sqlite3"
CAPACITY = 500_000  # units (about 250 MB of typical news sentences), give or take _CHECK_EVERY
_BUSY_MS = 10_000  # how long a writer waits for another's lock
_CHECK_EVERY = 1_000  # units written between two counts of the size (a count reads the table)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    key TEXT PRIMARY KEY,      -- sha256 of the settings and the source unit
    value TEXT NOT NULL,       -- the Translation, as JSON
    used INTEGER NOT NULL      -- last read or write, ns since the epoch (for LRU eviction)
);
CREATE INDEX IF NOT EXISTS units_used ON units (used);
"""


def unit_key(settings: Sequence[Any], text: str) -> str:
    """The key of `text` translated under `settings` (model, engine, decoding)."""
    blob = json.dumps([list(settings), " ".join(text.split())], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class MemoryStats:
    """What `summarize cache stats` shows."""

    path: Path
    units: int
    bytes: int
    capacity: int


def _write_ahead(connection: sqlite3.Connection) -> None:
    """WAL mode, which the file keeps once one process has set it. Setting it needs the file to
    itself, and SQLite answers "locked" at once instead of waiting while another process opens
    it: try again for up to the busy timeout, then go on in the file's mode (the other process is
    setting it; the rollback journal also takes concurrent writers, only slower)."""
    deadline = time.monotonic() + _BUSY_MS / 1000
    while connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return  # WAL, or the mode the file system allows (SQLite says which, never fails)
        except sqlite3.OperationalError as exc:
            if not any(word in str(exc) for word in ("locked", "busy")):
                raise
            if time.monotonic() > deadline:
                return
            time.sleep(0.02)


class TranslationMemory:
    """One memory file; opened on first use. Every failure disables it with one warning."""

    def __init__(self, path: Path, capacity: int = CAPACITY) -> None:
        self.path = path
        self.capacity = capacity
        self.problem: str | None = None  # why the memory is off, once it is
        self._connection: sqlite3.Connection | None = None
        self._unchecked = _CHECK_EVERY  # units written since the size was last counted

    def _connect(self) -> sqlite3.Connection | None:
        if self.problem is not None:
            return None
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(
                    self.path, timeout=_BUSY_MS / 1000, check_same_thread=False
                )
                connection.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
                _write_ahead(connection)
                connection.execute("PRAGMA synchronous = NORMAL")
                connection.executescript(_SCHEMA)
                connection.execute("SELECT count(*) FROM units").fetchone()  # readable at all
            except (sqlite3.Error, OSError) as exc:
                self._disable(exc)
                return None
            self._connection = connection
        return self._connection

    def _disable(self, exc: Exception) -> None:
        reason = str(exc) or type(exc).__name__
        self.problem = (
            f"translation memory {self.path} cannot be used ({reason}): translating without it"
            " (`summarize cache clear` starts a new one)"
        )
        log.warning("%s", self.problem)
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def get(self, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The stored values of those `keys` that are in the memory (marked as used)."""
        connection = self._connect()
        if connection is None or not keys:
            return {}
        found: dict[str, dict[str, Any]] = {}
        try:
            for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
                chunk = list(keys[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, value FROM units WHERE key IN ({marks})", chunk
                ).fetchall()
                for key, value in rows:
                    found[key] = json.loads(value)
            if found:
                with connection:
                    connection.executemany(
                        "UPDATE units SET used = ? WHERE key = ?",
                        [(time.time_ns(), k) for k in found],
                    )
        except (sqlite3.Error, ValueError) as exc:
            self._disable(exc)
            return {}
        return found

    def put(self, items: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Store translations (key, value), then evict the least recently used past capacity."""
        connection = self._connect()
        rows = [(k, json.dumps(v, ensure_ascii=False), time.time_ns()) for k, v in items]
        if connection is None or not rows:
            return
        try:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO units (key, value, used) VALUES (?, ?, ?)", rows
                )
                self._unchecked += len(rows)
                if self._unchecked < min(_CHECK_EVERY, max(1, self.capacity // 10)):
                    return  # counted again within the next thousand units: the cap holds to that
                self._unchecked = 0
                (count,) = connection.execute("SELECT count(*) FROM units").fetchone()
                if count > self.capacity:
                    connection.execute(
                        "DELETE FROM units WHERE key IN "
                        "(SELECT key FROM units ORDER BY used ASC LIMIT ?)",
                        (count - self.capacity,),
                    )
        except sqlite3.Error as exc:
            self._disable(exc)

    def stats(self) -> MemoryStats:
        """How many units, and how many bytes on disk (with the WAL)."""
        connection = self._connect()
        units = 0
        if connection is not None:
            try:
                (units,) = connection.execute("SELECT count(*) FROM units").fetchone()
            except sqlite3.Error as exc:
                self._disable(exc)
        size = sum(
            p.stat().st_size
            for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"))
            if p.exists()
        )
        return MemoryStats(self.path, units, size, self.capacity)

    def close(self) -> None:
        """Close the file (a later use opens it again)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def clear(path: Path) -> int:
    """Delete the memory file (and its WAL); the number of bytes freed."""
    freed = 0
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if part.exists():
            freed += part.stat().st_size
            part.unlink()
    return freed
