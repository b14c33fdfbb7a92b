"""The streamed exports read a PostgreSQL store as they read SQLite: the same records (ids are hashes of corpus
ids, which do not depend on the backend or on the order documents were added)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import stix2

from newsgraph.export.run import to_path
from newsgraph.store import Store
from tests.export.helpers import export_file


def _ftm_ids(path: Path) -> set[str]:
    return {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()}


def test_every_backend_exports_the_same_records(corpus_store: Store, store_url: str, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with Store(store_url) as copy:
        for doc in reversed(list(corpus_store.documents())):  # another order, another backend
            copy.add(doc)
        assert _ftm_ids(export_file(copy, "ftm", tmp_path / "a")) == _ftm_ids(
            export_file(corpus_store, "ftm", tmp_path / "b"))
        bundle = stix2.parse(export_file(copy, "stix", tmp_path / "a").read_text(encoding="utf-8"),
                             allow_custom=False)
        theirs = json.loads(export_file(corpus_store, "stix", tmp_path / "b").read_text(encoding="utf-8"))
        assert {o.id for o in bundle.objects} == {o["id"] for o in theirs["objects"]}
        graph = nx.read_graphml(export_file(copy, "graphml", tmp_path / "a"))
        other = nx.read_graphml(export_file(corpus_store, "graphml", tmp_path / "b"))
        assert set(graph.edges) == set(other.edges)
        to_path(copy, "csv", tmp_path / "a" / "tables")
        to_path(corpus_store, "csv", tmp_path / "b" / "tables")
        for name in ("events.csv", "claims.csv"):
            mine = (tmp_path / "a" / "tables" / name).read_text(encoding="utf-8").splitlines()
            assert sorted(mine) == sorted((tmp_path / "b" / "tables" / name).read_text(encoding="utf-8").splitlines())
