"""The entity graph of the link chart: corpus entities linked by evidence in the documents a filter keeps.

    >>> from newsgraph.query import graph
    >>> g = graph(store, types=["PER", "ORG"], date_from="2013-08", outlet="Reuters", limit=100)
    >>> g.nodes[0].name, g.nodes[0].weight       # the best-linked entities, with their evidence counts
    >>> g.edges[0].kinds                         # {'claim': 2, 'member_of': 1}
    >>> g.to_dict()                              # JSON for Cytoscape.js (the web's link chart)

An edge is a pair of corpus entities with the evidence sentences linking them: relations between the two
(``member_of``, ...) and claims by one about the other ("claim"), counted per kind.  The ``limit`` nodes
with most evidence are kept, and the edges between them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from newsgraph.query.common import corpus_ids, kept_documents, names, type_of
from newsgraph.store import schema
from newsgraph.store.corpus_sync import chunks

if TYPE_CHECKING:
    from newsgraph.store import Store

__all__ = ["Graph", "GraphEdge", "GraphNode", "graph"]


@dataclass(frozen=True)
class GraphNode:
    id: str
    name: str
    type: str
    documents: int   # kept documents with evidence about it
    weight: int      # evidence sentences on its edges

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "documents": self.documents,
                "weight": self.weight}


@dataclass(frozen=True)
class GraphEdge:
    source: str      # the smaller corpus id of the pair
    target: str
    kinds: tuple[tuple[str, int], ...]  # relation predicate or "claim", and its evidence count

    @property
    def weight(self) -> int:
        return sum(k for _, k in self.kinds)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "weight": self.weight, "kinds": dict(self.kinds)}


@dataclass(frozen=True)
class Graph:
    nodes: tuple[GraphNode, ...]   # by id
    edges: tuple[GraphEdge, ...]   # by (source, target)
    documents: int                 # documents the filter kept

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": [n.to_dict() for n in self.nodes], "edges": [e.to_dict() for e in self.edges],
                "documents": self.documents}


def graph(store: Store, types: Iterable[str] = (), date_from: str | None = None, date_to: str | None = None,
          outlet: str | None = None, limit: int = 150) -> Graph:
    """Nodes and edges weighted by evidence in the documents of ``outlet`` dated in the range; with ``types``,
    only edges whose two ends are of those types (PER, ORG, ...); the ``limit`` best-linked nodes."""
    wanted_types = {t.upper() for t in types}
    with store.engine.connect() as conn:
        docs = kept_documents(conn, date_from, date_to, outlet)
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
        degree: Counter[str] = Counter()
        for (a, b), kinds in edges.items():
            degree[a] += sum(kinds.values())
            degree[b] += sum(kinds.values())
        chosen = set(sorted(documents, key=lambda n: (-degree[n], n))[:limit])
        label = names(conn, chosen)
    return Graph(nodes=tuple(GraphNode(n, label[n], type_of(n), len(documents[n]), degree[n]) for n in sorted(chosen)),
                 edges=tuple(GraphEdge(a, b, tuple(sorted(k.items()))) for (a, b), k in sorted(edges.items())
                             if a in chosen and b in chosen),
                 documents=len(docs))


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
