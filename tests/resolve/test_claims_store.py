"""Claim links in the store, on SQLite and PostgreSQL: kept up to date at ingest, in any order equal to the
in-memory links, again after ``resolve --all``; a source's grade overridden in the store is shown by
``newsgraph source list`` and exported with its claims."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import build_corpus
from newsgraph.model import Document
from newsgraph.settings import settings
from newsgraph.store import Store, corpus_claims, corpus_sync
from newsgraph.store.corpus import Corpus


def _links(export: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {c["id"]: (c["corroborated_by"], c["contradicted_by"], c["independent_sources"], c["grade"])
            for c in export["claims"]}


def _stored(store: Store) -> dict[str, Any]:
    corpus = Corpus(store)
    return build_corpus(store.documents(), corpus.resolution(), corpus.event_resolution(), corpus.claim_trust())


def test_any_ingest_order_gives_the_in_memory_links(backend: Callable[[str], str],
                                                    fakes_docs: dict[str, Document]) -> None:
    docs = list(fakes_docs.values())
    expected = _links(build_corpus(docs))
    assert any(v[0] for v in expected.values()) and any(v[1] for v in expected.values())
    for name, order in (("forward", docs), ("backward", docs[::-1]), ("shuffled", docs[1::2] + docs[::2])):
        with Store(backend(name)) as store:
            for doc in order:
                store.add(doc)
            assert _links(_stored(store)) == expected, name
            if name == "forward":
                Corpus(store).resolve_all()
                assert _links(_stored(store)) == expected
                linked = Corpus(store).claims(linked=True)
                assert linked and all(c.corroborated_by or c.contradicted_by for c in linked)


def test_claim_links_recomputed_a_document_at_a_time_are_the_in_memory_links(
        backend: Callable[[str], str], fakes_docs: dict[str, Document], monkeypatch: pytest.MonkeyPatch) -> None:
    # the refresh after an entity many documents cite changes its id goes in groups of documents; groups of
    # one (every link between two documents made by the later one, with both views fresh) change nothing
    one = replace(settings(), store=replace(settings().store, refresh_documents=1))
    monkeypatch.setattr(corpus_claims, "settings", lambda: one)
    docs = list(fakes_docs.values())
    expected = _links(build_corpus(docs))
    with Store(backend("groups")) as store:
        for doc in docs:
            store.add(doc)
        assert _links(_stored(store)) == expected
        Corpus(store).resolve_all()  # every document's claims refreshed again, one at a time
        assert _links(_stored(store)) == expected


def test_claim_links_compared_a_partner_at_a_time_are_the_in_memory_links(
        backend: Callable[[str], str], fakes_docs: dict[str, Document], monkeypatch: pytest.MonkeyPatch) -> None:
    # a refresh reads its claims' partners' stored views a chunk at a time (its working set); chunks of one
    # partner (and of one key in every other chunked read) change nothing
    monkeypatch.setattr(corpus_sync, "_CHUNK", 1)
    docs = list(fakes_docs.values())
    expected = _links(build_corpus(docs))
    with Store(backend("chunks")) as store:
        for doc in docs:
            store.add(doc)
        assert _links(_stored(store)) == expected


def test_a_grade_given_in_the_store_is_listed_and_exported(backend: Callable[[str], str],
                                                         fakes_docs: dict[str, Document]) -> None:
    url = backend("graded")
    with Store(url) as store:  # FA-KES row 42 is Daily Sabah's ("dailysabah" in the corpus's source column)
        store.add(replace(fakes_docs["fakes-0042"], source="dailysabah"))
    runner = CliRunner()
    before = json.loads(runner.invoke(app, ["export", "--db", url]).stdout)
    outlet = [c for c in before["claims"] if c["source"] == "Daily Sabah"]
    assert outlet and all(c["source_grade"] == "C" for c in outlet)
    done = runner.invoke(app, ["source", "grade", "dailysabah", "b", "--note", "checked", "--db", url])
    assert done.exit_code == 0, done.output
    listed = json.loads(runner.invoke(app, ["source", "list", "--format", "json", "--db", url]).stdout)
    entry = next(s for s in listed if s["name"] == "Daily Sabah")
    assert entry["grade"] == "B" and entry["overridden"] and entry["why"] == "checked"
    after = json.loads(runner.invoke(app, ["export", "--db", url]).stdout)
    assert {c["source_grade"] for c in after["claims"] if c["source"] == entry["name"]} == {"B"}
    refused = runner.invoke(app, ["source", "grade", "SOHR", "G", "--db", url])
    assert refused.exit_code != 0 and "one of A, B, C, D, E, F" in refused.output


def test_a_refresh_compares_only_the_pairs_of_claims_whose_view_changed(
        backend: Callable[[str], str], fakes_docs: dict[str, Document], monkeypatch: pytest.MonkeyPatch) -> None:
    # a document refreshed for an id that moved keeps the links of its claims whose view did not change; a claim
    # whose stored view is not its view now (here: blanked) is linked again with every claim sharing a key
    from sqlalchemy import select, update

    from newsgraph.store import schema
    docs = list(fakes_docs.values())
    expected = _links(build_corpus(docs))
    compared: list[tuple[str, str]] = []
    real = corpus_claims.compare

    def counting(a: Any, b: Any) -> Any:
        compared.append((a.key, b.key))
        return real(a, b)

    monkeypatch.setattr(corpus_claims, "compare", counting)
    c = schema.corpus_claims
    with Store(backend("unchanged")) as store:
        for doc in docs:
            store.add(doc)
        with store.engine.begin() as conn:
            pks = set(conn.execute(select(c.c.doc_pk)).scalars())
            compared.clear()
            corpus_claims.refresh(conn, pks)  # nothing moved since the ingests: every view is the stored one
        assert compared == []
        assert _links(_stored(store)) == expected
        with store.engine.begin() as conn:
            blanked = sorted(conn.execute(select(c.c.claim).where(c.c.doc_pk == min(pks))).scalars())
            conn.execute(update(c).where(c.c.doc_pk == min(pks)).values(view="{}"))
            corpus_claims.refresh(conn, pks)
        assert compared and all(a in blanked or b in blanked for a, b in compared)
        assert _links(_stored(store)) == expected
