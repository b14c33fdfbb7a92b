"""Worker processes for ``--workers N``: batches of items in, their outcomes out, in input order.

    >>> with WorkerPool(2, args=(published, timeout, debug)) as pool:
    ...     for key, outcomes in pool.map((key, items) for ...):   # in the order given
    ...         store(outcomes)

Each worker is a process forked from a server process that loaded the model and the
tables once (``newsgraph.ingest.warm``; the forkserver start method), so a worker starts
in milliseconds with them shared copy-on-write.  A worker holds up to two batches: it
runs ``extract_batch`` on one in its main thread, where the per-document SIGALRM limit
works, while the next waits; a thread of the worker takes batches off the pipe and
another sends outcomes back, so the parent, which stores what comes back, never keeps a
worker waiting to hand over its outcomes or to be given its next batch.  The parent keeps
a bounded window of batches open, so memory stays flat however long the input.

A worker that dies (killed, out of memory, a crash in native code) or overruns its
batch's hard deadline is replaced; its batch is split into single documents and run
again, and a single document that kills a worker again is reported as that document's
error.  Workers ignore SIGINT: on Ctrl-C the parent stops them and returns what is done.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from newsgraph.ingest.extraction import Item, extract_batch, take
from newsgraph.ingest.run import Outcome

__all__ = ["Task", "Usage", "WorkerPool", "default_workers"]

K = TypeVar("K")
Task = Callable[..., list[Outcome]]  # task(items, *args) -> one Outcome per item
_GRACE = 60.0  # seconds on top of the per-document limits before a silent worker is killed
# batches a worker holds: the one it extracts and the next, so it goes on while the parent stores the last
_DEPTH = 2


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class _Job:
    seq: int  # the batch it belongs to
    indices: list[int]  # which of the batch's items it holds
    items: list[Item]
    alone: bool = False  # a document again after a worker died: its worker holds nothing else, so it is to blame


@dataclass
class _Batch(Generic[K]):
    key: K
    outcomes: list[Outcome | None]
    missing: int


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process of the chosen context
    conn: Connection
    jobs: deque[_Job] = field(default_factory=deque)  # in the order sent: the first is the one it extracts
    since: float = 0.0  # when it started its first job
    killed: bool = False
    cpu: float = 0.0  # CPU seconds the process has used, as it last reported
    peak: int = 0  # its peak resident memory in bytes, likewise


@dataclass
class Usage:
    """What the worker processes used: CPU seconds (all of them), the largest peak RSS of one, how many."""

    cpu: float = 0.0
    peak_rss: int = 0
    processes: int = 0
    busiest: float = 0.0  # the CPU seconds of the process that used most

    def add(self, w: _Worker) -> None:
        self.cpu += w.cpu
        self.busiest = max(self.busiest, w.cpu)
        self.peak_rss = max(self.peak_rss, w.peak)
        self.processes += 1


class WorkerPool:
    """``workers`` processes running ``task`` (``extract_batch``) with ``args`` after the items."""

    def __init__(self, workers: int, task: Task = extract_batch, args: tuple[Any, ...] = (),
                 timeout: float | None = None, one_batch_here: bool = False) -> None:
        self.size, self.task, self.args = max(1, workers), task, args
        self.one_batch_here = one_batch_here  # an input of one batch is extracted in this process, no worker started
        self.timeout = timeout  # the per-document limit: sets the hard deadline of a batch
        self.context = _context()
        self.workers: list[_Worker] = []
        self.usage = Usage()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker: politely when idle, at once when busy (Ctrl-C, an error in the caller)."""
        for w in self.workers:
            if not w.jobs:
                _send(w.conn, None)
            else:
                w.process.terminate()
        for w in self.workers:
            self.usage.add(w)
            w.process.join(5)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers = []

    def pids(self) -> list[int]:
        return [w.process.pid for w in self.workers]

    # -- the ordered map --------------------------------------------------------
    def map(self, batches: Iterable[tuple[K, list[Item]]]) -> Iterator[tuple[K, list[Outcome]]]:
        """``(key, outcomes)`` for each ``(key, items)``, in the order given; reads ahead a few batches only."""
        source = iter(batches)
        window = 2 * self.size + 2
        open_: dict[int, _Batch[K]] = {}
        queue: deque[_Job] = deque()
        seq = done = 0
        exhausted = False
        while True:
            fresh, exhausted = ([], True) if exhausted else take(source, window - len(open_))
            if self.one_batch_here and seq == 0 and exhausted and len(fresh) <= 1:
                yield from ((key, self.task(items, *self.args) if items else []) for key, items in fresh)
                return
            for key, items in fresh:
                open_[seq] = _Batch(key, [None] * len(items), len(items))
                if items:
                    queue.append(_Job(seq, list(range(len(items))), list(items)))
                seq += 1
            self._assign(queue)
            while done in open_ and open_[done].missing == 0:
                batch = open_.pop(done)
                done += 1
                yield batch.key, [o for o in batch.outcomes if o is not None]
            if exhausted and not open_:
                return
            for job, outcomes in self._collect(queue):
                batch = open_[job.seq]
                for index, outcome in zip(job.indices, outcomes, strict=True):
                    batch.outcomes[index] = outcome
                batch.missing -= len(job.indices)

    def _assign(self, queue: deque[_Job]) -> None:
        """Jobs to idle workers (starting them as needed), then a next job to each busy one."""
        while queue:
            idle = next((w for w in self.workers if not w.jobs), None)
            if idle is None and len(self.workers) < self.size:
                idle = self._start()
            if idle is None and not queue[0].alone:
                idle = min((w for w in self.workers if len(w.jobs) < _DEPTH and not w.jobs[0].alone),
                           key=lambda w: len(w.jobs), default=None)
            if idle is None:
                return
            job = queue.popleft()
            if not idle.jobs:
                idle.since = time.monotonic()
            idle.jobs.append(job)
            _send(idle.conn, (job.seq, job.indices, job.items))

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, self.task, self.args, _environment()), daemon=True,
                                       name=f"newsgraph-worker-{len(self.workers) + 1}")
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def _collect(self, queue: deque[_Job]) -> Iterator[tuple[_Job, list[Outcome]]]:
        """Wait for results; a dead or overdue worker's job goes back to the queue (split) or fails."""
        busy = [w for w in self.workers if w.jobs]
        if not busy:
            return
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], self._wait_for(busy)))
        for w in busy:
            job = w.jobs[0]
            if w.conn in ready:
                try:
                    _seq, _indices, outcomes, w.cpu, w.peak = w.conn.recv()
                except (EOFError, OSError):  # died while sending: handled below as a death
                    pass
                else:
                    w.jobs.popleft()
                    w.since = time.monotonic()  # its next job, if any, starts now
                    yield job, outcomes
                    continue
            if w.process.sentinel in ready or w.conn in ready or self._overdue(w):
                yield from self._lost(w, queue)

    def _wait_for(self, busy: list[_Worker]) -> float | None:
        if not self.timeout:
            return None
        return max(0.1, min(self._deadline(w) for w in busy) - time.monotonic())

    def _deadline(self, w: _Worker) -> float:
        count = len(w.jobs[0].items) if w.jobs else 1
        # the batch parse may run out of time once, then each document gets its own limit
        return w.since + (2 * count + 1) * (self.timeout or 0) + _GRACE

    def _overdue(self, w: _Worker) -> bool:
        if self.timeout and time.monotonic() > self._deadline(w):
            w.process.kill()
            w.killed = True
            return True
        return False

    def _lost(self, w: _Worker, queue: deque[_Job]) -> Iterator[tuple[_Job, list[Outcome]]]:
        """A dead or overdue worker: what it held goes back split into single documents, each to a worker of its
        own; a single document that was all its worker held is that document's error.  (With two jobs held, the
        first one's outcomes may have been done but not yet sent when the second killed it.)"""
        self.usage.add(w)
        w.process.join(5)
        self.workers.remove(w)
        w.conn.close()
        job = w.jobs[0]
        if len(w.jobs) > 1 or len(job.items) > 1:  # which document was it?  Each goes again on its own
            singles = [_Job(held.seq, [i], [item], alone=True) for held in w.jobs
                       for i, item in zip(held.indices, held.items, strict=True)]
            queue.extendleft(reversed(singles))
            return
        how = ("was stopped after running past its time limit" if w.killed
               else f"died ({_exit_reason(w.process.exitcode)})")
        origin = job.items[0].origin
        yield job, [Outcome(origin, error=f"{origin}: the worker process extracting it {how}")]


