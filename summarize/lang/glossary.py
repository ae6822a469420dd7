"""A user's glossary (`--glossary FILE`, SUMMARIZE_GLOSSARY): Arabic terms and the English they
must come out as, in the translation and in party names.

    # glossary.yaml
    قسد: SDF
    هيئة تحرير الشام:
      en: Hayat Tahrir al-Sham (HTS)
      note: not "Levant Liberation Committee"
    الوطن: Al-Watan          # never translated: the English is the name as written

The technique (CTranslate2 has no constrained decoding): each term found in a sentence is
replaced, before translation, by its English, which a Marian model copies through as it copies
any Latin-script name; the output is then checked for each expected English term, and a sentence
where one is missing gets a warning. Terms are matched on folded Arabic (no diacritics, one alef)
with a clitic prefix allowed (و، ف، ب، ل، ال), longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from .arabic import fold, strip_prefix, tokenize
from .data import parse_yaml


@dataclass(frozen=True)
class GlossaryEntry:
    """One term."""

    source: str  # the Arabic term as the user wrote it
    english: str  # what it must come out as
    note: str | None  # the user's note (shown nowhere but kept)
    tokens: tuple[str, ...]  # the folded words of the term


@dataclass(frozen=True)
class Glossary:
    """Terms, longest first."""

    path: str
    entries: tuple[GlossaryEntry, ...]

    def find(self, text: str) -> list[tuple[int, int, GlossaryEntry]]:
        """(start, end, entry) of each term in `text` (no overlaps, in order; the span starts
        after a clitic prefix, which stays)."""
        tokens = tokenize(text)
        found: list[tuple[int, int, GlossaryEntry]] = []
        taken: set[int] = set()
        for entry in self.entries:
            size = len(entry.tokens)
            for i in range(len(tokens) - size + 1):
                if taken & set(range(i, i + size)):
                    continue
                first = tokens[i].norm
                rest = [t.norm for t in tokens[i + 1 : i + size]]
                forms = [f for f in strip_prefix(first, (*_CLITICS,)) if f]
                if rest == list(entry.tokens[1:]) and entry.tokens[0] in forms:
                    start = tokens[i].start + (len(first) - len(entry.tokens[0]))
                    found.append((start, tokens[i + size - 1].end, entry))
                    taken |= set(range(i, i + size))
        return sorted(found, key=lambda f: f[0])

    def protect(self, text: str) -> tuple[str, list[GlossaryEntry]]:
        """`text` with each term replaced by its English (what the model is given), and the
        entries used (what the output is checked for)."""
        found = self.find(text)
        out, last = [], 0
        for start, end, entry in found:
            out.append(text[last:start])
            out.append(f" {entry.english} ")
            last = end
        out.append(text[last:])
        joined = re.sub(r" ([،,.؛;:!?؟])", r"\1", re.sub(r" {2,}", " ", "".join(out)))
        return joined.strip(), [f[2] for f in found]

    def name_for(self, span: str) -> str | None:
        """The glossary's English when `span` (a party's name in the article) is one of its
        terms, with or without a clitic prefix or the article."""
        words = [t.norm for t in tokenize(span) if t.norm.isalnum()]
        for entry in self.entries:
            same_rest = len(words) == len(entry.tokens) and words[1:] == list(entry.tokens[1:])
            if same_rest and entry.tokens[0] in strip_prefix(words[0], (*_CLITICS,)):
                return entry.english
        return None


_CLITICS = ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل")


class _UniqueKeys(yaml.SafeLoader):
    """Refuses a key given twice (YAML itself keeps the last, silently)."""


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            line = key_node.start_mark.line + 1
            raise ConfigError(f"line {line}: the term {key!r} is given twice")
        seen[key] = loader.construct_object(value_node, deep=True)
    return seen


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _entry(path: Path, term: Any, value: Any) -> GlossaryEntry:
    note = None
    if isinstance(value, dict):
        unknown = set(value) - {"en", "note"}
        if unknown:
            raise ConfigError(
                f"{path}: term {term!r}: unknown key(s) {sorted(unknown)}; use en, note"
            )
        note = value.get("note")
        value = value.get("en")
    source, english = str(term or "").strip(), str(value or "").strip()
    if not source or not english or value is None:
        raise ConfigError(f"{path}: term {term!r}: the term and its English must not be empty")
    tokens = tuple(t.norm for t in tokenize(fold(source)) if t.norm.isalnum())
    if not tokens:
        raise ConfigError(f"{path}: term {term!r} has no letters")
    return GlossaryEntry(source, english, None if note is None else str(note), tokens)


@lru_cache(maxsize=4)
def load_glossary(path: str) -> Glossary:
    """Read and check a glossary file (each problem is one ConfigError naming the file)."""
    where = Path(path).expanduser()
    try:
        text = where.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"{where}: cannot read the glossary: {reason}") from None
    parse_yaml(text, str(where))  # syntax errors with their line and column
    try:
        raw = yaml.load(text, Loader=_UniqueKeys)  # a SafeLoader that refuses duplicate keys
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f"{where}: a glossary is a mapping of Arabic terms to English")
    entries = [_entry(where, term, value) for term, value in raw.items()]
    folded = [e.tokens for e in entries]
    twice = sorted({e.source for e in entries if folded.count(e.tokens) > 1})
    if twice:
        raise ConfigError(f"{where}: terms given twice (once normalised): {', '.join(twice)}")
    entries.sort(key=lambda e: -len(e.tokens))
    return Glossary(str(where), tuple(entries))
