"""Stored claim grades (``newsgraph.store.claim_grades``) are the grades worked out per query, for every claim of
the shared development articles and our examples: after each ingest, in two orders, after an analyst grades a
source (an outlet of the corpus, a speaker no grades file knows), after a merge, and after ``resolve --all``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

import newsgraph
from newsgraph.model import Document
from newsgraph.store import Store, schema
from newsgraph.store.claim_assessments import computed_trust, trust_of
from newsgraph.store.claim_grades import stored
from newsgraph.store.corpus import Corpus
from newsgraph.store.source_grades import grade_source
from tests.shared import shared_articles
from tests.store_backends import BACKENDS, fresh_database


@pytest.fixture(scope="module")
def docs(shared_dir: Path, examples_dir: Path) -> list[Document]:
    out = [newsgraph.extract(text, published, doc_id=doc_id) for doc_id, text, published in shared_articles()]
    for path in sorted(examples_dir.glob("*.txt")):
        out.append(newsgraph.extract(path.read_text(encoding="utf-8"), "2025-01-15", doc_id=path.stem))
    return out


@pytest.fixture(params=BACKENDS)
def filled(request: pytest.FixtureRequest, tmp_path: Path, docs: list[Document]) -> Iterator[Store]:
    """A store holding ``docs``: a SQLite file, then a PostgreSQL database."""
    def fill(url: str) -> Iterator[Store]:
        with Store(url) as store:
            for doc in docs:
                store.add(doc)
            yield store
    if request.param == "sqlite":
        yield from fill(str(tmp_path / "graded.db"))
        return
    with fresh_database(request.getfixturevalue("pg_admin_url")) as url:
        yield from fill(url)


def _claims(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return sorted(conn.execute(select(schema.corpus_claims.c.claim)).scalars())


def assert_stored_is_computed(store: Store) -> None:
    keys = _claims(store)
    everything = Corpus(store).claim_trust()  # every claim graded at once, from the claim layer's rows
    with store.engine.connect() as conn:
        kept = stored(conn, keys)
        assert set(kept) == set(keys), "a claim without a stored grade"
        assert kept == computed_trust(conn, keys) == {k: everything[k] for k in keys}
        assert trust_of(conn, keys) == kept


def test_every_claim_is_stored_as_computed_after_each_ingest(tmp_path: Path, docs: list[Document]) -> None:
    for name, order in (("forward", docs), ("backward", docs[::-1])):
        with Store(str(tmp_path / f"{name}.db")) as store:
            for doc in order:
                store.add(doc)
                assert_stored_is_computed(store)
            with store.engine.connect() as conn:
                kept = stored(conn, _claims(store))
                assert [v for v in kept.values() if v[0] or v[1]], "the articles corroborate or contradict each other"
                # asked for alone, a claim is graded as among all (its in-document disputes in both directions)
                assert all(computed_trust(conn, [k]) == {k: v} for k, v in kept.items())


def test_grading_a_source_regrades_its_claims_and_their_partners(filled: Store) -> None:
    with filled.engine.connect() as conn:
        before = stored(conn, _claims(filled))
    outlets = sorted({t.source for _, _, t, _ in before.values() if t.source})
    assert outlets, "some claims have a graded source"
    for outlet in outlets[:3]:
        for grade in ("A", "E"):
            grade_source(filled, outlet, grade)
            assert_stored_is_computed(filled)
    with filled.engine.connect() as conn:
        after = stored(conn, _claims(filled))
    moved = [k for k in before if before[k][2].source == outlets[0]]
    assert moved and all(after[k][2].source_grade == "E" for k in moved)
    # a speaker no grades file knows becomes a graded source of its claims
    speaker = next(t for t in (r.speaker_text for r in _claim_rows(filled)) if t and len(t.split()) > 1)
    grade_source(filled, speaker, "B")
    assert_stored_is_computed(filled)


def _claim_rows(store: Store) -> list[object]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(schema.claims).order_by(schema.claims.c.doc_pk, schema.claims.c.seq)))


def test_a_merge_and_resolve_all_keep_stored_grades_in_step(filled: Store) -> None:
    corpus = Corpus(filled)
    people = sorted((e for e in corpus.entities("PER")), key=lambda e: (-e.mentions, e.id))
    corpus.merge(people[0].id, people[1].id)
    assert_stored_is_computed(filled)
    corpus.resolve_all()
    assert_stored_is_computed(filled)
    with filled.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.corpus_claim_grades)).scalar_one() == len(
            _claims(filled))
