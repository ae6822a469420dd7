"""Segmentation: an article's lines into headline, headings, body sentences and boilerplate."""
