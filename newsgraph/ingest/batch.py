"""A batch: paths in, every document extracted (and stored), every problem reported, nothing raised.

    >>> from newsgraph.ingest import ReadOptions, ingest_paths
    >>> with Store("news.db") as store:
    ...     report = ingest_paths(["corpus/", "articles.csv"], store, options=ReadOptions(encoding="auto"))
    >>> report.added, report.already_stored, report.failed, report.errors, report.skipped_line()

This is what ``newsgraph ingest`` and ``newsgraph extract`` run; ``on_progress`` is told
about each file and each finished item, for a progress bar or a log.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.errors import InputError
from newsgraph.ingest.dates import parse_date
from newsgraph.ingest.limits import default_timeout
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.parallel import extractor, outcomes
from newsgraph.ingest.records import NotArticles
from newsgraph.ingest.run import Outcome, store_outcome
from newsgraph.ingest.walk import DOCUMENTATION, HIDDEN, Found, Skipped, walk_inputs
from newsgraph.model import SourceDocument

if TYPE_CHECKING:
    from newsgraph.ingest.pool import Usage
    from newsgraph.store import Store

__all__ = ["IngestReport", "Progress", "extract_paths", "ingest_paths"]

_STORE_FILES = ("", "-wal", "-shm", "-journal")  # a SQLite store and its companions, inside a folder being read


@dataclass(frozen=True)
class Progress:
    """Where a batch is: ``files_done`` of ``files_total``, the file being read, the item just finished."""

    files_done: int
    files_total: int
    path: Path | None = None
    outcome: Outcome | None = None


@dataclass
class IngestReport:
    """What a batch did, filled in as it runs."""

    added: int = 0  # new documents stored (ingest) or documents extracted (extract)
    already_stored: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    files: int = 0  # files read
    # CPU seconds per stage summed over the documents extracted (parse ... claims, store), whichever process ran them
    seconds: Counter[str] = field(default_factory=Counter)
    usage: Usage | None = None  # what the worker processes used (``workers`` > 1)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def count(self, outcome: Outcome) -> None:
        self.warnings.extend(outcome.warnings)
        self.seconds.update(outcome.seconds)
        if outcome.failed:
            self.failed += 1
            self.errors.append(outcome.error or outcome.origin)
        elif outcome.added or outcome.document is not None:
            self.added += 1
        else:
            self.already_stored += 1

    def skipped_line(self) -> str | None:
        """``skipped 12 files that are not articles: .py 10, documentation 1 (README.md), hidden 1``, or None."""
        if not self.skipped:
            return None
        kinds = Counter(s.why for s in self.skipped)
        parts = []
        for why, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
            names = [s.path.name for s in self.skipped if s.why == why]
            shown = f" ({', '.join(names)})" if why in (DOCUMENTATION, HIDDEN) and n <= 3 else ""
            parts.append(f"{why} {n}{shown}")
        total = len(self.skipped)
        return f"skipped {total} file{'s' if total != 1 else ''} that {'are' if total != 1 else 'is'} " \
               f"not articles: {', '.join(parts)}"


def ingest_paths(paths: Iterable[str | Path], store: Store, *, options: ReadOptions | None = None,
                 published: str | None = None, timeout: float | None = None, debug: bool = False,
                 workers: int | None = 1, dask: str | None = None,
                 on_progress: Callable[[Progress], None] | None = None) -> IngestReport:
    """Read, extract and store every document in ``paths``; a text already stored is not extracted again.

    ``published`` (any form ``parse_date`` reads) dates the inputs that carry no date;
    ``timeout`` is seconds per document (default ``$NEWSGRAPH_TIMEOUT`` or 300).
    ``workers``: extraction processes (1: in this one; None: as many as cores, but an input of one batch is
    extracted in this one); ``dask``: a Dask scheduler address,
    or "local" for a local cluster of ``workers`` processes.  This process stores every
    document, in input order, so the store is the same whichever runs the extraction.
    """
    report = IngestReport()
    day, limit = _published(published, options, report), default_timeout() if timeout is None else timeout
    own = [] if store.path is None else [store.path.with_name(store.path.name + end) for end in _STORE_FILES]
    items = _items(paths, options or ReadOptions(), report, on_progress, own)
    with extractor(workers, dask, day, limit, debug) as run:
        for outcome, progress in outcomes(run, items, store):
            stored = store_outcome(store, outcome)
            report.count(stored)
            if on_progress:
                on_progress(Progress(progress.files_done, progress.files_total, progress.path, stored))
    report.usage = run.usage
    if on_progress:  # read ahead of the extraction: the end is when the last outcome is in
        on_progress(Progress(report.files, report.files))
    return report


def extract_paths(paths: Iterable[str | Path], *, options: ReadOptions | None = None, published: str | None = None,
                  timeout: float | None = None, debug: bool = False, report: IngestReport | None = None,
                  workers: int | None = 1, dask: str | None = None,
                  on_progress: Callable[[Progress], None] | None = None) -> Iterator[Outcome]:
    """Every item of ``paths`` extracted, as ``Outcome``s (``.document`` or ``.error``), in input order, without
    a store; ``workers`` and ``dask`` as for ``ingest_paths``.

    Pass a ``report`` to have it filled in (counts, errors, warnings, files left out) as the items come.
    """
    report = report if report is not None else IngestReport()
    day, limit = _published(published, options, report), default_timeout() if timeout is None else timeout
    items = _items(paths, options or ReadOptions(), report, on_progress)
    with extractor(workers, dask, day, limit, debug) as run:
        for outcome, progress in outcomes(run, items):
            report.count(outcome)
            if on_progress:
                on_progress(Progress(progress.files_done, progress.files_total, progress.path, outcome))
            yield outcome
    report.usage = run.usage
    if on_progress:
        on_progress(Progress(report.files, report.files))


def _published(published: str | None, options: ReadOptions | None, report: IngestReport) -> str | None:
    if published is None:
        return None
    value, warning = parse_date(published, (options or ReadOptions()).dates)  # InputError: nothing is read
    if warning:
        report.warnings.append(warning)
    return value


def _items(paths: Iterable[str | Path], options: ReadOptions, report: IngestReport,
           on_progress: Callable[[Progress], None] | None,
           own: Iterable[Path] = ()) -> Iterator[tuple[SourceDocument | InputError, Progress]]:
    """The reader items of every file, with where the batch is; path errors come first, as items."""
    from newsgraph.ingest import read_file

    entries = list(walk_inputs(paths, own))
    files = [e for e in entries if isinstance(e, Found)]
    report.files = len(files)
    report.skipped.extend(e for e in entries if isinstance(e, Skipped))
    start = Progress(0, len(files))
    for problem in (e for e in entries if isinstance(e, InputError)):
        yield problem, start
    for done, found in enumerate(files):
        where = Progress(done, len(files), found.path)
        if on_progress:
            on_progress(where)
        for item in read_file(found.path, options=options):
            if isinstance(item, NotArticles) and found.walked:  # a data file beside the articles
                report.skipped.append(Skipped(found.path, item.kind))
                continue
            yield item, where

