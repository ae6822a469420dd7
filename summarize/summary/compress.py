"""Compression of a claim's content by rules over its structure (data/summary.yaml).

In order, until the content fits `target_words`: drop the adverbials that repeat the lead (days,
"in a statement issued on ...", "for its part"), asides in brackets and "as saying" relays;
then drop secondary clauses (", adding that ...", ", which ...", ", including ...", "; ..."),
first those that hold no number, negation or quotation, then the others; then a quotation of
several sentences that ends the item keeps its first sentence, marked "…". The core clause (up
to the first secondary clause) is never cut inside otherwise: its numbers, negations and the
verb's object stay. Only a core longer than `max_words` is cut, at a comma or where a clause
begins, and marked "…".

The rules read punctuation and a few function words, so they hold on machine-translated English.
"""

from __future__ import annotations

import re

from ..lang.quotes import quote_spans
from .settings import SummaryRules

_NEGATION = re.compile(r"\b(?:not|no|never|nor|without|none|neither)\b|n't\b", re.IGNORECASE)
_ASIDE = re.compile(r"\s*\((?![A-Z]{2,8}\))[^()]{10,}\)")  # not an acronym: "(SDF)" stays
_QUOTE_OPEN = '“«"'
# A medium's quoted name: capitalised words ("Al-Ghad", "Voice of the Nile"), never a sentence
_MEDIUM_NAME = r"[“\"«][A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|of|the|and|for)){0,4}[”\"»]"
# A platform's quoted name ("on its “Facebook” page"), a medium told ("in a statement to
# “Al-Ghad”") or named after its noun ("via its radio “Al-Andalus”"): no quotation that an
# adverbial must keep
_PLATFORM = re.compile(
    r"[“\"«][^”\"»]{1,25}[”\"»] (?=(?:page|platform|account|website|site|channel)\b)"
    rf"|(?:(?<=\bto )|(?<=\bwith )){_MEDIUM_NAME},?$"
    r"|(?:(?<=radio )|(?<=channel )|(?<=newspaper )|(?<=website )|(?<=agency ))"
    rf"{_MEDIUM_NAME},?$"
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
        comma = text.find(",", start + 1)
        while comma != -1 and (_inside_quotes(text, comma) or _in_number(text, comma)):
            comma = text.find(",", comma + 1)
        if opener in _PARENTHETICAL or _RESUMES.match(text, comma + 1):
            # a relative clause, or an aside after which the main clause resumes ("Fourteen
            # people, including five children, were killed"): up to its closing comma
            end = comma + 1 if comma != -1 and comma + 1 <= end else end  # with its comma
        spans.append((start, end))
    return spans


# After an aside's closing comma, the main clause's verb: the aside ends there
_RESUMES = re.compile(r" (?:was|were|is|are|has|have|had|will|would|did|\w+ed)\b")


def _in_number(text: str, comma: int) -> bool:
    """True for the comma of a figure ("850,000"), which never ends a clause."""
    return 0 < comma < len(text) - 1 and text[comma - 1].isdigit() and text[comma + 1].isdigit()


def _tidy(text: str) -> str:
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    return text.strip(" ,;")


_GONE = "\x00"  # where a dropped adverbial that opened with a comma stood
_OBJECT_AFTER = re.compile(
    f"{_GONE}+,(?= (?:the|a|an|its|his|her|their|this|these|those|some|several|\\d)\\b"
    "| (?:of|for|to|with|against|about|that)\\b)"  # "accused X, [in an interview], of Y"
)


def _drop_adverbials(text: str, rules: SummaryRules) -> str:
    text = f" {text}"
    for pattern in (*rules.drop_phrases, *rules.drop_phrases):  # one may uncover another
        text = pattern.sub(
            lambda m: (
                m.group(0)
                if _inside_quotes(m.string, m.start())
                or re.search(r"[\d“”\"«»]", _PLATFORM.sub("", m.group(0)))
                else _GONE
                if m.group(0).startswith(",")
                else ""
            ),
            text,
        )
    # an aside between two commas before the verb's object goes with both ("shelled, on
    # Monday, the villages"); before a clause of its own the second stays (", adding that")
    text = _OBJECT_AFTER.sub("", text).replace(_GONE, "")
    text = re.sub(r"^.{0,120}? as saying,? (?:that )?", "", text)  # "X as saying that ..."
    return _tidy(_ASIDE.sub("", text))


# Where a subordinate clause or phrase begins without a comma: a cut may fall before it
# ("... lost 5,500 megawatts | due to the decline ..."); never before a restrictive "which",
# "who", "until" or "because" (the point itself: "jailed because he said ..."). Also before a
# second predicate ("paid the teachers | and handed over ...", "to resolve it | and to spare
# ..."; never between paired participles: "killed and wounded") and a temporal clause ("toured
# the front | after the attack was repelled"; never after a measure: "two weeks after the")
CLAUSE_BREAK = re.compile(
    r"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen)"  # "is due to": the predicate
    r" (?=(?:due to|as a result of|in order to|so that|while|whereas|amid|following|"
    r"in protest|in response to|with the (?:participation|aim) of)\b)"
    r"|(?<!ed) (?=and (?:then |to )?(?!used\b|based\b|armed\b)[a-z]+ed\b|and to [a-z]+\b)"
    r"|(?<!days)(?<!eeks)(?<!nths)(?<!ears)(?<!ours)"
    r" (?=after (?:the|a|an|its|his|her|their|it|they|he|she) )"
)


def _cut(text: str, limit: int) -> str:
    """A core longer than `limit` words: cut at the last comma, or the last start of a clause,
    before the limit (past its middle), else at the limit; marked."""
    kept = " ".join(text.split()[:limit])
    breaks = [i for i, c in enumerate(kept) if c in ",;" and not _in_number(kept, i)]
    breaks += [m.start() for m in CLAUSE_BREAK.finditer(kept)]
    comma = max(breaks, default=-1)
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


def _shorten_places(text: str, rules: SummaryRules) -> str:
    """A place's kind before its name dropped ("in the town of Kafr Sous" -> "in Kafr Sous"),
    wordy connectives said short, and a second place that only locates the first dropped ("in
    Tel Abyad in the Upper Raqqa region" -> "in Tel Abyad"); never inside a quotation."""
    for pattern, short in rules.short_forms:
        for found in reversed(list(pattern.finditer(text))):
            if not _inside_quotes(text, found.start()):
                text = text[: found.start()] + short + text[found.end() :]
    for pattern in rules.place_refinements:
        for found in reversed(list(pattern.finditer(text))):
            start, end = found.span("drop")
            if not _inside_quotes(text, start):
                text = text[:start] + text[end:]
    return _tidy(text)


# A trailing adverbial of place or time: "... in the Metina area", "... since the start of the
# week", "... at the entrance to X" (a preposition that rarely heads the verb's own object).
_TRAILING = re.compile(
    r" (?:in|at|during|since|near|across|throughout|inside|amid|within|along|on the "
    r"(?:outskirts|edge|eve|sidelines|border|road|coast|beach)s?|from the (?:city|town|village)"
    r")\b[^,;:]*$"
)


# A word that makes a phrase a clause (a verb, a finite auxiliary, a relative): the phrase is
# no adverbial ("in the south of the valley has burned for days")
_CLAUSE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|be|been|that|which|who|whose|"
    r"where|when|while|\w+ed)\b",
)


