"""The party gazetteer: canonical neutral names with Arabic and English aliases, and matching.

data/parties.yaml, plus the user's own file (SUMMARIZE_PARTIES_FILE or RunOptions.parties_file),
whose entries are matched first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from .. import settings
from ..errors import ConfigError
from .arabic import QUOTE_MARKS, Token, fold, strip_prefix, tokenize
from .data import bundled, check_choice, read_yaml, section

PartyKind = Literal[
    "government",
    "ministry",
    "military",
    "armed_group",
    "agency",
    "un",
    "international",
    "organisation",
    "sources",
    "person",
    "media",
]
PARTY_KINDS: tuple[PartyKind, ...] = (
    "government",
    "ministry",
    "military",
    "armed_group",
    "agency",
    "un",
    "international",
    "organisation",
    "sources",
    "person",
    "media",
)
_KEYS = {"name", "kind", "ar", "en"}


@dataclass(frozen=True)
class PartyEntry:
    """One gazetteer entry."""

    name: str  # canonical, neutral English name
    kind: PartyKind  # government, ministry, military, armed_group, agency, un, sources, ...
    ar: tuple[tuple[str, ...], ...]  # Arabic aliases as folded token sequences
    en: tuple[str, ...]  # English aliases, lower case


@dataclass(frozen=True)
class Gazetteer:
    """Every known party, the user's first."""

    entries: tuple[PartyEntry, ...]


def _folded(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(phrase))


def _entries(raw: Any, where: str) -> list[PartyEntry]:
    if not isinstance(raw, dict) or not isinstance(raw.get("parties"), list):
        raise ConfigError(f"{where}: expected a mapping with a 'parties' list")
    entries = []
    for item in raw["parties"]:
        if not isinstance(item, dict) or not {"name", "kind"} <= set(item):
            raise ConfigError(f"{where}: each party needs 'name' and 'kind': {item!r}")
        unknown = set(item) - _KEYS
        if unknown:
            raise ConfigError(
                f"{where}: unknown key(s) {', '.join(sorted(unknown))}; "
                f"valid keys: {', '.join(sorted(_KEYS))}"
            )
        kind = check_choice(item["kind"], PARTY_KINDS, "party kind", f"{where}: {item['name']}")
        entries.append(
            PartyEntry(
                name=str(item["name"]),
                kind=kind,
                ar=tuple(_folded(a) for a in item.get("ar", []) or []),
                en=tuple(str(e).lower() for e in item.get("en", []) or []),
            )
        )
    return entries


@lru_cache(maxsize=4)
def _load(extra: Path | None, stamp: int) -> Gazetteer:
    entries = []
    if extra is not None:
        entries += _entries(read_yaml(extra, "parties file"), str(extra))
    entries += _entries(bundled("parties.yaml"), "parties.yaml")
    return Gazetteer(tuple(entries))


def load_gazetteer(parties_file: str | Path | None = None) -> Gazetteer:
    """The bundled gazetteer, after the user's parties file (the flag or option, else
    SUMMARIZE_PARTIES_FILE). Re-read when that file changes."""
    extra = settings.path("parties_file", parties_file)
    stamp = 0
    if extra is not None:
        try:
            stamp = extra.stat().st_mtime_ns
        except OSError as exc:
            raise ConfigError(f"{extra}: cannot read the parties file: {exc.strerror}") from None
    return _load(extra, stamp)


@lru_cache(maxsize=8)
def _by_first_word(
    gazetteer: Gazetteer,
) -> dict[str, list[tuple[int, tuple[str, ...], PartyEntry]]]:
    """The Arabic aliases by their first word: (order in the gazetteer, alias, entry)."""
    index: dict[str, list[tuple[int, tuple[str, ...], PartyEntry]]] = {}
    order = 0
    for entry in gazetteer.entries:
        for alias in entry.ar:
            if alias:
                index.setdefault(alias[0], []).append((order, alias, entry))
                order += 1
    return index


def match_arabic(
    tokens: Sequence[Token], gazetteer: Gazetteer
) -> list[tuple[int, int, PartyEntry]]:
    """(start, end, entry) of gazetteer mentions, longest first at each place (the gazetteer's
    first entry among equals), not overlapping."""
    index = _by_first_word(gazetteer)
    words = [t for t in range(len(tokens)) if tokens[t].norm not in QUOTE_MARKS]
    norms = [tokens[w].norm for w in words]
    found: list[tuple[int, int, PartyEntry]] = []
    position = 0
    while position < len(words):
        best: tuple[int, int, PartyEntry] | None = None  # (size, -order, entry)
        for form in dict.fromkeys(strip_prefix(norms[position])):
            for order, alias, entry in index.get(form, ()):
                size = len(alias)
                if (
                    position + size > len(words)
                    or list(alias[1:]) != norms[position + 1 : position + size]
                ):
                    continue
                if best is None or (size, -order) > best[:2]:
                    best = (size, -order, entry)
        if best:
            start, end = words[position], words[position + best[0] - 1] + 1
            found.append((start, end, best[2]))
            position += best[0]
        else:
            position += 1
    return found


