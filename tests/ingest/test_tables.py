"""CSV and TSV tables of articles: columns found by name or given, bad rows reported by row, streaming."""

from __future__ import annotations

import csv
import itertools
import re
import tracemalloc
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import Columns, NotArticles, ReadOptions, read_file
from newsgraph.model import SourceDocument

from .helpers import docs, errors

ROWS = [
    ["a1", "Iraq reopens Rabia crossing", "MOSUL — Iraq reopened the Rabia crossing with Syria on Monday,\n\n"
     "the border authority said, \"after repairs\", the statement added.", "2024-02-19", "Wire A", "https://example.org/1"],
    ["a2", "Talks in Doha, day two", "Negotiators met again in Doha on Tuesday, officials said.", "Tue, 20 Feb 2024 10:12:00 GMT",
     "Wire B", ""],
]


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows([header, *rows])
    return path


def test_usual_column_names_are_found_and_quoted_multiline_cells_read(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "wire.csv", ["id", "headline", "body", "published", "outlet", "link"], ROWS)
    first, second = list(read_file(path))
    assert isinstance(first, SourceDocument) and isinstance(second, SourceDocument)
    assert first.text == ROWS[0][2]  # RFC 4180 quoting: commas, quotes and blank lines kept
    assert (first.title, first.published, first.source, first.url) == (
        "Iraq reopens Rabia crossing", "2024-02-19", "Wire A", "https://example.org/1")
    assert first.origin == f"{path}:row 2" and first.doc_id == "wire-a1"
    assert (second.published, second.url, second.doc_id) == ("2024-02-20", None, "wire-a2")


def test_explicit_columns_for_headers_with_other_names(tmp_path: Path) -> None:
    header = ["ref", "hed", "story_copy", "filed", "desk"]
    rows = [["7", "Strike near Idlib", "A strike hit a market near Idlib on Friday, a monitor said.", "2/16/2024", "Levant"]]
    path = write_csv(tmp_path / "desk.csv", header, rows)
    [refused] = list(read_file(path))
    assert isinstance(refused, NotArticles)
    assert "no text column" in refused.reason and "'story_copy'" in refused.reason  # names what the header has
    options = ReadOptions(columns=Columns(text="story_copy", title="hed", date="filed", source="desk", id="ref"))
    [doc] = list(read_file(path, options=options))
    assert isinstance(doc, SourceDocument)
    assert (doc.title, doc.published, doc.source, doc.doc_id) == ("Strike near Idlib", "2024-02-16", "Levant", "desk-7")


def test_a_named_column_that_is_not_there_is_one_error_naming_the_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ["text", "title"], [["Some text here.", "T"]])
    [error] = list(read_file(path, options=ReadOptions(columns=Columns(date="pub_date"))))
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: no column 'pub_date' (--date-column); the header has 'text', 'title'"


def test_bad_rows_are_errors_naming_the_row_and_the_others_are_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("title,text,date\n"
                    "One,Iran and Iraq signed a deal on Sunday.,2024-01-07\n"
                    "Two,,2024-01-08\n"                          # empty text cell
                    "Three,Too many,fields,here\n"               # 4 fields, header has 3
                    "\n"                                         # a blank line is not a row
                    "Four,Russia said it would deliver parts.,next week\n", encoding="utf-8")
    items = list(read_file(path))
    assert [d.title for d in docs(items)] == ["One", "Four"]
    assert [str(e) for e in errors(items)] == [f"{path}:row 3: the text ('text') is empty",
                                               f"{path}:row 4: 4 fields, but the header has 3"]
    four = docs(items)[1]
    assert four.published is None and four.origin == f"{path}:row 6"  # kept, with the unreadable date a warning
    assert four.warnings == (f"{path}:row 6: publication date 'next week' is not a date form newsgraph reads; "
                             "the document is kept without a date",)


