"""The corpus form of ``../shared/eval/CONTRACT.md``: documents plus corpus-wide entities.

Per-document entity ids ("e1") become corpus ids everywhere they are referenced
(events, claims, relations), so an entity mentioned in five documents is one record
listing those five documents.  The corpus ids come from the store's resolution
(``newsgraph.store.corpus``) or, for documents outside a store, from resolving them
here with the same rules (``newsgraph.resolve.resolve_documents``).  Each entity
also lists its members: the document entities it gathers, with their mentions'
offsets.  Event and claim ids are prefixed with their document id to stay unique.
Everything is ordered by document id, so the export does not depend on the order
documents were added.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsgraph.model import Document
from newsgraph.resolve.batch import Resolution, resolve_documents
from newsgraph.resolve.entities import EntityBuilder
from newsgraph.resolve.ids import corpus_entity_id


def build_corpus(documents: Iterable[Document], resolution: Resolution | None = None) -> dict[str, Any]:
    """The contract's corpus JSON object for ``documents`` (resolved here unless ``resolution`` is given)."""
    docs = _unique(documents)
    if resolution is None:
        resolution = resolve_documents(docs)
    builder = EntityBuilder()
    out: dict[str, list[dict[str, Any]]] = {"documents": [], "events": [], "claims": [], "relations": []}
    mentions: dict[tuple[str, str], list[list[int]]] = {}
    for doc in docs:
        gid = {e.id: resolution.ids.get((doc.doc_id, e.id)) or corpus_entity_id(e) for e in doc.entities}
        for e in doc.entities:
            builder.add(gid[e.id], resolution.nodes.get((doc.doc_id, e.id), gid[e.id]), doc.doc_id, e)
            mentions[(doc.doc_id, e.id)] = [[m.start, m.end] for m in e.mentions]
        _document(doc, gid, out)
    entities = []
    for entity in builder.build():
        record = entity.to_dict()
        record["members"] = [{"doc_id": d, "entity": local, "mentions": mentions[(d, local)]}
                             for d, local in entity.members]
        entities.append(record)
    return {"documents": out["documents"], "entities": entities, "events": out["events"],
            "claims": out["claims"], "relations": out["relations"]}


def _unique(documents: Iterable[Document]) -> list[Document]:
    """The documents by doc id, each text once."""
    seen: set[str] = set()
    out = []
    for doc in sorted(documents, key=lambda d: d.doc_id):
        if doc.text_sha256 not in seen:
            seen.add(doc.text_sha256)
            out.append(doc)
    return out


def _document(doc: Document, gid: dict[str, str], out: dict[str, list[dict[str, Any]]]) -> None:
    def ref(local: str | None) -> str | None:
        return gid.get(local, local) if local is not None else None

    def refs(locals_: Iterable[str]) -> list[str]:
        return [gid.get(x, x) for x in locals_]

    out["documents"].append({"doc_id": doc.doc_id, "title": doc.title, "published": doc.published,
                             "source": doc.source, "url": doc.url, "author": doc.author,
                             "text_sha256": doc.text_sha256})
    for v in doc.events:
        out["events"].append({"id": f"{doc.doc_id}/{v.id}", "doc_id": doc.doc_id, "type": v.type,
                              "trigger": v.trigger, "date": v.date, "date_text": v.date_text,
                              "actors": refs(v.actors), "targets": refs(v.targets), "location": ref(v.location),
                              "evidence": _span(v.evidence)})
    for c in doc.claims:
        out["claims"].append({"id": f"{doc.doc_id}/{c.id}", "doc_id": doc.doc_id, "speaker": ref(c.speaker),
                              "speaker_text": c.speaker_text, "via": refs(c.via), "cue": c.cue,
                              "stance": c.stance, "text": c.text, "about": refs(c.about),
                              "evidence": _span(c.evidence), "corroborated_by": [],
                              "contradicted_by": [f"{doc.doc_id}/{c.disputed_by}"] if c.disputed_by else []})
    for r in doc.relations:
        out["relations"].append({"subject": ref(r.subject), "predicate": r.predicate, "object": ref(r.object),
                                 "doc_id": doc.doc_id, "evidence": _span(r.evidence)})


def _span(span: Any) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}
