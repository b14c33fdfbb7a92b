"""A PostgreSQL server stopped in the middle of an ingest (``pg_ctl stop -m fast``) and started again: the ingest
loses at most the document it was writing, and running it again finishes the job without duplicates.  Each test
has a throwaway server of its own (``pg_server``), since it stops it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

import newsgraph
from newsgraph.errors import StoreError
from newsgraph.store import Store
from tests import pgserver
from tests.store_backends import with_database
from tests.written import write_wire_corpus

N_DOCS = 60


def write_corpus(path: Path) -> None:
    write_wire_corpus(path, N_DOCS)


def new_database(server: pgserver.Server) -> str:
    with psycopg.connect(server.url, autocommit=True) as admin:
        admin.execute("CREATE DATABASE news")
    return with_database(server.url, "news")


def stored_count(url: str) -> int:
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            row = conn.execute("SELECT count(*) FROM documents").fetchone()
            return int(row[0]) if row else 0
    except psycopg.Error:  # no tables yet, or the server is away
        return 0


def ingest(corpus: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "ingest", str(corpus), "--db", url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def test_a_server_restart_mid_ingest_loses_nothing_and_a_rerun_adds_no_duplicates(
        pg_server: pgserver.Server, tmp_path: Path) -> None:
    url = new_database(pg_server)
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus)
    first = ingest(corpus, url)
    deadline = time.monotonic() + 180
    while stored_count(url) < 3 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    pg_server.stop("fast")  # what an administrator's restart does: every session is cut off at once
    assert first.poll() is None, "the ingest finished before the server was stopped"
    time.sleep(2.0)
    pg_server.start()
    assert first.wait(timeout=300) == 0, first.stderr.read() if first.stderr else ""
    stderr = first.stderr.read() if first.stderr else ""
    assert "Traceback" not in stderr
    with Store(url) as store:
        after_restart = store.infos()
        assert store.check() == []
    # the open store waited for the server and went on: nothing was lost, not even the document being written
    assert len(after_restart) == N_DOCS

    second = ingest(corpus, url)
    assert second.wait(timeout=300) == 0
    assert (second.stderr.read() if second.stderr else "").strip().startswith(f"0 added, {N_DOCS} already stored")
    with Store(url) as store:
        infos = store.infos()
        assert len({i.text_sha256 for i in infos}) == len({i.doc_id for i in infos}) == len(infos) == N_DOCS
        assert store.check() == []


def test_a_server_that_stays_down_is_one_clear_error(pg_server: pgserver.Server) -> None:
    url = new_database(pg_server)
    doc = newsgraph.extract("Turkey said on Sunday its drones had struck targets near Qamishli.", "2024-01-07")
    with Store(url, reconnect_seconds=1.0) as store:
        assert store.add(doc)[1]
        pg_server.stop("fast")
        started = time.monotonic()
        with pytest.raises(StoreError) as raised:
            store.find_text(doc.text_sha256)
        assert 0.9 < time.monotonic() - started < 10  # retried for reconnect_seconds, then gave up
    assert str(raised.value) == (f"postgresql://newsgraph@127.0.0.1:{pg_server.port}/news: "
                                 "cannot connect: connection refused (is PostgreSQL running and listening there?)")
    pg_server.start()
    with Store(url) as store:
        assert store.find_text(doc.text_sha256) == doc.doc_id
