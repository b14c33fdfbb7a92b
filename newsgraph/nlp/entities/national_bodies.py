"""National bodies named without their country: "Iran's Foreign Ministry" and "Ukraine's Foreign Ministry".

Governments all have a Foreign Ministry, a Border Guard, a Navy; the name spaCy finds is the same
for each ("Foreign Ministry"), and the country is said before it ("Iran's", "the Ukrainian").
A mention whose words are all generic body words gets the country named right before it, so
two countries' ministries stay two entities; a later bare "the Foreign Ministry" belongs to the
one such body already named (or, with several, to the one named last before it).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph import geo, vocab
from newsgraph.nlp.doc_text import doc_text


@dataclass(frozen=True)
class Owner:
    country: str  # ISO 3166-1 alpha-2
    name: str  # the body named with its country: "Iran's Foreign Ministry", "Iranian Foreign Ministry"


def is_generic_body(text: str) -> bool:
    """ "Foreign Ministry", "Ministry of Foreign Affairs", "Border Guard": a kind of body, not one body."""
    body_words = vocab.load("organizations").generic_body_words
    words = text.replace("-", " ").lower().split()
    words = words[1:] if words and words[0] == "the" else words
    return bool(words) and all(w in body_words for w in words) and any(w[0].isupper() for w in text.split())


def owner(doc: Doc, start_char: int, text: str) -> Owner | None:
    """The country named right before a generic body: "Iran's Foreign Ministry", "the Iranian Navy"."""
    if not is_generic_body(text):
        return None
    span = doc.char_span(start_char, start_char + len(text), alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    before = doc[span.start - 1]
    if before.text in ("'s", "\u2019s", "'", "\u2019") and span.start >= 2:
        first = span.start - 2
        while first > 0 and doc[first - 1].is_title and geo.country_code(doc[first - 1:span.start - 1].text):
            first -= 1  # "the United States' Navy"
        iso = geo.country_code(doc[first:span.start - 1].text)
    else:
        first = span.start - 1
        iso = geo.demonym_country(before.text) if before.is_title else None
    if not iso:
        return None
    return Owner(iso, doc_text(doc)[doc[first].idx:start_char + len(text)])
