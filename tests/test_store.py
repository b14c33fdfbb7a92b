"""The store: exact round-trips, idempotent adds, versions, corpus ids and export, integrity."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import StoreError
from newsgraph.export import build_corpus
from newsgraph.model import Entity
from newsgraph.resolve.ids import corpus_entity_id, normalise_name
from newsgraph.store import Store

A = ("Iran's foreign minister Hossein Amir-Abdollahian met Bashar al-Assad in Damascus on March 4, 2023. "
     "Amir-Abdollahian said Iran would keep supporting Syria, the state news agency IRNA reported.")
B = ("Bashar al-Assad received a Russian delegation in Damascus on Tuesday. "
     "The Kremlin said Russia and Syria had agreed to expand military cooperation.")


@pytest.fixture(scope="module")
def docs() -> tuple[newsgraph.Document, newsgraph.Document]:
    return newsgraph.extract(A, "2023-03-05", doc_id="a"), newsgraph.extract(B, "2023-03-08", doc_id="b")


def test_document_round_trips_exactly(db_path: Path, dev_article: str) -> None:
    doc = newsgraph.extract(dev_article, "2023-05-20", doc_id="alma", title="Alma study", url="https://x/1")
    with Store(db_path) as store:
        assert store.add(doc, origin="test") == ("alma", True)
        assert store.document("alma") == doc
        assert store.check() == []
    with Store(db_path) as reopened:  # and from a fresh connection
        assert reopened.document("alma") == doc
        with pytest.raises(KeyError):
            reopened.document("nope")


def test_adding_the_same_text_twice_adds_nothing(db_path: Path, docs) -> None:
    a, _ = docs
    with Store(db_path) as store:
        assert store.add(a) == ("a", True)
        assert store.add(a) == ("a", False)
        renamed = newsgraph.Document(**{**a.__dict__, "doc_id": "other-name"})
        assert store.add(renamed) == ("a", False)  # identity is the text, not the name
        assert len(store) == 1


def test_new_text_at_same_url_keeps_both_versions(db_path: Path) -> None:
    v1 = newsgraph.extract("Syria said talks would resume on Monday.", "2024-01-01", doc_id="story", url="https://x/s")
    v2 = newsgraph.extract("Syria said talks would resume on Tuesday.", "2024-01-02", doc_id="story", url="https://x/s")
    with Store(db_path) as store:
        first, _ = store.add(v1)
        second, added = store.add(v2)
        assert added and first == "story" and second.startswith("story-")
        versions = store.versions("https://x/s")
        assert [v.published for v in versions] == ["2024-01-01", "2024-01-02"]
        assert store.document(second).text == v2.text


def test_corpus_entities_are_shared_across_documents_and_stable(tmp_path: Path, docs) -> None:
    exports = []
    for run in ("one", "two"):
        with Store(tmp_path / f"{run}.db") as store:
            for doc in docs:
                store.add(doc)
            exports.append(build_corpus(store.documents()))
    assert exports[0] == exports[1]  # same input, same ids and output
    corpus = exports[0]
    damascus = [e for e in corpus["entities"] if e["name"] == "Damascus"]
    assert len(damascus) == 1 and damascus[0]["documents"] == ["a", "b"]
    ids = {e["id"] for e in corpus["entities"]}
    for event in corpus["events"]:
        assert set(event["actors"]) | set(event["targets"]) <= ids
    for claim in corpus["claims"]:
        assert claim["speaker"] is None or claim["speaker"] in ids
        assert claim["corroborated_by"] == [] or all("/" in c for c in claim["corroborated_by"])
    texts = {d.doc_id: d.text for d in docs}
    for item in corpus["claims"] + corpus["events"]:
        ev = item["evidence"]
        assert texts[item["doc_id"]][ev["start"]:ev["end"]] == ev["text"]


def test_entities_query_merges_and_filters(db_path: Path, docs) -> None:
    with Store(db_path) as store:
        for doc in docs:
            store.add(doc)
        gpes = store.entities("GPE")
        assert gpes and all(e.type == "GPE" for e in gpes)
        assert gpes[0].name in {"Damascus", "Syria"} and len(gpes[0].documents) == 2
        assert store.counts()["documents"] == 2


def test_corpus_ids_fold_spelling_variants() -> None:
    assert normalise_name("The Alma Research and Education Center") == "alma-research-and-education-center"
    plain = Entity(id="e1", name="Ebrahim Raïsi", type="PER")
    other = Entity(id="e9", name="ebrahim raisi", type="PER")
    assert corpus_entity_id(plain) == corpus_entity_id(other) == "per:ebrahim-raisi"
    assert corpus_entity_id(Entity(id="e1", name="دمشق", type="GPE")).startswith("gpe:")
    assert corpus_entity_id(Entity(id="e2", name="Homs", type="GPE", geonames_id=169577)) == "geonames:169577"
    assert corpus_entity_id(Entity(id="e3", name="Iran", type="GPE", country="IR")) == "country:IR"


def test_sqlite_store_uses_wal(db_path: Path) -> None:
    with Store(db_path) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_bad_store_paths_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "dir.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database, just text " * 200)
    with pytest.raises(StoreError):
        Store(junk)
