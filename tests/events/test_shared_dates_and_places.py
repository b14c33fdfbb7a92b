"""Dates shared along a run of coordinated verbs, and places the text only describes ("the Syrian
capital", "the northern city"), on sentences of the kind wire reports are made of."""

from __future__ import annotations

import pytest

from newsgraph.model import Document, Event
from newsgraph.pipeline import extract

PUBLISHED = "2016-09-21"  # a Wednesday


def place(doc: Document, event: Event) -> str | None:
    found = doc.entity(event.location) if event.location else None
    return found.name if found is not None else None


def dates_of(doc: Document) -> dict[str, str | None]:
    return {e.trigger: e.date for e in doc.events}


@pytest.mark.parametrize(("text", "triggers", "date"), [
    # the date after the last verb
    ("Syrian government air strikes killed 18 people and wounded 40 in Aleppo on Tuesday.",
     ("killed", "wounded"), "2016-09-20"),
    ("Rebels shelled the town of Harasta and killed five civilians on Monday.", ("shelled", "killed"), "2016-09-19"),
    # the date before the first
    ("On Monday Russian jets bombed Aleppo and killed 20 people.", ("bombed", "killed"), "2016-09-19"),
    # a conjunct's conjunct: three verbs, the date after the last
    ("Kurdish fighters besieged the town of Manbij and encircled it and entered its districts on Tuesday.",
     ("besieged", "encircled", "entered"), "2016-09-20"),
])
def test_coordinated_verbs_share_one_date(text: str, triggers: tuple[str, ...], date: str) -> None:
    dates = dates_of(extract(text, PUBLISHED))
    assert all(dates.get(t) == date for t in triggers), dates


def test_a_verb_with_its_own_subject_or_tense_keeps_its_own_date() -> None:
    dates = dates_of(extract("Rebels attacked Aleppo in 2012 and the army has bombed Idlib since.", PUBLISHED))
    assert dates.get("attacked") == "2012" and dates.get("bombed") is None, dates
    # between the verbs, the date is the first's only
    dates = dates_of(extract("Jets bombed Aleppo on Monday and shelled Idlib.", PUBLISHED))
    assert dates.get("bombed") == "2016-09-19" and dates.get("shelled") is None, dates


def test_a_described_place_is_the_place_the_document_names() -> None:
    doc = extract("Rebels advanced on Damascus and Aleppo this week. At least 11 people were killed in the "
                  "Syrian capital on Tuesday. Four more were killed in the northern city on Wednesday.", PUBLISHED)
    assert [(e.date, place(doc, e)) for e in doc.events if e.trigger == "killed"] == [
        ("2016-09-20", "Damascus"), ("2016-09-21", "Aleppo")]


def test_a_description_the_document_does_not_resolve_keeps_the_event_out() -> None:
    # no capital named, and "the city" named nowhere before
    doc = extract("At least 11 people were killed in the capital on Tuesday. Four more were killed in the city "
                  "on Wednesday.", PUBLISHED)
    assert not [e for e in doc.events if e.trigger == "killed"]



def test_a_described_place_inside_an_of_phrase() -> None:
    doc = extract("Mortars fell on Damascus on Wednesday. Nine people were killed in the eastern suburbs of the "
                  "Syrian capital on Thursday.", PUBLISHED)
    killed = [e for e in doc.events if e.trigger == "killed"]
    assert [(e.date, place(doc, e)) for e in killed] == [("2016-09-15", "Damascus")]


def test_a_light_verbs_own_date_wins_over_its_nouns_relative_clause() -> None:
    # scraped, commas stripped: "on Sunday" hangs on the subject; the offensive began earlier
    doc = extract("Also US-backed forces on Sunday engaged with the Daesh militants in an offensive that began last "
                  "Tuesday against the group-held areas in Aleppo province.", PUBLISHED)
    assert dates_of(doc).get("engaged") == "2016-09-18", dates_of(doc)
    # with no date of the verb's own, the relative clause still dates it
    doc = extract("Kurdish forces launched an offensive that began on June 3 against Islamic State in Raqqa.", PUBLISHED)
    assert dates_of(doc).get("launched offensive") == "2016-06-03", dates_of(doc)


def test_a_clause_of_beginning_hung_on_a_place_dates_the_event_around_it() -> None:
    doc = extract("The attack was part of a wider offensive by Al-Qaeda against several Kurdish majority areas of "
                  "northern Syria that began on Friday the Syrian Observatory for Human Rights said.", PUBLISHED)
    assert dates_of(doc).get("offensive") == "2016-09-16", dates_of(doc)
    # the protest did not begin on Friday: the infighting (no event noun here) did
    doc = extract("Hundreds of Syrians near Damascus protested against infighting between the insurgent groups that "
                  "began Friday and left dozens killed.", PUBLISHED)
    assert dates_of(doc).get("protested") is None, dates_of(doc)


def test_forces_entering_a_described_town_assault_it_there() -> None:
    doc = extract("Government forces executed 48 people in the northern village of Rityan this week. The killings "
                  "took place after troops entered the town on Tuesday.", PUBLISHED)
    entered = next(e for e in doc.events if e.trigger == "entered")
    assert (entered.type, entered.date, place(doc, entered)) == ("ASSAULT", "2016-09-20", "Rityan")


def test_an_aid_convoy_entering_a_place_is_aid() -> None:
    doc = extract("On Monday an aid convoy entered the besieged town of Madaya in Syria.", PUBLISHED)
    assert [(e.trigger, e.type) for e in doc.events if e.trigger == "entered"] == [("entered", "AID")]


@pytest.mark.parametrize(("text", "date", "actor", "where"), [
    ("Government fighters began pushing north towards Tabaqa held by Islamic State since 2014.",
     "2014", "Islamic State", "Tabaqa"),
    ("The blast took place near the city of Manbij which has been under YPG control since August.",
     "2016-08", "People's Protection Units", "Manbij"),
    ("The town of Salma has been held by Nusra Front since 2012.", "2012", "al-Nusra Front", "Salma"),
])
def test_a_place_held_since_a_date_was_taken_then(text: str, date: str, actor: str, where: str) -> None:
    doc = extract(text, PUBLISHED)
    taken = [(e.type, e.date, [doc.entity(a).name for a in e.actors], place(doc, e)) for e in doc.events
             if e.type == "COERCE"]
    assert taken == [("COERCE", date, [actor], where)], taken


def test_a_shared_control_names_no_taking() -> None:
    doc = extract("Aleppo has been divided between rebel and government control since 2012.", PUBLISHED)
    assert [e for e in doc.events if e.type == "COERCE"] == []


def test_a_scheduling_participle_hung_on_a_place_dates_the_event_around_it() -> None:
    doc = extract("A mosque had called on people to attend a mass killing of prisoners at Mount Abdul Aziz scheduled "
                  "for Friday.", PUBLISHED)
    assert dates_of(doc).get("killing") == "2016-09-16", dates_of(doc)


def test_a_siege_since_a_date_is_dated_and_placed_and_no_aid_that_never_came_is_an_event() -> None:
    doc = extract("The town of Madaya has been under siege by Hezbollah since July. No aid convoys have entered "
                  "the town since August.", PUBLISHED)
    assert [(e.type, e.date, place(doc, e)) for e in doc.events] == [("ASSAULT", "2016-07", "Madaya")]
