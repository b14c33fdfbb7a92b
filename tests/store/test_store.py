"""The store, on SQLite and on PostgreSQL: exact round-trips, idempotent adds, versions, corpus ids and export,
integrity checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

import newsgraph
from newsgraph.errors import StoreError
from newsgraph.export import build_corpus
from newsgraph.ingest import read_paths
from newsgraph.model import Document, Entity, SourceDocument
from newsgraph.pipeline import extract_source
from newsgraph.resolve.ids import corpus_entity_id, normalise_name
from newsgraph.store import Store, schema

A = ("Iran's foreign minister Hossein Amir-Abdollahian met Bashar al-Assad in Damascus on March 4, 2023. "
     "Amir-Abdollahian said Iran would keep supporting Syria, the state news agency IRNA reported.")
B = ("Bashar al-Assad received a Russian delegation in Damascus on Tuesday. "
     "The Kremlin said Russia and Syria had agreed to expand military cooperation.")


@pytest.fixture(scope="module")
def docs() -> tuple[newsgraph.Document, newsgraph.Document]:
    return newsgraph.extract(A, "2023-03-05", doc_id="a"), newsgraph.extract(B, "2023-03-08", doc_id="b")


@pytest.fixture(scope="module")
def real_documents(examples_dir: Path, shared_dir: Path) -> list[tuple[Document, str]]:
    """Our examples and the shared development articles through the real readers and pipeline, with their origin."""
    paths = sorted(p for p in examples_dir.iterdir() if p.is_file()) + sorted((shared_dir / "corpus").glob("*.txt"))
    items = [i for i in read_paths(paths) if isinstance(i, SourceDocument)]
    assert len(items) >= 10
    return [(extract_source(item), item.origin) for item in items]


def test_real_articles_round_trip_exactly(store_url: str, real_documents: list[tuple[Document, str]]) -> None:
    with Store(store_url) as store:
        for doc, origin in real_documents:
            assert store.add(doc, origin=origin) == (doc.doc_id, True)
        assert store.check() == []
    with Store(store_url) as reopened:  # from a fresh connection: every field, offset and list order as added
        assert list(reopened.documents()) == [doc for doc, _ in real_documents]
        infos = reopened.infos()
        assert [i.origin for i in infos] == [origin for _, origin in real_documents]
        assert [i.chars for i in infos] == [len(doc.text) for doc, _ in real_documents]
        assert sum(len(d.entities) for d, _ in real_documents) == sum(
            reopened.counts()["entity_mentions_by_type"].values())


def test_document_round_trips_exactly(store_url: str, dev_article: str) -> None:
    doc = newsgraph.extract(dev_article, "2023-05-20", doc_id="alma", title="Alma study", url="https://x/1")
    with Store(store_url) as store:
        assert store.add(doc, origin="test") == ("alma", True)
        assert store.document("alma") == doc
        assert store.check() == []
    with Store(store_url) as reopened:  # and from a fresh connection
        assert reopened.document("alma") == doc
        with pytest.raises(KeyError):
            reopened.document("nope")


def test_adding_the_same_text_twice_adds_nothing(store_url: str, docs) -> None:
    a, _ = docs
    with Store(store_url) as store:
        assert store.add(a) == ("a", True)
        assert store.add(a) == ("a", False)
        renamed = newsgraph.Document(**{**a.__dict__, "doc_id": "other-name"})
        assert store.add(renamed) == ("a", False)  # identity is the text, not the name
        assert len(store) == 1
    with Store(store_url) as reopened:  # and in a later session
        assert reopened.add(a) == ("a", False) and len(reopened) == 1


def test_new_text_at_same_url_keeps_both_versions(store_url: str) -> None:
    v1 = newsgraph.extract("Syria said talks would resume on Monday.", "2024-01-01", doc_id="story", url="https://x/s")
    v2 = newsgraph.extract("Syria said talks would resume on Tuesday.", "2024-01-02", doc_id="story", url="https://x/s")
    with Store(store_url) as store:
        first, _ = store.add(v1)
        second, added = store.add(v2)
        assert added and first == "story" and second == f"story-{v2.text_sha256[:8]}"
        versions = store.versions("https://x/s")
        assert [v.published for v in versions] == ["2024-01-01", "2024-01-02"]
        assert store.document(second).text == v2.text
        assert store.document("story").text == v1.text


def test_corpus_export_is_the_same_on_every_backend_and_run(store_url: str, tmp_path: Path, docs) -> None:
    exports = []
    for where in (store_url, str(tmp_path / "reference.db")):
        with Store(where) as store:
            for doc in docs:
                store.add(doc)
            exports.append(build_corpus(store.documents()))
    assert exports[0] == exports[1]  # same input, same ids and output, whichever database holds it
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


def test_entities_query_merges_and_filters(store_url: str, docs) -> None:
    with Store(store_url) as store:
        for doc in docs:
            store.add(doc)
        gpes = store.entities("GPE")
        assert gpes and all(e.type == "GPE" for e in gpes)
        assert gpes[0].name in {"Damascus", "Syria"} and len(gpes[0].documents) == 2
        assert store.counts()["documents"] == 2


def test_check_reports_damage_done_behind_the_stores_back(store_url: str, docs) -> None:
    a, b = docs
    with Store(store_url) as store:
        store.add(a)
        store.add(b)
        assert store.check() == []
        with store.engine.begin() as conn:
            conn.execute(update(schema.documents).where(schema.documents.c.doc_id == "b")
                         .values(text=b.text.replace("Damascus", "Homs    ")))
        problems = store.check()
    assert "b: the text does not match its SHA-256" in problems
    assert any(p.startswith("b: mention ") and "does not match the text" in p for p in problems)
    assert not any(p.startswith("a:") for p in problems)


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
    with pytest.raises(StoreError, match="file is not a database"):
        Store(junk)
