"""Date values: normalisation at the stated precision, anchoring, the contract's reduction."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.nlp.dates import contract_date, normalize_date

PUB = dt.date(2023, 5, 20)  # a Saturday


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


@pytest.mark.parametrize(("text", "expected"), [
    ("3/4/27", "2027-03-04"),   # within the numeric-date slack after the publication year: this century
    ("04/03/2016", "2016-04-03"),  # slashes: US order
    ("04-03-2016", "2016-03-04"),  # dashes and dots: day first (European and Middle Eastern sites)
    ("23.04.2017", "2017-04-23"),
    ("12-25-2014", "2014-12-25"),  # unless the first number cannot be a month
    ("3/4/59", "1959-03-04"),
    ("in '19", "2019"),
    ("two decades ago", "200"),
    ("about three weeks later", "2023-W23"),  # no date mentioned before: counted from publication
    ("the following week", None),
    ("the twentieth century", "19"),
    ("fiscal year 2021", "2021"),
    ("next Friday", "2023-05-26"),
    ("last Friday", "2023-05-19"),
    ("this Saturday", "2023-05-20"),
    ("Friday night", "2023-05-19"),
])
def test_words_of_the_date_vocabulary(text: str, expected: str | None) -> None:
    assert normalize_date(text, PUB) == expected