# A word after which a place phrase is the verb's complement ("still living in tents", "carried
# out in", "were killed in"), not an adverbial
_COMPLEMENTED = re.compile(r"\b(?:\w+ing|\w+ed|is|are|was|were|be|been|out|up|off|down)$")


def _place_or_time(phrase: str, nouns: frozenset[str]) -> bool:
    """True when `phrase` names a place or a time: a capitalised name, or a noun of `nouns`."""
    tokens = re.findall(r"[\w'’-]+", phrase)
    return any(t[:1].isupper() or t.lower() in nouns for t in tokens[1:])


def _drop_trailing(text: str, limit: int, nouns: frozenset[str]) -> str:
    """While `text` is over `limit` words, its last adverbial of place or time goes, when it
    names a place or a time (`nouns`), holds no number, negation, quotation or verb, does not
    follow a verb or particle (whose complement it is), and at least ten words stay before it."""
    while words(text) > limit:
        starts = [m.start() for m in re.finditer(r" (?=\w)", text)]
        found = None
        for start in reversed(starts):
            tail = _TRAILING.match(text, start)
            if tail and tail.end() == len(text):
                found = tail
                break
        if (
            found is None
            or words(text[: found.start()]) < 10
            or _weighty(found.group(0))
            or _CLAUSE.search(found.group(0))
            or _COMPLEMENTED.search(text[: found.start()])
            or not _place_or_time(found.group(0), nouns)
            or _inside_quotes(text, found.start())
        ):
            return text
        # the second of two joined adverbials goes with its "and": "around X and in Y" -> "around X"
        text = re.sub(r"(?:,|\s+(?:and|or))+$", "", text[: found.start()].rstrip(" ,"))
    return text


# The end of a sentence inside a quotation, before the next one ('fifty. What are they ...')
_QUOTED_STOP = re.compile(r"[.?!](?= [A-Z])")


def _first_quoted_sentence(text: str) -> str:
    """A quotation of several sentences that ends `text`, kept to its first sentence (of five
    words or more) and marked "…" inside it ('told X: "We live without power. What are they
    waiting for?"' -> 'told X: "We live without power. …"'); any other text as it is."""
    spans = [s for s in quote_spans(text) if not text[s[1] :].strip(" .")]
    if not spans:
        return text
    start, end = min(spans)  # the outermost quotation that ends the text
    for stop in _QUOTED_STOP.finditer(text, start + 1, end - 1):
        if words(text[start : stop.start()]) >= 5:
            return f"{text[: stop.end()]} …{text[end - 1]}"
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
    # a comma before a closing quotation mark belongs to the sentence: 'so far", affirming'
    text = re.sub(r",([”\"»]) (?=[a-z])", r"\1, ", text)
    text = _drop_adverbials(text, rules)
    if known:
        text = _tidy(_drop_known_places(text, known))
    if words(text) <= budget:
        return text
    text = _shorten_places(_tidy(_drop_appositions(text)), rules)
    if words(text) <= budget:
        return text
    spans = _secondary(text, rules)
    for weighty in (False, True):  # light clauses go first, the last first
        for start, end in reversed(list(spans)):
            if words(text) <= budget:
                break
            if words(text[:start]) <= 3 and re.search(r"\w+ed$", text[:start]):
                continue  # "Algerians lived, with ...": a bare subject and verb need what follows
            if _weighty(text[start:end]) == weighty:
                text = text[:start] + text[end:]
                spans = _secondary(text, rules)
    text = _tidy(text)
    if words(text) > budget:
        text = _first_quoted_sentence(text)
    if words(text) > limit:
        text = _drop_trailing(text.rstrip("."), limit, rules.place_time_nouns)
    return _cut(text, limit) if words(text) > limit else text
