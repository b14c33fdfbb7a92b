"""Quantities: the counts events and claims state, as data (what is counted, the number or range, the
qualifier, who says it).

Runs after the claims stage over the sentences that are some event's evidence or hold some claim's
content (``reader.read_counts``, vocabulary ``data/quantities.json``).  An event gets the counts of its
sentence, a claim those of its content.  Who says a count: the speaker of the claim whose content holds
it (``speaker``/``speaker_text``), else nobody named (the document says it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.model import Claim, Event, Quantity, Span
from newsgraph.nlp.claims import Attribution
from newsgraph.nlp.parse import Parsed
from newsgraph.nlp.quantities.reader import Count, read_counts
from newsgraph.vocab import load

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

__all__ = ["find_quantities", "quantify"]


def find_quantities(parsed: Parsed, start: int, end: int,
                    sentences: Sequence[SpacySpan] | None = None) -> list[Quantity]:
    """The counts in the sentences overlapping characters ``start``..``end``, in text order, said by nobody;
    ``sentences``: ``list(parsed.doc.sents)`` when the caller has it (spaCy rebuilds them on every ``doc.sents``)."""
    words = load("quantities")
    doc, text = parsed.doc, parsed.text
    out: list[Quantity] = []
    for sent in parsed.doc.sents if sentences is None else sentences:
        if sent.start_char >= end:  # in text order: the rest start later still
            break
        if sent.end_char <= start:
            continue
        out.extend(_quantity(text, doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text), c)
                   for c in read_counts(doc, sent.start, sent.end, words))
    return out


def _quantity(text: str, start: int, end: int, count: Count) -> Quantity:
    return Quantity(counted=count.counted, low=count.low, high=count.high, qualifier=count.qualifier,
                    span=Span.of(text, start, end), unit=count.unit)


def quantify(parsed: Parsed, events: list[Event], claims: list[Claim],
             attributions: list[Attribution]) -> tuple[list[Event], list[Claim]]:
    """The events and claims with the counts their sentences (events) and contents (claims) state."""
    sentences: dict[tuple[int, int], list[Quantity]] = {}
    doc_sentences: list[SpacySpan] = []

    def counts(span: Span) -> list[Quantity]:
        key = (span.start, span.end)
        if key not in sentences:
            if not doc_sentences:
                doc_sentences.extend(parsed.doc.sents)
            sentences[key] = find_quantities(parsed, span.start, span.end, doc_sentences)
        return sentences[key]

    # claims and attributions are one-to-one, in order (claims_from numbers them)
    contents = [(a.content, c) for a, c in zip(attributions, claims, strict=True)]
    said: list[Claim] = []
    for (start, end), claim in contents:
        inside = tuple(replace(q, speaker=claim.speaker, speaker_text=claim.speaker_text)
                       for q in counts(claim.evidence) if start <= q.span.start and q.span.end <= end)
        said.append(replace(claim, quantities=inside) if inside else claim)
    told: list[Event] = []
    for event in events:
        found = tuple(_attributed(q, contents) for q in counts(event.evidence))
        told.append(replace(event, quantities=found) if found else event)
    return told, said


def _attributed(quantity: Quantity, contents: list[tuple[tuple[int, int], Claim]]) -> Quantity:
    """The count with the speaker of the narrowest claim content holding it, if any."""
    holding = [(end - start, claim) for (start, end), claim in contents
               if start <= quantity.span.start and quantity.span.end <= end]
    if not holding:
        return quantity
    claim = min(holding, key=lambda pair: pair[0])[1]
    return replace(quantity, speaker=claim.speaker, speaker_text=claim.speaker_text)
