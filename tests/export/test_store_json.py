"""The corpus JSON of a store is written a record at a time (``export.store_json``): the same bytes as the one
corpus object ``build_corpus`` makes of the whole store, with the store's corpus ids and every claim's grades."""

from __future__ import annotations

import io
import json

from newsgraph.export import build_corpus, write_export
from newsgraph.store import Store
from newsgraph.store.corpus import Corpus


def _whole(store: Store) -> str:
    corpus = Corpus(store)
    found = build_corpus(store.documents(), corpus.resolution(), corpus.event_resolution(), corpus.claim_trust())
    return json.dumps(found, ensure_ascii=False, indent=2) + "\n"


def test_streamed_json_is_the_corpus_object_byte_for_byte(corpus_store: Store) -> None:
    out = io.StringIO()
    write_export(corpus_store, "json", out)
    assert out.getvalue() == _whole(corpus_store)
    exported = json.loads(out.getvalue())
    # the store's 18 articles, their cross-document entities first, and graded claims
    assert len(exported["documents"]) == 18
    assert len(exported["entities"][0]["documents"]) > 1
    assert any(c["grade"] for c in exported["claims"])
    assert exported["corpus_events"] and exported["relations"]


def test_an_empty_store_streams_the_empty_corpus(tmp_path: object) -> None:
    with Store(f"{tmp_path}/empty.db") as store:
        out = io.StringIO()
        write_export(store, "json", out)
        assert out.getvalue() == _whole(store)
        assert json.loads(out.getvalue()) == {"documents": [], "entities": [], "events": [], "claims": [],
                                              "relations": [], "corpus_events": []}
