"""``--workers N``: worker processes extract, the parent stores in input order, the store is the same as with one.

Real inputs throughout: our examples (text, HTML, CSV, JSON Lines) and the shared development
articles.  Crashes are real too: a worker process killed with SIGKILL, a task that exits the
process, Ctrl-C sent to a running ``newsgraph ingest`` and its workers.
"""

from __future__ import annotations

import functools
import io
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.export import write_json
from newsgraph.ingest import IngestReport, extract_paths, ingest_paths, read_paths
from newsgraph.ingest.extraction import Item, extract_batch
from newsgraph.ingest.pool import WorkerPool
from newsgraph.ingest.run import Outcome
from newsgraph.model import SourceDocument
from newsgraph.store import Store
from tests.shared import ROOT, shared_path

EXAMPLES = ["feed-items.jsonl", "hezbollah-drones.txt", "iran-syria-missile-plant.txt", "red-sea-shipping.html",
            "russia-iran-air-defense.txt", "wire-briefs.csv"]


def real_inputs() -> list[Path]:
    """Our examples in every reader's format and the shared development articles: 16 documents."""
    corpus = sorted((shared_path() / "corpus").glob("*.txt"))
    assert len(corpus) >= 7, f"the shared development articles are not in {shared_path() / 'corpus'}"
    return [ROOT / "examples" / name for name in EXAMPLES] + corpus


def exported(db: Path) -> str:
    with Store(db) as store:
        out = io.StringIO()
        write_json(store.documents(), out)
        return out.getvalue()


def ingested(paths: list[Path], db: Path, workers: int, **options: object) -> IngestReport:
    with Store(db) as store:
        return ingest_paths(paths, store, workers=workers, **options)  # type: ignore[arg-type]


@functools.cache
def one_process_export() -> str:
    """The reference: ``real_inputs()`` ingested by one process, exported (made once per test session)."""
    with tempfile.TemporaryDirectory() as folder:
        report = ingested(real_inputs(), Path(folder) / "one.db", workers=1)
        assert (report.added, report.failed) == (16, 0)
        return exported(Path(folder) / "one.db")


def test_two_workers_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    two = ingested(real_inputs(), tmp_path / "two.db", workers=2)
    assert (two.added, two.failed) == (16, 0)
    assert two.usage is not None and two.usage.processes == 2  # the extraction really ran in two workers
    with Store(tmp_path / "two.db") as store:
        assert [i.origin for i in store.infos()] == [i.origin for i in read_paths(real_inputs())]  # input order
    corpus = exported(tmp_path / "two.db")
    assert corpus == one_process_export()  # documents, entities, events, claims, corpus ids: all equal
    assert {"Hezbollah", "Israel"} <= {e["name"] for e in json.loads(corpus)["entities"]}


def test_extract_paths_with_workers_gives_the_same_documents_in_input_order() -> None:
    inputs = real_inputs()[:6]
    here = [o.document for o in extract_paths(inputs, workers=1)]
    there = [o.document for o in extract_paths(inputs, workers=2)]
    assert len(here) == 9 and all(d is not None for d in here)
    assert here == there  # the same Documents, in the same order


def test_known_texts_are_skipped_before_any_worker_starts(tmp_path: Path) -> None:
    inputs = real_inputs()[:6]
    db = tmp_path / "known.db"
    first = ingested(inputs, db, workers=2)
    again = ingested(inputs, db, workers=2)
    assert (first.added, again.added, again.already_stored) == (9, 0, 9)
    assert again.usage is not None and again.usage.processes == 0  # nothing was sent to extract
    assert again.seconds == {}


def test_a_document_over_the_time_limit_in_a_worker_is_one_error_and_the_rest_is_stored(tmp_path: Path) -> None:
    article = (shared_path() / "corpus" / "alma-cers-study.txt").read_text(encoding="utf-8")
    slow = tmp_path / "in" / "slow.txt"
    slow.parent.mkdir()
    slow.write_text("\n\n".join([article] * 70), encoding="utf-8")  # ~340,000 characters: ~20 s of CPU to parse
    inputs = [slow, *real_inputs()[1:4], tmp_path / "in" / "missing.txt"]
    report = ingested(inputs, tmp_path / "limit.db", workers=2, timeout=8)
    assert (report.added, report.failed) == (3, 2)
    assert report.errors[0] == f"{tmp_path / 'in' / 'missing.txt'}: no such file or directory"
    assert report.errors[1] == f"{slow}: extraction took longer than the 8 s limit (raise it with --timeout)"


