"""A stored document as a reader sees it: its text cut into segments for highlighting, with each entity's
corpus id and each claim's grades and links.

    >>> from newsgraph.query import document_view
    >>> view = document_view(store, "fakes-0001")
    >>> [s.text for s in view.segments if s.claims][:1]   # the evidence of the first claim, piece by piece
    >>> view.claims["c1"].credibility                     # 'B2': the source's grade and the claim's
    >>> view.corpus["e3"], view.labels[view.corpus["e3"]]  # a mention's corpus entity and its name

A segment is a stretch of the text with one set of highlights (the mention covering it, the claims whose
evidence covers it, page furniture); the pieces join to the text exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from newsgraph.model import Document
from newsgraph.query.claims import ClaimRecord, load_claims
from newsgraph.query.common import corpus_ids, names
from newsgraph.store import schema

if TYPE_CHECKING:
    from newsgraph.store import Store

__all__ = ["DocumentView", "Segment", "document_view"]


@dataclass(frozen=True)
class Segment:
    """A stretch of the text with one set of highlights: [start, end) in the document text."""

    start: int
    end: int
    text: str
    entity: str | None = None        # local entity id of the mention covering it
    claims: tuple[str, ...] = ()     # local claim ids whose evidence covers it
    furniture: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "entity": self.entity,
                "claims": list(self.claims), "furniture": self.furniture}


@dataclass(frozen=True)
class DocumentView:
    document: Document
    segments: tuple[Segment, ...]
    corpus: dict[str, str] = field(default_factory=dict)         # local entity id -> corpus id
    labels: dict[str, str] = field(default_factory=dict)         # corpus id -> name
    claims: dict[str, ClaimRecord] = field(default_factory=dict)  # local claim id -> its record (grades, links)

    def to_dict(self) -> dict[str, Any]:
        """The document in contract form with its text, its entities' corpus ids and its claims' records."""
        return {**self.document.to_dict(include_text=True), "corpus_ids": self.corpus,
                "claim_records": {k: c.to_dict() for k, c in self.claims.items()}}


def document_view(store: Store, doc_id: str) -> DocumentView:
    """The document cut at every mention, claim evidence and furniture line; KeyError when there is none."""
    document = store.document(doc_id)
    mentions = [(m.start, m.end, e.id) for e in document.entities for m in e.mentions]
    evidence = [(c.evidence.start, c.evidence.end, c.id) for c in document.claims]
    segments = _segments(document.text, mentions, evidence, [(f.start, f.end) for f in document.furniture])
    d = schema.documents
    with store.engine.connect() as conn:
        pk = conn.execute(select(d.c.pk).where(d.c.doc_id == doc_id)).scalar_one()
        found = corpus_ids(conn, {(pk, e.id) for e in document.entities})
        local = {lid: cid for (_, lid), cid in found.items()}
        labels = names(conn, local.values())
        records = load_claims(conn, [(pk, c.id) for c in document.claims])
    return DocumentView(document=document, segments=segments, corpus=local, labels=labels,
                        claims={r.id.rsplit("/", 1)[1]: r for r in records})


Spans = list[tuple[int, int, str]]


def _segments(text: str, mentions: Spans, evidence: Spans, furniture: list[tuple[int, int]]) -> tuple[Segment, ...]:
    """The text cut at every span boundary; each piece knows the mention and the claims covering it."""
    cuts = sorted({0, len(text), *(x for s, e, _ in [*mentions, *evidence] for x in (s, e)),
                   *(x for s, e in furniture for x in (s, e))})
    segments = []
    for a, b in pairwise(cuts):
        if b > len(text):
            continue
        entity = next((ent for s, e, ent in mentions if s <= a and b <= e), None)
        claims = tuple(cid for s, e, cid in evidence if s <= a and b <= e)
        segments.append(Segment(a, b, text[a:b], entity, claims, any(s <= a and b <= e for s, e in furniture)))
    return tuple(segments)
