"""LOCAL ADAPTERS — reads the web needs that ``newsgraph.query`` has no function for yet (reconnect at merge).

- ``document_view``: a stored document cut into segments for highlighting (mentions, claim evidence, page
  furniture), with each entity's corpus id.  Presentation, but it needs corpus ids of document entities.
- ``graph``: corpus entities linked by evidence (relations, and claims by one entity about another) in the
  documents a filter keeps (type, date range, outlet), for the link chart.
- ``places``: the places corpus events are reported at, with report counts, coordinates and precision,
  for the map.

The last two are corpus questions and belong in ``newsgraph.query`` (e.g. ``query.graph``/``query.places``
returning frozen records with ``to_dict()``); they are here, marked, so the pages can be built meanwhile.
They read through ``newsgraph.query.common`` and the store schema, and write nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from newsgraph.model import Document
from newsgraph.query.common import corpus_ids, names
from newsgraph.query.dates import overlaps
from newsgraph.store import schema
from newsgraph.store.corpus_sync import chunks

if TYPE_CHECKING:
    from newsgraph.store import Store

__all__ = ["DocumentView", "Segment", "document_view", "graph", "places", "type_of"]


def type_of(corpus_id: str) -> str:
    """The entity type a corpus id's prefix names (country: and geonames: ids are places: GPE)."""
    prefix = corpus_id.split(":", 1)[0]
    return "GPE" if prefix in ("country", "geonames") else prefix.upper()


# -- document ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Segment:
    """A stretch of the text with one set of highlights: [start, end) in the document text."""

    start: int
    end: int
    text: str
    entity: str | None = None        # local entity id of the mention covering it
    claims: tuple[str, ...] = ()     # local claim ids whose evidence covers it
    furniture: bool = False


@dataclass(frozen=True)
class DocumentView:
    document: Document
    segments: tuple[Segment, ...]
    corpus: dict[str, str] = field(default_factory=dict)   # local entity id -> corpus id
    labels: dict[str, str] = field(default_factory=dict)   # corpus id -> name


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
    return DocumentView(document=document, segments=segments, corpus=local, labels=labels)


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


# -- documents a filter keeps ----------------------------------------------------------------------------
def _kept(conn: Connection, date_from: str | None, date_to: str | None, outlet: str | None) -> dict[int, Any]:
    d = schema.documents
    rows = conn.execute(select(d.c.pk, d.c.doc_id, d.c.source, d.c.published))
    wanted = outlet.casefold() if outlet else None
    return {r.pk: r for r in rows
            if (wanted is None or (r.source or "").casefold() == wanted) and overlaps(r.published, date_from, date_to)}


# -- link chart -----------------------------------------------------------------------------------------
def graph(store: Store, types: Iterable[str] = (), date_from: str | None = None, date_to: str | None = None,
          outlet: str | None = None, limit: int = 150) -> dict[str, Any]:
    """Nodes (corpus entities, with document counts) and edges weighted by evidence sentences: relations
    between two entities, and claims by one entity about another.  The ``limit`` best-linked nodes."""
    wanted_types = {t.upper() for t in types}
    with store.engine.connect() as conn:
        docs = _kept(conn, date_from, date_to, outlet)
        pairs = _evidence_pairs(conn, docs)
        ids = corpus_ids(conn, {(pk, x) for pk, a, b, _ in pairs for x in (a, b)})
        edges: dict[tuple[str, str], Counter[str]] = {}
        documents: dict[str, set[int]] = {}
        for pk, a, b, kind in pairs:
            ca, cb = ids.get((pk, a)), ids.get((pk, b))
            if not ca or not cb or ca == cb:
                continue
            if wanted_types and not {type_of(ca), type_of(cb)} <= wanted_types:
                continue
            edges.setdefault((min(ca, cb), max(ca, cb)), Counter())[kind] += 1
            documents.setdefault(ca, set()).add(pk)
            documents.setdefault(cb, set()).add(pk)
        degree = Counter({n: sum(sum(k.values()) for e, k in edges.items() if n in e) for n in documents})
        chosen = set(sorted(degree, key=lambda n: (-degree[n], n))[:limit])
        label = names(conn, chosen)
    return {"nodes": [{"id": n, "name": label[n], "type": type_of(n), "documents": len(documents[n]),
                       "weight": degree[n]} for n in sorted(chosen)],
            "edges": [{"source": a, "target": b, "weight": sum(k.values()), "kinds": dict(sorted(k.items()))}
                      for (a, b), k in sorted(edges.items()) if a in chosen and b in chosen],
            "documents": len(docs)}


