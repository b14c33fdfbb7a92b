"""Readers: files, directories and globs in, ``SourceDocument`` records (or the reason not) out.

    >>> from newsgraph.ingest import ingest_paths, read_paths
    >>> for item in read_paths(["examples"]):
    ...     print(item.origin if not isinstance(item, Exception) else item)
    >>> with Store("news.db") as store:
    ...     report = ingest_paths(["corpus/", "articles.csv"], store)

Formats: plain text (.txt/.md), HTML (.html/.htm, through trafilatura), JSON Lines
(.jsonl/.ndjson), JSON arrays of articles (.json), CSV/TSV tables of articles
(.csv/.tsv) and RSS/Atom (.rss/.atom/.xml, through feedparser).  A file without a
known extension is sniffed.  Each problem becomes one ``InputError`` naming the file
(and line, row, index or entry); reading goes on.  ``ingest_paths`` and
``extract_paths`` (batch.py) run a whole batch the way the command line does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.batch import IngestReport, Progress, extract_paths, ingest_paths
from newsgraph.ingest.dates import DAY_FIRST, MONTH_FIRST, DateReader, DateRule, parse_date
from newsgraph.ingest.decode import decode
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.html import read_html
from newsgraph.ingest.jsondoc import read_json
from newsgraph.ingest.jsonl import read_jsonl_file
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.records import Columns, NotArticles
from newsgraph.ingest.table import read_table
from newsgraph.ingest.text import headline, read_text
from newsgraph.ingest.walk import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    TABLE_SUFFIXES,
    Found,
    Skipped,
    expand,
    walk_inputs,
)
from newsgraph.model import SourceDocument
from newsgraph.settings import settings

__all__ = ["DAY_FIRST", "MONTH_FIRST", "Columns", "DateReader", "DateRule", "Found", "IngestReport", "Item",
           "NotArticles", "Progress", "ReadOptions", "Skipped", "expand", "extract_paths", "headline",
           "ingest_paths", "parse_date", "read_file", "read_paths", "walk_inputs"]

Item = SourceDocument | InputError
_JSON_ARRAY = re.compile(rb"\[\s*[{\]]")
_JSON_OBJECT = re.compile(rb'\{\s*"')
_NEXT_LINE_OBJECT = re.compile(rb'\}[ \t\r]*\n[ \t\r]*\{\s*"')
_SUFFIX_KINDS = ((HTML_SUFFIXES, "html"), (JSONL_SUFFIXES, "jsonl"), (JSON_SUFFIXES, "json"),
                 (TABLE_SUFFIXES, "table"), (FEED_SUFFIXES, "feed"))


def read_paths(paths: Iterable[str | Path], encoding: str | None = None, max_chars: int | None = None, *,
               options: ReadOptions | None = None) -> Iterator[Item]:
    """Every document in ``paths`` (files, directories, globs), or an error for each failure."""
    for entry in expand(paths):
        if isinstance(entry, InputError):
            yield entry
        else:
            yield from read_file(entry, encoding, max_chars, options=options)


def read_file(path: str | Path, encoding: str | None = None, max_chars: int | None = None, *,
              options: ReadOptions | None = None) -> Iterator[Item]:
    """The documents in one file; never raises for a bad file, yields the error instead.

    ``options`` says everything (encoding, limit, columns, date rule); ``encoding`` and
    ``max_chars`` are shortcuts for it.  ``max_chars`` is the per-document size limit
    (default ``$NEWSGRAPH_MAX_CHARS`` or 400,000).
    """
    path = Path(path)
    origin = str(path)
    options = options or ReadOptions(encoding=encoding, max_chars=max_chars)
    try:
        kind = _kind(path)
        if kind is None:
            with path.open("rb") as handle:
                kind = _sniff(handle.read(8192))
        if kind == "jsonl":
            yield from read_jsonl_file(path, origin, options)
        elif kind == "json":
            yield from read_json(path, origin, options)
        elif kind == "table":
            yield from read_table(path, origin, options)
        else:
            yield from _read_whole(path, origin, kind, options)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(origin, (err.strerror or str(err)).lower())


def _read_whole(path: Path, origin: str, kind: str, options: ReadOptions) -> Iterator[Item]:
    """Formats read as one piece: text, HTML, feeds."""
    max_chars = options.char_limit
    limit = settings().limits.markup_bytes if kind in ("html", "feed") else 4 * max_chars
    data = _read_bytes(path, origin, limit)
    if kind == "feed":
        yield from read_feed(data, origin, max_chars)
        return
    text = decode(data, origin, options.encoding)
    if not text.strip():
        raise InputError(origin, "contains only whitespace")
    if kind == "html":
        yield read_html(text, origin)
        return
    if len(text) > max_chars:
        raise InputError(origin, f"text is {len(text):,} characters; the per-document limit is {max_chars:,} "
                                 "(set NEWSGRAPH_MAX_CHARS or --max-chars to raise it)")
    yield read_text(text, origin)


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    for suffixes, kind in _SUFFIX_KINDS:
        if suffix in suffixes:
            return kind
    if path.is_dir():
        raise InputError(str(path), "is a directory")
    if path.exists() and not path.is_file():  # reading a FIFO or a device would block or never end
        raise InputError(str(path), "not a regular file (device, FIFO or socket)")
    return "text" if suffix else None


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = head.lower()
    if lower.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if lower.startswith((b"<!doctype html", b"<html")):
        return "html"
    if _JSON_ARRAY.match(head):  # "[{" or "[]": "[Reuters] Iran said..." stays text
        return "json"
    if _JSON_OBJECT.match(head):  # one object per line is JSON Lines, one object over many lines is JSON
        if _NEXT_LINE_OBJECT.search(data):
            return "jsonl"
        first, newline, _ = data.lstrip(b"\xef\xbb\xbf \t\r\n").partition(b"\n")
        try:
            json.loads(first)
        except ValueError:
            return "json"
        return "jsonl" if newline else "json"
    return "text"


def _read_bytes(path: Path, origin: str, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise InputError(origin, f"file is {size / 1e6:,.1f} MB; the limit for this kind of file is "
                                 f"{limit / 1e6:,.1f} MB (set NEWSGRAPH_MAX_CHARS or --max-chars to raise it)")
    with path.open("rb") as handle:
        return handle.read(limit + 1)
