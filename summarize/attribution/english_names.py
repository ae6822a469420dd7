"""English persons named by title and personal name ("Italian Interior Minister Gianluca
Moretti"): registered so that later short forms ("Moretti", "the Italian minister") resolve to
them."""

from __future__ import annotations

import re

from ..lang import gazetteer as gz
from ..lang.gazetteer import match_english
from .lexicon_en import EnglishLexicon

DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "this", "that", "these", "our"}
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’-]+|(?:al|el)-[A-Z]?[a-z'’-]+|bin|ben|ould|Ould|Abu)$")
_GAP = re.compile(r"^\s+$")
_PARTICLES = {"bin", "ben", "ould", "abu"}  # inside a name, never its end


class _Words:
    """A sentence's words with their offsets (a possessive's 's left out of the word)."""

    def __init__(self, text: str, lex: EnglishLexicon) -> None:
        self.text, self.lex = text, lex
        self.spans = [(m.start(), m.end()) for m in re.finditer(r"[\w'’-]+", text)]
        self.words = [text[a:b].removesuffix("'s").removesuffix("’s") for a, b in self.spans]

    def joined(self, a: int, b: int) -> bool:
        """True when words a and b stand next to each other (no punctuation between)."""
        return bool(_GAP.match(self.text[self.spans[a][1] : self.spans[b][0]]))

    def title(self, k: int) -> bool:
        """True when word k is a person's title ("Minister", "Secretary-General")."""
        return bool(self.lex.person_titles.fullmatch(self.words[k].split("-")[-1]))

    def name_end(self, i: int) -> int:
        """The end of the personal name after the title at i (i + 1 when there is none)."""
        end = i + 1
        while end < len(self.words) and end - i <= 4 and self.joined(end - 1, end):
            word = self.words[end]
            if (
                not _NAME_WORD.match(word)
                or self.title(end)
                or self.lex.institutions.fullmatch(word)
                or word.lower() in self.lex.time_words
            ):
                break
            end += 1
            if self.spans[end - 1][1] - self.spans[end - 1][0] > len(word):
                break  # "Gallant's office": the name ends at its possessive
        while end > i + 1 and self.words[end - 1].lower() in _PARTICLES:
            end -= 1  # a name ends on a name ("... bin" is not one)
        return end

    def modifiers_start(self, i: int) -> int:
        """Where the title at i begins with its modifiers: capitalised words and institution
        words ("Sudanese army spokesman"), or lowercase words after a determiner ("the
        opposition candidate")."""
        start = i
        while start > 0 and i - start < 4 and self.joined(start - 1, start):
            word = self.words[start - 1]
            capital = word[:1].isupper() and word.lower() not in self.lex.stop_words
            if not (capital and word.lower() not in DETERMINERS) and not (
                self.lex.institutions.fullmatch(word)
            ):
                break
            start -= 1
        before = start
        while before > 0 and start - before < 3 and self.joined(before - 1, before):
            word = self.words[before - 1]
            if word.lower() in DETERMINERS:
                return before
            if not word.isalpha() or not word.islower() or word in self.lex.stop_words:
                break
            before -= 1
        return start


def titled_persons(text: str, lex: EnglishLexicon, gazetteer: gz.Gazetteer) -> list[str]:
    """Persons a sentence names by title and personal name: "Italian Interior Minister Gianluca
    Moretti", "Sudanese army spokesman Nabil Abdallah", "President Saied". A capitalised title
    may take a one-word name, a lowercase one needs two words ("spokesman Nabil Abdallah",
    never "spokesman Monday"). A title and name the gazetteer knows ("General Security", a
    listed leader) are its party, not a new person."""
    words = _Words(text, lex)
    found = []
    for i, word in enumerate(words.words):
        if not words.title(i):
            continue
        end = words.name_end(i)
        if end - (i + 1) < (1 if word[:1].isupper() else 2):
            continue
        if match_english(text[words.spans[i][0] : words.spans[end - 1][1]], gazetteer):
            continue
        start = words.modifiers_start(i)
        found.append(text[words.spans[start][0] : words.spans[end - 1][0]] + words.words[end - 1])
    return found
