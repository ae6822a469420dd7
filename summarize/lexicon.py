"""The attribution engine's data: reporting cues, party gazetteer, loaded terms, boilerplate.

Everything lives in YAML under summarize/data/; users may add parties with SUMMARIZE_PARTIES_FILE.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .arabic import fold, tokenize
from .errors import ConfigError

PARTIES_FILE_ENV = "SUMMARIZE_PARTIES_FILE"
GENDERS = ("m", "f", "p")


@dataclass(frozen=True)
class PartyEntry:
    """One gazetteer entry."""

    name: str  # canonical, neutral English name
    kind: str  # government, ministry, military, armed_group, agency, un, sources, media, ...
    ar: tuple[tuple[str, ...], ...]  # Arabic aliases as folded token sequences
    en: tuple[str, ...]  # English aliases, lower case


@dataclass(frozen=True)
class Lexicon:
    """All attribution data, loaded once."""

    ar_verbs: dict[str, tuple[str, str]]  # folded verb form -> (kind, gender m/f/p)
    ar_object_taking: frozenset[str]  # kinds whose verbs take an object (طالب X بـ)
    ar_according: tuple[tuple[str, ...], ...]  # "according to" phrases, folded tokens
    ar_continuation: tuple[tuple[str, ...], ...]  # "the statement said" phrases
    ar_stops: frozenset[str]  # words that end a speaker span
    ar_fillers: tuple[tuple[str, ...], ...]  # words dropped from speaker spans
    ar_speaker_heads: frozenset[str]  # nouns that start a speaker span (titles, sources)
    ar_object_heads: frozenset[str]  # words that start a non-speaker noun phrase
    en_verbs: dict[str, str]  # English cue (may be several words) -> kind
    en_according: tuple[str, ...]  # "according to" phrases
    en_continuation: tuple[str, ...]  # "the statement read" phrases
    en_pronouns: dict[str, str]  # pronoun -> m, f, o (organisation) or p
    en_prefixes: tuple[str, ...]  # introductory phrases
    neutral_verbs: dict[str, str]  # kind -> neutral reporting verb for summaries
    parties: tuple[PartyEntry, ...]  # the gazetteer
    loaded_en: tuple[tuple[str, str], ...]  # (loaded English term, neutral wording), longest first
    loaded_ar: tuple[tuple[tuple[str, ...], str], ...]  # (folded Arabic term tokens, English)
    boilerplate: tuple[re.Pattern[str], ...]  # lines that are not the article
    outlet_patterns: tuple[re.Pattern[str], ...]  # boilerplate that names the outlet
    dateline_agencies: dict[str, str]  # folded agency name in a dateline -> English name


def _data(name: str) -> Any:
    text = resources.files("summarize").joinpath(f"data/{name}").read_text("utf-8")
    return yaml.safe_load(text)


def _folded_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(phrase))


def _parties(raw: Any, where: str) -> list[PartyEntry]:
    if not isinstance(raw, dict) or not isinstance(raw.get("parties"), list):
        raise ConfigError(f"{where}: expected a mapping with a 'parties' list")
    entries = []
    for item in raw["parties"]:
        if not isinstance(item, dict) or not {"name", "kind"} <= set(item):
            raise ConfigError(f"{where}: each party needs 'name' and 'kind': {item!r}")
        unknown = set(item) - {"name", "kind", "ar", "en"}
        if unknown:
            raise ConfigError(
                f"{where}: unknown key(s) {', '.join(sorted(unknown))}; "
                "valid keys: ar, en, kind, name"
            )
        entries.append(
            PartyEntry(
                name=str(item["name"]),
                kind=str(item["kind"]),
                ar=tuple(_folded_tokens(a) for a in item.get("ar", [])),
                en=tuple(str(e).lower() for e in item.get("en", [])),
            )
        )
    return entries


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load the bundled data (and the user's extra parties) once per process."""
    rep = _data("reporting.yaml")
    verbs: dict[str, tuple[str, str]] = {}
    for kind, forms in rep["arabic_verbs"].items():
        for gender in GENDERS:
            for form in forms.get(gender, []):
                verbs.setdefault(fold(str(form)), (kind, gender))
    en_verbs = {str(v).lower(): kind for kind, forms in rep["english_verbs"].items() for v in forms}
    parties = []
    extra = os.environ.get(PARTIES_FILE_ENV)
    if extra:
        path = Path(extra).expanduser()
        try:
            parties += _parties(yaml.safe_load(path.read_text("utf-8")), str(path))
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read the parties file: {exc}") from exc
    parties += _parties(_data("parties.yaml"), "parties.yaml")
    loaded = _data("loaded.yaml")
    boiler = _data("boilerplate.yaml")
    return Lexicon(
        ar_verbs=verbs,
        ar_object_taking=frozenset(rep["arabic_object_taking"]),
        ar_according=tuple(_folded_tokens(p) for p in rep["arabic_according_to"]),
        ar_continuation=tuple(_folded_tokens(p) for p in rep["arabic_statement_continuation"]),
        ar_stops=frozenset(fold(s) for s in rep["arabic_subject_stops"]),
        ar_fillers=tuple(_folded_tokens(p) for p in rep["arabic_fillers"]),
        ar_speaker_heads=frozenset(fold(s) for s in rep["arabic_speaker_heads"]),
        ar_object_heads=frozenset(fold(s) for s in rep["arabic_object_heads"]),
        en_verbs=en_verbs,
        en_according=tuple(str(p).lower() for p in rep["english_according_to"]),
        en_continuation=tuple(str(p).lower() for p in rep["english_statement_continuation"]),
        en_pronouns={str(k): str(v) for k, v in rep["english_pronouns"].items()},
        en_prefixes=tuple(
            sorted((str(p).lower() for p in rep["english_prefixes"]), key=len, reverse=True)
        ),
        neutral_verbs={str(k): str(v) for k, v in rep["neutral_verbs"].items()},
        parties=tuple(parties),
        loaded_en=tuple(
            sorted(
                ((str(e["term"]).lower(), str(e["neutral"])) for e in loaded["english"]),
                key=lambda pair: -len(pair[0]),
            )
        ),
        loaded_ar=tuple(
            (_folded_tokens(str(e["term"])), str(e["used_for"])) for e in loaded["arabic"]
        ),
        boilerplate=tuple(re.compile(p, re.IGNORECASE) for p in boiler["patterns"]),
        outlet_patterns=tuple(re.compile(p, re.IGNORECASE) for p in boiler["outlet_patterns"]),
        dateline_agencies={
            fold(str(k)).strip(): str(v) for k, v in boiler["dateline_agencies"].items()
        },
    )


def is_boilerplate(line: str) -> bool:
    """True when a line is a subscribe/follow prompt, a "read also" link, a copyright line, ..."""
    return any(p.search(line) for p in load_lexicon().boilerplate)
