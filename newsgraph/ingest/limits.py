"""A wall-clock limit per document, so one pathological text cannot stall a whole batch."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newsgraph.errors import ExtractionError

DEFAULT_TIMEOUT = 300.0  # seconds; far above the ~1 s an article takes, well below "hung"
# spaCy needs memory in proportion to the text: about 2.7 GB at 1,000,000 characters measured
# here. 400,000 characters (a 150-page report) keeps one document near 1 GB; longer texts
# are refused with a message saying how to raise the limit.
DEFAULT_MAX_CHARS = 400_000


def default_max_chars() -> int:
    """``$NEWSGRAPH_MAX_CHARS``, or 400,000; never above the parser's hard limit."""
    from newsgraph.nlp.parse import MAX_CHARS

    try:
        wanted = int(os.environ.get("NEWSGRAPH_MAX_CHARS", DEFAULT_MAX_CHARS))
    except ValueError:
        wanted = DEFAULT_MAX_CHARS
    return max(1, min(wanted, MAX_CHARS))


def default_timeout() -> float:
    """``$NEWSGRAPH_TIMEOUT`` seconds, or 300; 0 turns the limit off."""
    try:
        return float(os.environ.get("NEWSGRAPH_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


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
