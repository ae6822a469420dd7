"""The rules summary as a pipeline stage (the LLM summary, llm.LLMSummarizer, follows it)."""

from __future__ import annotations

from dataclasses import replace

from ..model import Document, SummarizerReport
from .rules import summarize_claims


class RulesSummaryStage:
    """4 to 8 neutral items over the claims, every party heard."""

    name = "summary"
    requires = frozenset({"claims"})
    provides = frozenset({"summary"})

    def __call__(self, document: Document) -> Document:
        analysis = document.analysis
        assert analysis is not None, "the summary stage runs after the claims stage"
        headings = [s.source for s in document.sentences if s.kind in {"headline", "heading"}]
        items = summarize_claims(
            analysis.claims, " ".join(headings), [s.source for s in document.body()]
        )
        return replace(
            document,
            analysis=replace(analysis, summary=tuple(items)),
            models=replace(document.models, summarizer=SummarizerReport()),
            provided=document.provided | self.provides,
        )
