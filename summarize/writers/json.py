"""JSON, following schema/document.schema.json (schema_version 1)."""

from __future__ import annotations

import json
from typing import Any

from ..model import Analysis, Document

SCHEMA_VERSION = 1


def _analysis_dict(analysis: Analysis) -> dict[str, Any]:
    return {
        "outlet": analysis.outlet,
        "outlet_source": analysis.outlet_source,
        "claims": [
            {
                "id": c.id,
                "sentence_ids": list(c.sentence_ids),
                "voice": c.voice,
                "party": c.party,
                "party_source": c.party_source,
                "cue": c.cue,
                "kind": c.kind,
                "text": c.text,
                "quotes": list(c.quotes),
                "via": c.via,
                "also": c.also,
                "construction": c.construction,
                "cue_offsets": list(c.cue_offsets) if c.cue_offsets else None,
                "party_offsets": list(c.party_offsets) if c.party_offsets else None,
            }
            for c in analysis.claims
        ],
        "summary": [
            {
                "text": i.text,
                "party": i.party,
                "claim_ids": list(i.claim_ids),
                "sentence_ids": list(i.sentence_ids),
                "origin": i.origin,
            }
            for i in analysis.summary
        ],
        "disputes": [
            {
                "what": d.what,
                "label": d.label,
                "accounts": [
                    {"party": a.party, "figure": a.figure, "claim_ids": list(a.claim_ids)}
                    for a in d.accounts
                ],
            }
            for d in analysis.disputes
        ],
        "loaded_terms": [
            {
                "term": t.term,
                "sentence_id": t.sentence_id,
                "used_by": t.used_by,
                "in_quotes": t.in_quotes,
            }
            for t in analysis.loaded_terms
        ],
    }


def to_dict(document: Document) -> dict[str, Any]:
    """The JSON form of a document (schema_version 1)."""
    data = _base_dict(document)
    if document.analysis is not None:
        data.update(_analysis_dict(document.analysis))
    return data


def _base_dict(document: Document) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "source_language": document.source_language,
        "source": _source(document),
        "models": _models(document),
        "sentences": [
            {
                "id": s.id,
                "paragraph": s.paragraph,
                "kind": s.kind,
                "source": s.source,
                "translation": s.translation,
                "pieces": s.pieces,
                "redecoded": s.redecoded,
                "confidence": s.confidence,
                "low_confidence": s.low_confidence,
            }
            for s in document.sentences
        ],
        "warnings": list(document.warnings),
    }


def _source(document: Document) -> dict[str, Any]:
    info = document.source
    return {
        "name": document.name,
        "type": info.kind,
        "encoding": document.encoding,
        "url": info.url,
        "site_name": info.site_name,
        "author": info.author,
        "date": info.date,
        "title": info.title,
    }


def _models(document: Document) -> dict[str, Any]:
    models = document.models
    found: dict[str, Any] = {"translator": models.translator}
    if models.translator_engine is not None:
        found["translator_engine"] = models.translator_engine
    if models.summarizer is not None:
        found["summarizer"] = models.summarizer.label
    return found


def render(document: Document) -> str:
    """The document as JSON text."""
    return json.dumps(to_dict(document), ensure_ascii=False, indent=2) + "\n"
