"""A wall-clock limit per document, so one pathological text cannot stall a whole batch."""

from __future__ import annotations

import ctypes
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
    """Raise ``ExtractionError`` in the block after ``seconds`` (None or 0: no limit).

    In the main thread of a POSIX process (the CLI, a worker process) a SIGALRM
    timer; in any other thread (a Dask worker runs tasks in threads) a watchdog
    thread that raises the error asynchronously in the limited one.  Both land
    when Python code next runs: spaCy returns to Python between components and
    layers, so the limit holds within a fraction of a second.
    """
    if not seconds or seconds <= 0:
        yield
    elif hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        with _alarm(seconds, what):
            yield
    else:
        with _watchdog(seconds, what):
            yield


def _expired(seconds: float, what: str) -> ExtractionError:
    return ExtractionError(f"{what} took longer than the {seconds:g} s limit (raise it with --timeout)")


@contextmanager
def _alarm(seconds: float, what: str) -> Iterator[None]:
    def expire(_signum: int, _frame: object) -> None:
        raise _expired(seconds, what)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Expired(BaseException):
    """Raised into the limited thread; a BaseException so that no ``except Exception`` of a stage swallows it."""


@contextmanager
def _watchdog(seconds: float, what: str) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock, state = threading.Lock(), {"done": False, "fired": False}

    def watch() -> None:
        if finished.wait(seconds):
            return
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(_Expired))

    finished = threading.Event()
    watcher = threading.Thread(target=watch, name="newsgraph-time-limit", daemon=True)
    watcher.start()
    try:
        try:
            yield
        finally:
            with lock:
                state["done"] = True
                if state["fired"]:  # not delivered yet (the block ended first): take it back
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
            finished.set()
    except _Expired:
        raise _expired(seconds, what) from None
