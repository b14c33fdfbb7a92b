"""CSV and TSV files: one article per row, streamed, so a table of any size reads in constant memory.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first article row 2.
A row with the wrong number of fields, broken quoting, an empty text cell or bytes the
encoding cannot read is one ``InputError`` naming the file and row (``articles.csv:row 17:
...``); the other rows are read.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.decode import open_text
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.records import NotArticles, RecordReader, no_text_reason
from newsgraph.model import SourceDocument

_DELIMITERS = (",", ";", "\t", "|")


def read_table(path: Path, origin: str, options: ReadOptions) -> Iterator[SourceDocument | InputError]:
    """Every row of a CSV (or, for ``.tsv``, tab-separated) file as a document or an error."""
    max_chars = options.char_limit
    # fields up to 4x the document limit parse (and a too-long text is refused by name);
    # a bigger one is almost always an unclosed quote swallowing the rest of the file
    csv.field_size_limit(max(csv.field_size_limit(), 4 * max_chars))
    with open_text(path, origin, options.encoding) as (stream, codec):
        first = stream.readline()
        delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(first)
        # strict: a stray quote or a file ending inside a quoted field is an error, not a silently joined row
        reader = csv.reader(itertools.chain([first], stream), delimiter=delimiter, strict=True)
        try:
            header = next(reader, None)
        except csv.Error as err:
            raise InputError(f"{origin}:row 1", f"not valid CSV ({err})") from None
        if not header or not any(h.strip() for h in header):
            raise InputError(origin, "no header row (the first row must name the columns)")
        found = options.columns.resolve(header, origin)
        if "text" not in found:
            raise NotArticles(origin, no_text_reason(header), f"{path.suffix.lower() or 'table'} without a text column")
        records = RecordReader.for_file(path, max_chars, options.dates, codec)
        yield from _rows(reader, header, found, records, origin)


def _rows(reader: Iterator[list[str]], header: list[str], found: dict[str, str], records: RecordReader,
          origin: str) -> Iterator[SourceDocument | InputError]:
    number, seen = 1, 0
    while True:
        number += 1
        where = f"{origin}:row {number}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:  # the reader resumes at the next line
            seen += 1
            yield InputError(where, f"not valid CSV ({err})")
            continue
        if not row or (len(row) == 1 and not row[0].strip()):  # a blank line
            continue
        seen += 1
        if len(row) != len(header):
            yield InputError(where, f"{len(row)} fields, but the header has {len(header)}")
            continue
        values: dict[str, str] = {}
        for name, value in zip(header, row, strict=True):  # the lengths were checked above
            values.setdefault(name, value)  # of two columns with one name, the first counts
        try:
            yield records.document(values, found, where, number)
        except InputError as err:
            yield err
    if not seen:
        yield InputError(origin, "no rows after the header")


def _delimiter(header_line: str) -> str:
    """The separator the header uses most: "," unless it is ";" (European spreadsheets), tab or "|"."""
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","
