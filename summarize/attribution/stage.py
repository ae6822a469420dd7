"""The attribution stages: who said what (attribute), then the claims (claims)."""

from __future__ import annotations

from dataclasses import replace

from ..lang.boilerplate import load_boilerplate
from ..lang.gazetteer import load_gazetteer
from ..model import Analysis, Attributions, Document, RunOptions
from .claims import REPORT, claims_of, loaded_terms
from .cues import load_cues
from .engine import attribute
from .outlet import dateline_agency, find_outlet


class AttributeStage:
    """Every body sentence's party, cue and kind; the parties met; the outlet as named."""

    name = "attribute"
    requires = frozenset({"sentences", "translations"})
    provides = frozenset({"attributions"})

    def __init__(self, options: RunOptions) -> None:
        self.parties_file = options.parties_file

    def __call__(self, document: Document) -> Document:
        gazetteer = load_gazetteer(self.parties_file)
        rules = load_boilerplate()
        body = document.body()
        results, discourse = attribute(
            [(s.id, s.source) for s in body],
            document.source_language,
            load_cues(),
            gazetteer,
            [s.translation for s in body],
        )
        outlet = find_outlet(document.sentences, rules)
        agency = dateline_agency(document.sentences, rules) if outlet is None else None
        found = Attributions(tuple(results), discourse.parties(), outlet, agency)
        return replace(document, attributions=found, provided=document.provided | self.provides)


class ClaimsStage:
    """One claim per body sentence, under its party's English name; and the loaded terms."""

    name = "claims"
    requires = frozenset({"attributions", "names"})
    provides = frozenset({"claims"})

    def __call__(self, document: Document) -> Document:
        found = document.attributions
        assert found is not None, "the claims stage runs after attribution"
        outlet = found.outlet_name or REPORT
        claims = claims_of(document.body(), found, dict(found.names), outlet)
        used_by = {c.sentence_ids[0]: c.party for c in claims if c.voice == "attributed"}
        analysis = Analysis(
            outlet=found.outlet_name,
            claims=tuple(claims),
            summary=(),
            loaded_terms=tuple(loaded_terms(document.sentences, used_by, outlet)),
        )
        return replace(document, analysis=analysis, provided=document.provided | self.provides)
