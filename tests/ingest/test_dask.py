"""``--dask``: extraction on a Dask cluster (here a LocalCluster of 2 worker processes), the store written here.

The store must be exactly what one process makes of the same real documents.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from newsgraph.ingest.cluster import run_partition
from newsgraph.ingest.run import Outcome
from newsgraph.model import SourceDocument
from tests.ingest.test_parallel import exported, ingested, one_process_export, real_inputs
from tests.shared import shared_path

pytest.importorskip("distributed", reason="newsgraph[dask] is not installed (make install installs it)")


def test_a_local_dask_cluster_stores_exactly_what_one_process_stores(tmp_path: Path) -> None:
    cluster = ingested(real_inputs(), tmp_path / "dask.db", workers=2, dask="local")
    assert (cluster.added, cluster.failed) == (16, 0)
    assert set(cluster.seconds) >= {"parse", "entities", "claims", "store"}  # times came back from the workers
    corpus = exported(tmp_path / "dask.db")
    assert corpus == one_process_export()  # documents, entities, events, claims, corpus ids: all equal
    assert len(json.loads(corpus)["documents"]) == 16


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path) -> None:
    import dask

    from newsgraph.errors import InputError

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), \
            pytest.raises(InputError, match=r"--dask tcp://127\.0\.0\.1:9: cannot reach the Dask scheduler"):
        ingested(real_inputs()[:1], tmp_path / "none.db", workers=1, dask="tcp://127.0.0.1:9")


def test_the_time_limit_holds_in_a_worker_thread_as_dask_runs_tasks() -> None:
    """Dask runs ``run_partition`` in a worker thread, where SIGALRM cannot reach: the watchdog must stop the
    slow document, and leave the thread fit to extract the next one (no stray exception raised later)."""
    article = (shared_path() / "corpus" / "alma-cers-study.txt").read_text(encoding="utf-8")
    slow = SourceDocument(text="\n\n".join([article] * 70), origin="slow.txt")  # ~20 s of CPU to parse
    fast = SourceDocument(text="Israeli jets struck a weapons depot near Damascus on Monday, the Syrian army said.",
                          origin="fast.txt")
    results: list[list[Outcome]] = []

    def task() -> None:
        results.append(run_partition([slow], None, 3, False))  # alone in its task: one attempt, then the error
        results.append(run_partition([fast], "2024-03-04", 3, False))
        time.sleep(3.5)  # a watchdog left armed by the fast document would fire here and kill the thread
        results.append(run_partition([fast], "2024-03-04", 3, False))

    start = time.monotonic()
    worker = threading.Thread(target=task)
    worker.start()
    worker.join(120)
    assert not worker.is_alive() and len(results) == 3
    assert time.monotonic() - start < 60  # stopped near the limit, not after the whole parse
    assert results[0][0].error == "slow.txt: extraction took longer than the 3 s limit (raise it with --timeout)"
    for outcome in results[1:]:
        doc = outcome[0].document
        assert doc is not None
        assert [(e.type, e.trigger, e.date) for e in doc.events] == [("ASSAULT", "struck", "2024-03-04")]
        assert [e.name for e in doc.entities if e.id == doc.events[0].location] == ["Damascus"]
        assert [(c.speaker_text, c.cue) for c in doc.claims] == [("the Syrian army", "said")]
