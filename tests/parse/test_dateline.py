"""The dateline reader: the forms wire copy and saved pages open with, and openings that are not datelines."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

import newsgraph
from newsgraph import pipeline
from newsgraph.nlp import dateline as dateline_module
from newsgraph.nlp import parse as parse_module
from newsgraph.nlp.dateline import Dateline, read_dateline


def _read(text: str) -> Dateline:
    found = read_dateline(text)
    assert found is not None, text
    assert 0 <= found.start < found.end <= found.body_start <= len(text)
    return found


@pytest.mark.parametrize(("text", "place", "qualifier", "outlet", "body"), [
    ("BEIRUT (Reuters) - Syrian forces shelled the town.", "BEIRUT", None, "Reuters", "Syrian forces"),
    ("LONDON, Ky. (WKYT) - A man was arrested.", "LONDON", "Ky.", "WKYT", "A man"),
    ("DAMASCUS, Syria (AP) — Rebels advanced.", "DAMASCUS", "Syria", "AP", "Rebels"),
    ("Hanoi (VNA) – Vietnam supports the talks.", "Hanoi", None, "VNA", "Vietnam"),
    ("BERLIN — Robert Gentz stepped off a plane.", "BERLIN", None, None, "Robert Gentz"),
])
def test_a_place_head_gives_place_qualifier_and_outlet(text: str, place: str, qualifier: str | None,
                                                       outlet: str | None, body: str) -> None:
    found = _read(text)
    assert (found.place, found.qualifier, found.outlet) == (place, qualifier, outlet)
    assert found.date is None and found.date_span is None and not found.dated
    assert text[found.body_start:].startswith(body)
    assert text[found.start:found.end].startswith(place)


@pytest.mark.parametrize(("text", "date", "written", "body"), [
    ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use.", "2017-04-05", "05 Apr 2017",
     "Syria attack"),
    ("BEIRUT, March 3, 2024 (AFP) - Israeli jets struck a village.", "2024-03-03", "March 3, 2024", "Israeli jets"),
    ("Published: 12 June 2023\nThe ministry said on Friday that ...", "2023-06-12", "12 June 2023", "\nThe ministry"),
    ("2023-06-12 | Damascus - Shelling resumed.", "2023-06-12", "2023-06-12", "Damascus"),
    ("Turkish drones hit oil sites in Syria\n\nQAMISHLI, Syria, Jan. 15, 2024 — Turkish drones struck.",
     "2024-01-15", "Jan. 15, 2024", "Turkish drones struck"),
    ("CTV Saskatoon Published Saturday, March 31, 2018 1:19PM CST\n\nA 28-year-old man", "2018-03-31",
     "March 31, 2018", "\n\nA 28-year-old"),
    # scraped pages: no line breaks, no commas, the headline and the outlet run into the date
    ("August 21 2013 France Britain say U.N. must access site. France said", "2013-08-21", "August 21 2013",
     "France Britain"),
    ("Published July 5 2016 A motorcycle bomber killed 16 people.", "2016-07-05", "July 5 2016", "A motorcycle"),
    ("19 Apr 2017 The blast happened as evacuations resumed.", "2017-04-19", "19 Apr 2017", "The blast"),
    ("Posted on April 4 2017 by Asharq Al-Awsat English 58 Killed in Idlib", "2017-04-04", "April 4 2017",
     "by Asharq"),
    ("25-12-2014 30 militants killed in clashes in Hasakeh.", "2014-12-25", "25-12-2014", "30 militants"),
    ("23.04.2017) Get short URL The army struck a base.", "2017-04-23", "23.04.2017", "Get short URL"),
    ("Last updated at Jun 182016 BEIRUT At least seven people died.", "2016-06-18", "Jun 182016", "BEIRUT"),
    ("Wed 01 Oct 2014 at 1459 Regional NNA - Twin car bomb explosions", "2014-10-01", "01 Oct 2014",
     "Regional NNA"),
    ("Car bomb in Homs kills 10 Governor AFP Sunday 25 May 2014 Ten people were killed.", "2014-05-25",
     "25 May 2014", "Ten people"),
    ("ISIS executes three people in Raqqa 8 November 2016 SANA Members of the group", "2016-11-08",
     "8 November 2016", "SANA Members"),
    ("17 civilians dead in air strikes Monitor AFP Monday 6 Jun 2016 seventeen civilians died", "2016-06-06",
     "6 Jun 2016", "seventeen"),
])
def test_a_dated_line_gives_the_date_and_where_the_body_starts(text: str, date: str, written: str,
                                                               body: str) -> None:
    found = _read(text)
    assert found.date == dt.date.fromisoformat(date) and found.dated
    assert found.date_span is not None and text[found.date_span[0]:found.date_span[1]] == written
    assert text[found.body_start:].startswith(body)


def test_a_dated_line_keeps_its_outlet() -> None:
    assert _read("BEIRUT, March 3, 2024 (AFP) - Israeli jets struck a village.").outlet == "AFP"


@pytest.mark.parametrize("text", [
    "On 5 April 2017, Syrian jets struck Khan Sheikhoun.",        # running text: an event's date
    "The army said on 5 April 2017 that it had withdrawn.",
    "In March 2019 the talks collapsed.",                         # no day: not the article's date
    "Syrian jets struck Khan Sheikhoun on Tuesday.",
    "the strikes - which began in 2015 - went on.",               # no capitalised place before the dash
    "Jets struck Homs on 5 April 2017 Rebels said.",              # after a preposition: running text
    "The strike of 5 April 2017 Killed dozens in Idlib.",
    "Syrian jets struck Khan Sheikhoun 5 April 2017 killing dozens.",  # running on in lower case
    "Jets strike Idlib Last updated at Jun 182016 BEIRUT",        # a glued stamp only right after its label
    "",
])
def test_openings_that_are_not_datelines(text: str) -> None:
    assert read_dateline(text) is None


def test_a_date_after_the_headline_and_a_standfirst_is_not_a_dateline() -> None:
    text = "Jets strike Idlib\nThe strikes are the heaviest this year\n5 April 2017 - Syrian jets struck."
    found = read_dateline(text)
    assert found is None or not found.dated


def test_a_date_far_from_the_start_is_not_a_dateline() -> None:
    assert read_dateline("x" * 500 + "\n5 April 2017 - Syrian jets struck.") is None


def test_the_pipeline_reads_the_dateline_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counted(text: str) -> Dateline | None:
        calls.append(text)
        return dateline_module.read_dateline(text)

    monkeypatch.setattr(pipeline, "read_dateline", counted)
    monkeypatch.setattr(parse_module, "read_dateline", counted)
    trace = pipeline.run("BEIRUT, March 3, 2024 (AFP) - Israeli jets struck a village on Friday.")
    assert len(calls) == 1
    assert trace.dateline is trace.parsed.dateline and trace.dateline is not None
    assert trace.parsed.published == dt.date(2024, 3, 3)


def test_documents_without_publication_date_are_anchored_by_their_dateline() -> None:
    doc = newsgraph.extract("Fri 07 Apr 2017 A U.S. missile strike hit an airbase near Homs on Friday, "
                            "the governor said.")
    assert doc.published == "2017-04-07"
    assert [(d.text, d.value) for d in doc.dates if d.text == "Friday"] == [("Friday", "2017-04-07")]
    given = newsgraph.extract("Fri 07 Apr 2017 A strike hit Homs on Friday.", published="2017-04-10")
    assert given.published == "2017-04-10"  # a stated publication date wins over the dateline


def test_a_dateline_after_the_headline_anchors_dates_but_dates_no_event() -> None:
    doc = newsgraph.extract("Turkish drones hit oil sites in Syria\n\n"
                            "QAMISHLI, Syria, Jan. 15, 2024 — Turkish drones struck a power station near Amuda "
                            "on Sunday, the Syrian Observatory for Human Rights said.\n")
    assert doc.published == "2024-01-15"
    strike = next(e for e in doc.events if e.trigger == "struck")
    assert (strike.date, strike.date_text) == ("2024-01-14", "Sunday")  # not the dateline's 2024-01-15
    assert "2024-01-15" in {d.value for d in doc.dates}  # the dateline's date is still a date mention


def test_the_place_head_votes_for_the_country_of_an_ambiguous_town() -> None:
    plain = newsgraph.extract("Officials in Paris met on Monday.")
    headed = newsgraph.extract("AUSTIN, Texas (AP) - Officials in Paris met on Monday.")
    country = {e.name: e.country for e in plain.entities}.get("Paris")
    assert country == "FR"
    assert {e.name: e.country for e in headed.entities}.get("Paris") == "US"


def test_scraped_fakes_articles_give_their_publication_date(shared_dir: Path) -> None:
    """FA-KES (804 scraped Syrian-war articles): nearly every text opens with, or runs its headline into,
    its date.  The dataset's own ``date`` column is often days or months off, so it is matched loosely."""
    path = shared_dir / "benchmarks" / "news" / "FA-KES-Dataset.csv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    with path.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = same = 0
    for row in rows:
        dateline = read_dateline(row["article_content"])
        if dateline is not None and dateline.date is not None:
            found += 1
            month, day, year = (int(x) for x in row["date"].split("/"))
            same += dateline.date == dt.date(year, month, day)
    assert found >= 0.95 * len(rows)        # 787 of 804 (475 before scraped forms were read)
    assert same >= 0.65 * len(rows)         # 561 agree with the column to the day


def test_a_run_in_dateline_dates_no_event() -> None:
    doc = newsgraph.extract("Car bomb kills 10 in Homs AFP Sunday 25 May 2014 Ten people were killed when a car bomb "
                            "exploded in Homs on Saturday the governor said.")
    assert doc.published == "2014-05-25"
    assert {e.date for e in doc.events} <= {"2014-05-24", None}
    assert "2014-05-24" in {e.date for e in doc.events}
