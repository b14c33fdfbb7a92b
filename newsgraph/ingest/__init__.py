"""Readers: files, directories and globs in, ``SourceDocument`` records (or the reason not) out.

    >>> from newsgraph.ingest import read_paths
    >>> for item in read_paths(["examples"]):
    ...     print(item.origin if not isinstance(item, Exception) else item)

Formats: plain text (.txt/.md), HTML (.html/.htm, through trafilatura), JSON
Lines (.jsonl/.ndjson) and RSS/Atom (.rss/.atom/.xml, through feedparser).  A
file without a known extension is sniffed.  Each problem becomes one
``InputError`` naming the file (and line or entry); reading goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode, reject_binary
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.html import read_html
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.ingest.limits import default_max_chars
from newsgraph.ingest.text import headline, read_text
from newsgraph.ingest.walk import FEED_SUFFIXES, HTML_SUFFIXES, JSONL_SUFFIXES, expand
from newsgraph.model import SourceDocument
from newsgraph.settings import settings

__all__ = ["Item", "expand", "headline", "read_file", "read_paths"]

Item = SourceDocument | InputError


def read_paths(paths: Iterable[str | Path], encoding: str | None = None,
               max_chars: int | None = None) -> Iterator[Item]:
    """Every document in ``paths`` (files, directories, globs), or an error for each failure."""
    for entry in expand(paths):
        if isinstance(entry, InputError):
            yield entry
        else:
            yield from read_file(entry, encoding=encoding, max_chars=max_chars)


def read_file(path: str | Path, encoding: str | None = None, max_chars: int | None = None) -> Iterator[Item]:
    """The documents in one file; never raises for a bad file, yields the error instead.

    ``max_chars`` is the per-document size limit (default ``$NEWSGRAPH_MAX_CHARS`` or 400,000).
    """
    path = Path(path)
    origin = str(path)
    max_chars = max_chars or default_max_chars()
    try:
        kind = _kind(path)
        if kind == "jsonl":
            with path.open("rb") as handle:  # a binary file misnamed .jsonl is one error, not one per "line"
                head = handle.read(8192)
            if not head:
                raise InputError(origin, "empty file")
            reject_binary(head, origin, nul_check=not encoding)
            yield from _read_jsonl(path, origin, encoding, max_chars)
            return
        limit = settings().limits.markup_bytes if kind in ("html", "feed") else 4 * max_chars
        data = _read_bytes(path, origin, limit)
        if kind is None:
            kind = _sniff(data)
        if kind == "feed":
            yield from read_feed(data, origin, max_chars)
            return
        text = decode(data, origin, encoding)
        if not text.strip():
            raise InputError(origin, "contains only whitespace")
        if kind == "html":
            yield read_html(text, origin)
            return
        if len(text) > max_chars:
            raise InputError(origin, f"text is {len(text):,} characters; the per-document limit is {max_chars:,} "
                                     "(set NEWSGRAPH_MAX_CHARS or --max-chars to raise it)")
        yield read_text(text, origin)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(origin, (err.strerror or str(err)).lower())


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if path.is_dir():
        raise InputError(str(path), "is a directory")
    if path.exists() and not path.is_file():  # reading a FIFO or a device would block or never end
        raise InputError(str(path), "not a regular file (device, FIFO or socket)")
    return "text" if suffix else None


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _read_bytes(path: Path, origin: str, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise InputError(origin, f"file is {size / 1e6:,.1f} MB; the limit for this kind of file is {limit / 1e6:,.1f} MB "
                                 "(set NEWSGRAPH_MAX_CHARS or --max-chars to raise it)")
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def _read_jsonl(path: Path, origin: str, encoding: str | None, max_chars: int) -> Iterator[Item]:
    """Stream the lines, so a JSON Lines dump of any size reads in constant memory."""
    lines: list[InputError] = []

    def decoded() -> Iterator[str]:
        with path.open("rb") as handle:
            number = 0
            while True:
                raw = handle.readline(4 * max_chars + 1)
                if not raw:
                    return
                number += 1
                if len(raw) > 4 * max_chars and not raw.endswith(b"\n"):
                    while raw and not raw.endswith(b"\n"):  # drop the rest of the line in chunks
                        raw = handle.readline(1 << 20)
                    lines.append(InputError(f"{origin}:{number}", "line is longer than the per-document limit"))
                    yield ""
                    continue
                try:
                    text = decode(raw, f"{origin}:{number}", encoding) if raw.strip() else ""
                except InputError as err:
                    lines.append(err)
                    text = ""
                yield text.lstrip("\ufeff")

    for item in read_jsonl(decoded(), origin, max_chars):
        yield from _drain(lines)
        yield item
    yield from _drain(lines)


def _drain(pending: list[InputError]) -> Iterator[InputError]:
    while pending:
        yield pending.pop(0)
