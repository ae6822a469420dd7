"""Markdown: the plain-text layout, with headings, the party in bold, a who-said-what table."""

from __future__ import annotations

from ..model import Document
from .plain import layout


def render(document: Document) -> str:
    """The document as markdown."""
    return layout(document, markdown=True)
