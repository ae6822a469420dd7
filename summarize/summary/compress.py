"""Compression of a claim's content by rules over its structure (data/summary.yaml).

In order, until the content fits `target_words`: drop the adverbials that repeat the lead (days,
"in a statement issued on ...", "for its part"), asides in brackets and "as saying" relays;
then drop secondary clauses (", adding that ...", ", which ...", ", including ...", "; ..."),
first those that hold no number, negation or quotation, then the others. The core clause (up to
the first secondary clause) is never cut inside: its numbers, negations, quotations and the
verb's object stay. Only a core longer than `max_words` is cut, at a comma, and marked "…".

The rules read punctuation and a few function words, so they hold on machine-translated English.
"""

from __future__ import annotations

import re

from .settings import SummaryRules

_NEGATION = re.compile(r"\b(?:not|no|never|nor|without|none|neither)\b|n't\b", re.IGNORECASE)
_ASIDE = re.compile(r"\s*\((?![A-Z]{2,8}\))[^()]{10,}\)")  # not an acronym: "(SDF)" stays
_QUOTE_OPEN = '“«"'
# A platform's quoted name ("on its “Facebook” page"): no quotation that an adverbial must keep
_PLATFORM = re.compile(
    r"[“\"«][^”\"»]{1,25}[”\"»] (?=(?:page|platform|account|website|site|channel)\b)"
)


def words(text: str) -> int:
    """How many words `text` has."""
    return len(text.split())


def _weighty(clause: str) -> bool:
    """A clause that holds a number, a negation or a quotation (dropped last)."""
    return bool(
        re.search(r"\d", clause) or _NEGATION.search(clause) or any(q in clause for q in '“«"')
    )


def _inside_quotes(text: str, position: int) -> bool:
    before = text[:position]
    opened = sum(before.count(q) for q in "“«") - sum(before.count(q) for q in "”»")
    return opened > 0 or before.count('"') % 2 == 1


_PARENTHETICAL = ("which", "who", "whose", "whom", "where")  # close at the next comma


def _secondary(text: str, rules: SummaryRules) -> list[tuple[int, int]]:
    """Where the secondary clauses stand, in order: a relative clause up to the next comma (it
    may sit inside the sentence: "the resolution, which ..., comes"), any other up to the next
    secondary clause (", describing them as ..., noting that ..." are two)."""
    openers = "|".join(re.escape(o) for o in rules.secondary_openers)
    pattern = re.compile(rf"(?:,|;| -) (?=((?:{openers})\b|[a-z]+ing\b))|; ", re.IGNORECASE)
    starts = [
        (m.start(), (m.group(1) or "").lower())
        for m in pattern.finditer(text)
        if not _inside_quotes(text, m.start())
        and (m.group(1) or "").lower() not in rules.not_participles
        and not _in_number(text, m.start())
    ]
    spans: list[tuple[int, int]] = []
    for index, (start, opener) in enumerate(starts):
        if spans and start < spans[-1][1]:
            continue
        following = [s for s, _ in starts[index + 1 :]]
        end = following[0] if following else len(text)
        if opener in _PARENTHETICAL:
            comma = text.find(",", start + 1)
            while comma != -1 and (_inside_quotes(text, comma) or _in_number(text, comma)):
                comma = text.find(",", comma + 1)
            end = comma + 1 if comma != -1 and comma + 1 <= end else end  # with its comma
        spans.append((start, end))
    return spans


def _in_number(text: str, comma: int) -> bool:
    """True for the comma of a figure ("850,000"), which never ends a clause."""
    return 0 < comma < len(text) - 1 and text[comma - 1].isdigit() and text[comma + 1].isdigit()


def _tidy(text: str) -> str:
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    return text.strip(" ,;")


def _drop_adverbials(text: str, rules: SummaryRules) -> str:
    text = f" {text}"
    for pattern in (*rules.drop_phrases, *rules.drop_phrases):  # one may uncover another
        text = pattern.sub(
            lambda m: (
                m.group(0)
                if _inside_quotes(m.string, m.start())
                or re.search(r"[\d“”\"«»]", _PLATFORM.sub("", m.group(0)))
                else ""
            ),
            text,
        )
    text = re.sub(r"^.{0,120}? as saying,? (?:that )?", "", text)  # "X as saying that ..."
    return _tidy(_ASIDE.sub("", text))


