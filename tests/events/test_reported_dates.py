"""Dates an event takes from the way real reporting tells it: the date of the source that reports it when the
text gives nothing else, "came a day after" after a sentence of the day's news, a verb of causing that dates
what it set off, and the nouns of taking a place."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import extract
from tests.events.reading import PUBLISHED, event, participants


@pytest.mark.parametrize(("text", "trigger", "date", "who"), [
    # a state in the present perfect or progressive holds on the day it is reported
    ("Kurdish-led forces have seized the town of Manbij the Pentagon said on Monday.",
     "seized", "2016-09-19", {"Manbij"}),
    ("The U.N. Security Council said on Monday that it is seeking clarity on the reports.",
     "seeking", "2016-09-19", {"United Nations Security Council"}),
    # the simple past, when the report's date is all the sentence gives
    ("A car bomb killed 12 people at a market near the city of Raqqa the state news agency reported on Tuesday.",
     "killed", "2016-09-20", {"Raqqa"}),
])
def test_an_event_told_only_by_a_dated_source_takes_the_source_date(text: str, trigger: str, date: str,
                                                                   who: set[str]) -> None:
    doc = extract(text, PUBLISHED)
    found = event(doc, trigger)
    assert found.date == date
    assert who <= participants(doc, found)


def test_a_date_of_the_event_own_is_kept_over_the_report_date() -> None:
    doc = extract("Air strikes hit the town of Azaz on Sunday the monitor said on Tuesday.", PUBLISHED)
    assert event(doc, "hit").date == "2016-09-18"


def test_the_next_sentence_dates_a_perfect_lead_before_the_report_date_does() -> None:
    doc = extract("Ten children have been killed in air strikes on Aleppo a monitoring group said Tuesday. "
                  "The children were killed on Monday in barrel bomb strikes by regime helicopters on a home in "
                  "Aleppo the Observatory said.", PUBLISHED)
    lead = next(e for e in doc.events if e.trigger == "killed")
    assert lead.date == "2016-09-19"


def test_came_a_day_after_dates_the_event_before_the_news_of_the_day() -> None:
    doc = extract("Russian jets bombed the city of Idlib on Tuesday killing 12 people. The strikes came a day "
                  "after a surprise proposal by Turkey to open an aid corridor.", PUBLISHED)
    proposal = event(doc, "proposal")
    assert (proposal.type, proposal.date) == ("AGREE", "2016-09-19")
    assert "Turkey" in participants(doc, proposal)


def test_a_date_on_a_verb_of_causing_dates_what_it_set_off() -> None:
    doc = extract("Obama drew a red line that already in June triggered more U.S. aid to the rebels.", PUBLISHED)
    aid = event(doc, "aid")
    assert (aid.type, aid.date) == ("AID", "2016-06")


def test_the_capture_of_a_city_is_an_event_with_its_date() -> None:
    doc = extract("The monitor said in a report that the liberation of the city of Idlib on Saturday March 28 2015 "
                  "was followed by heavy bombardment.", PUBLISHED)
    taken = event(doc, "liberation")
    assert (taken.type, taken.date) == ("ASSAULT", "2015-03-28")
    assert "Idlib" in participants(doc, taken)


def test_a_source_inside_a_relative_clause_dates_nothing_of_the_sentence() -> None:
    doc = extract("A United Nations spokesman said the first sites to be visited will include Khan al-Assal near the "
                  "Syrian city of Aleppo where the government reported a chemical weapons attack on March 19.", PUBLISHED)
    said = event(doc, "said")
    assert (said.type, said.date) == ("AGREE", None)


@pytest.mark.parametrize(("text", "date", "who"), [
    ("A UN aid convoy came under attack by Russian jets near Aleppo on Sunday.", "2016-09-18", {"Aleppo"}),
    ("The town of Kilis has been under rocket attack by Islamic State militants since mid-January.", "2016-01",
     {"Kilis"}),
    ("Kilis has been under indiscriminate rocket attacks from neighboring Syria since mid-January.", "2016-01",
     {"Kilis"}),
])
def test_a_date_of_coming_under_attack_dates_the_attack_on_the_subject(text: str, date: str, who: set[str]) -> None:
    doc = extract(text, PUBLISHED)
    attack = next(e for e in doc.events if e.trigger.startswith("attack"))
    assert attack.date == date
    assert who <= participants(doc, attack)


@pytest.mark.parametrize(("text", "trigger", "date", "who"), [
    ("Archbishop Jacques Behnan Hindo told Catholic News Agency Feb. 26 that no Syrian can cross into Turkey.",
     "told", "2016-02-26", {"Jacques Behnan Hindo", "Catholic News Agency"}),
    ("SANA reported on Friday that the road to the airport of Deir al-Zor was safe again.", "reported",
     "2016-09-16", {"Syrian Arab News Agency"}),
    # an event named deep in what is said is not what happened: the saying is the news
    ("Foreign Minister Sergei Lavrov said on Monday that the rebels had exploited the truce to bring in arms.",
     "said", "2016-09-19", {"Sergei Lavrov"}),
    # the date of issuing the text it speaks through is the saying's
    ("In a statement issued on Monday the Syrian National Coalition said it had lost faith in the envoy.",
     "said", "2016-09-19", {"Syrian National Coalition"}),
    ("In a press release published on Tuesday the Foreign Ministry said Turkey would respond.", "said",
     "2016-09-20", {"Foreign Ministry"}),
])
def test_a_dated_saying_is_a_statement_of_its_speaker(text: str, trigger: str, date: str, who: set[str]) -> None:
    doc = extract(text, PUBLISHED)
    saying = event(doc, trigger)
    assert (saying.type, saying.date) == ("STATEMENT", date) and who <= participants(doc, saying)
    assert doc.claims  # the saying is still the claims stage's claim


@pytest.mark.parametrize("text", [
    "The Syrian Observatory for Human Rights said 10 people were killed in Aleppo.",  # undated
    "SANA reported on Friday that a car bomb killed 20 people in Deir al-Zor.",  # the killing is the news
    "SANA reported on Friday that the blast in Deir al-Zor was a car bomb.",  # the blast is the news
])
def test_a_saying_undated_or_of_an_event_is_no_event_of_its_own(text: str) -> None:
    assert [e.type for e in extract(text, PUBLISHED).events] == ["ASSAULT"]


def test_a_date_after_the_event_a_source_reports_dates_that_event() -> None:
    doc = extract("The Syrian government reported an attack on a checkpoint near Homs on March 19.", PUBLISHED)
    assert event(doc, "attack").date == "2016-03-19" and [e.trigger for e in doc.events] == ["attack"]


def test_a_passive_verb_of_saying_is_no_statement() -> None:
    doc = extract("The tanker was added to the European Union's sanctions list on Tuesday.", PUBLISHED)
    assert [e for e in doc.events if e.type == "STATEMENT"] == []
