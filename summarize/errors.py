"""The one exception family of the library. The CLI turns each into one line on stderr."""

from __future__ import annotations


class SummarizeError(Exception):
    """Base class: every error the library raises on purpose. The message is one line for users."""

    exit_code: int = 1
    reported: bool = False  # already shown to the user (the CLI then only exits with exit_code)


class InputError(SummarizeError):
    """The input cannot be used: missing, empty, binary, undecodable, or in the wrong language."""


class ConfigError(SummarizeError):
    """models.yaml or a data file is invalid, or a name in it is unknown."""


class ModelError(SummarizeError):
    """A model cannot be found, fetched or loaded."""


class OutputError(SummarizeError):
    """An output cannot be written where it was asked for."""


class Interrupted(SummarizeError):
    """The user pressed Ctrl-C; the message says what was kept."""

    exit_code = 130


class EngineError(SummarizeError):
    """The distributed engine is not installed, cannot start, or lost its workers."""
