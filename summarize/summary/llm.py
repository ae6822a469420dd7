"""The LLM-written summary: grounded on the extracted claims, verified, never worse than rules.

The model gets the numbered English sentences and the claims (prompts/summary.yaml), answers one
JSON object per line, and every item goes through the verifier (verify.py). Items that fail are
sent back once with their violations spelled out; those that fail again are dropped, and the
rules summary fills the gap. `models.summarizer` says exactly what happened.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from ..config import LLMSpec
from ..errors import ModelError
from ..model import Analysis, Document, SummarizerReport, SummaryItem
from .prompts import PromptTemplate, load_prompt
from .verify import Proposal, parse_items, verify

log = logging.getLogger(__name__)


class LLM:
    """An instruction-tuned causal LM with a chat template; loaded on first use, once."""

    def __init__(self, spec: LLMSpec, device: str = "auto") -> None:
        self.spec = spec
        self._device = device
        self._loaded: tuple[Any, Any, str] | None = None

    def _load(self) -> tuple[Any, Any, str]:
        if self._loaded is None:
            from transformers import AutoModelForCausalLM, AutoTokenizer

            from ..translation.base import quiet_transformers
            from ..translation.hub import locate
            from ..translation.torch_backend import resolve_device

            path = locate(self.spec)
            device = resolve_device(self._device)
            try:
                with quiet_transformers():
                    tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=False)
                    model: Any = AutoModelForCausalLM.from_pretrained(path, trust_remote_code=False)
            except (OSError, ValueError, KeyError) as exc:
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise ModelError(f"{self.spec.id}: cannot load the summarizer: {reason}") from exc
            if not getattr(tokenizer, "chat_template", None):
                raise ModelError(f"{self.spec.id}: the tokenizer has no chat template")
            self._loaded = (tokenizer, model.to(device).eval(), device)
        return self._loaded

    def count_tokens(self, messages: list[dict[str, str]]) -> int:
        """Prompt length in tokens."""
        tokenizer, _, _ = self._load()
        return len(
            tokenizer.apply_chat_template(
                messages, add_generation_prompt=True, tokenize=True, return_dict=True
            )["input_ids"]
        )

    def chat(self, messages: list[dict[str, str]]) -> str:
        """The model's answer to `messages`, decoded greedily (deterministic)."""
        import torch

        tokenizer, model, device = self._load()
        encoded = tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
        )
        encoded = {key: value.to(device) for key, value in encoded.items()}
        with torch.inference_mode():
            output = model.generate(
                **encoded,
                do_sample=False,
                max_new_tokens=self.spec.max_new_tokens,
                pad_token_id=tokenizer.pad_token_id or tokenizer.eos_token_id,
            )
        start = encoded["input_ids"].shape[1]
        return str(tokenizer.decode(output[0, start:], skip_special_tokens=True))


@dataclass(frozen=True)
class LLMOutcome:
    """What the LLM path produced."""

    items: tuple[SummaryItem, ...]  # the summary, LLM items first, rules items after
    report: SummarizerReport  # how it went (models.summarizer)
    rejected: tuple[str, ...]  # one line per dropped item or malformed line, with its reasons


def render_variables(document: Document, count: int) -> dict[str, Any]:
    """The prompt's variables for `document`."""
    analysis = document.analysis
    assert analysis is not None
    sentences = "\n".join(
        f"[{s.id}] {s.translation}"
        for s in document.sentences
        if s.kind != "boilerplate" and s.translation
    )
    claims = "\n".join(
        f"{c.id} | {c.party} | {c.cue or 'outlet'} | {c.kind} | "
        f"{','.join(map(str, c.sentence_ids))} | {c.text}"
        for c in analysis.claims
    )
    outlet = analysis.outlet or "the outlet"
    return {"outlet": outlet, "count": count, "sentences": sentences, "claims": claims}


def _items(proposals: list[Proposal], analysis: Analysis) -> list[SummaryItem]:
    claims = {c.id: c for c in analysis.claims}
    return [
        SummaryItem(
            text=p.text,
            party=claims[p.claim_ids[0]].party,
            claim_ids=p.claim_ids,
            sentence_ids=tuple(s for i in p.claim_ids for s in claims[i].sentence_ids),
            origin="llm",
        )
        for p in proposals
    ]


