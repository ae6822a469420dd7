"""The rules summary as a pipeline stage (the LLM summary, llm.LLMSummarizer, follows it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Claim, Dispute, Document, SummarizerReport, SummaryItem
from .disputes import dispute_item, find_denials, find_disputes, with_denial
from .rules import summarize_claims


class RulesSummaryStage:
    """3 to 8 neutral items over the claims, every party owed one heard, an item per dispute."""

    name = "summary"
    requires = frozenset({"claims"})
    provides = frozenset({"summary"})

    def __call__(self, document: Document) -> Document:
        analysis = document.analysis
        assert analysis is not None, "the summary stage runs after the claims stage"
        headings = [s.source for s in document.sentences if s.kind in {"headline", "heading"}]
        sources = [s.source for s in document.body()]
        disputes = find_disputes(analysis.claims, sources) + find_denials(analysis.claims, sources)
        items, merged = self._items(analysis.claims, disputes, headings, sources, 0)
        if merged:  # a claim and its denial took one item: the article still needs its count
            items, _ = self._items(analysis.claims, disputes, headings, sources, merged)
        return replace(
            document,
            analysis=replace(analysis, summary=tuple(items), disputes=tuple(disputes)),
            models=replace(document.models, summarizer=SummarizerReport()),
            provided=document.provided | self.provides,
        )

    @staticmethod
    def _items(
        claims: Sequence[Claim],
        disputes: Sequence[Dispute],
        headings: Sequence[str],
        sources: Sequence[str],
        extra: int,
    ) -> tuple[list[SummaryItem], int]:
        """The items with each dispute's item placed, and how many items the disputes merged
        (a claim and its denial, each an item of its own, become one)."""
        denials = frozenset(  # a denial stands alone, to be set beside what it denies
            i for d in disputes if d.what == "statement" for i in d.accounts[-1].claim_ids
        )
        items = summarize_claims(claims, " ".join(headings), sources, extra=extra, unpaired=denials)
        merged = 0
        for dispute in disputes:  # side by side, after the first item of a party involved
            item = dispute_item(dispute, claims)
            if dispute.what == "statement":  # a claim and its denial: one item says both
                alone = [i for i, x in enumerate(items) if set(x.claim_ids) <= set(item.claim_ids)]
                denied = dispute.accounts[0].claim_ids[0]
                holder = next(
                    (i for i, x in enumerate(items) if denied in x.claim_ids and i not in alone),
                    None,
                )
                if holder is not None:  # the claim shares its item with another of its party
                    item = with_denial(items[holder], dispute, claims)
                    alone = [holder, *alone]
                if alone:
                    items = [x for i, x in enumerate(items) if i not in alone]
                    items.insert(min(alone), item)
                    merged += len(alone) - 1
                    continue
            involved = {a.party for a in dispute.accounts}
            at = next((i + 1 for i, x in enumerate(items) if x.party in involved), 0)
            items.insert(at, item)
        return items, merged
