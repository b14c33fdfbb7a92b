"""Publication dates in the forms feeds and spreadsheets write them, at the precision they state."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import DAY_FIRST, MONTH_FIRST, DateReader, DateRule, IngestReport, extract_paths, parse_date
from newsgraph.pipeline import extract, run


@pytest.mark.parametrize("raw,value", [
    ("Tue, 05 Jul 2016 10:12:00 GMT", "2016-07-05"),           # RFC 2822, as RSS writes it
    ("Tue, 05 Jul 2016 23:12:00 -0500 (EST)", "2016-07-05"),   # the publisher's date, not moved to UTC
    ("2016-07-05T23:30:00-05:00", "2016-07-05"),
    ("2016-07-05T10:12:00.000Z", "2016-07-05"),
    ("2016-07-05 10:12", "2016-07-05"),
    ("2016/07/05", "2016-07-05"),
    ("2024-02", "2024-02"),                                     # month precision stays a month
    ("2024", "2024"),                                           # a year stays a year
    ("July 5, 2016", "2016-07-05"),
    ("Jul. 5th, 2016 at 10:12 am", "2016-07-05"),
    ("Friday, July 5, 2016", "2016-07-05"),
    ("5 July 2016", "2016-07-05"),
    ("5th of July 2016", "2016-07-05"),
    ("05-Jul-2016", "2016-07-05"),
    ("July 2016", "2016-07"),
    ("Sept 2016", "2016-09"),
    ("4/16/2017", "2017-04-16"),                                # a number above 12 shows the order
    ("16/4/2017", "2017-04-16"),
    ("16.04.2017", "2017-04-16"),
    ("5/5/2017", "2017-05-05"),                                 # the same either way
])
def test_forms_are_read_at_their_precision(raw: str, value: str) -> None:
    assert DateReader().read(raw, "x") == (value, None)


@pytest.mark.parametrize("raw,why", [
    ("last Tuesday", "is not a date form newsgraph reads"),
    ("2023-02-30", "is not a real date"),
    ("2024-13", "is not a real date"),
    ("31/31/2020", "is not a real date"),
    ("Foo 5, 2016", "is not a date form newsgraph reads"),
])
def test_unreadable_dates_are_warnings_naming_the_document(raw: str, why: str) -> None:
    value, warning = DateReader().read(raw, "a.csv:row 9")
    assert value is None
    assert warning == f"a.csv:row 9: publication date {raw!r} {why}; the document is kept without a date"


def test_a_stated_rule_reads_slash_dates_and_refuses_what_contradicts_it() -> None:
    day_first, month_first = DateReader(DateRule(order=DAY_FIRST)), DateReader(DateRule(order=MONTH_FIRST))
    assert day_first.read("4/7/2017", "x") == ("2017-07-04", None)
    assert month_first.read("4/7/2017", "x") == ("2017-04-07", None)
    value, warning = day_first.read("4/16/2017", "r3")
    assert value is None and warning and "is not a day-first date" in warning


def test_a_strptime_format_sets_the_precision_by_its_fields() -> None:
    assert DateReader(DateRule(format="%m/%d/%Y")).read("4/7/2017", "x") == ("2017-04-07", None)
    assert DateReader(DateRule(format="%B %Y")).read("April 2017", "x") == ("2017-04", None)
    assert DateReader(DateRule(format="%m/%d/%Y")).read("2017-04-07", "x") == ("2017-04-07", None)  # ISO still reads
    value, warning = DateReader(DateRule(format="%m/%d/%Y")).read("7 April", "x")
    assert value is None and warning and "does not match --date-format '%m/%d/%Y'" in warning
    with pytest.raises(InputError, match="has no year"):
        DateRule(format="%d %B")


def test_without_a_rule_an_ambiguous_date_is_read_month_first_with_one_warning_per_input() -> None:
    reader = DateReader()
    value, warning = reader.read("4/5/2017", "f.csv:row 2")
    assert value == "2017-04-05"
    assert warning and warning.startswith("f.csv:row 2: publication date '4/5/2017' is ambiguous; read month-first")
    assert reader.read("6/7/2017", "f.csv:row 3") == ("2017-06-07", None)  # told once
    assert reader.read("4/16/2017", "f.csv:row 4") == ("2017-04-16", None)  # agrees with what was assumed
    # a later date showing the other order is pointed out, once
    value, warning = reader.read("16/4/2017", "f.csv:row 5")
    assert value == "2017-04-16" and warning and "is day-first, but earlier ambiguous dates" in warning
    assert reader.read("17/4/2017", "f.csv:row 6") == ("2017-04-17", None)


def test_an_input_that_shows_its_order_first_reads_its_ambiguous_dates_that_way() -> None:
    reader = DateReader()
    assert reader.read("16/4/2017", "r2") == ("2017-04-16", None)
    assert reader.read("4/5/2017", "r3") == ("2017-05-04", None)  # day-first, as this input writes dates


def test_published_option_forms_and_errors() -> None:
    assert parse_date("July 5, 2016") == ("2016-07-05", None)
    assert parse_date("2024-02") == ("2024-02", None)
    assert parse_date("4/7/2017", DateRule(order=DAY_FIRST)) == ("2017-07-04", None)
    value, warning = parse_date("4/7/2017")
    assert value == "2017-04-07" and warning and warning.startswith("--published: publication date '4/7/2017' is ambiguous")
    with pytest.raises(InputError, match="'2023-02-30' is not a real date"):
        parse_date("2023-02-30")


TEXT = "Iran said on Monday that talks in Vienna would resume on March 4."


def test_a_month_publication_date_is_kept_but_gives_no_anchor_day() -> None:
    assert run(TEXT, "2024-02", until="parse").parsed.published is None
    doc = extract(TEXT, "2024-02")
    assert doc.published == "2024-02"
    assert extract(TEXT, "2024").published == "2024"
    assert extract(TEXT, "2024-02-20").published == "2024-02-20"
    with pytest.raises(InputError):
        extract(TEXT, "2024-13")


# a dateline that disagrees with the date given (a scraped date column is often the event's day or the
# day the page was collected: FA-KES 64 and 186 are dated eleven days and three months off their datelines)
FILED = "Monday 2 Feb 2015 Government air strikes on the town of Douma killed at least 12 people on Monday."


def test_a_dateline_far_from_the_given_date_anchors_the_weekdays_but_the_given_date_stays() -> None:
    doc = extract(FILED, "2015-02-13")
    assert doc.published == "2015-02-13"
    assert {e.date for e in doc.events if e.date} == {"2015-02-02"}  # not Monday 9 February, before the 13th
    assert run(FILED, "2015-02-13", until="parse").anchor_note.startswith("the text's dateline says 2015-02-02")


def test_a_dateline_within_a_day_of_the_given_date_leaves_the_given_date_the_anchor() -> None:
    trace = run(FILED, "2015-02-03", until="dates")
    assert trace.parsed.published.isoformat() == "2015-02-03" and trace.anchor_note is None
    assert run(FILED, None, until="parse").parsed.published.isoformat() == "2015-02-02"


def test_the_ingest_report_warns_once_naming_the_document(tmp_path: Path) -> None:
    (tmp_path / "douma.txt").write_text(FILED + " The Observatory said on Monday that four were children.")
    report = IngestReport()
    outcomes = list(extract_paths([tmp_path], published="2015-02-13", report=report))
    assert [o.document.published for o in outcomes if o.document] == ["2015-02-13"]
    assert len(report.warnings) == 1
    assert report.warnings[0].startswith(f"{tmp_path / 'douma.txt'}: the text's dateline says 2015-02-02, 11 days")


def test_an_all_digit_dateline_with_a_one_digit_day_does_not_override_the_given_date() -> None:
    # a scrape may have cut "25-04-2016" to "5-04-2016"
    trace = run("5-04-2016 Rockets hit Aleppo on Monday.", "2016-04-25", until="parse")
    assert trace.parsed.published.isoformat() == "2016-04-25" and trace.anchor_note is None


def test_an_all_digit_dateline_with_a_two_digit_day_anchors_the_weekdays() -> None:
    text = "14-09-2014 Mortar shells hit the town of Jaramana on Sunday, killing four people."
    doc = extract(text, "2014-03-02")
    assert doc.published == "2014-03-02"
    assert {e.date for e in doc.events if e.date} == {"2014-09-14"}  # the Sunday of the dateline, not 2014-03-02
    assert run(text, "2014-03-02", until="parse").anchor_note.startswith("the text's dateline says 2014-09-14")