def _retry_message(failed: list[tuple[Proposal, list[str]]], malformed: list[str]) -> str:
    lines = [
        "Some items broke the rules. Rewrite only these, in the same format (one JSON "
        "object per line), fixing every problem listed:"
    ]
    for proposal, problems in failed:
        lines.append(
            f"- {proposal.text!r} citing {list(proposal.claim_ids)}: {'; '.join(problems)}"
        )
    lines += [f"- {problem}" for problem in malformed]
    return "\n".join(lines)


def llm_summary(document: Document, llm: LLM, template: PromptTemplate | None = None) -> LLMOutcome:
    """Ask the model for the summary, verify every item, retry once, fill in from the rules."""
    analysis = document.analysis
    assert analysis is not None, "llm_summary() needs a document with claims"
    template = template or load_prompt()
    wanted = len(analysis.summary)
    messages = template.render(**render_variables(document, wanted))
    if llm.count_tokens(messages) > llm.spec.max_input_tokens:
        skipped = SummarizerReport(llm.spec.id, skipped="article too long for the model")
        return LLMOutcome(analysis.summary, skipped, ())
    answer = llm.chat(messages)
    proposals, malformed = parse_items(answer)
    checked = [(p, verify(p, document)) for p in proposals]
    passed = [p for p, problems in checked if not problems]
    failed = [(p, problems) for p, problems in checked if problems]
    proposed = len(proposals) + len(malformed)
    if failed or malformed or not proposals:
        retry = [
            *messages,
            {"role": "assistant", "content": answer},
            {"role": "user", "content": _retry_message(failed, malformed)},
        ]
        again, malformed_again = parse_items(llm.chat(retry))
        rechecked = [(p, verify(p, document)) for p in again]
        passed += [p for p, problems in rechecked if not problems]
        failed = [(p, problems) for p, problems in rechecked if problems]
        malformed = malformed_again
    unique: list[Proposal] = []
    for proposal in passed:  # one item per set of claims
        if all(p.claim_ids != proposal.claim_ids for p in unique):
            unique.append(proposal)
    items = _items(unique[:wanted], analysis)
    cited = {i for item in items for i in item.claim_ids}
    fill = [replace(i, origin="rules") for i in analysis.summary if not cited & set(i.claim_ids)][
        : max(0, wanted - len(items))
    ]
    rejected = proposed - min(len(unique), wanted) if proposed else wanted
    notes = tuple(f"{p.text[:80]!r}: {'; '.join(problems)}" for p, problems in failed)
    notes += tuple(malformed)
    report = SummarizerReport(
        llm=llm.spec.id,
        llm_items=len(items),
        rules_items=len(fill),
        rejected=rejected,
        proposed=max(proposed, 1) if items else max(proposed, wanted),
    )
    return LLMOutcome(tuple(items + fill), report, notes)


def summarize_with_llm(
    document: Document, llm: LLM, template: PromptTemplate | None = None
) -> Document:
    """`document` with the LLM summary (verified, rules-filled) and models.summarizer set."""
    assert document.analysis is not None
    outcome = llm_summary(document, llm, template)
    if outcome.report.fell_back:
        log.warning("%s: summary: %s", document.name, outcome.report.label)
    for note in outcome.rejected:
        log.info("rejected: %s", note)
    analysis = replace(document.analysis, summary=outcome.items)
    models = replace(document.models, summarizer=outcome.report)
    return replace(document, analysis=analysis, models=models)


@dataclass(frozen=True)
class LLMSummarizer:
    """The LLM summary as a pipeline stage: it rewrites the rules summary (which fills in)."""

    name: ClassVar[str] = "llm-summary"
    requires: ClassVar[frozenset[str]] = frozenset({"claims", "summary"})
    provides: ClassVar[frozenset[str]] = frozenset({"summary"})

    llm: LLM  # the instruction model
    template: PromptTemplate  # prompts/summary.yaml or the user's --prompt

    def __call__(self, document: Document) -> Document:
        return summarize_with_llm(document, self.llm, self.template)

    def on_device(self, device: str) -> LLMSummarizer:
        """The same summarizer with its model (not loaded yet) on `device`."""
        return replace(self, llm=LLM(self.llm.spec, device))
