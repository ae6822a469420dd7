"""The data files: YAML shipped in summarize/data/ or given by the user, read with clear errors.

A syntax error is one line naming the file, line and column; a file that cannot be read is one
line naming it. Bundled files are read once per process (they do not change while it runs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..errors import ConfigError


class _Loader(yaml.SafeLoader):
    """YAML as version 1.2 reads booleans: only true and false. (YAML 1.1 also reads on, off,
    yes and no as booleans, which word lists such as [in, on, at] and [not, no] must not.)"""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def parse_yaml(text: str, where: str) -> Any:
    """Parse YAML text; a syntax error is a ConfigError "where:line:column: problem"."""
    try:
        return yaml.load(text, Loader=_Loader)  # a SafeLoader: no arbitrary objects
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        place = f"{where}:{mark.line + 1}:{mark.column + 1}" if mark else where
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(f"{place}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: invalid YAML: {exc}".splitlines()[0]) from None


def read_yaml(path: Path, what: str = "file") -> Any:
    """A user's YAML file (models.yaml, a parties file, a prompt)."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"{path}: cannot read the {what}: {reason}") from None
    return parse_yaml(text, str(path))


@cache
def bundled(name: str) -> Any:
    """summarize/data/<name>, parsed (once per process)."""
    text = resources.files("summarize").joinpath(f"data/{name}").read_text("utf-8")
    return parse_yaml(text, name)


def section(data: Any, key: str, where: str) -> Any:
    """data[key], or a ConfigError naming the missing key."""
    if not isinstance(data, dict) or key not in data:
        raise ConfigError(f"{where}: missing key '{key}'")
    return data[key]


Choice = TypeVar("Choice", bound=str)


def check_choice(value: Any, valid: Sequence[Choice], what: str, where: str) -> Choice:
    """`value` when it is one of `valid`, else a ConfigError listing the valid ones."""
    for choice in valid:
        if value == choice:
            return choice
    raise ConfigError(f"{where}: unknown {what} {value!r}; valid: {', '.join(valid)}")
