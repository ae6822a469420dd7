"""Whose account a summary owes an item (data/standing.yaml): every party's, except the voices a
story brings in for colour (a vague collective, a private person, an anonymous source relayed
from another medium) and the outlet outside its lead (its background)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..attribution.arabic_words import skip_dateline
from ..errors import ConfigError
from ..lang.arabic import Token, fold, strip_prefix, tokenize
from ..lang.boilerplate import load_boilerplate
from ..lang.data import bundled, section
from ..lang.dateline import english_dateline
from ..lang.quotes import quote_spans
from ..model import Claim

_COLOUR = frozenset({"collective", "private person"})
_EN_PREPOSITIONS = frozenset({"of", "in", "at", "from", "on", "for", "with", "near", "close", "to"})
# What may follow the word of ordinary life that heads an apposition ("a farmer from ...",
# "a mother of five", "a refugee who ..."); any other word makes it part of a title ("the UN
# resident coordinator")
_AFTER_HEAD = _EN_PREPOSITIONS | {"who", "whose", "living", "and", "since", "by", "until"}


@dataclass(frozen=True)
class Standing:
    """data/standing.yaml, folded."""

    collective: frozenset[str]  # heads of a span naming a vague collective
    private: frozenset[str]  # words of ordinary life in a name's apposition
    openers: frozenset[str]  # apposition words before that word ("who is a", "وهو من")
    anonymous: frozenset[str]  # heads of a span naming an unnamed source or official
    one_of: tuple[tuple[str, ...], ...]  # "one of the" / أحد: one person from a group
    ages: tuple[re.Pattern[str], ...]  # an age right after a name


def _words(raw: object, key: str) -> frozenset[str]:
    entry = section(raw, key, "standing.yaml")
    try:
        return frozenset(fold(str(w)) for lang in ("en", "ar") for w in section(entry, lang, key))
    except TypeError as exc:
        raise ConfigError(f"standing.yaml: '{key}' must list words under en and ar") from exc


@lru_cache(maxsize=1)
def load_standing() -> Standing:
    """data/standing.yaml (read once per process)."""
    raw = bundled("standing.yaml")
    one_of = _words(raw, "one_of")
    try:
        ages = tuple(
            re.compile(str(p), re.IGNORECASE) for p in section(raw, "ages", "standing.yaml")
        )
    except (TypeError, re.error) as exc:
        raise ConfigError(f"standing.yaml: ages: {exc}") from None
    return Standing(
        collective=_words(raw, "collective"),
        private=_words(raw, "private"),
        anonymous=_words(raw, "anonymous"),
        openers=_words(raw, "apposition_openers"),
        one_of=tuple(sorted((tuple(p.split()) for p in one_of), key=len, reverse=True)),
        ages=ages,
    )


def _is(token: Token, words: frozenset[str]) -> bool:
    """True when the token, or the token without its article or a clitic, is one of `words`."""
    forms = strip_prefix(token.norm)
    return any(f in words or (f.startswith("ال") and f[2:] in words) for f in forms)


def _words_of(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if any(c.isalnum() for c in t.text)]


def _head(span: list[Token]) -> Token | None:
    """The head word of a party's span: an Arabic span's first word, an English span's last
    word before a preposition ("Eyewitnesses in X" -> eyewitnesses)."""
    if not span:
        return None
    if not span[0].text.isascii():
        return span[0]
    head = span[0]
    for token in span:
        if token.norm in _EN_PREPOSITIONS:
            break
        head = token
    return head


def _one_of(span: list[Token], standing: Standing) -> bool:
    """True when the span is one person from a group of ordinary people ("one of the
    protesters", "أحد المعلمين")."""
    norms = [t.norm for t in span]
    for phrase in standing.one_of:
        if tuple(norms[: len(phrase)]) == phrase and len(span) > len(phrase):
            return _is(span[len(phrase)], standing.private | standing.collective)
    return False


def _apposition(after: str, standing: Standing) -> bool:
    """True when the text right after a name describes a private person: an age, or a comma
    and a word of ordinary life (", a mother of four", "، وهو فلاح من ...")."""
    folded = fold(after)
    if any(p.match(folded) for p in standing.ages):
        return True
    tokens = _words_of(tokenize(after)[1:8]) if after.lstrip()[:1] in {",", "،"} else []
    opened = 0
    while opened < len(tokens) and tokens[opened].norm in standing.openers:
        opened += 1
    words = tokens[opened:]
    if not words:
        return False
    if not words[0].text.isascii():  # the role comes first, after وهو/وهي or with its article
        return (opened > 0 or words[0].norm.startswith("ال")) and _is(words[0], standing.private)
    for k, word in enumerate(words[:3]):  # "a wholesale food trader in ..."
        if word.norm in _EN_PREPOSITIONS:
            return False
        if word.norm in standing.private:  # the head of its phrase ("a resident of"), never
            return k + 1 == len(words) or words[k + 1].norm in _AFTER_HEAD  # a title's word
    return False


def voice_kind(claim: Claim, source: str) -> str | None:
    """What kind of voice a claim's party is, read from its span in `source` (the sentence the
    claim's offsets point into): "collective" (observers, residents), "private person" (a
    name with an apposition of ordinary life), "anonymous" (an unnamed source or official),
    or None for every other party."""
    if claim.voice != "attributed":
        return None
    standing = load_standing()
    text, after = claim.party, ""
    if claim.party_offsets is not None:
        start, end = claim.party_offsets
        text, after = source[start:end], source[end:]
    span = _words_of(tokenize(text))
    head = _head(span)
    owner = any(  # a body's members: "the mission's observers", "UN experts"
        t.norm.endswith(("'s", "’s")) or (len(t.text) > 1 and t.text.isupper()) for t in span
    )
    if head is not None and not owner and _is(head, standing.collective):
        return "collective"
    aged = any(_apposition(text[m.start() :], standing) for m in re.finditer(r"\(", text))
    if aged or _one_of(span, standing) or (after and _apposition(after, standing)):
        return "private person"
    if head is not None and _is(head, standing.anonymous):
        return "anonymous"
    return None


def _opens_with_dateline(source: str) -> bool:
    """True when the sentence opens with a dateline ("Gaza - ", "بيروت - (وكالات) -"): the
    lead sentence of news copy."""
    if source[:1].isascii():
        return english_dateline(source) is not None
    return skip_dateline(tokenize(source), frozenset(load_boilerplate().dateline_agencies)) > 0


def _lead(sources: Sequence[str]) -> set[int]:
    """The claims that make the article's lead: its first, and the one whose sentence carries
    the dateline when a kicker or a sub-headline comes before it."""
    return {0} | {i for i, text in enumerate(sources[:3]) if _opens_with_dateline(text)}


@dataclass(frozen=True)
class Voices:
    """Who a summary owes an item, and who is heard only by rank."""

    owed: tuple[str, ...]  # parties owed an item, in the article's order
    colour: frozenset[str]  # voices brought in for colour (their items go first when over budget)


def _headline_quotes(headline: str) -> list[str]:
    """The quotations of the headline (three words or more), folded, without punctuation."""
    quotes = [headline[a + 1 : b - 1] for a, b in quote_spans(headline)]
    return [_plain(q) for q in quotes if len(q.split()) >= 3]


def _plain(text: str) -> str:
    return " ".join(t.norm for t in _words_of(tokenize(text)))


def voices(
    claims: Sequence[Claim], sources: Sequence[str] | None = None, headline: str = ""
) -> Voices:
    """The parties a summary owes an item: every party but a voice brought in for colour (a
    collective or a private person, in any of its claims; an anonymous source the outlet only
    relays from another medium, in all of them), and the outlet only when it speaks in the
    article's lead. A voice whose words the headline quotes is owed its item all the same.
    `sources` are the claims' source sentences (their English when None); `headline` the
    headline and sub-headings (in the source language)."""
    texts = list(sources) if sources else [c.text for c in claims]
    kinds = [voice_kind(c, texts[i]) for i, c in enumerate(claims)]
    colour = {c.party for c, kind in zip(claims, kinds, strict=True) if kind in _COLOUR}
    relayed = {c.party for c, kind in zip(claims, kinds, strict=True) if kind == "anonymous"}
    colour |= relayed - {c.party for c in claims if c.via is None}  # (heard first-hand once)
    quoted = _headline_quotes(headline)
    colour -= {c.party for i, c in enumerate(claims) if any(q in _plain(texts[i]) for q in quoted)}
    lead = _lead(texts)
    opens = any(claims[i].voice != "attributed" for i in lead if i < len(claims))
    owed: list[str] = []
    for claim in claims:
        if claim.party in owed or claim.party in colour:
            continue
        if claim.voice == "attributed" or opens:
            owed.append(claim.party)
    return Voices(tuple(owed), frozenset(colour))
