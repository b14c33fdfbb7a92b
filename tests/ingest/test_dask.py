"""``--dask``: extraction on a Dask cluster (here a LocalCluster of 2 worker processes), the store written here.

The store must be exactly what one process makes of the same real documents.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ingest.test_parallel import exported, ingested, one_process_export, real_inputs

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
