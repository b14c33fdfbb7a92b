"""JSON Lines: one article object per line, with the fields of a JSON article (see ``jsondoc``).

The file is streamed line by line, so a dump of any size reads in constant memory; a bad line
is one ``InputError`` naming the file and line number, and the other lines are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode, reject_binary
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.records import OBJECT, RecordReader, no_text_reason
from newsgraph.model import SourceDocument

Item = SourceDocument | InputError


def read_jsonl_file(path: Path, origin: str, options: ReadOptions) -> Iterator[Item]:
    """Every line of a JSON Lines file, as a document or an error naming the line."""
    with path.open("rb") as handle:  # a binary file misnamed .jsonl is one error, not one per "line"
        head = handle.read(8192)
    if not head:
        raise InputError(origin, "empty file")
    reject_binary(head, origin, nul_check=not options.encoding)
    records = RecordReader.for_file(path, options.char_limit, options.dates)
    yield from read_jsonl(_decoded_lines(path, origin, options), origin, records, options)


def read_jsonl(lines: Iterable[str | InputError], origin: str, records: RecordReader,
               options: ReadOptions) -> Iterator[Item]:
    """One item per non-blank line; a line that could not be decoded arrives as its error."""
    for number, line in enumerate(lines, 1):
        if isinstance(line, InputError):
            yield line
        elif line.strip():
            try:
                yield _record(line, f"{origin}:{number}", number, records, options)
            except InputError as err:
                yield err


def _record(line: str, where: str, number: int, records: RecordReader, options: ReadOptions) -> SourceDocument:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        raise InputError(where, f"not valid JSON ({err})") from None
    if not isinstance(obj, dict):
        raise InputError(where, f"expected a JSON object, got {type(obj).__name__}")
    found = options.columns.resolve(list(obj), where, OBJECT)
    if "text" not in found:
        raise InputError(where, no_text_reason(list(obj), OBJECT))
    return records.document(obj, found, where, number)


def _decoded_lines(path: Path, origin: str, options: ReadOptions) -> Iterator[str | InputError]:
    """The lines, decoded one by one: a line in a wrong encoding or over the size limit is its error."""
    limit = 4 * options.char_limit
    with path.open("rb") as handle:
        number = 0
        while raw := handle.readline(limit + 1):
            number += 1
            where = f"{origin}:{number}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # drop the rest of the line in chunks
                    raw = handle.readline(1 << 20)
                yield InputError(where, "line is longer than the per-document limit")
                continue
            try:
                yield decode(raw, where, options.encoding).lstrip("\ufeff") if raw.strip() else ""
            except InputError as err:
                yield err
