"""Several writers at once, on SQLite and on PostgreSQL, with real processes: each text stored once, versions
numbered without a clash, a new store's schema created once, and ``writer_lock`` admitting one writer at a time."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import insert, select

import newsgraph
from newsgraph.store import Store, schema

PROCESSES = 3
PLACES = ["Damascus", "Aleppo", "Homs", "Baghdad", "Beirut", "Tehran", "Sanaa", "Amman", "Mosul", "Basra"]


def write_jsonl(path: Path, texts: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"text": t, "published": "2024-02-01"}) + "\n" for t in texts))


def python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


# `newsgraph ingest ARGS`, started when the gate file appears: the model and gazetteer are loaded first,
# so that the processes really write side by side instead of one after the other
GATED_INGEST = """
import os, sys, time
import newsgraph
from newsgraph.cli import app
newsgraph.extract("Officials in Damascus said on Monday that talks would resume.")
print("ready", flush=True)
while not os.path.exists(sys.argv[1]):
    time.sleep(0.005)
app(["ingest", *sys.argv[2:]])
"""


def ingest_together(runs: list[list[str]], gate: Path) -> list[tuple[int, str]]:
    """Run ``newsgraph ingest`` with each argument list in its own process, all starting at once."""
    procs = [python(GATED_INGEST, str(gate), *args) for args in runs]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().startswith("ready"), proc.communicate()
    gate.touch()
    return [(proc.wait(timeout=300), proc.stderr.read() if proc.stderr else "") for proc in procs]


def test_concurrent_ingests_store_each_text_once_and_number_versions(store_url: str, tmp_path: Path) -> None:
    # the processes open the new store at the same moment (its schema is created once) and then every process: the same common file (same texts: stored once), and its own story.jsonl, whose
    # lines get the same doc_ids story-1, story-2 ... in every process but hold different texts (versions)
    common = [f"Officials in {p} said on Monday that {i + 2} drones had been shot down near the airport."
              for i, p in enumerate(PLACES)]
    write_jsonl(tmp_path / "common.jsonl", common)
    for k in range(PROCESSES):
        write_jsonl(tmp_path / f"run{k}" / "story.jsonl",
                    [f"The ministry in {p} said {k + 10} soldiers were wounded in clashes on Friday." for p in PLACES[:6]])
    outputs = ingest_together([[str(tmp_path / "common.jsonl"), str(tmp_path / f"run{k}" / "story.jsonl"),
                                "--db", store_url] for k in range(PROCESSES)], tmp_path / "go")
    for code, stderr in outputs:
        assert code == 0 and "Traceback" not in stderr, stderr
    added = sum(int(stderr.strip().splitlines()[-1].split()[0]) for _, stderr in outputs)
    with Store(store_url) as store:
        infos = store.infos()
        assert len(infos) == added == len(common) + PROCESSES * 6
        assert len({i.text_sha256 for i in infos}) == len(infos) and len({i.doc_id for i in infos}) == len(infos)
        for line in range(1, 7):
            ids = sorted(i.doc_id for i in infos if i.doc_id.startswith(f"story-{line}"))
            assert ids[0] == f"story-{line}" and len(ids) == PROCESSES
            assert all(len(i) == len(f"story-{line}-") + 8 for i in ids[1:])
        assert store.check() == []
        with store.engine.connect() as conn:  # the processes opened the new store at once: one schema, made once
            assert conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
                                    ).scalars().all() == [schema.SCHEMA_VERSION]


def test_a_doc_id_taken_by_an_uncommitted_writer_becomes_a_version(store_url: str) -> None:
    mine = newsgraph.extract("Syria said talks would resume on Tuesday.", "2024-01-02", doc_id="story")
    with Store(store_url) as store:
        other = store.engine.connect()
        other.begin()  # another writer has inserted doc_id "story" and not committed yet
        other.execute(insert(schema.documents).values(doc_id="story", text_sha256="0" * 64, text="older text",
                                                      ingested_at="2024-01-01T00:00:00+00:00"))
        result: list[tuple[str, bool]] = []
        adding = threading.Thread(target=lambda: result.append(store.add(mine)))
        adding.start()
        time.sleep(1.0)
        assert adding.is_alive()  # waits for the other writer (PostgreSQL: the unique index; SQLite: the lock)
        other.commit()
        other.close()
        adding.join(timeout=60)
        # PostgreSQL: the insert of "story" failed on the unique index once the other committed, and was retried
        assert result == [(f"story-{mine.text_sha256[:8]}", True)]
        assert [i.doc_id for i in store.infos()] == ["story", f"story-{mine.text_sha256[:8]}"]


HOLD = """
import sys, time
from sqlalchemy import insert
from newsgraph.store import Store, schema
with Store(sys.argv[1]) as store, store.writer_lock() as conn:
    print("locked", time.time(), flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute(insert(schema.meta).values(key=sys.argv[3], value=str(time.time())))
"""


def hold_lock(url: str, seconds: float, key: str) -> subprocess.Popen[str]:
    proc = python(HOLD, url, str(seconds), key)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("locked"), proc.stderr.read() if proc.stderr else line
    return proc


def test_writer_lock_admits_one_writer_at_a_time(store_url: str) -> None:
    doc = newsgraph.extract("Turkey said on Sunday its drones had struck targets near Qamishli.", "2024-01-07")
    with Store(store_url) as store:
        holder = hold_lock(store_url, 1.5, "holder")  # another process holds the lock for 1.5 s
        started = time.monotonic()
        adding = threading.Thread(target=lambda: waits.append((store.add(doc), time.monotonic() - started)))
        waits: list[tuple[tuple[str, bool], float]] = []
        adding.start()  # adding a document waits for it
        with store.writer_lock() as conn:  # so does another writer_lock, which then sees what the holder wrote
            waited = time.monotonic() - started
            assert conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "holder")).scalar()
        adding.join(timeout=60)
        assert holder.wait(timeout=60) == 0
        assert waited > 0.8 and waits[0][1] > 0.8 and waits[0][0] == (doc.doc_id, True)

        started = time.monotonic()
        with store.writer_lock():  # and with nobody holding it, there is no wait
            assert time.monotonic() - started < 0.5
