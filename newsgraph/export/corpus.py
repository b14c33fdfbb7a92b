"""The corpus form of ``../shared/eval/CONTRACT.md``: documents plus corpus-wide entities.

Per-document entity ids ("e1") become corpus ids (``newsgraph.resolve.ids``)
everywhere they are referenced, so an entity mentioned in five documents is
one record listing those five documents.  Event and claim ids are prefixed
with their document id to stay unique.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsgraph.model import Document, Entity
from newsgraph.resolve.entities import merge_entities
from newsgraph.resolve.ids import corpus_entity_id


def build_corpus(documents: Iterable[Document]) -> dict[str, Any]:
    """The contract's corpus JSON object for ``documents``."""
    docs: list[dict[str, Any]] = []
    pairs: list[tuple[str, Entity]] = []
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for doc in documents:
        gid = {e.id: corpus_entity_id(e) for e in doc.entities}

        def ref(local: str | None, gid: dict[str, str] = gid) -> str | None:
            return gid.get(local, local) if local is not None else None

        def refs(locals_: Iterable[str], gid: dict[str, str] = gid) -> list[str]:
            return [gid.get(x, x) for x in locals_]

        docs.append({"doc_id": doc.doc_id, "title": doc.title, "published": doc.published, "source": doc.source,
                     "url": doc.url, "author": doc.author, "text_sha256": doc.text_sha256})
        pairs.extend((doc.doc_id, e) for e in doc.entities)
        for v in doc.events:
            events.append({"id": f"{doc.doc_id}/{v.id}", "doc_id": doc.doc_id, "type": v.type, "trigger": v.trigger,
                           "date": v.date, "date_text": v.date_text, "actors": refs(v.actors),
                           "targets": refs(v.targets), "location": ref(v.location), "evidence": _span(v.evidence)})
        for c in doc.claims:
            claims.append({"id": f"{doc.doc_id}/{c.id}", "doc_id": doc.doc_id, "speaker": ref(c.speaker),
                           "speaker_text": c.speaker_text, "via": refs(c.via), "cue": c.cue, "stance": c.stance,
                           "text": c.text, "about": refs(c.about), "evidence": _span(c.evidence),
                           "corroborated_by": [],
                           "contradicted_by": [f"{doc.doc_id}/{c.disputed_by}"] if c.disputed_by else []})
        for r in doc.relations:
            relations.append({"subject": ref(r.subject), "predicate": r.predicate, "object": ref(r.object),
                              "doc_id": doc.doc_id, "evidence": _span(r.evidence)})
    return {"documents": docs, "entities": [e.to_dict() for e in merge_entities(pairs)],
            "events": events, "claims": claims, "relations": relations}


def _span(span: Any) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}
