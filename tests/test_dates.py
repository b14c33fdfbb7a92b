"""Dates: normalisation at stated precision, anchoring, lists and ranges, non-dates."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.nlp.dates import contract_date, dateline_date, find_dates, normalize_date
from newsgraph.nlp.parse import parse

PUB = dt.date(2023, 5, 20)  # a Saturday


def shared_dir() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.mark.parametrize(("text", "expected"), [
    ("in January 2019", "2019-01"),
    ("late June 2021", "2021-06"),
    ("since 2013", "2013"),
    ("March 4, 2021", "2021-03-04"),
    ("4 March 2021", "2021-03-04"),
    ("the 4th of March, 2021", "2021-03-04"),
    ("2021-06-14", "2021-06-14"),
    ("mid-2013", "2013"),
    ("the 1990s", "199"),
    ("the 20th century", "19"),
    ("the first quarter of 2012", "2012-Q1"),
    ("summer 2012", "2012-SU"),
])
def test_explicit_dates_keep_the_stated_precision(text: str, expected: str) -> None:
    assert normalize_date(text, PUB) == expected
    assert normalize_date(text, None) == expected  # explicit dates need no anchor


@pytest.mark.parametrize(("text", "expected"), [
    ("March 4", "2023-03-04"),
    ("June", "2023-06"),
    ("Friday", "2023-05-19"),
    ("yesterday", "2023-05-19"),
    ("today", "2023-05-20"),
    ("last week", "2023-W19"),
    ("this week", "2023-W20"),
    ("last month", "2023-04"),
    ("this year", "2023"),
    ("last year", "2022"),
    ("next year", "2024"),
    ("two years ago", "2021"),
    ("three months ago", "2023-02"),
    ("last June", "2022-06"),
    ("last summer", "2022-SU"),
    ("early this year", "2023"),
    ("recently", "PAST_REF"),
    ("now", "PRESENT_REF"),
])
def test_relative_dates_resolve_against_the_publication_date(text: str, expected: str) -> None:
    assert normalize_date(text, PUB) == expected


@pytest.mark.parametrize("text", ["last week", "recently", "yesterday", "two years ago", "Friday", "March 4"])
def test_relative_dates_without_anchor_stay_unresolved(text: str) -> None:
    assert normalize_date(text, None) is None


def test_anaphoric_dates_use_the_preceding_date() -> None:
    assert normalize_date("that year", PUB, "2019-03") == "2019"
    assert normalize_date("the same month", PUB, "2019-03-04") == "2019-03"
    assert normalize_date("the following year", PUB, "2019-03") == "2020"
    assert normalize_date("in January of that year", None, "2016-08-01") == "2016-01"
    assert normalize_date("March 4", None, "2016-08-01") == "2016-03-04"


def test_tense_picks_the_year_of_a_bare_month() -> None:
    assert normalize_date("October", PUB, tense="past") == "2022-10"
    assert normalize_date("February", PUB, tense="future") == "2024-02"
    assert normalize_date("October", PUB, tense="future") == "2023-10"


@pytest.mark.parametrize(("value", "expected"), [
    ("2021", "2021"), ("2021-06", "2021-06"), ("2021-06-14", "2021-06-14"),
    ("2013-W11", "2013-03"), ("2013-W14", "2013-04"), ("2013-W09", "2013"), ("2013-W01", None), ("2012-SU", "2012"),
    ("2013-Q1", "2013"), ("PRESENT_REF", None), ("199", None), (None, None),
])
def test_contract_date_reduces_to_contract_precision(value: str | None, expected: str | None) -> None:
    assert contract_date(value) == expected


_PIECES = st.sampled_from(["March", "4", "2021", ",", "last", "the", "week", "ago", "two", "early", "Friday",
                           "-", "and", "of", "that", "year", "1990s", "Q3", "summer", "now", "$12", "F-35"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=6).map(" ".join) | st.text(max_size=30),
       st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))),
       st.sampled_from([None, "2016", "2016-08", "2016-08-03"]))
def test_contract_date_always_gives_contract_forms(text: str, anchor: dt.date | None, previous: str | None) -> None:
    value = contract_date(normalize_date(text, anchor, previous))
    assert value is None or (len(value) in (4, 7, 10) and dt.date.fromisoformat(
        value + {4: "-01-01", 7: "-01", 10: ""}[len(value)]))


def _found(text: str, published: dt.date | None = PUB) -> list[tuple[str, str | None]]:
    mentions = find_dates(parse(text, published=published))
    for m in mentions:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.value) for m in mentions]


def test_a_list_gives_one_mention_per_item() -> None:
    found = _found("The group struck in March 2019, June 2020 and May 2021.")
    assert found == [("March 2019", "2019-03"), ("June 2020", "2020-06"), ("May 2021", "2021-05")]


def test_a_range_gives_both_ends_and_shares_the_year() -> None:
    assert _found("The pandemic of 2009-2010 killed 348 children.") == [("2009", "2009"), ("2010", "2010")]
    found = _found("Talks ran from March to May 2020 in Geneva.")
    assert [v for _, v in found] == ["2020-03", "2020-05"]
    assert _found("Fighting raged between 2011 and 2013.") == [("2011", "2011"), ("2013", "2013")]
    assert _found("Talks were held March 4-6, 2021 in Vienna.") == [("March 4", "2021-03-04"), ("6, 2021", "2021-03-06")]
    assert [v for _, v in _found("The 1957-58 expedition failed.")] == ["1957", "1958"]


@pytest.mark.parametrize("sentence", [
    "Iran spent $12 billion on the program.",
    "The council passed Resolution 1701 unanimously.",
    "Researchers at the Institute 4000 site were detained.",
    "Israel bought more F-35 jets and Russia sent S-300 batteries.",
    "Russia launched over 150 drones at the city.",
])
def test_numbers_that_are_not_dates(sentence: str) -> None:
    assert [v for _, v in _found(sentence) if v is not None] == []


def test_without_publication_date_the_preceding_full_date_anchors_the_year() -> None:
    text = "The strike happened on August 3, 2016. On March 4 the army withdrew. Last week it returned."
    assert _found(text, None) == [("August 3, 2016", "2016-08-03"), ("March 4", "2016-03-04"), ("Last week", None)]


def test_past_narrative_puts_a_later_month_in_the_previous_year() -> None:
    found = _found("In October, the militia attacked the base.")
    assert found == [("October", "2022-10")]


def test_shared_article_dates() -> None:
    path = shared_dir() / "corpus" / "alma-cers-study.txt"
    if not path.exists():
        pytest.skip("shared corpus not available")
    text = path.read_text(encoding="utf-8")
    values = {m.value for m in find_dates(parse(text))}
    assert {"1971", "2023-03", "2023-04", "2013", "2018"} <= values


def test_dates_inside_names_are_not_dates() -> None:
    found = _found("Mortars hit April 7th Street on Sunday, USA Today reported.")
    assert found == [("Sunday", "2023-05-14")]


def test_numeric_and_headline_dates_are_read_whole() -> None:
    found = _found("Date of publication 26 November 2017. Posted 28-08-2016 by staff.")
    assert found == [("26 November 2017", "2017-11-26"), ("28-08-2016", "2016-08-28")]


@pytest.mark.parametrize("opening, expected", [
    ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use.", "2017-04-05"),
    ("BEIRUT, March 3, 2024 (AFP) - Israeli jets struck a village.", "2024-03-03"),
    ("Published: 12 June 2023\nThe ministry said on Friday that ...", "2023-06-12"),
    ("2023-06-12 | Damascus - Shelling resumed.", "2023-06-12"),
])
def test_a_dateline_gives_the_publication_date(opening: str, expected: str) -> None:
    assert dateline_date(opening) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("opening", [
    "On 5 April 2017, Syrian jets struck Khan Sheikhoun.",
    "The army said on 5 April 2017 that it had withdrawn.",
    "In March 2019 the talks collapsed.",  # no day: not a dateline
])
def test_a_date_in_running_text_is_not_a_dateline(opening: str) -> None:
    assert dateline_date(opening) is None


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
