"""Attribution over a document: every body sentence read in order, as one discourse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..lang.gazetteer import Gazetteer
from ..model import Attribution
from .arabic import ArabicReader
from .declarations import declares_an_act
from .discourse import OUTLET, Discourse, Entity, Reading
from .english import EnglishReader


def _english_signal(english: str, discourse: Discourse) -> Reading | None:
    """The English reading of a sentence, kept only when it names a gazetteer party; a rejected
    reading leaves the discourse as it was."""
    saved = discourse.snapshot()
    result = EnglishReader(english, discourse).read()
    if result.entity is not None and result.entity.entry is not None and result.span:
        return replace(result, construction="english-signal", cue_range=None, span_range=None)
    discourse.restore(saved)
    return None


def read_sentences(
    texts: Sequence[str],
    language: str,
    translations: Sequence[str] | None = None,
    parties_file: str | None = None,
) -> tuple[list[Attribution], Discourse]:
    """`attribute` over plain texts (sentence ids 0, 1, ...), with the bundled data and the
    user's parties file: the rules on sentences of your own."""
    from ..lang.gazetteer import load_gazetteer

    sentences = list(enumerate(texts))
    return attribute(sentences, language, load_gazetteer(parties_file), translations)


def attribute(
    sentences: Sequence[tuple[int, str]],
    language: str,
    gazetteer: Gazetteer,
    translations: Sequence[str] | None = None,
) -> tuple[list[Attribution], Discourse]:
    """Attribution for each (sentence id, text), in order (they form one discourse).

    For Arabic, `translations` (the English of each sentence) are a second signal: when the
    Arabic rules find no speaker but the English names a gazetteer party as the subject of a
    reporting verb, that party is taken.
    """
    discourse = Discourse(gazetteer)
    results = []
    for index, (sentence_id, text) in enumerate(sentences):
        reader: ArabicReader | EnglishReader = (
            ArabicReader(text, discourse) if language == "ar" else EnglishReader(text, discourse)
        )
        reading = reader.read()
        if reading.cue_range is not None and declares_an_act(text, reading.cue_range, language):
            reading = OUTLET  # "declared a state of emergency": an act the outlet reports
        elif reading.entity is None and language == "ar" and translations:
            reading = _english_signal(translations[index], discourse) or reading
        reader.mentions()
        results.append(_attribution(sentence_id, reading))
    return results, discourse


def _attribution(sentence_id: int, reading: Reading) -> Attribution:
    def key(entity: Entity | None) -> str | None:
        return entity.key if entity is not None else None

    return Attribution(
        sentence_id,
        key(reading.entity),
        reading.span,
        reading.cue,
        reading.kind,
        reading.construction if reading.entity is not None else "outlet",
        reading.cue_range,
        reading.span_range,
        key(reading.via),
        key(reading.also),
    )
