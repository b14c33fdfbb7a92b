"""Corpus events read from the store a page at a time (``Corpus.iter_events``, ``newsgraph events``) are the
events of the in-memory corpus export, in its order, however small the pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import build_corpus
from newsgraph.store import Store, event_records
from newsgraph.store.corpus import Corpus


@pytest.mark.parametrize("page", [(2, 3), (100, 500)])
def test_paged_corpus_events_are_the_in_memory_corpus_events(corpus_store: Store, page: tuple[int, int],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_records, "_PAGE_EVENTS", page[0])
    monkeypatch.setattr(event_records, "_PAGE_ROWS", page[1])
    expected = build_corpus(list(corpus_store.documents()))["corpus_events"]
    corpus = Corpus(corpus_store)
    listed = [e.to_dict() for e in corpus.iter_events()]
    assert len(listed) > 10 and listed == expected
    told_twice = [e for e in expected if len(e["documents"]) >= 2]
    assert told_twice and [e.to_dict() for e in corpus.iter_events(min_documents=2)] == told_twice
    assert [e.to_dict() for e in corpus.events(limit=3)] == expected[:3]
    place = told_twice[0]["place"]
    assert [e.to_dict() for e in corpus.iter_events(place=place)] == [e for e in expected if place in e["places"]]
    assert corpus.event(expected[-1]["id"]).to_dict() == expected[-1]


def test_events_command_streams_the_same_json(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_records, "_PAGE_EVENTS", 3)
    with Store(str(corpus_db)) as store:
        expected = [e.to_dict() for e in Corpus(store).events(limit=7)]
    result = CliRunner().invoke(app, ["events", "--db", str(corpus_db), "--format", "json", "--limit", "7"])
    assert result.exit_code == 0, result.output
    assert len(expected) == 7 and result.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    # No event is told by 10,000 documents: the stream of an empty answer is still one JSON array.
    empty = CliRunner().invoke(app, ["events", "--db", str(corpus_db), "--format", "json", "--min-documents", "10000"])
    assert empty.exit_code == 0 and empty.stdout == "[]\n"
