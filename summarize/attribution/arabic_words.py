"""Word-level helpers of the Arabic reader: phrases, datelines, content words, quotations."""

from __future__ import annotations

from collections.abc import Sequence

from ..lang.arabic import QUOTE_MARKS, Token, strip_prefix
from .lexicon_ar import ArabicLexicon, Phrase

COMMAS = {"،", ",", "؛", ";"}
DASHES = {"-", "–", "—"}
ENDS = {":", ".", "؟", "!", "?"}
_ATTACHED_L = {"ل", "لـ"}


def content_words(tokens: Sequence[Token], lex: ArabicLexicon) -> set[str]:
    """Content words of a span (folded, without the article or a leading و): what later
    mentions of the same party share."""
    words = set()
    for token in tokens:
        if not token.norm.isalnum() or token.norm in lex.function_words:
            continue
        norm = token.norm[1:] if token.norm.startswith("وال") else token.norm  # والفرجاني
        if token.text.endswith(("اً", "ًا")) and len(norm) > 3:
            norm = norm[:-1]  # مصدراً حكومياً: the accusative ending, not the word's letter
        word = norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm
        word = word[1:] if word.startswith("و") and len(word) > 3 else word
        words.add(word)
    return words


def among(norm: str, vocabulary: frozenset[str]) -> bool:
    """True when the folded word, without its clitics or with them, is in `vocabulary` (بيان is
    not ب + يان, وبالبيان is و + ب + البيان)."""
    return (
        norm in vocabulary
        or base(norm) in vocabulary
        or any(form in vocabulary for form in strip_prefix(norm))
    )


def document_word(norm: str, documents: frozenset[str]) -> str | None:
    """The document a word names, without clitics, article or possessive pronoun (وبالبيان,
    بيان, البيان, بيانها -> بيان); None when it names none."""
    forms = (norm, *strip_prefix(norm), base(norm))
    owned = [  # with a possessive pronoun: تقريرها، بيانهم، حصيلتها (its own report, toll)
        stem[:-1] + "ه" if stem.endswith("ت") else stem
        for f in forms
        for suffix in ("هما", "هم", "ها", "ه", "نا")
        if f.endswith(suffix) and len(stem := f[: -len(suffix)]) >= 3
    ]
    for form in (*forms, *(f[:-1] for f in forms if f.endswith("ا")), *owned):  # بياناً
        if form in documents:
            return form[2:] if form.startswith("ال") else form
    return None


def base(norm: str) -> str:
    """A folded word without its clitics and article (وبالبيان -> بيان, للوزارة -> وزاره)."""
    for clitic in (
        "وبال",
        "فبال",
        "وال",
        "فال",
        "بال",
        "كال",
        "لل",
        "ال",
        "وب",
        "ول",
        "و",
        "ب",
        "ل",
    ):
        if norm.startswith(clitic) and len(norm) > len(clitic) + 1:
            norm = norm[len(clitic) :]
            break
    return norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm


_DEFINITE = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال")


def definite(norm: str) -> bool:
    """True when the folded word carries the article, alone or behind a clitic (الوزارة،
    والطوارئ، بالوزارة، للانتخابات); a short word that only starts with the letters is not
    one (فال، بالي)."""
    return norm.startswith("ال") or any(
        norm.startswith(prefix) and len(norm) > len(prefix) + 2 for prefix in _DEFINITE
    )


def phrase_at(tokens: Sequence[Token], index: int, phrases: tuple[Phrase, ...]) -> int:
    """Length in tokens of the phrase starting at `index` (0 if none). A final ل may be attached
    to the next word (وفقاً لمكتب)."""
    if index >= len(tokens):
        return 0
    for phrase in sorted(phrases, key=len, reverse=True):
        size = len(phrase)
        if index + size > len(tokens) + (1 if phrase[-1] in _ATTACHED_L else 0):
            continue
        if phrase[0] not in strip_prefix(tokens[index].norm, ("و", "ف")):
            continue
        middle = [tokens[index + k].norm for k in range(1, size) if index + k < len(tokens)]
        if phrase[-1] in _ATTACHED_L:
            if list(phrase[1:-1]) == middle[: size - 2] and index + size - 1 < len(tokens):
                following = tokens[index + size - 1].norm
                if following.startswith("ل") or following in _ATTACHED_L:
                    return size - 1 if following not in _ATTACHED_L else size
            continue
        if list(phrase[1:]) == middle:
            return size
    return 0


def skip_dateline(tokens: Sequence[Token], agencies: frozenset[str]) -> int:
    """Index after a dateline or source line that opens a sentence: "بغداد -", "بغداد-واع",
    "طرابلس - (وكالات) -", "شفق نيوز/", "بيروت - «الخليج»، وكالات:", "الموقع نت| صنعاء:"."""
    colon = next((k for k in range(min(len(tokens), 9)) if tokens[k].text == ":"), None)
    if colon is not None and any(t.text in DASHES or t.text in "|/" for t in tokens[:colon]):
        return colon + 1  # a place and sources, then a colon: the sentence starts after it
    return _skip_place(tokens, agencies)


def _skip_place(tokens: Sequence[Token], agencies: frozenset[str]) -> int:
    if tokens and "-" in tokens[0].text:  # بغداد-واع أعلنت ...: one token
        right = tokens[0].norm.rsplit("-", 1)[-1]
        if right in agencies or len(right) <= 4:
            return 1
    for index in range(min(len(tokens), 5)):
        text = tokens[index].text
        if text == "/" and index > 0:
            return index + 1
        if text not in DASHES or index == 0:
            continue
        after = index + 1
        if after < len(tokens) and tokens[after].text == "(":
            close = next(
                (k for k in range(after, min(len(tokens), after + 6)) if tokens[k].text == ")"),
                None,
            )
            if close is not None:
                after = close + 1
        elif after < len(tokens) and tokens[after].norm in agencies:
            after += 1  # بغداد-واع: the agency after the place
        if after < len(tokens) and tokens[after].text in DASHES:
            after += 1
        return after
    return 0


def quoted(tokens: Sequence[Token]) -> list[bool]:
    """For each token, whether it stands inside a quotation (by quote-mark tokens)."""
    inside = []
    depth = 0
    for token in tokens:
        if token.norm in "«“„‹":
            depth += 1
            inside.append(True)
            continue
        if token.norm in "»›" and depth:
            depth -= 1
            inside.append(True)
            continue
        if token.norm in {'"', "”"}:
            depth = 0 if depth else 1
            inside.append(True)
            continue
        inside.append(depth > 0)
    return inside


def is_quote(token: Token) -> bool:
    """True for a quotation mark."""
    return token.norm in QUOTE_MARKS
