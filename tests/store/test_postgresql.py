"""What is particular to a team's PostgreSQL server: the privileges users need, the column types, what
``check`` can see there."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import make_url, text

import newsgraph
from newsgraph.errors import StoreError
from newsgraph.store import Store
from tests.store_backends import fresh_database

DOC = "Turkey said on Sunday its drones had struck targets near Qamishli, killing nine fighters."
OTHER = "The Kurdish-led SDF said on Monday that two of its fighters were killed in the strikes near Qamishli."


@pytest.fixture
def roles(pg_url: str) -> Iterator[dict[str, str]]:
    """Three new login roles: a reader, a writer and an outsider; their URLs for the pg_url database."""
    url = make_url(pg_url)
    names = {kind: f"newsgraph_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("reader", "writer", "outsider")}
    with psycopg.connect(pg_url, autocommit=True) as admin:
        for name in names.values():
            admin.execute(f"CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}'")
    try:
        yield {kind: url.set(username=name, password=f"pw-{name}").render_as_string(hide_password=False)
               for kind, name in names.items()}
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            for name in names.values():
                admin.execute(f"DROP OWNED BY {name}")
        with psycopg.connect(make_url(pg_url).set(database="postgres").render_as_string(hide_password=False),
                             autocommit=True) as admin:
            for name in names.values():
                admin.execute(f"DROP ROLE {name}")


def test_the_privileges_the_readme_lists_are_enough(pg_url: str, pg_admin_url: str, roles: dict[str, str]) -> None:
    first = newsgraph.extract(DOC, "2024-01-07", doc_id="strike")
    with Store(pg_url) as owner:  # the database's owner opens it first: the schema is created
        owner.add(first)
        with owner.engine.begin() as conn:
            reader, writer = (make_url(roles[k]).username for k in ("reader", "writer"))
            conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}, {writer}"))
            conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {writer}"))
            conn.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {writer}"))
    second = newsgraph.extract(OTHER, "2024-01-08", doc_id="sdf")
    with Store(roles["writer"]) as store:
        assert store.add(second) == ("sdf", True) and store.add(first) == ("strike", False)
        with store.writer_lock():  # advisory locks need no privilege
            pass
    with Store(roles["reader"]) as store:
        assert [i.doc_id for i in store.infos()] == ["strike", "sdf"] and store.check() == []
        with pytest.raises(StoreError, match=r"permission denied for table documents"):
            store.add(newsgraph.extract("Syria said talks would resume on Tuesday.", "2024-01-02"))
    with pytest.raises(StoreError, match=r"permission denied for table newsgraph_meta \(readers need GRANT SELECT"):
        Store(roles["outsider"])
    # a user who does not own a new database, and may not create tables in it, is told what to grant
    with fresh_database(pg_admin_url) as empty, pytest.raises(StoreError) as raised:
        Store(make_url(empty).set(username=make_url(roles["writer"]).username,
                                  password=make_url(roles["writer"]).password).render_as_string(hide_password=False))
    assert "may not create tables in schema public (GRANT CREATE ON SCHEMA public" in str(raised.value)


def test_check_on_postgresql_reports_a_missing_foreign_key(pg_url: str) -> None:
    with Store(pg_url) as store:
        store.add(newsgraph.extract(DOC, "2024-01-07"))
        with store.engine.begin() as conn:
            conn.execute(text("ALTER TABLE events DROP CONSTRAINT events_doc_pk_fkey"))
            conn.execute(text("INSERT INTO events (doc_pk, local_id, seq, type, trigger, actors, targets, "
                              "ev_start, ev_end, ev_text) VALUES (999, 'v1', 0, 'ASSAULT', 'x', '[]', '[]', 0, 1, 'x')"))
        assert store.check() == ["table events has no valid foreign key to its document", "1 orphan rows in events"]


def test_postgresql_lists_are_jsonb_and_strings_unbounded(pg_url: str) -> None:
    long_name = "The " + "Very " * 80 + "Long Coalition of Independent Monitoring Organisations"
    doc = newsgraph.extract(f"{long_name} said on Monday that the ceasefire had collapsed.", "2024-01-01",
                            doc_id="x" * 300)
    with Store(pg_url) as store:  # VARCHAR(n) would refuse these on PostgreSQL alone
        assert store.add(doc) == ("x" * 300, True)
        assert store.document("x" * 300) == doc
        with store.engine.connect() as conn:
            kinds = dict(conn.execute(text("SELECT column_name, data_type FROM information_schema.columns "
                                           "WHERE table_name = 'entities'")).all())
    assert kinds["aliases"] == kinds["roles"] == "jsonb" and kinds["name"] == kinds["global_id"] == "text"


