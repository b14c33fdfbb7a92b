"""A date hung on an implicative verb dates the event of its "to" complement ("was forced to step down early this
year", "on Monday managed to enter"); a date closing a standing participle on the subject ("units backed by the air
force on Sunday continued") is the main verb's, one hung on a copula dates the event its predicate names ("was the
scene of fierce fighting last year"); a dated event noun shares its date with the relative clause that tells what it
did ("a 2010 commando raid that killed nine activists", "an April 4 attack that killed dozens"). On sentences written
in the style of the TempEval-3 and FA-KES reports, and on three TempEval-3 reports read from ../shared at test time."""

from __future__ import annotations

import csv
import re

import pytest

from newsgraph.pipeline import extract
from tests.events.reading import PUBLISHED, event, participants
from tests.shared import shared_file


@pytest.mark.parametrize(("text", "trigger", "date", "who"), [
    # the parser hangs the date on "forced" / "managed" / "continued", which name no event
    ("The governor of Idlib, who last week was forced to resign, fled to Turkey.", "resign", "2016-09", "Idlib"),
    ("Turkish troops on Monday managed to enter the town of Manbij.", "enter", "2016-09-19", "Manbij"),
    ("Rebels on Sunday continued to shell the town of Nubl.", "shell", "2016-09-18", "Nubl"),
])
def test_a_date_on_an_implicative_verb_dates_its_complement(text: str, trigger: str, date: str, who: str) -> None:
    doc = extract(text, PUBLISHED)
    found = event(doc, trigger)
    assert found.date == date and who in participants(doc, found), (found.trigger, found.date, participants(doc, found))


def test_a_date_on_a_verb_of_deciding_does_not_date_what_was_decided() -> None:
    # "decided on Monday to withdraw": the withdrawal had not happened on Monday
    doc = extract("The Syrian army decided on Monday to withdraw its troops from Manbij.", PUBLISHED)
    assert "2016-09-19" not in [e.date for e in doc.events if e.trigger.startswith("withdraw")], [
        (e.trigger, e.date) for e in doc.events]


@pytest.mark.parametrize(("text", "date", "place"), [
    # of another type than the noun ("raid" is COERCE), but the noun is the clause's subject
    ("Police in Cairo said the 2015 raid that killed three militants in Giza was lawful.", "2015", "Giza"),
    # of the same type, the clause with a named actor and no entity participant
    ("Human Rights Watch on Monday accused Syrian government forces of dropping bombs before an April 4 attack "
     "that killed dozens of people in Khan Sheikhoun.", "2016-04-04", None),
])
def test_a_dated_event_noun_dates_what_its_relative_clause_says_it_did(text: str, date: str, place: str | None) -> None:
    doc = extract(text, PUBLISHED)
    found = event(doc, "killed")
    assert found.date == date and (place is None or place in participants(doc, found)), (found.date, found.location)


def test_a_relative_clause_with_its_own_subject_keeps_its_own_time() -> None:
    # "the March truce that Turkey violated": the violation came later than the truce
    doc = extract("Moscow said the March truce that Turkey violated in Idlib had collapsed.", PUBLISHED)
    assert event(doc, "violated").date is None


@pytest.mark.parametrize(("text", "trigger", "date"), [
    # the parser hangs the date on "was"; the predicate noun ("subject", "scene") names no event
    ("The shooting was a subject of talks between Russia and Turkey during the minister's trip to Ankara this week, "
     "officials said.", "talks", "2016-09"),
    ("Ras al-Ain was the scene of fierce fighting between Kurdish forces and Islamic State last year.",
     "fighting", "2015"),
])
def test_a_date_on_a_copula_dates_the_event_its_predicate_names(text: str, trigger: str, date: str) -> None:
    assert event(extract(text, PUBLISHED), trigger).date == date


def _tempeval(name: str) -> tuple[str, str]:
    """The TEXT of a TempEval-3 platinum file with its tags removed, and its creation date."""
    raw = shared_file("benchmarks", "dates", f"{name}.tml").read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    assert dct is not None
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    return re.sub(r"<[^>]+>", "", body), dct.group(1)


@pytest.mark.parametrize(("name", "trigger", "date"), [
    ("WSJ_20130321_1145", "step down", "2013"),  # "who early this year was forced to step down as a ... officer"
    ("CNN_20130322_314", "killed", "2010"),  # "apologized to Turkey for a 2010 commando raid that killed nine"
    ("WSJ_20130322_159", "talks", "2013-03"),  # "was a subject of talks between ... during the president's trip ..."
])
def test_wire_reports_date_these_events_with_their_sentences_date(name: str, trigger: str, date: str) -> None:
    text, published = _tempeval(name)
    doc = extract(text, published)
    assert date in [e.date for e in doc.events if e.trigger == trigger], [(e.trigger, e.date) for e in doc.events]


@pytest.mark.parametrize(("text", "trigger", "date"), [
    # the parser hangs "on Monday" on "backed"; it closes the subject right before the main verb
    ("Syrian troops backed by Russian jets on Monday entered the town of Palmyra.", "entered", "2016-09-19"),
    ("Kurdish fighters supported by US aircraft on Tuesday managed to enter the town of Manbij.", "enter", "2016-09-20"),
])
def test_a_date_after_a_standing_participle_on_the_subject_is_the_main_verbs(text: str, trigger: str,
                                                                              date: str) -> None:
    doc = extract(text, PUBLISHED)
    assert event(doc, trigger).date == date, [(e.trigger, e.date) for e in doc.events]
    assert all(e.date is None for e in doc.events if e.type == "SUPPORT"), [(e.trigger, e.date) for e in doc.events]


@pytest.mark.parametrize(("row", "published"), [(535, "2016-11-27"), (546, "2016-10-30")])
def test_scraped_army_reports_do_not_date_the_backing(row: int, published: str) -> None:
    # "Army units backed by the army air force on Sunday continued to ...": the day is the army's, not the backing's
    with shared_file("benchmarks", "news", "FA-KES-Dataset.csv").open(encoding="latin-1") as f:
        text = list(csv.DictReader(f))[row]["article_content"]
    doc = extract(text, published)
    backing = [e for e in doc.events if e.trigger == "backed" and "on Sunday" in e.evidence.text]
    assert backing and all(e.date is None for e in backing), [(e.trigger, e.date) for e in backing]


def test_a_date_closing_a_despite_phrase_dates_the_event_it_names() -> None:
    # the parser hangs "late last year" on "hold", which names no event: the capture is that year's
    doc = extract("Despite the governments capture of Daraa city late last year rebel groups hold villages in the "
                  "south of the province.", PUBLISHED)
    taken = event(doc, "capture")
    assert taken.date == "2015" and participants(doc, taken) == {"Daraa"}
