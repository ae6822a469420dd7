"""Writing outputs: decided before any work, never destroying what is there.

A regular file is written through a temporary file and a rename (never a half file), with the
permissions a new file gets under the umask (or those of the file it replaces). FIFOs, character
devices (/dev/null, /dev/stdout) and "-" are written as streams, never replaced. The input itself
(or a hard link to it) and a symbolic link (unless asked to follow it) are refused, and so is a
place that cannot be written: all before a model is loaded or a sentence translated.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError


@dataclass(frozen=True)
class OutputTarget:
    """Where a result goes, as checked by `check_output`."""

    path: Path  # the file written (a symlink's target when following it)
    stream: bool  # write in place as a stream (FIFO, character device, "-" for stdout)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _probe(folder: Path) -> None:
    """Fail now when files cannot be created in `folder` (read-only, /proc, no permission)."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".summarize-probe-", dir=folder)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write there: {exc.strerror}") from exc
    os.close(fd)
    os.unlink(probe)


def _creatable(path: Path) -> None:
    """The folders above a file that does not exist yet: the nearest existing one must be a
    folder that can be written (missing ones are created when writing)."""
    parent = path.parent
    while not parent.exists():
        if parent.is_symlink():
            raise OutputError(f"{parent}: a broken symbolic link")
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{path}: {parent} is not a folder")
    if parent == path.parent:
        _probe(parent)
    elif not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot create folders in {parent}: permission denied")


def check_output(
    path: Path, inputs: Sequence[Path] = (), follow_symlinks: bool = False
) -> OutputTarget:
    """How `path` will be written; OutputError when it must not or cannot be."""
    if str(path) == "-":
        return OutputTarget(path, stream=True)
    if path.is_symlink():
        target = path.resolve()
        if not follow_symlinks:
            raise OutputError(
                f"{path}: is a symbolic link (to {target}); pass --follow-symlinks to write to "
                "its target, or choose another output"
            )
        path = target
    if not path.exists():
        _creatable(path)
        return OutputTarget(path, stream=False)
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a folder; give a file name")
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return OutputTarget(path, stream=True)
    if not stat.S_ISREG(mode):
        raise OutputError(f"{path}: not a regular file, a FIFO or a character device")
    for source in inputs:
        if str(source) != "-" and source.exists() and os.path.samefile(source, path):
            raise OutputError(f"{path}: is the input file; choose another output")
    _probe(path.parent)
    return OutputTarget(path, stream=False)


def write_output(target: OutputTarget, text: str) -> None:
    """Write `text` as `check_output` decided."""
    if not target.stream:
        write_atomic(target.path, text)
        return
    try:
        if str(target.path) == "-":
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        with target.path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"{target.path}: cannot write: {exc.strerror}") from exc


_STALE = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # write_atomic's temporary files


def remove_stale_temporaries(folder: Path) -> int:
    """Remove the temporary files `write_atomic` left in `folder` when a run was killed
    (kill -9 between writing and renaming); returns how many. Nothing else is touched."""
    removed = 0
    try:
        for entry in folder.iterdir():
            if _STALE.match(entry.name) and entry.is_file():
                entry.unlink(missing_ok=True)
                removed += 1
    except OSError:
        return removed  # a folder that cannot be listed: the run reports what it cannot write
    return removed


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to `path` through a temporary file and a rename: never a half file.
    A new file gets the umask's permissions; a replaced one keeps its own."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from exc
    written = False
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            os.fchmod(handle.fileno(), mode)
        os.replace(tmp, path)
        written = True
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from exc
    finally:
        if not written:  # a failure, or Ctrl-C in the middle: never a stray temporary file
            Path(tmp).unlink(missing_ok=True)