def match_english(span: str, gazetteer: Gazetteer) -> list[tuple[int, PartyEntry]]:
    """(position, entry) of gazetteer mentions, in order; the longest alias at each place, and
    of two that overlap the longer."""
    low = " " + re.sub(r"[^\w.' -]", " ", span.lower().replace("’", "'")) + " "
    # a full stop before a space ends a sentence or an abbreviation (U.S. -> "u.s")
    low = re.sub(r"\s+", " ", re.sub(r"\.(?=\s)", " ", low))
    low = re.sub(r"'s ", "  ", low)  # a possessive names its owner: "Egypt's foreign ministry"
    best: dict[int, tuple[int, PartyEntry]] = {}
    for entry in gazetteer.entries:
        for alias in entry.en:
            position = low.find(f" {alias} ")
            while position >= 0:
                acronym = len(alias) <= 4 and alias.isalpha()
                if acronym and alias.upper() not in span:
                    pass  # "who" the pronoun is not the WHO: acronyms are matched in capitals
                elif position not in best or len(alias) > best[position][0]:
                    best[position] = (len(alias), entry)
                position = low.find(f" {alias} ", position + 1)
    kept: dict[int, tuple[int, PartyEntry]] = {}
    for position, (size, entry) in sorted(best.items(), key=lambda b: -b[1][0]):
        if all(position + size <= p or p + n <= position for p, (n, _) in kept.items()):
            kept[position] = (size, entry)  # ("the UN High Commissioner": UNHCR, not the UN)
    return [(position, kept[position][1]) for position in sorted(kept)]


def owner_only(entry: PartyEntry, span: str) -> bool:
    """True when `entry` is named only as a possessive owner in the English `span` ("Lebanon's
    General Security": the party is the security service, not Lebanon)."""
    low = span.lower().replace("’", "'")
    return any(f"{a}'s " in low for a in entry.en) and not any(
        re.search(rf"\b{re.escape(a)}\b(?!'s)", low) for a in entry.en
    )


@lru_cache(maxsize=1)
def load_countries() -> dict[str, str]:
    """data/countries.yaml: folded Arabic adjective (التركيه) -> English adjective (Turkish)."""
    raw = bundled("countries.yaml")
    return {fold(str(k)): str(v) for k, v in section(raw, "nisbas", "countries.yaml").items()}


def english_country(span: str) -> str | None:
    """The country adjective before "Ministry" in an English span ("the Turkish Defence
    Ministry", "Turkey's"-less forms only)."""
    adjectives = "|".join(sorted({re.escape(a) for a in load_countries().values()}, key=len))
    found = re.search(rf"\b({adjectives})\b(?=[\w ]*\bMinistry\b)", span)
    return found.group(1) if found else None


def joint_name(entries: Sequence[PartyEntry]) -> str:
    """The name of a joint party: each party's short form ("UN refugee agency (UNHCR)" ->
    "UNHCR"), joined with "and" ("IOM and UNHCR")."""
    short = []
    for entry in entries:
        acronym = re.search(r"\(([^()]+)\)$", entry.name)
        short.append(acronym.group(1) if acronym else entry.name)
    return " and ".join(dict.fromkeys(short))


def party_name(
    entries: Sequence[PartyEntry], head: PartyEntry | None = None, country: str | None = None
) -> tuple[PartyEntry | None, str | None]:
    """The party a span's mentions name (`head`, else the first); a ministry takes the country
    named with it ("the Turkish Defence Ministry"), else its government along ("the Foreign
    Ministry (the Syrian government)", "the Foreign Ministry (Egypt)")."""
    if not entries:
        return None, None
    entry = head or entries[0]
    if entry.kind == "ministry":
        if country is not None and entry.name.startswith("the "):
            return entry, f"the {country} {entry.name[4:]}"  # (وزارة الخارجية السعودية)
        government = next((e for e in entries if e is not entry and e.kind == "government"), None)
        if government is not None:  # (before it too: "Egypt's foreign ministry")
            return entry, f"{entry.name} ({government.name})"
    return entry, entry.name
