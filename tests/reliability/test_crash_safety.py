"""Crash safety, idempotency, versions and concurrent use of the store, with real processes and signals."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import build_corpus
from newsgraph.ingest import read_file
from newsgraph.ingest.run import extract_item
from newsgraph.model import SourceDocument
from newsgraph.store import Store
from tests.written import write_wire_corpus

N_DOCS = 24


def write_corpus(path: Path) -> None:
    write_wire_corpus(path, N_DOCS, urls=True)


def stored_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def start_ingest(corpus: Path, db: Path, *options: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "ingest", str(corpus), "--db", str(db), *options],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_kill_9_mid_ingest_then_rerun_finishes_without_duplicates(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "crash.db"
    write_corpus(corpus)
    runner = CliRunner()
    # one process: its two batches of 12 are extracted one after the other, so the kill lands between them
    # (two workers finish both at once, and the 24 documents are stored in one burst)
    proc = start_ingest(corpus, db, "--workers", "1")
    deadline = time.monotonic() + 180
    while stored_count(db) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    # readers work while the ingest is writing (WAL)
    reading = runner.invoke(app, ["summary", "--db", str(db)])
    assert reading.exit_code == 0, reading.stderr
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    killed_at = stored_count(db)
    assert 3 <= killed_at < N_DOCS

    # consistent after the crash: integrity, no orphans, and every stored document is whole
    items = {i.origin: i for i in read_file(corpus) if isinstance(i, SourceDocument)}
    with Store(db) as store:
        assert store.check() == []
        for info in store.infos():
            assert info.origin is not None
            assert store.document(info.doc_id) == extract_item(items[info.origin]).document

    # the same ingest again finishes the job: one process in the background, one here, at once
    second = start_ingest(corpus, db)
    rerun = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert second.wait(timeout=300) == 0, second.stderr.read().decode() if second.stderr else ""
    assert rerun.exit_code == 0, rerun.stderr
    with Store(db) as store:
        infos = store.infos()
        assert len(infos) == N_DOCS
        assert len({i.text_sha256 for i in infos}) == N_DOCS and len({i.doc_id for i in infos}) == N_DOCS
        assert store.check() == []
        before = build_corpus(store.documents())

    # and once more: nothing changes
    third = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert third.exit_code == 0 and third.stderr.strip().startswith(f"0 added, {N_DOCS} already stored")
    with Store(db) as store:
        assert build_corpus(store.documents()) == before


def test_changed_text_at_same_url_keeps_both_versions(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    runner = CliRunner()
    for day, verb in (("2024-03-01", "said"), ("2024-03-02", "confirmed")):
        path = tmp_path / f"{day}.jsonl"
        path.write_text(json.dumps({"text": f"The Syrian army {verb} on Friday that it had retaken Palmyra.",
                                    "published": day, "url": "https://example.org/palmyra"}) + "\n")
        assert runner.invoke(app, ["ingest", str(path), "--db", str(db)]).exit_code == 0
    listing = runner.invoke(app, ["documents", "--url", "https://example.org/palmyra", "--db", str(db)])
    assert "2024-03-01" in listing.stdout and "2024-03-02" in listing.stdout
    with Store(db) as store:
        versions = store.versions("https://example.org/palmyra")
        assert [v.published for v in versions] == ["2024-03-01", "2024-03-02"]
        assert len({v.doc_id for v in versions}) == 2


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 200, b"plain text, not a database"])
def test_a_corrupt_or_foreign_store_file_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(content)
    result = CliRunner().invoke(app, ["summary", "--db", str(db)])
    if content:
        assert result.exit_code == 1 and "error:" in result.stderr and "Traceback" not in result.stderr
    else:  # an empty file is a valid new SQLite database
        assert result.exit_code == 0