def test_broken_quoting_is_an_error_for_its_row(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text('title,text\nOk,"Syria said talks would resume."\nStray,"quoted"then more\n'
                    'Also ok,"Iraq said the border was open."\nBad,"this quote never closes\nat,all\n', encoding="utf-8")
    items = list(read_file(path))
    assert [d.title for d in docs(items)] == ["Ok", "Also ok"]
    assert [(e.origin, e.reason) for e in errors(items)] == [
        (f"{path}:row 3", "not valid CSV (',' expected after '\"')"),
        (f"{path}:row 5", "not valid CSV (unexpected end of data)")]


def test_tsv_and_semicolon_separated_files(tmp_path: Path) -> None:
    tsv = write_csv(tmp_path / "a.tsv", ["title", "content"], [["T", "Text, with a comma; and a semicolon."]], "\t")
    semi = write_csv(tmp_path / "b.csv", ["titre", "title", "text"], [["x", "T", "Le texte, avec une virgule."]], ";")
    [a] = list(read_file(tsv))
    [b] = list(read_file(semi))
    assert isinstance(a, SourceDocument) and a.text == "Text, with a comma; and a semicolon."
    assert isinstance(b, SourceDocument) and (b.title, b.text) == ("T", "Le texte, avec une virgule.")


def test_a_long_field_reads_and_a_text_over_the_limit_is_refused_by_row(tmp_path: Path) -> None:
    long_text = "Officials said the convoy crossed into Syria. " * 4000  # 184,000 chars: over csv's default limit
    path = write_csv(tmp_path / "long.csv", ["title", "text"], [["Long", long_text], ["Short", "Short text here."]])
    [long_doc, _] = list(read_file(path))
    assert isinstance(long_doc, SourceDocument) and long_doc.text == long_text
    items = list(read_file(path, max_chars=100_000))
    assert [d.title for d in docs(items)] == ["Short"]
    assert errors(items)[0].origin == f"{path}:row 2" and "per-document limit" in errors(items)[0].reason


FRENCH = ("Le ministre a déclaré à Beyrouth que l'accord était signé. Les négociations ont duré trois jours à "
          "Genève, où les délégations se sont réunies à huis clos.")


def test_encoding_rules_are_those_of_text_files(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "fr.csv", ["title", "text"], [["Beyrouth", FRENCH]],
                     encoding="cp1252")
    [error] = list(read_file(path))
    assert isinstance(error, InputError) and error.origin == str(path)
    assert "not valid UTF-8" in error.reason and "--encoding" in error.reason
    for encoding in ("cp1252", "auto"):
        [doc] = list(read_file(path, encoding=encoding))
        assert isinstance(doc, SourceDocument) and doc.text == FRENCH


def test_a_bad_byte_after_the_first_megabyte_fails_only_its_row(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    good = "".join(f'{n},"Row {n}: the ministry said the convoy crossed the border on Monday night."\n'
                   for n in range(15_000))  # ~1.2 MB of UTF-8
    path.write_bytes(b"id,text\n" + good.encode() + b'x,"caf\xe9 in cp1252"\ny,"and a good last row"\n')
    items = list(read_file(path))
    assert len(docs(items)) == 15_001
    [error] = errors(items)
    assert error.origin == f"{path}:row 15002" and "byte 0xe9" in error.reason


def test_rows_stream_in_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    body = "The ministry said the convoy crossed the border near Rabia on Monday night. " * 25
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text"])
        for n in range(6000):  # ~11 MB
            writer.writerow([n, f"Story {n}", body])
    tracemalloc.start()
    try:
        count = sum(1 for item in read_file(path) if isinstance(item, SourceDocument))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 6000
    assert peak < 4_000_000, f"peak {peak:,} bytes while reading an {path.stat().st_size:,}-byte file"


@pytest.fixture(scope="module")
def fakes_csv(shared_dir: Path) -> Path:
    path = shared_dir / "benchmarks" / "news" / "FA-KES-Dataset.csv"
    if not path.is_file():
        pytest.skip(f"FA-KES not found at {path}")
    return path


_LEADING_DATE = re.compile(r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w* (\d{1,2}) (\w{3})\w* (\d{4})")
_MONTHS = {m: n for n, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                       "Dec"], 1)}


@pytest.mark.parametrize("encoding", ["latin-1", "auto"])
def test_fakes_first_rows_have_titles_sources_and_day_dates(fakes_csv: Path, encoding: str) -> None:
    rows = list(itertools.islice(read_file(fakes_csv, encoding=encoding), 20))
    assert all(isinstance(r, SourceDocument) for r in rows), [str(r) for r in rows if isinstance(r, InputError)]
    first = rows[0]
    assert isinstance(first, SourceDocument)
    assert first.title == "Syria attack symptoms consistent with nerve agent use WHO"
    assert (first.published, first.source, first.doc_id) == ("2017-04-05", "nna", "FA-KES-Dataset-1914947530")
    assert first.origin == f"{fakes_csv}:row 2" and first.meta["location"] == "idlib"
    checked = 0
    for doc in rows:
        assert isinstance(doc, SourceDocument) and doc.title and doc.source
        assert doc.published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.published)  # day precision, as written
        # many FA-KES texts open with their own date ("Wed 05 Apr 2017"): the month-first reading must agree
        if match := _LEADING_DATE.match(doc.text):
            day, month, year = int(match.group(1)), _MONTHS[match.group(2)], match.group(3)
            assert doc.published == f"{year}-{month:02d}-{day:02d}", (doc.origin, doc.text[:30])
            checked += 1
    assert checked >= 10
    # the one ambiguous-date warning of the file names the first row that needed it
    assert [w for d in rows for w in d.warnings if isinstance(d, SourceDocument)] == [
        f"{fakes_csv}:row 2: publication date '4/5/2017' is ambiguous; read month-first (2017-04-05), as this "
        "input's other ambiguous dates will be unless one shows the order (say which with --month-first or "
        "--day-first)"]
