"""The outlet: named by its boilerplate (subscribe or copyright line) or a dateline agency."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.arabic import fold
from ..lang.boilerplate import BoilerplateRules
from ..model import Sentence

_DATELINE = re.compile(r"^[^()\n]{0,40}?\(([^)]{1,30})\)\s*[-–—]")


def find_outlet(sentences: Sequence[Sentence], rules: BoilerplateRules) -> str | None:
    """The outlet's name as written in its boilerplate (subscribe line, copyright line)."""
    for sentence in sentences:
        if sentence.kind != "boilerplate":
            continue
        for pattern in rules.outlet_patterns:
            match = pattern.search(sentence.source)
            if match and match.group(1).strip():
                return match.group(1).strip(" .،")
    return None


def dateline_agency(sentences: Sequence[Sentence], rules: BoilerplateRules) -> str | None:
    """A news agency named in the first sentence's dateline ("دمشق - (رويترز) -"), in English."""
    first = next((s for s in sentences if s.kind == "body"), None)
    match = _DATELINE.match(first.source) if first is not None else None
    return rules.dateline_agencies.get(fold(match.group(1)).strip()) if match else None
