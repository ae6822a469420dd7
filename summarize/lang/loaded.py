"""Loaded terms (data/loaded.yaml): words that take sides, found in English and Arabic text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..errors import ConfigError
from .arabic import Token, fold, tokenize
from .data import bundled
from .quotes import inside, quote_spans

Match = tuple[int, int, str]  # (start, end, neutral wording) in the text


@dataclass(frozen=True)
class LoadedLexicon:
    """The loaded terms of both languages."""

    english: tuple[tuple[str, str], ...]  # (loaded term, neutral wording), longest first
    arabic: tuple[tuple[tuple[str, ...], str], ...]  # (folded term tokens, English gloss)
    arabic_prefixes: tuple[str, ...]  # clitics a loaded Arabic word may carry (و، ف، بال...)
    patterns: tuple[tuple[re.Pattern[str], str], ...]  # compiled English terms, longest first
    contested: tuple[tuple[str, str, re.Pattern[str]], ...] = ()  # (term, neutral, when)


@lru_cache(maxsize=1)
def load_loaded() -> LoadedLexicon:
    """data/loaded.yaml (read once per process)."""
    raw = bundled("loaded.yaml")
    try:
        english = tuple(
            sorted(
                ((str(e["term"]).lower(), str(e["neutral"])) for e in raw["english"]),
                key=lambda pair: -len(pair[0]),
            )
        )
        arabic = tuple(
            (tuple(t.norm for t in tokenize(str(e["term"]))), str(e["used_for"]))
            for e in raw["arabic"]
        )
        prefixes = tuple(str(p) for p in raw["arabic_prefixes"])
        contested = tuple(
            (str(e["term"]).lower(), str(e["neutral"]), re.compile(str(e["when"]), re.IGNORECASE))
            for e in raw["contested"]
        )
    except (KeyError, TypeError, re.error) as exc:
        raise ConfigError(f"loaded.yaml: invalid or missing key: {exc}") from None
    return LoadedLexicon(english, arabic, prefixes, _compiled(english), contested)


def _compiled(english: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The English terms as patterns: whole words, also inside hyphenated compounds."""
    return tuple(
        (re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE), neutral)
        for term, neutral in english
    )


def article_lexicon(texts: Sequence[str], lexicon: LoadedLexicon | None = None) -> LoadedLexicon:
    """The loaded terms of one article: every term, and the contested names that its English
    (`texts`) makes a party's framing ("the displaced" where the article speaks of refugees)."""
    lex = lexicon or load_loaded()
    extra = tuple(
        (term, neutral)
        for term, neutral, when in lex.contested
        if any(when.search(text) for text in texts)
    )
    if not extra:
        return lex
    english = tuple(sorted((*lex.english, *extra), key=lambda pair: -len(pair[0])))
    return replace(lex, english=english, patterns=_compiled(english), contested=())


def english_matches(text: str, lexicon: LoadedLexicon | None = None) -> list[Match]:
    """(start, end, neutral) of English loaded terms, longest first, not overlapping; sorted."""
    lex = lexicon or load_loaded()
    found: list[Match] = []
    for pattern, neutral in lex.patterns:
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), neutral))
    return sorted(found)


def _forms(norm: str, prefixes: tuple[str, ...]) -> set[str]:
    forms = {norm}
    for prefix in prefixes:
        if norm.startswith(prefix) and len(norm) > len(prefix) + 1:
            forms.add(norm[len(prefix) :])
            forms.add("ال" + norm[len(prefix) :])
    return forms | {fold(f) for f in forms}


def arabic_matches(
    tokens: Sequence[Token], lexicon: LoadedLexicon | None = None
) -> list[tuple[int, int]]:
    """(start, end) character offsets of Arabic loaded terms, one per starting token."""
    lex = lexicon or load_loaded()
    found = []
    for index in range(len(tokens)):
        for term, _ in lex.arabic:
            size = len(term)
            window = [t.norm for t in tokens[index : index + size]]
            if (
                len(window) == size
                and term[0] in _forms(window[0], lex.arabic_prefixes)
                and list(term[1:]) == window[1:]
            ):
                found.append((tokens[index].start, tokens[index + size - 1].end))
                break
    return found


# Nouns that make a loaded word part of a name or a title ("occupation army", "the regime's
# spokesman"): there it is quoted as the writer's word, never rewritten.
_NAME_HEADS = re.compile(
    r"^(?:'s)?\s+(?:army|forces|force|authorities|authority|government|police|state|soldiers|"
    r"troops|spokesman|spokesperson|spokeswoman|media|leaders|leader|officials|radio|channel|"
    r"intelligence|navy|air force|prisons)\b",
    re.IGNORECASE,
)


def _protected(text: str, protect: Sequence[str]) -> list[tuple[int, int]]:
    """Where the names in `protect` stand in `text` (case-insensitive)."""
    spans = []
    for name in protect:
        if name:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(name), text, re.I)]
    return spans


def _rewrite(
    text: str,
    rewrite: Callable[[str, str], str],
    lexicon: LoadedLexicon | None,
    protect: Sequence[str] = (),
) -> str:
    """`text` with each loaded word outside quotations replaced by rewrite(word, neutral); in a
    name or a title (a name in `protect`, or a word like "army" after it) it is quoted."""
    spans = quote_spans(text)
    names = _protected(text, protect)
    out, last = [], 0
    for start, end, neutral in english_matches(text, lexicon):
        if inside(start, spans):
            continue
        out.append(text[last:start])
        named = (
            any(s <= start < e for s, e in names)
            or _NAME_HEADS.match(text[end:])
            or _in_proper_name(text, start, end)
        )
        out.append(f"“{text[start:end]}”" if named else rewrite(text[start:end], neutral))
        last = end
    out.append(text[last:])
    return "".join(out)


def _in_proper_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised loaded word stands between capitalised words: a proper name
    ("Al-Aqsa Martyrs Hospital"), quoted, never rewritten ("Al-Aqsa people killed Hospital")."""
    before = re.search(r"([\w'’-]+)\s+$", text[:start])
    after = re.match(r"\s+([\w'’-]+)", text[end:])
    return (
        text[start : start + 1].isupper()
        and before is not None
        and after is not None
        and before.group(1)[:1].isupper()
        and after.group(1)[:1].isupper()
    )


def neutralize(text: str, lexicon: LoadedLexicon | None = None, protect: Sequence[str] = ()) -> str:
    """The outlet's voice: loaded words outside quotations replaced by neutral wording (quoted
    instead inside a name or a title: "the “occupation” army", never "the presence army")."""
    rewritten = _rewrite(text, lambda _, neutral: neutral, lexicon, protect)
    return re.sub(r"\s{2,}", " ", rewritten).replace(" ,", ",").strip()


def quote_loaded(text: str, lexicon: LoadedLexicon | None = None) -> str:
    """A party's words: loaded words outside quotations are quoted, as that party's wording."""
    return _rewrite(text, lambda word, _: f"“{word}”", lexicon)
