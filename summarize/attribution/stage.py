"""The attribution stages: who said what (attribute), then the claims (claims)."""

from __future__ import annotations

from dataclasses import replace

from ..lang.gazetteer import load_gazetteer
from ..model import Analysis, Attributions, Document, RunOptions
from .claims import OUTLET, claims_of, loaded_terms
from .engine import attribute
from .outlet import find_outlet


class AttributeStage:
    """Every body sentence's party, cue and kind; the parties met; the outlet as named."""

    name = "attribute"
    requires = frozenset({"sentences", "translations"})
    provides = frozenset({"attributions"})

    def __init__(self, options: RunOptions) -> None:
        self.parties_file = options.parties_file

    def __call__(self, document: Document) -> Document:
        gazetteer = load_gazetteer(self.parties_file)
        body = document.body()
        results, discourse = attribute(
            [(s.id, s.source) for s in body],
            document.source_language,
            gazetteer,
            [s.translation for s in body],
        )
        outlet = find_outlet(
            document.sentences, document.source_language, document.source.site_name
        )
        found = Attributions(tuple(results), discourse.parties(), outlet.source, outlet.name)
        return replace(document, attributions=found, provided=document.provided | self.provides)


class ClaimsStage:
    """One claim per body sentence, under its party's English name; and the loaded terms."""

    name = "claims"
    requires = frozenset({"attributions", "names"})
    provides = frozenset({"claims"})

    def __init__(self, options: RunOptions) -> None:
        self.outlet = options.outlet

    def __call__(self, document: Document) -> Document:
        found = document.attributions
        assert found is not None, "the claims stage runs after attribution"
        name = self.outlet or found.outlet_name
        outlet = name or OUTLET
        claims = claims_of(document.body(), found, dict(found.names), outlet)
        used_by = {c.sentence_ids[0]: c.party for c in claims if c.voice == "attributed"}
        analysis = Analysis(
            outlet=name,
            outlet_source=None if self.outlet else found.outlet_span,
            claims=tuple(claims),
            summary=(),
            loaded_terms=tuple(loaded_terms(document.sentences, used_by, outlet)),
        )
        return replace(document, analysis=analysis, provided=document.provided | self.provides)
