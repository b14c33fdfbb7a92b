"""Corpus events in the store, on SQLite and PostgreSQL: kept up to date at ingest (inside ``Store.add``'s
transaction), in any order equal to the in-memory resolution, again after ``resolve --all`` and after an
analyst's correction; counts stored and exported; the ``newsgraph events`` command."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import build_corpus
from newsgraph.model import Document
from newsgraph.resolve import resolve_documents
from newsgraph.resolve.events import resolve_events
from newsgraph.store import Store
from newsgraph.store.corpus import Corpus


@pytest.fixture
def corpus_docs(fakes_docs: dict[str, Document], example_docs: dict[str, Document]) -> list[Document]:
    return [*fakes_docs.values(), *list(example_docs.values())[:10]]


def test_any_ingest_order_gives_the_in_memory_corpus_events(backend: Callable[[str], str],
                                                            corpus_docs: list[Document]) -> None:
    expected = resolve_events(corpus_docs, resolve_documents(corpus_docs)).ids
    for name, order in (("forward", corpus_docs), ("backward", corpus_docs[::-1]),
                        ("shuffled", corpus_docs[1::2] + corpus_docs[::2])):
        with Store(backend(name)) as store:
            for doc in order:
                store.add(doc)
            corpus = Corpus(store)
            assert dict(corpus.event_resolution().ids) == dict(expected), name
            assert store.check() == []
            if name == "forward":
                corpus.resolve_all()
                assert dict(corpus.event_resolution().ids) == dict(expected)
                # the store's export is the in-memory export, corpus events and counts included
                exported = build_corpus(store.documents(), corpus.resolution(), corpus.event_resolution())
                assert exported == build_corpus(corpus_docs)


def test_quantities_round_trip_and_the_store_lists_corpus_events(backend: Callable[[str], str],
                                                                 fakes_docs: dict[str, Document]) -> None:
    with Store(backend("events")) as store:
        for doc in fakes_docs.values():
            store.add(doc)
            assert store.document(doc.doc_id) == doc  # counts of events and claims included
        corpus = Corpus(store)
        events = corpus.events(min_documents=2)
        hasakeh = next(e for e in events if set(e.documents) == {"fakes-0042", "fakes-0063"})
        assert hasakeh.type == "ASSAULT" and hasakeh.date_start == "2016-07-05"
        # the most precise place the reports give: the city, or its Salihiah neighbourhood at the city's point
        assert corpus.entity(hasakeh.place).name in ("Hasakeh", "Hasakah", "Salihiah")
        killed = [f for f in hasakeh.figures if f.counted == "killed"]
        assert killed and all(f.best == 16 for f in killed)
        assert corpus.events(entity=hasakeh.place, min_documents=2)[0].id == hasakeh.id
        assert corpus.event(hasakeh.id).reports == hasakeh.reports


def test_a_correction_refreshes_the_corpus_events(backend: Callable[[str], str],
                                                  write: Callable[[str, str], Document]) -> None:
    a = write("outlet-a", "A suicide bomber blew himself up at a checkpoint in Azaz, the Observatory said.")
    b = write("outlet-b", "A suicide bomber blew himself up at the market in Azaz, killing 7 people.")
    with Store(backend("correction")) as store:
        store.add(a)
        store.add(b)
        corpus = Corpus(store)
        ids = corpus.event_resolution().ids
        assert ids[("outlet-a", "v1")] == ids[("outlet-b", "v1")]
        azaz = corpus.resolution().ids[("outlet-b", b.events[0].location)]
        corpus.split(azaz, "outlet-b", note="test: another Azaz")
        ids = corpus.event_resolution().ids
        assert ids[("outlet-a", "v1")] != ids[("outlet-b", "v1")]
        corpus.merge(azaz, corpus.resolution().ids[("outlet-b", b.events[0].location)])
        ids = corpus.event_resolution().ids
        assert ids[("outlet-a", "v1")] == ids[("outlet-b", "v1")]


def test_events_command(tmp_path: Path, fakes_docs: dict[str, Document]) -> None:
    db = str(tmp_path / "cli.db")
    with Store(db) as store:
        for doc in fakes_docs.values():
            store.add(doc)
    runner = CliRunner()
    result = runner.invoke(app, ["events", "--db", db, "--format", "json", "--min-documents", "2"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert any(set(e["documents"]) == {"fakes-0042", "fakes-0063"} for e in listed)
    table = runner.invoke(app, ["events", "--db", db, "--limit", "3"])
    assert table.exit_code == 0 and "fakes-0042/v1" in table.stdout and "killed" in table.stdout
    missing = runner.invoke(app, ["events", "--db", db, "--entity", "per:nobody"])
    assert missing.exit_code == 1 and "no such corpus entity" in missing.stderr
