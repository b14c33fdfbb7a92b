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

Added to the contract's fields: each event's ``corpus_event`` (the occurrence it reports, shared with
other documents' reports of it: ``newsgraph.resolve.events``) and ``quantities`` (its counts), each
claim's ``quantities``, and ``corpus_events``: one record per occurrence with its date range, place,
participants, reports (event ids) and figures per source (``newsgraph.resolve.corpus_events``).
Each claim's ``corroborated_by`` / ``contradicted_by`` (claim ids, ``newsgraph.resolve.claims``), its
``source`` with its reliability ``source_grade`` (A-F), its ``credibility`` (1-6), both as ``grade`` ("B2"),
and ``independent_sources`` with the corroborating claims grouped by source (``newsgraph.resolve.claim_trust``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsgraph.model import Document, Quantity
from newsgraph.resolve.batch import Resolution, resolve_documents
from newsgraph.resolve.claim_corpus import ClaimTrust
from newsgraph.resolve.corpus_events import EventReport, build_event, event_report
from newsgraph.resolve.entities import EntityBuilder
from newsgraph.resolve.events import EventResolution, resolve_events
from newsgraph.resolve.ids import corpus_entity_id


def build_corpus(documents: Iterable[Document], resolution: Resolution | None = None,
                 events: EventResolution | None = None, claims: ClaimTrust | None = None) -> dict[str, Any]:
    """The contract's corpus JSON object for ``documents`` (resolved here unless ``resolution`` and ``events``,
    the store's, are given)."""
    docs = _unique(documents)
    if resolution is None:
        resolution = resolve_documents(docs)
    if events is None:
        events = resolve_events(docs, resolution)
    if claims is None:
        claims = _claims(docs, resolution, events)
    builder = EntityBuilder()
    out: dict[str, list[dict[str, Any]]] = {"documents": [], "events": [], "claims": [], "relations": []}
    mentions: dict[tuple[str, str], list[list[int]]] = {}
    reports: dict[str, list[EventReport]] = {}
    for doc in docs:
        gid = {e.id: resolution.ids.get((doc.doc_id, e.id)) or corpus_entity_id(e) for e in doc.entities}
        for e in doc.entities:
            builder.add(gid[e.id], resolution.nodes.get((doc.doc_id, e.id), gid[e.id]), doc.doc_id, e)
            mentions[(doc.doc_id, e.id)] = [[m.start, m.end] for m in e.mentions]
        document_records(doc, gid, events, out)
        for record in out["claims"]:
            if record["id"] in claims:
                trust_record(record, claims[record["id"]])
        for v in doc.events:
            cid = events.ids.get((doc.doc_id, v.id))
            if cid is not None:
                reports.setdefault(cid, []).append(
                    event_report(doc.doc_id, doc.source, doc.published, v, doc.claims, gid.get))
    entities = []
    names = {}
    for entity in builder.build():
        record = entity.to_dict()
        record["members"] = [{"doc_id": d, "entity": local, "mentions": mentions[(d, local)]}
                             for d, local in entity.members]
        entities.append(record)
        names[entity.id] = entity.name
    corpus_events = sorted((build_event(cid, found, names) for cid, found in reports.items()),
                           key=lambda e: (-len(e.documents), -len(e.reports), e.id))
    return {"documents": out["documents"], "entities": entities, "events": out["events"],
            "claims": out["claims"], "relations": out["relations"],
            "corpus_events": [e.to_dict() for e in corpus_events]}


def _claims(docs: list[Document], resolution: Resolution, events: EventResolution) -> ClaimTrust:
    from newsgraph.resolve.claim_corpus import resolve_claims
    names = {resolution.ids.get((d.doc_id, e.id)) or corpus_entity_id(e): e.name for d in docs for e in d.entities}
    return resolve_claims(docs, lambda doc_id, local: resolution.ids.get((doc_id, local)), names.get,
                          corpus_event=lambda doc_id, local: events.ids.get((doc_id, local)))


def trust_record(record: dict[str, Any], found: tuple[list[str], list[str], Any, list[list[str]]]) -> None:
    """A claim's links and grades (``newsgraph.resolve.claim_trust``): "B2" is ``source_grade`` + ``credibility``."""
    corroborated, contradicted, trust, groups = found
    record["corroborated_by"] = corroborated
    record["contradicted_by"] = sorted(set(record["contradicted_by"]) | set(contradicted))
    record.update({"source": trust.source, "source_grade": trust.source_grade, "credibility": trust.credibility,
                   "grade": trust.label, "independent_sources": trust.independent_sources,
                   "independent_groups": groups})


def _unique(documents: Iterable[Document]) -> list[Document]:
    """The documents by doc id, each text once."""
    seen: set[str] = set()
    out = []
    for doc in sorted(documents, key=lambda d: d.doc_id):
        if doc.text_sha256 not in seen:
            seen.add(doc.text_sha256)
            out.append(doc)
    return out


def document_records(doc: Document, gid: dict[str, str], events: EventResolution,
              out: dict[str, list[dict[str, Any]]]) -> None:
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
                              "evidence": _span(v.evidence), "corpus_event": events.ids.get((doc.doc_id, v.id)),
                              "quantities": [_quantity(q, ref) for q in v.quantities]})
    for c in doc.claims:
        out["claims"].append({"id": f"{doc.doc_id}/{c.id}", "doc_id": doc.doc_id, "speaker": ref(c.speaker),
                              "speaker_text": c.speaker_text, "via": refs(c.via), "cue": c.cue,
                              "stance": c.stance, "text": c.text, "about": refs(c.about),
                              "evidence": _span(c.evidence), "corroborated_by": [],
                              "contradicted_by": [f"{doc.doc_id}/{c.disputed_by}"] if c.disputed_by else [],
                              "quantities": [_quantity(q, ref) for q in c.quantities]})
    for r in doc.relations:
        out["relations"].append({"subject": ref(r.subject), "predicate": r.predicate, "object": ref(r.object),
                                 "doc_id": doc.doc_id, "evidence": _span(r.evidence)})


def _span(span: Any) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _quantity(q: Quantity, ref: Any) -> dict[str, Any]:
    return {"counted": q.counted, "unit": q.unit, "low": q.low, "high": q.high, "qualifier": q.qualifier,
            "span": _span(q.span), "speaker": ref(q.speaker), "speaker_text": q.speaker_text}
