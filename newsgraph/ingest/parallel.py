"""Reader items to extraction outcomes, in input order, in this process, in worker processes or on Dask.

    >>> with extractor(workers=2, dask=None, published=None, timeout=300, debug=False) as run:
    ...     for outcome, where in outcomes(run, items, store):   # the same outcomes, whatever runs them
    ...         ...

The parent reads the input as a stream and cuts it into small batches.  Before a batch
goes out, the parent settles what needs no extraction: reader errors, and (when there
is a store) texts the store holds already, looked up by SHA-256.  The rest of the batch
is extracted by ``extract_batch``: here (``workers=1``), in a ``WorkerPool``, or on a
Dask cluster.  Outcomes come back in input order, so the one writer stores documents in
the same order, with the same ids, whatever the number of workers.  Only a few batches
are open at a time: memory does not grow with the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from newsgraph.errors import InputError
from newsgraph.ingest.extraction import Item, extract_batch
from newsgraph.ingest.run import Outcome, known_outcome
from newsgraph.model import SourceDocument

if TYPE_CHECKING:
    from newsgraph.ingest.pool import Usage
    from newsgraph.store import Store

__all__ = ["BATCH_CHARS", "BATCH_DOCUMENTS", "Runner", "extractor", "outcomes"]

K = TypeVar("K")
W = TypeVar("W")
# a batch is what one nlp.pipe call parses: 12 articles parse with ~15 % less CPU than one at a time (64: ~20 %),
# but spaCy's memory grows with the batch, and small batches keep two workers busy on small inputs
BATCH_DOCUMENTS = 12
BATCH_CHARS = 60_000


class Runner(Protocol):
    """What runs the extraction: ``map`` keeps the order; ``usage`` is what worker processes used (or None)."""

    @property
    def usage(self) -> Usage | None: ...

    def map(self, batches: Iterable[tuple[K, list[Item]]]) -> Iterator[tuple[K, list[Outcome]]]: ...


class _Here:
    """Extraction in this process."""

    def __init__(self, args: tuple[Any, ...]) -> None:
        self.args = args
        self.usage: Usage | None = None

    def map(self, batches: Iterable[tuple[K, list[Item]]]) -> Iterator[tuple[K, list[Outcome]]]:
        for key, items in batches:
            yield key, extract_batch(items, *self.args)


@dataclass
class _Slot:
    """One input item, where it was read, and its outcome when the parent settled it."""

    item: Item
    where: Any
    outcome: Outcome | None


@contextmanager
def extractor(workers: int | None, dask: str | None, published: str | None, timeout: float | None,
              debug: bool) -> Iterator[Runner]:
    """A ``Runner``: batches of items in, their outcomes out, in order; stopped cleanly on exit or Ctrl-C.

    ``workers`` None is the default: as many processes as cores, but an input of one batch is extracted in this
    process (starting a worker and loading the model there costs more than a short input)."""
    from newsgraph.ingest.pool import WorkerPool, default_workers

    args = (published, timeout, debug)
    size = default_workers() if workers is None else workers
    if dask is not None:
        from newsgraph.ingest.cluster import DaskRunner

        with DaskRunner(dask, size, args) as cluster:
            yield cluster
    elif size > 1:
        with WorkerPool(size, args=args, timeout=timeout, one_batch_here=workers is None) as pool:
            yield pool
    else:
        yield _Here(args)


def outcomes(run: Runner, items: Iterable[tuple[Item, W]], store: Store | None = None) -> Iterator[tuple[Outcome, W]]:
    """``(outcome, where)`` for every ``(item, where)``, in input order; ``store``: skip the texts it holds."""
    for slots, extracted in run.map(_batches(items, store)):
        results = iter(extracted)
        for slot in slots:
            yield (slot.outcome if slot.outcome is not None else next(results)), slot.where


def _batches(items: Iterable[tuple[Item, Any]], store: Store | None) -> Iterator[tuple[list[_Slot], list[Item]]]:
    """Small batches of the input: the slots (every item) and the items still to extract."""
    slots: list[_Slot] = []
    pending: list[Item] = []
    chars = 0
    for item, where in items:
        outcome = _settled(item, store)
        slots.append(_Slot(item, where, outcome))
        if outcome is None:
            pending.append(item)
            chars += len(item.text) if isinstance(item, SourceDocument) else 0
        if len(pending) >= BATCH_DOCUMENTS or chars >= BATCH_CHARS or len(slots) >= 8 * BATCH_DOCUMENTS:
            yield slots, pending
            slots, pending, chars = [], [], 0
    if slots:
        yield slots, pending


def _settled(item: Item, store: Store | None) -> Outcome | None:
    """The outcome of an item that needs no extraction (a reader error, a text stored already), else None."""
    if isinstance(item, InputError):
        return Outcome(item.origin, error=str(item))
    return known_outcome(store, item) if store is not None else None
