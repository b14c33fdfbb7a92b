"""Dated events whose date or place the parser hangs on a neighbouring word: a copula that counts the
victims, a "when" clause that tells the same blow, a date between what a source says and the source (commas
stripped), a direction's "of" phrase, and the place of the phrase or clause an event is told in."""

from __future__ import annotations

import pytest

from newsgraph.model import Document
from newsgraph.pipeline import extract
from tests.events.reading import PUBLISHED, event, participants


def dated(doc: Document) -> list[tuple[str, str | None, set[str]]]:
    return [(e.trigger, e.date, participants(doc, e)) for e in doc.events if e.date]


@pytest.mark.parametrize(("text", "trigger", "date", "place"), [
    # the date hangs on "were", which counts the dead; the blow is told in the "when" clause
    ("On Monday three women were among nine people killed when a barrel bomb hit a market in Douma.",
     "hit", "2016-09-19", "Douma"),
    ("Five soldiers were killed on Tuesday when a roadside bomb struck their patrol in Idlib.",
     "struck", "2016-09-20", "Idlib"),
    # commas stripped: the date stands between what is said and who says it
    ("Warplanes killed 12 people in rebel areas east of Damascus Monday the Observatory said.",
     "killed", "2016-09-19", "Damascus"),
    ("Jets bombed a village north of Aleppo on Tuesday.", "bombed", "2016-09-20", "Aleppo"),
    # the parser hangs the "in" phrase that tells the blow on the victims, the verb's object
    ("Syrian jets killed 12 civilians in air strikes on Douma on Friday.", "strikes", "2016-09-16", "Douma"),
    ("The army killed a rebel commander in heavy clashes in Idlib province on Wednesday.",
     "clashes", "2016-09-21", "Idlib"),
    # the event noun is told inside a clause whose own place phrase names the place
    ("Activists said 40 people died in villages east of Hama during the assault on Sunday.",
     "assault", "2016-09-18", "Hama"),
])
def test_a_dated_event_takes_the_date_and_place_its_clause_gives(text: str, trigger: str, date: str,
                                                                  place: str) -> None:
    found = [(d, p) for t, d, p in dated(extract(text, PUBLISHED)) if t == trigger]
    assert found and found[0][0] == date and place in found[0][1], dated(extract(text, PUBLISHED))


def test_the_source_date_dates_what_it_reports_only_when_the_sentence_gives_no_other() -> None:
    # the gold's convention: the report's date is the event's when the text gives nothing else
    text = "Jets killed 12 people in Aleppo, the Observatory said on Monday."
    assert [d for t, d, _ in dated(extract(text, PUBLISHED)) if t == "killed"] == ["2016-09-19"]
    # a saying before what it says is the day's news of an attack of that day or any day before
    for text in ("On Monday the Observatory said jets killed 12 people in Aleppo.",
                 "The Observatory said on Monday that jets killed 12 people in Aleppo."):
        assert [d for t, d, _ in dated(extract(text, PUBLISHED)) if t == "killed"] == [], text
    text = "Jets killed 12 people in Aleppo on Sunday, the Observatory said on Monday."
    assert [d for t, d, _ in dated(extract(text, PUBLISHED)) if t == "killed"] == ["2016-09-18"]


def test_a_place_of_what_someone_says_does_not_place_the_saying() -> None:
    doc = extract("Speaking on a visit to Ramallah on Monday the minister said the attacks were a massacre.",
                  PUBLISHED)
    assert all("Ramallah" not in p for t, _, p in dated(doc) if t == "attacks")


def test_the_war_with_no_owner_is_the_conflict_where_the_places_lie() -> None:
    doc = extract("Russian jets pounded Aleppo and Idlib in Syria on Tuesday. Russia said the raids hit militants. "
                  "Aleppo has been divided since the war began in 2011.", PUBLISHED)
    assert ("began war", "2011", {"Syria"}) in dated(doc)


def test_the_war_does_not_take_the_date_of_the_strike_told_before_it() -> None:
    doc = extract("Rebels shot down a helicopter near Hama in September 2015. The war in Syria has killed 300000 "
                  "people.", PUBLISHED)
    assert [(t, d) for t, d, _ in dated(doc)] == [("shot", "2015-09")]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Rebels hold Aleppo and Idlib in Syria. Government forces shelled the rebel enclave on Monday.", "shelled"),
    ("Gunmen ambushed a convoy near Tillaberi in Niger. Violence has surged since the junta ordered French troops "
     "to leave in 2015.", "ordered"),
])
def test_unnamed_rulers_are_the_rulers_of_the_country_where_the_places_lie(text: str, trigger: str) -> None:
    doc = extract(text, PUBLISHED)
    found = [(p, d) for t, d, p in dated(doc) if t == trigger]
    assert found and found[0][0] & {"Syria", "Niger"}, dated(doc)


def test_a_direction_from_the_city_told_before_places_the_event() -> None:
    doc = extract("Rebels shelled the city of Latakia on Thursday. Two Russian airmen were killed when their "
                  "helicopter was shot down east of the city on Friday.", PUBLISHED)
    assert ("shot", "2016-09-16", {"Latakia"}) in dated(doc)


def test_a_week_across_two_months_does_not_date_an_event_by_its_year() -> None:
    doc = extract("Government forces shelled Aleppo nearly two weeks ago.", "2016-06-14")  # the week of May 30
    assert [e.date for e in doc.events if e.trigger == "shelled"] == [None]
    doc = extract("Government forces shelled Aleppo last week.", "2016-06-22")  # the week of June 13
    assert [e.date for e in doc.events if e.trigger == "shelled"] == ["2016-06"]


def test_protests_against_the_government_are_not_the_governments() -> None:
    doc = extract("Rebels hold Aleppo and Idlib in Syria. Anti-government protests spread on Monday.", PUBLISHED)
    assert [t for t, _, _ in dated(doc) if t == "protests"] == []


@pytest.mark.parametrize("text", [
    "The attack appeared to signal the end of a ceasefire that came into force in Syria on the evening of "
    "September 12.",
    "Rebels said the shelling marked the collapse of a truce which took effect in Aleppo on September 12.",
])
def test_an_event_nouns_own_dated_clause_places_it(text: str) -> None:
    found = [(d, p) for t, d, p in dated(extract(text, PUBLISHED)) if t in ("ceasefire", "truce")]
    assert found and found[0][0] == "2016-09-12" and found[0][1] & {"Syria", "Aleppo"}, dated(extract(text, PUBLISHED))


def test_the_day_before_dates_an_event_from_the_date_told_before_it() -> None:
    doc = extract("Jets bombed Idlib on Monday. The day before, rebels shelled Aleppo.", PUBLISHED)
    assert ("shelled", "2016-09-18", {"Aleppo"}) in dated(doc)


def test_a_place_phrase_hung_on_the_last_of_the_victims_places_the_killing() -> None:
    # the parser hangs "in the town of ..." on "children" inside "including ...": it is where the raids killed
    doc = extract("The raids which killed 22 civilians including nine children in the town of Maarat al-Numan on "
                  "Sunday drew condemnation.", PUBLISHED)
    killed = event(doc, "killed")
    assert killed.date == "2016-09-18" and participants(doc, killed) == {"Maarat al-Numan"}
