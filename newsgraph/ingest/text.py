"""Plain-text articles: the whole file is the document; a headline-like first line is its title."""

from __future__ import annotations

import re

from newsgraph.model import SourceDocument

# A headline is short and does not end like a sentence of running text.
_MAX_HEADLINE_CHARS = 160
_MAX_HEADLINE_WORDS = 24
_SENTENCE_END = re.compile(r"[.,;:…]['\"”’)]?$")


def headline(text: str) -> str | None:
    """The first line when it reads as a headline (and more text follows), else None.

    The title is metadata only: the document text stays the whole file, so
    offsets index the file's decoded text unchanged.
    """
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not first or not rest.strip():
        return None
    if len(first) > _MAX_HEADLINE_CHARS or len(first.split()) > _MAX_HEADLINE_WORDS:
        return None
    if _SENTENCE_END.search(first) or not (first[0].isupper() or first[0].isdigit() or first[0] in "\"'‘“"):
        return None
    return first


def read_text(text: str, origin: str) -> SourceDocument:
    return SourceDocument(text=text, origin=origin, title=headline(text))
