"""A wall-clock limit per document, so one pathological text cannot stall a whole batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newsgraph.errors import ExtractionError
from newsgraph.settings import settings


def default_max_chars() -> int:
    """``$NEWSGRAPH_MAX_CHARS``, or 400,000; never above the parser's hard limit (``settings.Limits``)."""
    return settings().limits.max_chars


def default_timeout() -> float:
    """``$NEWSGRAPH_TIMEOUT`` seconds, or 300; 0 turns the limit off (``settings.Limits``)."""
    return settings().limits.timeout


@contextmanager
def time_limit(seconds: float | None, what: str = "extraction") -> Iterator[None]:
    """Raise ``ExtractionError`` in the block after ``seconds``.

    Uses SIGALRM, which only the main thread of a POSIX process receives;
    elsewhere (threads, Windows) the block runs without a limit.  spaCy returns
    to Python between pipeline components and layers, so the alarm lands
    within a fraction of the limit.
    """
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise ExtractionError(f"{what} took longer than the {seconds:g} s limit (raise it with --timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
