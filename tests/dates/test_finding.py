"""Date mentions in real text: lists and ranges, numbers that are not dates, names, the clause's tense."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph import pipeline

PUB = dt.date(2023, 5, 20)  # a Saturday


def _found(text: str, published: dt.date | None = PUB) -> list[tuple[str, str | None]]:
    mentions = pipeline.run(text, published, until="dates").dates
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


def test_shared_article_dates(dev_article: str) -> None:
    values = {m.value for m in pipeline.run(dev_article, until="dates").dates}
    assert {"1971", "2023-03", "2023-04", "2013", "2018"} <= values


def test_dates_inside_names_are_not_dates() -> None:
    found = _found("Mortars hit April 7th Street on Sunday, USA Today reported.")
    assert found == [("Sunday", "2023-05-14")]


def test_numeric_and_headline_dates_are_read_whole() -> None:
    found = _found("Date of publication 26 November 2017. Posted 28-08-2016 by staff.")
    assert found == [("26 November 2017", "2017-11-26"), ("28-08-2016", "2016-08-28")]




def test_the_tense_of_the_clause_places_a_bare_weekday() -> None:
    assert _found("The minister will visit Cairo on Friday.") == [("Friday", "2023-05-26")]
    assert _found("The minister visited Cairo on Friday.") == [("Friday", "2023-05-19")]
    assert _found("The vote has been postponed until Tuesday.") == [("Tuesday", "2023-05-23")]


def test_counts_before_plural_nouns_are_not_years() -> None:
    assert _found("Russia launched over 1500 drones and about 2000 missiles.") == []
    assert _found("About 2000 people fled the city in 2015.") == [("2015", "2015")]
    assert _found("The monitor counted 5812 dead including 1733 children and 969 women.") == []
    assert _found("In 2011 protests spread across the country.") == [("2011", "2011")]


def test_time_spans_naming_a_day_are_dates() -> None:
    assert _found("Jets struck the town this morning.") == [("this morning", "2023-05-20")]
    assert _found("Jets struck the town last night.") == [("last night", "2023-05-19")]
    assert _found("The strike came at 3 pm.") == []  # a time of day names no day


def test_a_clock_time_after_at_is_not_a_year() -> None:
    assert _found("The Security Council will hold an emergency meeting at 1900 GMT.") == []
    assert _found("Twin car bombs exploded at 1459 in Homs in 2014.") == [("2014", "2014")]


def test_a_clause_the_parser_left_without_tense_takes_its_main_clauses() -> None:
    # "retook" is tagged VBP by the small model; the clause is joined to a past one
    found = _found("The blast hit a district which was on the front line before the army retook the city in December.")
    assert found == [("December", "2022-12")]
    assert _found("Talks resume in December.") == [("December", "2023-12")]  # a present of its own stays



@pytest.mark.parametrize(("text", "weekday", "value"), [
    ("On Wednesday Moscow vetoed a draft resolution.", "Wednesday", "2023-05-17"),
    ("Also on Saturday Syrian Army troops beat back the militants.", "Saturday", "2023-05-20"),
    ("Speaking on Thursday De Mistura said the city would be destroyed.", "Thursday", "2023-05-18"),
])
def test_a_weekday_after_on_is_a_date_when_commas_are_stripped(text: str, weekday: str, value: str) -> None:
    assert (weekday, value) in _found(text)  # spaCy runs the weekday into the name after it


@pytest.mark.parametrize(("text", "day", "value"), [
    ("It came a week after a similar blast as on October 9th Isis detonated a truck in Qamishli.", "October 9th",
     "2022-10-09"),
    ("On June 8 Madaya received a convoy of flour.", "June 8", "2022-06-08"),
])
def test_a_month_and_day_after_on_is_a_date_when_the_parser_joins_it_to_the_name_after_it(
        text: str, day: str, value: str) -> None:
    assert (day, value) in _found(text)


def test_a_day_inside_a_street_name_is_no_date() -> None:
    assert _found("Shops on April 7th Street in Aleppo were shelled.") == []


def test_a_weekday_spacy_runs_into_a_noun_phrase_is_a_date() -> None:
    # spaCy's DATE span "the age of eight on Tuesday" names no date; the weekday after "on" is one
    assert _found("A boy died in Aleppo at the age of eight on Tuesday, a doctor said.") == [("Tuesday", "2023-05-16")]


@pytest.mark.parametrize(("text", "expected"), [
    # "the day before" / "the day after" on their own count from the date just mentioned
    ("Rebels shelled Aleppo on Monday. The day before, jets bombed Idlib.", ("The day before", "2023-05-14")),
    ("Jets struck on Monday. Loyalists evacuated the day before waited for hours.", ("the day before", "2023-05-14")),
    ("Rebels shelled Aleppo on Monday. The day after, jets bombed Idlib.", ("The day after", "2023-05-16")),
    ("Rebels shelled Aleppo on Monday. Jets bombed Idlib the following day.", ("the following day", "2023-05-16")),
    ("Rebels shelled Aleppo on Monday. Jets had bombed Idlib a day earlier.", ("a day earlier", "2023-05-14")),
    ("Rebels shelled Aleppo on Monday. Two days later, jets bombed Idlib.", ("Two days later", "2023-05-17")),
])
def test_a_day_before_or_after_counts_from_the_date_just_mentioned(text: str, expected: tuple[str, str]) -> None:
    assert _found(text)[-1] == expected


def test_the_day_before_an_event_the_text_does_not_date_has_no_value() -> None:
    # the vote's day is not given: "the day before the vote" names no date
    assert _found("Rebels shelled Aleppo on Monday. The day before the vote, jets bombed Idlib.") == [
        ("Monday", "2023-05-15")]
    # with no date before it, "the day after" is not the day after publication
    assert _found("Jets bombed Idlib. The day after, rebels shelled Aleppo.") == [("The day after", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels attacked the town on 11 Jul 2015 and killed ten soldiers.", [("11 Jul 2015", "2015-07-11")]),
    ("Jets bombed the market on Jul 11 2015.", [("Jul 11 2015", "2015-07-11")]),
    ("Monitor AFP Saturday 11 Jul 2015 The regime killed at least 28 people.",
     [("Saturday 11 Jul 2015", "2015-07-11")]),
])
def test_abbreviated_months_with_day_and_year_are_dates_in_running_text(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_a_short_month_word_alone_is_no_date() -> None:
    assert _found("Jan Egeland met Mar Mari Emmanuel in Geneva.") == []


def test_overnight_is_the_night_up_to_the_reports_day() -> None:
    assert _found("Insurgents killed 14 civilians in a village of Hama province overnight.") == [
        ("overnight", "2023-05-20")]
    assert _found("The regime stormed a village overnight killing 12 people.", None) == [("overnight", None)]