def _evidence_pairs(conn: Connection, docs: Iterable[int]) -> list[tuple[int, str, str, str]]:
    """(doc_pk, local entity, local entity, relation predicate or "claim") of each piece of evidence."""
    rel, c, r = schema.relations, schema.claims, schema.claim_refs
    pairs: list[tuple[int, str, str, str]] = []
    for part in chunks(str(pk) for pk in docs):
        pks = [int(p) for p in part]
        pairs += [(x.doc_pk, x.subject, x.object, x.predicate)
                  for x in conn.execute(select(rel.c.doc_pk, rel.c.subject, rel.c.object, rel.c.predicate)
                                        .where(rel.c.doc_pk.in_(pks)))]
        speakers = {(x.doc_pk, x.local_id): x.speaker for x in conn.execute(
            select(c.c.doc_pk, c.c.local_id, c.c.speaker).where(c.c.doc_pk.in_(pks), c.c.speaker.is_not(None)))}
        pairs += [(x.doc_pk, speakers[(x.doc_pk, x.claim_id)], x.entity_id, "claim")
                  for x in conn.execute(select(r.c.doc_pk, r.c.claim_id, r.c.entity_id)
                                        .where(r.c.doc_pk.in_(pks), r.c.role == "about"))
                  if (x.doc_pk, x.claim_id) in speakers]
    return pairs


# -- map ------------------------------------------------------------------------------------------------
def _precision(corpus_id: str, name: str) -> str:
    """How exact a marker is: a town's own point, a region's or area's centre, or a whole country's centre
    (the gazetteer's kind of the place its name reads as, when that is the same GeoNames place)."""
    from newsgraph.geo.readings import lookup_place

    if corpus_id.startswith("country:"):
        return "country"
    place = lookup_place(name)
    same = place is not None and (not corpus_id.startswith("geonames:")
                                  or str(place.geonames_id) == corpus_id.split(":", 1)[1])
    kind = place.kind if place is not None and same else ""
    return {"city": "town", "country": "country"}.get(kind, "region")


def places(store: Store, date_from: str | None = None, date_to: str | None = None,
           outlet: str | None = None) -> list[dict[str, Any]]:
    """The places corpus events are reported at in the documents a filter keeps: id, name, lat, lon,
    precision, reports, events, documents; most reports first."""
    rep, e, m, n = schema.corpus_reports, schema.entities, schema.corpus_members, schema.corpus_nodes
    with store.engine.connect() as conn:
        docs = _kept(conn, date_from, date_to, outlet)
        reports: Counter[str] = Counter()
        events: dict[str, set[str]] = {}
        in_docs: dict[str, set[int]] = {}
        for part in chunks(str(pk) for pk in docs):
            for x in conn.execute(select(rep.c.corpus_event, rep.c.doc_pk, rep.c.view)
                                  .where(rep.c.doc_pk.in_([int(p) for p in part]))):
                place = json.loads(x.view)["place"]
                if place:
                    reports[place] += 1
                    events.setdefault(place, set()).add(x.corpus_event)
                    in_docs.setdefault(place, set()).add(x.doc_pk)
        points: dict[str, Counter[tuple[float, float]]] = {}
        for part in chunks(reports):
            query = (select(n.c.corpus_id, e.c.lat, e.c.lon).join(m, m.c.node == n.c.node)
                     .join(e, (e.c.doc_pk == m.c.doc_pk) & (e.c.local_id == m.c.local_id))
                     .where(n.c.corpus_id.in_(part), e.c.lat.is_not(None)))
            for x in conn.execute(query):
                points.setdefault(x.corpus_id, Counter())[(x.lat, x.lon)] += 1
        label = names(conn, points)
    out = []
    for place, counted in points.items():
        lat, lon = min(counted, key=lambda p: (-counted[p], p))
        out.append({"id": place, "name": label[place], "lat": lat, "lon": lon,
                    "precision": _precision(place, label[place]), "reports": reports[place],
                    "events": len(events[place]), "documents": len(in_docs[place])})
    return sorted(out, key=lambda p: (-p["reports"], p["id"]))
