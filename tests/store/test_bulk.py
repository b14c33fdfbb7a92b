"""``store.bulk.execute`` runs the corpus layer's prepared statements as SQLAlchemy would: the same rows read,
the same rows changed, for IN lists of any length (none included), values written in the statement, and
executemany updates."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

import newsgraph
from newsgraph.store import Store, claim_grades, corpus_sync, driver, schema
from newsgraph.store.bulk import among, execute, insert_rows
from newsgraph.store.rows import child_rows

_n, _i = schema.corpus_nodes, schema.corpus_claim_grade_inputs


def _store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "s.db")
    with store.writer_lock() as conn:
        insert_rows(conn, _n, [{"node": f"n{k}", "block": f"b{k % 3}", "corpus_id": f"c{k}", "type": "PER",
                                "members": k, "profile": "{}"} for k in range(12)])
        insert_rows(conn, _i, [{"kind": kind, "value": f"n{k}", "name": f"name {k}", "claim": f"d/c{k}"}
                               for k in range(6) for kind in ("node", "source")])
    return store


def test_select_with_an_in_list_reads_what_sqlalchemy_reads(tmp_path: Path) -> None:
    with _store(tmp_path) as store, store.writer_lock() as conn:
        for part in (["n1"], ["n3", "n0", "n11", "missing"], [f"n{k}" for k in range(12)], []):
            ours = sorted(tuple(r) for r in execute(conn, corpus_sync._NODE_BLOCKS, {"part": part}))
            theirs = sorted(tuple(r) for r in conn.execute(corpus_sync._NODE_BLOCKS, {"part": part}))
            assert ours == theirs
            assert len(ours) == len([p for p in part if p != "missing"])
        row = execute(conn, corpus_sync._NODE_BLOCKS, {"part": ["n4"]}).one()
        assert (row.node, row.block) == ("n4", "b1")  # columns by name, as from conn.execute


def test_a_value_written_in_the_statement_is_kept(tmp_path: Path) -> None:
    # _NAMED_WITH has kind = 'node' in its SQL: the source inputs of the same values are not read; and its
    # (node, name now) pairs: only the claims graded with another name come back
    with _store(tmp_path) as store, store.writer_lock() as conn:
        now = [("n1", "renamed 1"), ("n2", "name 2"), ("n9", "name 9")]
        found = set(execute(conn, claim_grades._NAMED_WITH, {"part": ["n1", "n2", "n9"], "now": now}).scalars())
        assert found == {"d/c1"}
        theirs = set(conn.execute(claim_grades._NAMED_WITH, {"part": ["n1", "n2", "n9"], "now": now}).scalars())
        assert theirs == found


def test_deletes_and_executemany_updates_change_the_same_rows(tmp_path: Path) -> None:
    relabel = update(_n).where(_n.c.node == bindparam("k")).values(corpus_id=bindparam("cid"))
    with _store(tmp_path) as store:
        with store.writer_lock() as conn:
            execute(conn, relabel, [{"k": "n1", "cid": "x1"}, {"k": "n2", "cid": "x2"}])
            execute(conn, corpus_sync._RELABEL, {"part": ["b2"], "label": "b0"})
        with store.writer_lock() as conn:
            rows = {r.node: (r.block, r.corpus_id) for r in conn.execute(select(_n).where(among(_n.c.node)),
                                                                          {"part": ["n1", "n2", "n5"]})}
    assert rows == {"n1": ("b1", "x1"), "n2": ("b0", "x2"), "n5": ("b0", "c5")}


def test_inside_a_transaction_statements_run_on_the_sqlite3_connection(tmp_path: Path) -> None:
    # Store.add's statements run in its transaction on the driver's connection (no CursorResult per call);
    # a connection with no transaction open goes through SQLAlchemy, which begins one: the same rows either way
    with _store(tmp_path) as store:
        with store.writer_lock() as conn:
            assert isinstance(driver.driver(conn), sqlite3.Connection)
            inside = execute(conn, corpus_sync._NODE_BLOCKS, {"part": ["n2", "n7"]})
            assert isinstance(inside, driver.Rows)
            read_inside = sorted((r.node, r.block) for r in inside)
        with store.engine.connect() as conn:
            assert driver.driver(conn) is None
            outside = execute(conn, corpus_sync._NODE_BLOCKS, {"part": ["n2", "n7"]})
            assert not isinstance(outside, driver.Rows)
            assert sorted((r.node, r.block) for r in outside) == read_inside == [("n2", "b2"), ("n7", "b1")]


def test_a_clash_on_the_sqlite3_connection_is_sqlalchemys_integrity_error(tmp_path: Path) -> None:
    # Store.add retries a document on IntegrityError (another writer took its text or doc_id): the driver's
    # own error would escape that
    with _store(tmp_path) as store, store.writer_lock() as conn:
        duplicate = {"node": "n3", "block": "b9", "corpus_id": "c9", "type": "PER", "members": 1, "profile": "{}"}
        with pytest.raises(IntegrityError):
            insert_rows(conn, _n, [duplicate])


def test_json_lists_are_written_as_sqlalchemy_writes_them(tmp_path: Path) -> None:
    # entities, events and claims have JSON list columns: their rows go to the driver converted by SQLAlchemy's
    # own JSON processor, so the stored text is what conn.execute(insert(...)) stores
    document = newsgraph.extract("Gen. Ahmed al-Khatib, the commander of the Ḥama garrison, said on Monday that "
                                 "rebels had shelled the Ḥama air base.", doc_id="json-lists")
    rows = child_rows(document, 1)
    assert any(r["roles"] or r["aliases"] for r in rows["entities"])
    stored = {}
    for way in ("ours", "theirs"):
        with Store(tmp_path / f"{way}.db") as store, store.writer_lock() as conn:
            conn.execute(insert(schema.documents).values(
                pk=1, doc_id=document.doc_id, text_sha256=document.text_sha256, text=document.text, ingested_at="-"))
            for table in (schema.entities, schema.events, schema.claims):
                if way == "ours":
                    insert_rows(conn, table, rows[table.name])
                else:
                    conn.execute(insert(table), rows[table.name])
        with sqlite3.connect(tmp_path / f"{way}.db") as raw:
            stored[way] = [raw.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                           for t in ("entities", "events", "claims")]
    assert stored["ours"] == stored["theirs"]
    assert stored["ours"][0]