def _serve(conn: Connection, task: Task, args: tuple[Any, ...], environment: dict[str, str]) -> None:
    """A worker's loop: a batch in, its outcomes out, until told to stop (None) or the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    import newsgraph.ingest.warm  # noqa: F401 -- loaded already when forked from the preloaded server

    if _environment() != environment:  # the parent's NEWSGRAPH_* changed since the server started: its settings hold
        from newsgraph.settings import settings

        for name in _environment():
            del os.environ[name]
        os.environ.update(environment)
        settings.cache_clear()

    inbox: queue.Queue[Any] = queue.Queue()
    outbox: queue.Queue[Any] = queue.Queue()
    threading.Thread(target=_receive, args=(conn, inbox), daemon=True, name="newsgraph-inbox").start()
    sender = threading.Thread(target=_deliver, args=(conn, outbox), daemon=True, name="newsgraph-outbox")
    sender.start()
    while True:
        message = inbox.get()
        if message is None:
            break
        seq, indices, items = message
        outcomes = task(items, *args)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        outbox.put((seq, indices, outcomes, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024))
    outbox.put(None)
    sender.join()


def _receive(conn: Connection, inbox: queue.Queue[Any]) -> None:
    """The worker's reader: every message into ``inbox``; None (stop) when told so or the pipe closes."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            message = None
        inbox.put(message)
        if message is None:
            return


def _deliver(conn: Connection, outbox: queue.Queue[Any]) -> None:
    """The worker's sender: outcomes back to the parent as they are done, while the next batch is extracted."""
    while (message := outbox.get()) is not None:
        try:
            conn.send(message)
        except OSError:  # the parent is gone
            return


def _environment() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name.startswith("NEWSGRAPH_")}


def _send(conn: Connection, message: object) -> None:
    with contextlib.suppress(OSError):  # the worker is gone: its sentinel reports it
        conn.send(message)


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newsgraph.ingest.warm"])
        return context
    return multiprocessing.get_context("spawn")


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"