def _items(paths: list[Path]) -> list[Item]:
    return [i for i in read_paths(paths) if isinstance(i, SourceDocument)]


def _documents(results: list[tuple[int, list[Outcome]]]) -> list[object]:
    return [o.document for _key, outcomes in results for o in outcomes]


def test_a_killed_worker_is_replaced_and_its_batch_extracted_again() -> None:
    items = _items(real_inputs())
    batches = [(n, items[n:n + 2]) for n in range(0, len(items), 2)]
    expected = [extract_batch(b) for _n, b in batches]
    results: list[tuple[int, list[Outcome]]] = []
    with WorkerPool(2) as pool:
        for key, outcomes in pool.map(batches):
            if not results:
                os.kill(pool.pids()[0], signal.SIGKILL)  # an out-of-memory kill, say, in the middle of the run
            results.append((key, outcomes))
        assert pool.usage.processes >= 1  # the killed one, counted when it was replaced
    assert [k for k, _ in results] == [n for n, _ in batches]
    assert _documents(results) == [o.document for outcomes in expected for o in outcomes]


def test_the_pool_reads_its_input_a_few_batches_ahead_only() -> None:
    """What keeps memory flat: an endless input is read as far as the open batches need, no further."""
    items = _items(real_inputs()[:1])
    read = 0

    def endless() -> Iterator[tuple[int, list[Item]]]:
        nonlocal read
        for n in itertools.count():
            read += 1
            yield n, items

    with WorkerPool(2) as pool:
        first = list(itertools.islice(pool.map(endless()), 3))
    assert [key for key, _ in first] == [0, 1, 2]
    assert read <= 3 + 2 * 2 + 2  # what was handed on, and a window of two batches per worker and two more


def exits_on_crash(items: list[Item], *args: object) -> list[Outcome]:
    """A task that takes its worker process down on a text containing CRASH, as a segfault in native code would."""
    if any(isinstance(i, SourceDocument) and "CRASH" in i.text for i in items):
        os._exit(3)
    return extract_batch(items, *args)  # type: ignore[arg-type]


def test_a_document_that_kills_its_worker_is_that_documents_error_only() -> None:
    items = _items(real_inputs()[:6])
    poison = SourceDocument(text="CRASH at the plant, officials said.", origin="poison.txt")
    batch = [*items[:3], poison, *items[3:]]
    with WorkerPool(2, task=exits_on_crash) as pool:
        outcomes = [o for _key, part in pool.map([(0, batch[:4]), (1, batch[4:])]) for o in part]
    assert [o.origin for o in outcomes] == [i.origin for i in batch]
    assert outcomes[3].error == "poison.txt: the worker process extracting it died (exit status 3)"
    assert [o.document for o in outcomes if o.origin != "poison.txt"] == \
           [o.document for o in extract_batch(items)]


def _stored_ids(db: Path) -> list[str]:
    if not db.exists():
        return []
    with Store(db) as store:
        return [i.doc_id for i in store.infos()]


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_workers_and_keeps_whole_documents_in_input_order(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{n:02}", "text": f"{t.text}\n\nUpdate {n}."})
             for n, t in enumerate(_items(real_inputs()) * 6)]  # 96 documents, each text new
    # far more than get stored while the test looks: workers extract ahead of the writer, so on a busy
    # machine a short input could be all but done before the interrupt arrives
    source = tmp_path / "wire.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "stop.db"
    cli = Path(sys.executable).with_name("newsgraph")
    # a shell starts background jobs with SIGINT ignored, and an ignored signal stays ignored across exec:
    # with a handler here the ingest starts with the default disposition a terminal's foreground job has,
    # however the tests were started
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        proc = subprocess.Popen([str(cli), "ingest", str(source), "--db", str(db), "--workers", "2"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    deadline = time.monotonic() + 240
    while len(_stored_ids(db)) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
    assert proc.poll() is None, "the ingest ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err
    with pytest.raises(ProcessLookupError):  # no worker (nor the fork server) left running
        for _ in range(20):
            os.killpg(proc.pid, 0)
            time.sleep(0.5)
    kept = _stored_ids(db)
    assert 3 <= len(kept) < len(lines) and kept == [f"wire-a{n:02}" for n in range(len(kept))]
    with Store(db) as store:
        assert store.check() == []
