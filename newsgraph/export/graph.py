"""The entity graph as GraphML or GEXF (networkx writes both; Gephi, Cytoscape and networkx read them).

Nodes are the corpus entities (id: corpus id) with ``label`` (name), ``type``, ``documents``, ``mentions``,
``aliases`` and ``roles`` (joined by "; ": GraphML carries no lists), ``country``, and ``latitude``,
``longitude`` and ``geonames_id`` where the gazetteer placed it.  One directed edge per ordered pair of
entities gathers what links them, each kind with its weight, the number of evidence spans:

* ``relation_weight``: relations (subject -> object; ``predicates``; ``relations``: ids "doc_id/r1", the
  1-based position of the relation in its document);
* ``claim_weight``: claims by the speaker about the other entity (speaker -> subject; ``claims``: claim ids);
* ``event_weight``: reports of a corpus event in which both take part (an undirected link, stored from the
  lower corpus id to the higher; ``events``: corpus event ids);

``weight`` is their sum and ``kinds`` lists the kinds present.  Both formats are written as they are read
(``graphml``, ``gexf``): the bytes networkx writes for ``build_graph``'s graph, without holding the graph.
Nodes and edges come in id order, and GEXF's ``lastmodifieddate`` is the store's last ingest day, so the
same store gives the same file.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import func, select

from newsgraph.export import stream
from newsgraph.export.common import require
from newsgraph.store import schema

if TYPE_CHECKING:
    from newsgraph.resolve.entities import CorpusEntity
    from newsgraph.store import Store

KINDS = ("relation", "claim", "event")


@dataclass
class _Edge:
    spans: dict[str, set[tuple[str, int, int]]] = field(default_factory=lambda: {k: set() for k in KINDS})
    ids: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS})
    predicates: set[str] = field(default_factory=set)

    def add(self, found: Evidence) -> None:
        kind, _, _, ident, span, predicate = found
        self.spans[kind].add(span)
        self.ids[kind].add(ident)
        if predicate is not None:
            self.predicates.add(predicate)

    def attributes(self) -> dict[str, Any]:
        weights = {k: len(self.spans[k]) for k in KINDS}
        return {"weight": sum(weights.values()), "kinds": "; ".join(k for k in KINDS if weights[k]),
                **{f"{k}_weight": weights[k] for k in KINDS}, "predicates": "; ".join(sorted(self.predicates)),
                "relations": "; ".join(sorted(self.ids["relation"])), "claims": "; ".join(sorted(self.ids["claim"])),
                "events": "; ".join(sorted(self.ids["event"]))}


Evidence = tuple[str, str, str, str, tuple[str, int, int], str | None]
"""(kind, source, target, id, span (doc_id, start, end), relation predicate) of one link between two entities."""


def node_attributes(entity: CorpusEntity) -> dict[str, Any]:
    attrs: dict[str, Any] = {"label": entity.name, "type": entity.type, "documents": len(entity.documents),
                             "mentions": entity.mentions, "aliases": "; ".join(entity.aliases),
                             "roles": "; ".join(entity.roles), "country": entity.country or ""}
    if entity.lat is not None and entity.lon is not None:
        attrs.update(latitude=float(entity.lat), longitude=float(entity.lon))
    if entity.geonames_id is not None:
        attrs["geonames_id"] = int(entity.geonames_id)
    return attrs


def evidence(store: Store, nodes: Container[str]) -> Iterator[Evidence]:
    """Every link between two of the ``nodes`` (distinct corpus entities), read a document and a page of corpus
    events at a time; an event's link goes from the lower corpus id to the higher."""
    def link(kind: str, a: str | None, b: str | None, ident: str, span: tuple[str, int, int],
             predicate: str | None = None) -> Iterator[Evidence]:
        if a is None or b is None or a == b or a not in nodes or b not in nodes:
            return
        if kind == "event" and b < a:
            a, b = b, a
        yield kind, a, b, ident, span, predicate

    for stored in stream.documents(store):
        doc = stored.document
        for i, r in enumerate(doc.relations, 1):
            yield from link("relation", stored.entity(r.subject), stored.entity(r.object), f"{doc.doc_id}/r{i}",
                            (doc.doc_id, r.evidence.start, r.evidence.end), r.predicate)
        for c in doc.claims:
            for about in c.about:
                yield from link("claim", stored.entity(c.speaker), stored.entity(about), f"{doc.doc_id}/{c.id}",
                                (doc.doc_id, c.evidence.start, c.evidence.end))
    for event in stream.corpus_events(store):
        for report in event.reports:
            taking_part = sorted(set(report.actors) | set(report.targets))
            for a, b in itertools.combinations(taking_part, 2):
                yield from link("event", a, b, event.id, (report.doc_id, report.evidence.start, report.evidence.end))


def edge_of(found: Iterable[Evidence]) -> _Edge:
    edge = _Edge()
    for one in found:
        edge.add(one)
    return edge


def edges_in_order(store: Store, nodes: Container[str], tmp: str) -> Iterator[tuple[str, str, _Edge]]:
    """The edges between ``nodes`` ordered by (source, target), one gathered at a time: each link goes to a
    temporary SQLite file in the directory ``tmp`` and is read back in order, so no edge table is held."""
    links = sqlite3.connect(f"{tmp}/links.db")
    try:
        links.execute("CREATE TABLE link (a TEXT, b TEXT, kind TEXT, id TEXT, doc TEXT, start INTEGER, "
                      "end_ INTEGER, predicate TEXT)")
        rows = ((a, b, kind, ident, *span, predicate) for kind, a, b, ident, span, predicate in evidence(store, nodes))
        while batch := list(itertools.islice(rows, 5000)):
            links.executemany("INSERT INTO link VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
        ordered = links.execute("SELECT a, b, kind, id, doc, start, end_, predicate FROM link ORDER BY a, b")
        for (a, b), group in itertools.groupby(ordered, key=lambda r: (r[0], r[1])):
            yield a, b, edge_of((kind, a, b, ident, (doc, start, end), predicate)
                                for _, _, kind, ident, doc, start, end, predicate in group)
    finally:
        links.close()


def build_graph(store: Store) -> Any:
    """The entity graph of ``store`` as a ``networkx.DiGraph``, held whole (the exports stream instead)."""
    nx = require("networkx", "graphml")
    graph = nx.DiGraph()
    for entity in stream.entities(store):
        graph.add_node(entity.id, **node_attributes(entity))
    edges: dict[tuple[str, str], _Edge] = defaultdict(_Edge)
    for found in evidence(store, graph):
        edges[(found[1], found[2])].add(found)
    for (a, b), edge in sorted(edges.items()):
        graph.add_edge(a, b, **edge.attributes())
    return graph


def last_ingest_day(store: Store) -> str:
    """The day of the store's last ingest (GEXF's ``lastmodifieddate``): the same store gives the same file."""
    with store.engine.connect() as conn:
        last = conn.execute(select(func.max(schema.documents.c.ingested_at))).scalar() or "1970-01-01"
    return str(last)[:10]


def write_graph(store: Store, out: IO[str], fmt: str) -> tuple[int, int]:
    """The entity graph to ``out`` as ``fmt`` (graphml or gexf); returns (nodes, edges)."""
    require("networkx", fmt)
    if fmt == "graphml":
        from newsgraph.export.graphml import write_graphml
        return write_graphml(store, out)
    from newsgraph.export.gexf import write_gexf
    return write_gexf(store, out)
