"""Full-text search over documents and claims, on both backends; kept in step with ingestion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph
from newsgraph.query import SearchSyntaxError, search
from newsgraph.store import Store


def test_search_finds_a_claim_by_a_word_of_its_evidence(asked: Store) -> None:
    from newsgraph.query import claims
    claim = next(c for c in claims(asked, by="Laurent Fabius") if "dismantle" in c.evidence[2])
    hits = search(asked, "dismantle", kind="claim")
    assert claim.id in [h.id for h in hits]
    hit = next(h for h in hits if h.id == claim.id)
    assert hit.marks and all(hit.snippet[a:b].lower().startswith("dismantl") for a, b in hit.marks)
    assert "<mark>" in hit.html() and "[bold reverse]" in hit.marked()


def test_search_ranks_documents_and_claims_with_facets(asked: Store) -> None:
    hits = search(asked, "chemical weapons")
    assert {h.kind for h in hits} == {"document", "claim"}
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    data = json.loads(json.dumps(hits[0].to_dict()))
    assert set(data) >= {"kind", "id", "doc_id", "outlet", "published", "snippet", "marks", "snippet_html"}


def test_a_query_the_database_cannot_parse_is_a_clear_error(asked: Store) -> None:
    if asked.engine.dialect.name == "postgresql":  # websearch_to_tsquery reads any text: no syntax errors
        assert isinstance(search(asked, 'AND OR "unbalanced'), list)
        return
    for bad in ("AND OR", '"unbalanced', "NOT"):
        with pytest.raises(SearchSyntaxError) as caught:
            search(asked, bad)
        assert repr(bad) in str(caught.value) and "not a valid full-text query" in str(caught.value)
    with pytest.raises(SearchSyntaxError):
        search(asked, "  ")


def test_a_store_made_before_the_index_gets_it_when_opened(tmp_path: Path) -> None:
    from sqlalchemy import text

    path = str(tmp_path / "old.db")
    with Store(path) as store:
        store.add(newsgraph.extract("The minister said the convoy reached Aleppo on Monday.", "2024-05-02",
                                    doc_id="convoy"))
        with store.engine.begin() as conn:  # as a store from before the query indexes looks
            conn.execute(text("DROP TABLE search_fts"))
            conn.execute(text("DROP TABLE claim_refs"))
            conn.execute(text("DELETE FROM newsgraph_meta WHERE key = 'search_index'"))
    with Store(path) as store:
        assert [h.id for h in search(store, "convoy", kind="document")] == ["convoy"]
