"""The translation stages: sentences translated (or English passed through), parties named."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lang.langid import is_english
from ..model import Document, ModelsUsed, Progress
from .translator import Translation, Translator

if TYPE_CHECKING:
    from ..lang.glossary import Glossary, GlossaryEntry

log = logging.getLogger(__name__)


class TranslateStage:
    """Every unit but boilerplate translated, in order; re-decodes and splits become warnings."""

    name = "translate"
    requires = frozenset({"sentences"})
    provides = frozenset({"translations"})

    def __init__(
        self,
        translator: Translator,
        progress: Progress | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        self.translator = translator
        self.progress = progress
        self.glossary = glossary

    def _protected(self, units: list[str]) -> tuple[list[str], list[list[GlossaryEntry]]]:
        """The units as the model gets them (glossary terms replaced by their English) and the
        terms each must show."""
        if self.glossary is None:
            return units, [[] for _ in units]
        done = [self.glossary.protect(u) for u in units]
        return [d[0] for d in done], [d[1] for d in done]

    def __call__(self, document: Document) -> Document:
        sentences = document.sentences
        # Boilerplate (subscribe prompts, "read also" links) is recognised, never translated;
        # English sentences in an Arabic article are kept as written.
        english = {s.id for s in sentences if s.kind != "boilerplate" and is_english(s.source)}
        wanted = [s.id for s in sentences if s.kind != "boilerplate" and s.id not in english]
        units, expected = self._protected([sentences[i].source for i in wanted])
        translated = dict(zip(wanted, self.translator.translate(units, self.progress), strict=True))
        missing = [
            f"sentence {i}: glossary term not in the translation ({e.source} -> {e.english})"
            for i, terms in zip(wanted, expected, strict=True)
            for e in terms
            if e.english.lower() not in translated[i].text.lower()
        ]
        for i in english:
            translated[i] = Translation(sentences[i].source, 1, False, None, ())
        untranslated = Translation("", 1, False, None, ())
        results = [translated.get(s.id, untranslated) for s in sentences]
        floor = self.translator.spec.min_confidence
        filled = tuple(
            replace(
                s,
                translation=t.text,
                pieces=t.pieces,
                redecoded=t.redecoded,
                confidence=t.confidence,
                low_confidence=t.confidence is not None and t.confidence < floor,
            )
            for s, t in zip(sentences, results, strict=True)
        )
        warnings = (
            [f"sentence {i}: in English, kept as written (not translated)" for i in sorted(english)]
            + [
                f"sentence {s.id}: re-decoded by the repetition guard ({t.redecode_reason})"
                for s, t in zip(filled, results, strict=True)
                if t.redecode_reason
            ]
            + [
                f"sentence {s.id}: longer than the model's input limit, "
                f"translated in {s.pieces} pieces"
                for s in filled
                if s.pieces > 1
            ]
            + missing
            + [
                f"sentence {s.id}: low translation confidence, double-check it "
                f"({s.confidence:.2f}, under {floor:g})"
                for s in filled
                if s.low_confidence
            ]
        )
        for warning in grouped(warnings):
            log.warning("%s: %s", document.name, warning)  # in batch, which file
        memory = self.translator.memory
        if memory is not None and memory.problem:  # (logged once, when it happened)
            warnings.append(memory.problem)
        models = ModelsUsed(self.translator.spec.id, self.translator.describe())
        return replace(
            document,
            sentences=filled,
            models=models,
            warnings=(*document.warnings, *warnings),
            provided=document.provided | self.provides,
        )


def grouped(warnings: list[str], shown: int = 8) -> list[str]:
    """Per-sentence warnings as one line per kind ("sentences 1, 2, 5 and 37 more: re-decoded
    by the repetition guard"): a long article's log stays readable; the JSON keeps each."""
    kinds: dict[str, list[str]] = {}
    for warning in warnings:
        head, _, rest = warning.partition(": ")
        if not head.startswith("sentence ") or not rest:
            kinds.setdefault(warning, [])
            continue
        kind = re.sub(r"\(.*\)$", "", rest).strip()
        kinds.setdefault(kind, []).append(head.removeprefix("sentence "))
    lines = []
    for kind, ids in kinds.items():
        if len(ids) <= 1:
            lines.append(f"sentence {ids[0]}: {kind}" if ids else kind)
            continue
        more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
        lines.append(f"sentences {', '.join(ids[:shown])}{more}: {kind}")
    return lines


class EnglishStage:
    """English input passes through untranslated (boilerplate is left out, as when translating)."""

    name = "translate"
    requires = frozenset({"sentences"})
    provides = frozenset({"translations"})

    def __call__(self, document: Document) -> Document:
        sentences = tuple(
            replace(s, translation="" if s.kind == "boilerplate" else s.source)
            for s in document.sentences
        )
        return replace(
            document,
            sentences=sentences,
            models=ModelsUsed(translator=None),
            provided=document.provided | self.provides,
        )


_ARABIC = re.compile(r"[\u0600-\u06ff]")


def usable_name(english: str | None, span: str) -> str | None:
    """A translated name, when it can stand as one: not empty, no Arabic script left, at most
    three words per word of the span (and 12 in all), no word three times (a decoding loop)."""
    if english is None:
        return None
    name = english.strip(" .,;:")
    words = name.split()
    if not words or _ARABIC.search(name) or not any(c.isalpha() for c in name):
        return None
    if len(words) > min(12, 3 * len(span.split()) + 1):
        return None
    if max(words.count(w) for w in words) >= 3:
        return None
    return name


class NameStage:
    """English names for the parties the gazetteer does not know, and for the outlet: their
    Arabic spans translated in one call (English input keeps its spans)."""

    name = "name"
    requires = frozenset({"attributions"})
    provides = frozenset({"names"})

    def __init__(self, translator: Translator | None, glossary: Glossary | None = None) -> None:
        self.translator = translator
        self.glossary = glossary

    def _translate(self, spans: list[str], language: str) -> list[str]:
        """Each span's English name: the translation where usable, else the span as written
        (Arabic script is honest; a runaway or mixed-script translation is not a name)."""
        if language != "ar" or self.translator is None or not spans:
            return spans
        english = self.translator.translate_names(spans)
        names = [usable_name(e, span) for e, span in zip(english, spans, strict=True)]
        for span, name in zip(spans, names, strict=True):
            if name is None:
                log.info("party name: kept the Arabic span %r (no usable translation)", span)
        return [name or span for name, span in zip(names, spans, strict=True)]

    def __call__(self, document: Document) -> Document:
        found = document.attributions
        assert found is not None, "the name stage runs after attribution"
        names = {p.key: p.name for p in found.parties if p.name}
        missing = [p for p in found.parties if not p.name]
        spans = [max(p.spans, key=len) for p in missing]
        unknown_outlet = found.outlet_span is not None and found.outlet_known is None
        if unknown_outlet:
            spans.append(str(found.outlet_span))
        english = self._translate(spans, document.source_language)
        for party, name in zip(missing, english, strict=False):
            names[party.key] = name
        if self.glossary is not None:  # the user's names win, known parties included
            for party in found.parties:
                chosen = [g for s in party.spans if (g := self.glossary.name_for(s))]
                if chosen:
                    names[party.key] = chosen[0]
        outlet = english[-1] if unknown_outlet and english else found.outlet_known
        if self.glossary is not None and found.outlet_span:
            outlet = self.glossary.name_for(found.outlet_span) or outlet
        named = replace(found, names=tuple(names.items()), outlet_name=outlet or None)
        return replace(document, attributions=named, provided=document.provided | self.provides)
