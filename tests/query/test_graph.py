"""The link chart's graph: entities linked by the evidence of relations and claims, with filters."""

from __future__ import annotations

from newsgraph.query import dossier, graph
from newsgraph.store import Store


def test_edges_join_listed_nodes_and_are_weighted_by_evidence(asked: Store) -> None:
    g = graph(asked)
    ids = {n.id for n in g.nodes}
    assert g.edges and all(e.source in ids and e.target in ids and e.source < e.target for e in g.edges)
    assert all(e.weight == sum(k for _, k in e.kinds) >= 1 for e in g.edges)
    weight = {n.id: 0 for n in g.nodes}
    for e in g.edges:
        weight[e.source] += e.weight
        weight[e.target] += e.weight
    assert all(n.weight >= weight[n.id] for n in g.nodes)  # a node's weight counts edges to nodes cut too


def test_a_person_quoted_about_an_entity_has_a_claim_edge_to_it(asked: Store) -> None:
    fabius = dossier(asked, "Laurent Fabius", limit=100)
    about = {a.id for c in fabius.claims_by for a in c.about} - {fabius.entity.id}
    assert about, "Laurent Fabius's claims are about someone"
    g = graph(asked, limit=10_000)
    claimed = {e.target if e.source == fabius.entity.id else e.source
               for e in g.edges if fabius.entity.id in (e.source, e.target) and dict(e.kinds).get("claim")}
    assert about & claimed


def test_types_dates_and_outlet_filter(asked: Store) -> None:
    people = graph(asked, types=["per", "ORG"])
    assert people.nodes and {n.type for n in people.nodes} <= {"PER", "ORG"}
    assert graph(asked, date_from="2099").to_dict() == {"nodes": [], "edges": [], "documents": 0}
    reuters = graph(asked, outlet="reuters")
    assert 1 <= reuters.documents < graph(asked).documents
    assert len(graph(asked, limit=5).nodes) == 5
