"""JSON files: an array of article objects, read one element at a time, or a single article object.

Objects have the fields of JSON Lines (``text``, ``title``, ``published`` or ``date``,
``source``, ``url``, ``author``, and ``id``; the ``--*-column`` options name others).  A bad
element is one ``InputError`` naming the file and index (``items.json[3]: ...``, counted
from 0 as in JSON); broken JSON syntax ends the file there, since what follows cannot be
located.  The file is read once, in chunks: memory holds one element, not the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from newsgraph.errors import InputError
from newsgraph.ingest.decode import open_text
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.records import OBJECT, NotArticles, RecordReader, has, no_text_reason
from newsgraph.model import SourceDocument

_CHUNK = 1 << 20
_SPACE = re.compile(r"[ \t\r\n]*")
_DECODER = json.JSONDecoder()
NOT_ARTICLES = ".json without article text"


def read_json(path: Path, origin: str, options: ReadOptions) -> Iterator[SourceDocument | InputError]:
    """The articles of a JSON file, each a document or an error naming its index."""
    with open_text(path, origin, options.encoding) as (stream, codec):
        source = _Chunks(stream, 4 * options.char_limit)
        records = RecordReader.for_file(path, options.char_limit, options.dates, codec)
        first = source.peek()
        if first is None:
            raise InputError(origin, "contains only whitespace")
        if first == "{":
            yield _single(source, records, origin, options)
        elif first == "[":
            source.pos += 1
            yield from _elements(source, records, origin, options)
        else:
            raise InputError(origin, f"not JSON articles: expected an array of article objects ([...]) or one "
                                     f"article object ({{...}}), found {first!r}")


def _single(source: _Chunks, records: RecordReader, origin: str, options: ReadOptions) -> SourceDocument:
    try:
        obj = source.value()
    except (json.JSONDecodeError, RecursionError) as err:
        raise InputError(origin, f"not valid JSON ({_why(err, source)})") from None
    except InputError as err:
        raise InputError(origin, err.reason) from None
    if source.peek() is not None:
        raise InputError(origin, "not valid JSON (more data after the object)")
    assert isinstance(obj, dict)  # the value started with "{"
    try:
        found = options.columns.resolve(list(obj), origin, OBJECT)
    except InputError as err:  # a key named by an option is missing: the object is not such an article either
        raise NotArticles(origin, err.reason, NOT_ARTICLES) from None
    if "text" not in found:
        raise NotArticles(origin, f"a JSON object without article text; {has(obj, OBJECT)}", NOT_ARTICLES)
    return records.document(obj, found, origin, None)


def _elements(source: _Chunks, records: RecordReader, origin: str,
              options: ReadOptions) -> Iterator[SourceDocument | InputError]:
    index = 0
    if source.peek() == "]":
        source.pos += 1
        raise InputError(origin, "an empty JSON array (no articles)")
    while True:
        where = f"{origin}[{index}]"
        try:
            obj = source.value()
        except (json.JSONDecodeError, RecursionError, InputError) as err:
            reason = err.reason if isinstance(err, InputError) else f"not valid JSON ({_why(err, source)})"
            yield InputError(where, f"{reason}; the rest of the file is not read")
            return
        yield _element(obj, where, index, records, options)
        index += 1
        after = source.peek()
        if after == ",":
            source.pos += 1
            continue
        if after == "]":
            source.pos += 1
            if source.peek() is not None:
                yield InputError(origin, "not valid JSON (more data after the array)")
            return
        yield InputError(where if after is not None else origin,
                         f"not valid JSON (expected ',' or ']' after element {index - 1}, found {after!r})"
                         if after is not None else "the JSON array is not closed (the file ends inside it)")
        return


def _element(obj: object, where: str, index: int, records: RecordReader,
             options: ReadOptions) -> SourceDocument | InputError:
    if not isinstance(obj, dict):
        return InputError(where, f"expected an article object, got {type(obj).__name__}")
    try:
        found = options.columns.resolve(list(obj), where, OBJECT)
        if "text" not in found:
            return InputError(where, no_text_reason(list(obj), OBJECT))
        return records.document(obj, found, where, index)
    except InputError as err:
        return err


class _Chunks:
    """The text of a file, read a chunk at a time, with a parse position."""

    def __init__(self, stream: TextIO, max_value: int) -> None:
        self.stream = stream
        self.max_value = max_value
        self.buf = ""
        self.pos = 0
        self.line = 1  # the line of the file where ``buf`` starts
        self.eof = False

    def fill(self) -> bool:
        if self.eof:
            return False
        if len(self.buf) - self.pos > self.max_value:
            raise InputError("", f"an element is longer than {self.max_value:,} characters (4x the per-document "
                                 "limit); an unclosed string?")
        more = self.stream.read(max(_CHUNK, len(self.buf) - self.pos))  # doubles for a long element
        if not more:
            self.eof = True
            return False
        self.line += self.buf.count("\n", 0, self.pos)
        self.buf = self.buf[self.pos:] + more
        self.pos = 0
        return True

    def peek(self) -> str | None:
        """The next character that is not white space (None at the end of the file)."""
        while True:
            match = _SPACE.match(self.buf, self.pos)
            self.pos = match.end() if match else self.pos
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.fill():
                return None

    def value(self) -> object:
        """The JSON value at the position; reads on while it is cut off by the end of the chunk."""
        self.peek()
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
                if end < len(self.buf) or self.eof:  # a number at the very end may go on in the next chunk
                    self.pos = end
                    return obj
            except json.JSONDecodeError:
                if self.eof:
                    raise
            self.fill()


def _why(err: Exception, source: _Chunks) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg}: line {source.line + err.lineno - 1} column {err.colno}"
    return "nested too deeply"
