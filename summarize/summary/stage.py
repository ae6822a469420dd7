"""The rules summary as a pipeline stage (the LLM summary, llm.LLMSummarizer, follows it)."""

from __future__ import annotations

from dataclasses import replace

from ..model import Document, SummarizerReport
from .disputes import dispute_item, find_denials, find_disputes
from .rules import summarize_claims


class RulesSummaryStage:
    """3 to 8 neutral items over the claims, every party heard, and an item per dispute."""

    name = "summary"
    requires = frozenset({"claims"})
    provides = frozenset({"summary"})

    def __call__(self, document: Document) -> Document:
        analysis = document.analysis
        assert analysis is not None, "the summary stage runs after the claims stage"
        headings = [s.source for s in document.sentences if s.kind in {"headline", "heading"}]
        sources = [s.source for s in document.body()]
        items = summarize_claims(analysis.claims, " ".join(headings), sources)
        disputes = find_disputes(analysis.claims, sources) + find_denials(analysis.claims, sources)
        for dispute in disputes:  # side by side, after the first item of a party involved
            item = dispute_item(dispute, analysis.claims)
            if dispute.what == "statement":  # a claim and its denial: one item says both
                alone = [i for i, x in enumerate(items) if set(x.claim_ids) <= set(item.claim_ids)]
                if alone:
                    items = [x for i, x in enumerate(items) if i not in alone]
                    items.insert(alone[0], item)
                    continue
            involved = {a.party for a in dispute.accounts}
            at = next((i + 1 for i, x in enumerate(items) if x.party in involved), 0)
            items.insert(at, item)
        return replace(
            document,
            analysis=replace(analysis, summary=tuple(items), disputes=tuple(disputes)),
            models=replace(document.models, summarizer=SummarizerReport()),
            provided=document.provided | self.provides,
        )