def _cut(text: str, limit: int) -> str:
    """A core longer than `limit` words: cut at the last comma before the limit, marked."""
    kept = " ".join(text.split()[:limit])
    commas = [i for i, c in enumerate(kept) if c in ",;" and not _in_number(kept, i)]
    comma = commas[-1] if commas else -1
    if comma > len(kept) // 2:
        kept = kept[:comma]  # (inside a quotation too: the cut is marked, the quote closed)
    kept = kept.rstrip(" ,;")
    opened = sum(kept.count(q) for q in "“«") - sum(kept.count(q) for q in "”»")
    closing = "”" * max(0, opened) + ('"' if kept.count('"') % 2 else "")
    return f"{kept}{closing} …"


# A place phrase: "in the eastern countryside of Hama", "near the border crossing" (no number,
# no quotation, no comma), up to the end of its clause.
_PLACE = re.compile(
    r"(?<=\w) (?:in|on|at|near|across|throughout|inside|along) (?:the |its |their )?"
    r"[^,;:\d“”\"«»()]{3,70}?(?=[,;.]|$)"
)


def _drop_known_places(text: str, known: frozenset[str]) -> str:
    """Place phrases whose every word the lead already gave ("in the eastern Deir ez-Zor
    countryside" after a lead that named it), after the clause's first six words (never the
    verb's own complement: "arrived in Gaza" keeps it when the clause is that short), never the
    first item of a list."""
    for found in reversed(list(_PLACE.finditer(text))):
        head = text[: found.start()]
        if len(head.split()) < 6 or _inside_quotes(text, found.start()):
            continue
        if re.match(r",\s*[A-Z]|,?\s*(?:and|or)\b", text[found.end() :]):
            continue  # "in Deir ez-Zor, Hasakah and other villages": the first of a list
        place = set(re.findall(r"[\w'’-]+", found.group(0).lower())[1:])
        place -= {"the", "its", "their", "of", "and", "a", "an"}
        if place and place <= known:
            text = head + text[found.end() :]
    return text


# An apposition after a name: "Omar Haddad, a member of the budget committee, filed ..."
_APPOSITION = re.compile(r", (?:a|an|the) [^,;:“”\"«»()]{3,80}?,(?= (?!and\b|or\b)[a-z])")
_SPEECH = re.compile(r"\b(?:said|says|told|added|stated|announced|reported|noted)\b")


def _drop_appositions(text: str) -> str:
    """Appositions between commas after a capitalised name, before a word in lower case (the
    verb or the rest of the clause; never a list: "A, B, the C, and D"), holding no speech
    verb; not after a name that is itself an apposition ("the head, Sami Idris, the ...")."""
    for found in reversed(list(_APPOSITION.finditer(text))):
        before = text[: found.start()].split()
        if (
            before
            and before[-1][:1].isupper()
            and "," not in " ".join(before[-4:])
            and not _SPEECH.search(found.group(0))
            and not _inside_quotes(text, found.start())
        ):
            text = text[: found.start()] + text[found.end() - 1 :].lstrip(",")
    return text


def compress(
    text: str,
    rules: SummaryRules,
    budget: int | None = None,
    limit: int | None = None,
    known: frozenset[str] = frozenset(),
) -> str:
    """`text` shortened to about `budget` words (default: the rules' target), and never more
    than `limit` (default: the rules' maximum); `known` are the lead's words (lower-cased): a
    place phrase made of them repeats the lead and goes."""
    budget = budget or rules.target_words
    limit = limit or rules.max_words
    text = _drop_adverbials(text, rules)
    if known:
        text = _tidy(_drop_known_places(text, known))
    if words(text) <= budget:
        return text
    text = _tidy(_drop_appositions(text))
    if words(text) <= budget:
        return text
    spans = _secondary(text, rules)
    for weighty in (False, True):  # light clauses go first, the last first
        for start, end in reversed(list(spans)):
            if words(text) <= budget:
                break
            if _weighty(text[start:end]) == weighty:
                text = text[:start] + text[end:]
                spans = _secondary(text, rules)
    text = _tidy(text)
    return _cut(text, limit) if words(text) > limit else text
