"""Extraction on a Dask cluster (``--dask ADDRESS``, or ``--dask local`` for a ``LocalCluster``).

    >>> with DaskRunner("tcp://scheduler:8786", workers=0, args=(None, 300, False)) as cluster:
    ...     for key, outcomes in cluster.map(batches):   # in the order given
    ...         ...

Each batch of items is one task, ``run_partition``: the worker loads the model and the
tables once (the first task on a worker imports ``newsgraph.ingest.warm``; later tasks
find them cached in the process) and returns one ``Outcome`` per item.  The parent keeps a
bounded number of tasks submitted, takes results as they complete and hands them on in
input order, so the store (written here, by the one writer) is the same as with one
process.  A task that fails on the cluster (a worker lost too often, an error in
deserialising) becomes an error line for each of its documents; the batch goes on.

The workers need newsgraph installed (the same version) and run tasks in threads; the
per-document time limit works there too (``limits.time_limit``'s watchdog).  One thread
per worker process is best (``dask worker --nthreads 1``): extraction is CPU-bound Python.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from newsgraph.errors import InputError
from newsgraph.ingest.extraction import Item, extract_batch, take
from newsgraph.ingest.run import Outcome

if TYPE_CHECKING:
    from newsgraph.ingest.pool import Usage

__all__ = ["DaskRunner", "run_partition"]

K = TypeVar("K")
LOCAL = "local"


def run_partition(items: list[Item], published: str | None, timeout: float | None, debug: bool) -> list[Outcome]:
    """The Dask task: ``extract_batch`` in a worker, after loading the model once per worker process."""
    import newsgraph.ingest.warm  # noqa: F401 -- cached in the worker's process after its first task

    return extract_batch(items, published, timeout, debug)


@dataclass
class _Open:
    key: Any
    items: list[Item]
    outcomes: list[Outcome] | None


class DaskRunner:
    """A Dask client (and, for ``"local"``, a ``LocalCluster`` of ``workers`` single-threaded processes)."""

    def __init__(self, address: str, workers: int, args: tuple[Any, ...]) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise InputError("--dask", "Dask is not installed: pip install 'newsgraph[dask]'") from None
        self.args = args
        self.usage: Usage | None = None
        self.cluster = None
        if address == LOCAL:
            self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            address = self.cluster.scheduler_address
        try:  # how long to try: Dask's distributed.comm.timeouts.connect (30 s)
            self.client = Client(address)
        except (OSError, TimeoutError, ValueError) as err:  # ValueError: an address scheme Dask does not know
            self._close_cluster()
            raise InputError(f"--dask {address}", f"cannot reach the Dask scheduler ({err})") from None
        self.run = uuid.uuid4().hex[:8]

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            self.cluster.close()

    def threads(self) -> int:
        """The worker threads the cluster has now (at least 1)."""
        return max(1, sum(self.client.nthreads().values()))

    def map(self, batches: Iterable[tuple[K, list[Item]]]) -> Iterator[tuple[K, list[Outcome]]]:
        """``(key, outcomes)`` for each ``(key, items)``, in the order given, a bounded number in flight."""
        from distributed import as_completed

        source = iter(batches)
        window = 2 * self.threads() + 2
        open_: dict[int, _Open] = {}
        futures: dict[Any, int] = {}  # task key -> batch
        completed = as_completed()
        seq = done = 0
        exhausted = False
        try:
            while True:
                fresh, exhausted = ([], True) if exhausted else take(source, window - len(open_))
                for key, items in fresh:
                    open_[seq] = _Open(key, list(items), [] if not items else None)
                    if items:
                        future = self.client.submit(run_partition, list(items), *self.args, pure=False,
                                                    key=f"newsgraph-extract-{self.run}-{seq}")
                        futures[future.key] = seq
                        completed.add(future)
                    seq += 1
                while done in open_ and open_[done].outcomes is not None:
                    batch = open_.pop(done)
                    done += 1
                    yield batch.key, batch.outcomes or []
                if exhausted and not open_:
                    return
                future = next(completed)
                batch = open_[futures.pop(future.key)]
                batch.outcomes = _result(future, batch.items)
                future.release()
        finally:
            for future in list(completed.futures):
                future.cancel()


def _result(future: Any, items: list[Item]) -> list[Outcome]:
    try:
        outcomes: list[Outcome] = future.result()
        return outcomes
    except Exception as err:  # noqa: BLE001 -- a lost task must not sink the batch: each document reports it
        return [Outcome(item.origin, error=f"{item.origin}: the Dask task extracting it failed "
                                           f"({type(err).__name__}: {err})") for item in items]
