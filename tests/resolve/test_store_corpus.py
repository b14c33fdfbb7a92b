"""The corpus graph in the store: resolved at ingest, order independent, corrected by an analyst.

Every test takes its store from the ``store``/``new_store`` fixtures (tests/resolve/conftest.py),
so the same tests can run against another database; the code under test is SQLAlchemy Core only.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.errors import CorrectionError
from newsgraph.export import build_corpus
from newsgraph.model import Document
from newsgraph.resolve import resolve_documents
from newsgraph.store import Store
from newsgraph.store.corpus import Corpus

HAFEZ = "Hafez al-Assad ruled Syria for three decades until his death in 2000. Assad built the army his son inherited."


@pytest.fixture
def corpus_docs(fakes_docs: dict[str, Document], example_docs: dict[str, Document]) -> list[Document]:
    return [*fakes_docs.values(), *example_docs.values()]


def export(store: Store) -> dict:
    return build_corpus(store.documents(), Corpus(store).resolution())


def entity_of(store: Store, doc_id: str, name: str) -> str:
    doc = store.document(doc_id)
    entity = doc.entity_named(name)
    assert entity is not None, (doc_id, name)
    return Corpus(store).resolution().ids[(doc_id, entity.id)]


def test_the_store_resolves_each_document_as_the_whole_set_would(store: Store, corpus_docs: list[Document]) -> None:
    for doc in corpus_docs:
        store.add(doc)
    stored = Corpus(store).resolution()
    assert dict(stored.ids) == dict(resolve_documents(corpus_docs).ids)
    status = Corpus(store).status()
    assert status.pending == 0 and status.members == sum(len(d.entities) for d in corpus_docs)
    assert store.check() == []
    # the export lists every document that mentions each corpus entity, and references only corpus ids
    corpus = export(store)
    ids = {e["id"] for e in corpus["entities"]}
    for doc in corpus_docs:
        for entity in doc.entities:
            record = next(e for e in corpus["entities"] if e["id"] == stored.ids[(doc.doc_id, entity.id)])
            assert doc.doc_id in record["documents"]
            member = next(m for m in record["members"] if m["doc_id"] == doc.doc_id and m["entity"] == entity.id)
            assert [doc.text[s:e] for s, e in member["mentions"]] == [m.text for m in entity.mentions]
    for event in corpus["events"]:
        assert set(event["actors"]) | set(event["targets"]) <= ids
    assert all(r["subject"] in ids and r["object"] in ids for r in corpus["relations"])
    syria = next(e for e in corpus["entities"] if e["id"] == "country:SY")
    assert syria["name"] == "Syria" and set(syria["documents"]) >= set(d for d in syria["attested"]["names"]["Syria"])


def test_any_order_gives_the_same_corpus(new_store: Callable[[str], Store], corpus_docs: list[Document]) -> None:
    exports = []
    for name, order in (("forward", corpus_docs), ("backward", corpus_docs[::-1]),
                        ("shuffled", corpus_docs[1::2] + corpus_docs[::2])):
        with new_store(name) as store:
            for doc in order:
                store.add(doc)
            exports.append(export(store))
    assert exports[0] == exports[1] == exports[2]


def test_a_merge_survives_new_documents_and_re_resolution(store: Store, fakes_docs: dict[str, Document],
                                                          write: Callable[[str, str], Document]) -> None:
    hafez = write("hafez", HAFEZ)
    for doc in (*fakes_docs.values(), hafez):
        store.add(doc)
    corpus = Corpus(store)
    assad = entity_of(store, "hafez", "Hafez al-Assad")
    monitor, director = entity_of(store, "fakes-0042", "Syrian Observatory for Human Rights"), \
        entity_of(store, "fakes-0042", "Rami Abdel Rahman")
    assert monitor != director
    merged = corpus.merge(monitor, director, note="test: one record for the monitor and its director")
    assert set(merged.documents) >= {"fakes-0042", "fakes-0063"}
    assert entity_of(store, "fakes-0063", "Rami Abdel Rahman") == entity_of(store, "fakes-0042",
                                                                            "Syrian Observatory for Human Rights")
    # the same documents again change nothing; a new one joins; re-resolution keeps the judgement
    for doc in fakes_docs.values():
        assert store.add(doc)[1] is False
    store.add(write("late", "Rami Abdel Rahman said on Sunday that at least 12 civilians were killed in Idlib."))
    corpus.resolve_all()
    assert entity_of(store, "late", "Rami Abdel Rahman") == entity_of(store, "fakes-0042",
                                                                      "Syrian Observatory for Human Rights")
    assert entity_of(store, "hafez", "Hafez al-Assad") == assad
    assert [j.kind for j in corpus.judgements()] == ["same"]


def test_a_split_survives_new_documents_and_re_resolution(store: Store, fakes_docs: dict[str, Document],
                                                          write: Callable[[str, str], Document]) -> None:
    for doc in fakes_docs.values():
        store.add(doc)
    corpus = Corpus(store)
    syria = entity_of(store, "fakes-0063", "Syria")
    before = corpus.entity(syria)
    separate = corpus.split(syria, "fakes-0063", note="test: not the country", name="Syria")
    assert separate.id != syria and separate.documents == ("fakes-0063",)
    rest = corpus.entity(syria)
    assert "fakes-0063" not in rest.documents and len(rest.documents) == len(before.documents) - 1
    # a new report naming Syria joins the country, not the split-off entity; re-resolution keeps both apart
    store.add(write("later", "Syria said on Monday that its forces had retaken the town."))
    assert entity_of(store, "later", "Syria") == syria
    corpus.resolve_all()
    assert entity_of(store, "fakes-0063", "Syria") == separate.id
    assert entity_of(store, "later", "Syria") == syria
    assert {j.kind for j in corpus.judgements()} == {"detach", "different"}
    # and a merge undoes it
    corpus.merge(syria, separate.id)
    assert entity_of(store, "fakes-0063", "Syria") == entity_of(store, "later", "Syria")


def test_bad_corrections_are_refused_and_change_nothing(store: Store, fakes_docs: dict[str, Document]) -> None:
    for doc in fakes_docs.values():
        store.add(doc)
    corpus = Corpus(store)
    person, place = entity_of(store, "fakes-0042", "Rami Abdel Rahman"), entity_of(store, "fakes-0042", "Aleppo")
    only_one = entity_of(store, "fakes-0042", "PYD")
    before = (export(store), corpus.judgements(), corpus.candidates())
    refusals = [
        (lambda: corpus.merge(person, place), "cannot be one thing: a person is not a place"),
        (lambda: corpus.merge(person, person), "cannot be merged with itself"),
        (lambda: corpus.merge("country:SY", "country:IQ"), "two different countries"),
        (lambda: corpus.merge(person, "per:nobody-at-all"), "no such corpus entity"),
        (lambda: corpus.split(person, "fakes-0482"), "is not mentioned in fakes-0482"),
        (lambda: corpus.split(person, "no-such-doc"), "no such document"),
        (lambda: corpus.split(only_one, "fakes-0042"), "mentioned only in fakes-0042"),
        (lambda: corpus.split("org:nothing", "fakes-0042"), "no such corpus entity"),
        (lambda: corpus.split(place, "fakes-0042", name="Halab"), "no entity named 'Halab' in fakes-0042"),
    ]
    for attempt, message in refusals:
        with pytest.raises(CorrectionError, match=message):
            attempt()
    assert (export(store), corpus.judgements(), corpus.candidates()) == before
