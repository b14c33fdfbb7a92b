"""GraphML and GEXF: networkx reads both back with one node per corpus entity and an edge per linked pair,
weights counting evidence spans, only scalar attributes (what Gephi imports)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import networkx as nx
import pytest

from newsgraph.export.graph import build_graph, last_ingest_day
from newsgraph.store import Store
from newsgraph.store.corpus import Corpus
from tests.export.helpers import export_file

READ = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


def _expected_pairs(store: Store) -> dict[str, set[tuple[str, str]]]:
    """The linked pairs by kind, from the store's documents, resolution and corpus events."""
    corpus = Corpus(store)
    ids = corpus.resolution().ids
    known = {e.id for e in corpus.entities()}
    pairs: dict[str, set[tuple[str, str]]] = {"relation": set(), "claim": set(), "event": set()}

    def add(kind: str, a: str | None, b: str | None) -> None:
        if a in known and b in known and a != b:
            pairs[kind].add((min(a, b), max(a, b)) if kind == "event" else (a, b))  # type: ignore[type-var]

    for doc in store.documents():
        for r in doc.relations:
            add("relation", ids.get((doc.doc_id, r.subject)), ids.get((doc.doc_id, r.object)))
        for c in doc.claims:
            for about in c.about:
                add("claim", ids.get((doc.doc_id, c.speaker)) if c.speaker else None, ids.get((doc.doc_id, about)))
    for event in corpus.events():
        for report in event.reports:
            for a, b in itertools.combinations(sorted(set(report.actors) | set(report.targets)), 2):
                add("event", a, b)
    return pairs


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_reads_back_with_the_stores_counts(corpus_store: Store, tmp_path: Path, fmt: str) -> None:
    graph = READ[fmt](export_file(corpus_store, fmt, tmp_path))
    entities = Corpus(corpus_store).entities()
    assert graph.number_of_nodes() == len(entities)
    pairs = _expected_pairs(corpus_store)
    assert graph.number_of_edges() == len(set().union(*pairs.values()))
    for kind, wanted in pairs.items():
        found = {(a, b) for a, b, data in graph.edges(data=True) if int(data[f"{kind}_weight"]) > 0}
        assert found == wanted, kind
    for _, _, data in graph.edges(data=True):
        weights = [int(data[f"{k}_weight"]) for k in ("relation", "claim", "event")]
        assert int(data["weight"]) == sum(weights) > 0
        assert bool(data["relations"]) == (weights[0] > 0) and bool(data["claims"]) == (weights[1] > 0)
    for node, data in graph.nodes(data=True):
        assert data["type"] in ("PER", "ORG", "GPE", "LOC", "FAC", "WEA", "VEH"), node
        for value in data.values():
            assert isinstance(value, (str, int, float)), (node, data)  # nothing GraphML cannot carry
    damascus = next(e for e in entities if e.name == "Damascus" and e.type == "GPE")
    node = graph.nodes[damascus.id]
    assert node["label"] == "Damascus" and float(node["latitude"]) == damascus.lat


def test_claim_edges_carry_their_claim_ids(corpus_store: Store, tmp_path: Path) -> None:
    graph = nx.read_graphml(export_file(corpus_store, "graphml", tmp_path))
    ids = Corpus(corpus_store).resolution().ids
    doc = corpus_store.document("fakes-0482")
    claim = next(c for c in doc.claims if c.speaker and any(
        ids.get((doc.doc_id, a)) not in (None, ids[(doc.doc_id, c.speaker)]) for a in c.about))
    speaker = ids[(doc.doc_id, claim.speaker)]
    about = next(ids[(doc.doc_id, a)] for a in claim.about if ids[(doc.doc_id, a)] != speaker)
    edge = graph.edges[speaker, about]
    assert f"{doc.doc_id}/{claim.id}" in edge["claims"].split("; ")


def test_streamed_graphml_is_networkx_graphml_of_the_whole_graph(corpus_store: Store, tmp_path: Path) -> None:
    expected = "".join(line + "\n" for line in nx.generate_graphml(build_graph(corpus_store), named_key_ids=True))
    written = export_file(corpus_store, "graphml", tmp_path).read_text(encoding="utf-8")
    assert written.count("<edge ") > 20 and written == expected
    with Store(str(tmp_path / "empty.db")) as empty:  # an empty store: no keys, an empty graph element
        assert export_file(empty, "graphml", tmp_path).read_text(encoding="utf-8") == "".join(
            line + "\n" for line in nx.generate_graphml(nx.DiGraph(), named_key_ids=True))


def test_streamed_gexf_is_networkx_gexf_of_the_whole_graph(corpus_store: Store, tmp_path: Path) -> None:
    def networkx_gexf(graph: nx.DiGraph, day: str) -> str:
        return "".join(re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{day}"', line) + "\n"
                       for line in nx.generate_gexf(graph))

    written = export_file(corpus_store, "gexf", tmp_path).read_text(encoding="utf-8")
    assert written.count("<edge ") > 20 and written == networkx_gexf(build_graph(corpus_store),
                                                                     last_ingest_day(corpus_store))
    with Store(str(tmp_path / "empty.db")) as empty:  # an empty store: empty nodes and edges elements
        assert export_file(empty, "gexf", tmp_path).read_text(encoding="utf-8") == networkx_gexf(
            nx.DiGraph(), "1970-01-01")
