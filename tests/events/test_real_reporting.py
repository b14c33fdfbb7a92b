"""Event dates and participants on the kinds of sentence real reporting is made of: wire leads with a
weekday, scraped pages without commas, an event told again in the next sentence, "when" clauses,
"two days after", and the background dates that must not date the news."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.model import Document
from newsgraph.pipeline import extract
from tests.events.reading import PUBLISHED, event, participants

# ---------------------------------------------------------------- a date in the event's own sentence

@pytest.mark.parametrize(("text", "trigger", "kind", "date", "who"), [
    ("The visit of the Iranian president Ebrahim Raisi to Moscow on March 4, 2021 was his first abroad.",
     "visit", "CONSULT", "2021-03-04", {"Ebrahim Raisi", "Moscow"}),
    ("Amnesty International presented its report to the United Nations on June 2, 2020.",
     "presented", "STATEMENT", "2020-06-02", {"Amnesty International", "United Nations"}),
    ("Turkey's lifting of the ban on flights to Erbil on July 1, 2022 was welcomed in Baghdad.",
     "lifting", "SANCTION", "2022-07-01", {"Turkey"}),
    ("Egypt signed 12 contracts with Russia in 2018, including 5 in March.",
     "signed", "AGREE", "2018", {"Egypt", "Russia"}),
    # scraped text: no "on", no commas
    ("A motorcycle bomber killed 16 civilians outside a bakery in Qamishli Tuesday an official said.",
     "killed", "ASSAULT", "2016-09-20", {"Qamishli"}),
    ("Thousands of Iraqi Kurds were gassed by Saddam Hussein's forces at Halabja in 1988.",
     "gassed", "ASSAULT", "1988", {"Saddam Hussein", "Halabja"}),
    ("An air force strike on the weekly market in Tora, a town north of El Fasher, on March 24 killed 54 civilians.",
     "killed", "ASSAULT", "2016-03-24", {"Tora"}),
    ("Government forces encircled the town of Manbij and entered its southern districts on June 23.",
     "encircled", "ASSAULT", "2016-06-23", {"Manbij"}),
    ("The last French soldiers left Niamey in December 2015.", "left", "RETREAT", "2015-12", {"Niamey"}),
    # "claimed the lives": no source's verb
    ("On Tuesday an alleged chemical attack in Idlib province claimed the lives of some 80 people.",
     "attack", "ASSAULT", "2016-09-20", {"Idlib"}),
    # a light verb before the event noun: the date between the subject and the verb is the noun's event's
    ("Regime forces on Monday committed a massacre in the town of Saraqeb in Idlib province, killing 12 civilians.",
     "committed massacre", "ASSAULT", "2016-09-19", {"Saraqeb"}),
    ("Jihadists perpetrated a bombing in Homs on Sunday.", "perpetrated bombing", "ASSAULT", "2016-09-18", {"Homs"}),
    # the verbs of fighting back and of taking back ground
    ("Government troops on Sunday repelled an attack by Nusra Front fighters near Hama.",
     "repelled", "ASSAULT", "2016-09-18", {"al-Nusra Front"}),
    ("The village of Tal Rifaat was liberated by Kurdish fighters on Tuesday.",
     "liberated", "ASSAULT", "2016-09-20", {"Tal Rifaat"}),
    ("Syrian troops regained control of the town of Palmyra on Saturday.",
     "regained", "ASSAULT", "2016-09-17", {"Palmyra"}),
    ("The Syrian Democratic Forces on Friday took control of the town of Tabqa.",
     "took", "ASSAULT", "2016-09-16", {"Syrian Democratic Forces", "Tabqa"}),
    ("Kurdish fighters wrested the town of Tal Abyad from Islamic State in June.",
     "wrested", "ASSAULT", "2016-06", {"Islamic State"}),
    ("The Syrian Democratic Forces drove the Islamic State group out of the town of Manbij on Saturday.",
     "drove out", "ASSAULT", "2016-09-17", {"Syrian Democratic Forces", "Islamic State"}),
    # an air raid is an assault, one event with the killing it causes (a police raid stays COERCE)
    ("Air raids on the rebel-held parts of Aleppo killed 13 civilians Monday the Observatory said.",
     "raids", "ASSAULT", "2016-09-19", {"Aleppo"}),
    ("At least 16 civilians were killed Friday during an air raid on the neighbourhood of Tareeq al-Bab in Aleppo.",
     "killed", "ASSAULT", "2016-09-16", {"Tareeq al-Bab"}),
    ("Police raids on homes in Ankara led to 20 arrests on Monday.", "raids", "COERCE", "2016-09-19", {"Ankara"}),
])
def test_an_event_takes_the_date_its_sentence_gives_it(text: str, trigger: str, kind: str, date: str,
                                                       who: set[str]) -> None:
    doc = extract(text, PUBLISHED)
    found = event(doc, trigger)
    assert (found.type, found.date) == (kind, date)
    assert who <= participants(doc, found)


def test_the_city_and_not_its_country_is_where_it_happened() -> None:
    doc = extract("A bomb killed six people in Syria's second city Aleppo on Wednesday.", PUBLISHED)
    assert doc.entity(event(doc, "killed").location).name == "Aleppo"  # type: ignore[union-attr]
    doc = extract("Rockets struck government-held districts in the central Syrian city of Homs on Thursday.",
                  PUBLISHED)
    assert doc.entity(event(doc, "struck").location).name == "Homs"  # type: ignore[union-attr]


def test_the_accused_and_the_claimant_are_the_actors() -> None:
    doc = extract("Ukraine has accused Iran of supplying Russia with drones since September 2022.", PUBLISHED)
    supply = event(doc, "supplying")
    assert supply.date == "2022-09" and {doc.entity(i).name for i in supply.actors} == {"Iran"}  # type: ignore[union-attr]
    doc = extract("The Islamic State group claimed responsibility for the bombing in Hasakeh.", PUBLISHED)
    assert "Islamic State" in participants(doc, event(doc, "bombing"))
    doc = extract("The attack forced a ceasefire deal brokered by regime ally Iran and Qatar to be halted.", PUBLISHED)
    assert {"Iran", "Qatar"} <= participants(doc, event(doc, "deal"))  # a halted deal was still made


# ---------------------------------------------------------------- dates from around the clause

def test_an_event_told_again_takes_the_date_of_the_first_telling() -> None:
    doc = extract("A bomb killed six people in Aleppo on Wednesday. The blast hit the neighbourhood of "
                  "Salaheddin before Syrian forces retook Aleppo in December.", PUBLISHED)
    hit = event(doc, "hit")
    assert hit.date == "2016-09-21" and "Salaheddin" in participants(doc, hit)
    assert event(doc, "retook").date == "2015-12"  # told in passing, past: last December


def test_the_events_of_a_dates_when_clause_take_that_date() -> None:
    doc = extract("The incident is the most serious in the Gulf of Finland since Dec. 25, 2023, when the tanker "
                  "Eagle S cut the Estlink 2 power cable between Finland and Estonia.", PUBLISHED)
    assert event(doc, "cut").date == "2023-12-25"


def test_days_after_dates_one_event_from_the_other() -> None:
    doc = extract("Russian jets bombed a hospital in Khan Tuman on Wednesday. The attack on the hospital came two "
                  "days after Russian jets hit an aid convoy near Aleppo.", PUBLISHED)
    hit = event(doc, "hit")
    assert (hit.date, hit.date_text) == ("2016-09-19", "two days after")
    doc = extract("Rebels shelled the town of Azaz on Tuesday, a day after government forces bombed a market in "
                  "Idlib.", PUBLISHED)
    assert event(doc, "bombed").date == "2016-09-19"


@pytest.mark.parametrize(("after", "date"), [
    ("Jets struck Rastan two days after the bombing.", "2016-09-21"),
    ("Two days after the bombing, jets struck Rastan.", "2016-09-21"),
    ("A day after the bombing, jets struck Rastan.", "2016-09-20"),
    ("Jets struck Rastan after the bombing.", None),  # after it, but not on its day
])
def test_an_event_noun_after_after_is_the_earlier_event_not_the_verbs(after: str, date: str | None) -> None:
    doc = extract("A car bomb exploded in the city of Homs on Monday. " + after, PUBLISHED)
    assert event(doc, "exploded").date == "2016-09-19"
    assert event(doc, "struck").date == date


def test_the_days_news_is_told_on_in_the_next_sentences() -> None:
    doc = extract("A bomb killed six people in Aleppo on Wednesday. About 45 buses left Idlib for Aleppo. "
                  "Meanwhile a convoy left Madaya for Idlib a military media unit said.", PUBLISHED)
    assert [e.date for e in doc.events if e.trigger == "left"] == ["2016-09-21", "2016-09-21"]


def test_an_event_noun_and_the_verb_it_drives_share_one_date() -> None:
    # the parser hangs "on Monday" under "age": the verb gets it, the noun with the place shares it
    doc = extract("A suspected gas attack on the town of Khan Sheikhoun killed at least 58 people including 11 "
                  "children under the age of eight in the province of Idlib on Monday a war monitor said.", PUBLISHED)
    attack = event(doc, "attack")
    assert attack.date == "2016-09-19" and "Khan Sheikhoun" in participants(doc, attack)
    doc = extract("At least 21 people were killed and 50 hurt on Sunday in a rebel mortar attack on districts of "
                  "the city of Aleppo the Syrian Observatory for Human Rights said.", PUBLISHED)
    attack = event(doc, "attack")
    assert attack.date == "2016-09-18" and "Aleppo" in participants(doc, attack)


def test_a_bare_gerund_the_parser_makes_a_verb_shares_the_date_of_the_killing_it_tells() -> None:
    # "shelling" with no modifier is tagged a verb (pcomp of "in"); the date hangs on "killed", which has no place
    doc = extract("Three civilians were killed in shelling on the village of Kafr Hamra on Monday.", PUBLISHED)
    shelling = event(doc, "shelling")
    assert shelling.date == "2016-09-19" and participants(doc, shelling) == {"Kafr Hamra"}


def test_a_participle_of_the_result_shares_its_verbs_date() -> None:
    # no commas: the parser hangs "killing" on the object, and "on Thursday" on "injuring"
    doc = extract("Ten Russian raids hit the Islamic State-held city of Raqqa and its outskirts killing at least 30 "
                  "people and injuring dozens on Thursday.", PUBLISHED)
    hit = event(doc, "hit")
    assert hit.date == "2016-09-15" and "Islamic State" in participants(doc, hit)
    doc = extract("An Israeli plane hit a car on Tuesday killing two men in the town of Hader.", PUBLISHED)
    assert event(doc, "killing").date == "2016-09-20"


def test_a_relative_clause_tells_who_made_its_event_and_when() -> None:
    doc = extract("Russian air strikes have battered parts of Idlib despite a ceasefire that Turkey and Russia "
                  "brokered in December according to the Observatory.", PUBLISHED)
    ceasefire = event(doc, "ceasefire")
    assert ceasefire.date == "2015-12" and {"Turkey", "Russia"} <= participants(doc, ceasefire)


def test_the_start_of_a_war_told_in_a_time_clause_is_placed_where_its_main_event_is() -> None:
    doc = extract("More than 300000 people have been killed in Syria since the conflict began in March 2011 with "
                  "anti-government protests.", PUBLISHED)
    began = [e for e in doc.events if e.date == "2011-03"]
    assert began and "Syria" in participants(doc, began[0])
    assert event(doc, "killed").date is None  # killed over five years: no one date


def test_a_headline_takes_the_date_of_the_lead() -> None:
    doc = extract("Car bomb kills 12 in Syrian town of Azaz. A car bomb killed 12 people in the Syrian town of "
                  "Azaz on Wednesday a monitor said.", PUBLISHED)
    assert [e.date for e in doc.events if e.type == "ASSAULT"] == ["2016-09-21", "2016-09-21"]


def test_a_headline_does_not_take_a_later_days_date() -> None:
    doc = extract("Army kills commander in Daraa province. A commander was killed in an army offensive on Daraa. "
                  "Also on Saturday troops shelled the town of Busra.", PUBLISHED)
    assert event(doc, "kills").date is None


def test_a_date_after_the_subjects_relative_clause_dates_that_clause() -> None:
    doc = extract("The assault on the border town of Azaz from which the rebels were expelled by Kurdish fighters last "
                  "month sparked an exodus of civilians into Turkey.", PUBLISHED)
    assert event(doc, "expelled").date == "2016-08"
    assert event(doc, "assault").date is None  # the assault is the day's news, not last month's


def test_a_present_perfect_lead_takes_the_date_the_next_sentence_gives_its_news() -> None:
    doc = extract("Air strikes on a market in the rebel-held town of Atareb have killed at least 53 people a war "
                  "monitor said on Wednesday. The strikes hit the crowded market on Tuesday afternoon.", PUBLISHED)
    assert event(doc, "killed").date == "2016-09-20"  # not the Wednesday it was said on
    assert "Atareb" in participants(doc, event(doc, "killed"))


@pytest.mark.parametrize("lead", [
    "A suicide bombing in a cafe in the city of Homs killed nine people a monitoring group said on Wednesday.",
    "About 30 Syrian soldiers were killed when rebels set off a bomb under a checkpoint near Homs activists said "
    "on Wednesday.",
])
def test_a_lead_dated_only_by_its_source_takes_the_day_the_next_sentence_gives(lead: str) -> None:
    doc = extract(lead + " The blast struck the crowded cafe on Tuesday evening.", PUBLISHED)
    assert event(doc, "killed").date == "2016-09-20"


@pytest.mark.parametrize("lead", [
    "At least 400 people have been killed in Aleppo over three days of fighting.",  # a toll over a period
    "Rebels had killed 12 soldiers in the town of Azaz.",                   # an earlier time
])
def test_a_lead_of_a_period_or_an_earlier_time_takes_no_date(lead: str) -> None:
    doc = extract(lead + " Warplanes struck Aleppo and Azaz on Tuesday.", PUBLISHED)
    assert event(doc, "killed").date is None, [(e.trigger, e.date) for e in doc.events]


# ---------------------------------------------------------------- dates that must not date the news

@pytest.mark.parametrize(("text", "trigger"), [
    # background dates belong to their own clause
    ("Rebels shelled the town of Azaz. More than 300,000 people have been killed since the conflict began in "
     "March 2011.", "shelled"),
    ("Syrian jets struck Idlib, the most serious attack since Dec. 25, 2023.", "struck"),
    ("France said on Friday that Syrian forces had attacked Ghouta.", "attacked"),
    # the source's date, its clause run into the event's by stripped commas: when it was said
    ("Syrian government air strikes killed at least 30 people including 9 children in Hama province in the north "
     "the Syrian Observatory for Human Rights said on Monday.", "strikes"),
    ("Turkish jets had killed at least 9 fighters as they were crossing a bridge near Afrin the Syrian Observatory "
     "for Human Rights (SOHR) said on Friday.", "killed"),
    # the dateline's date and a clock time are not the event's date
    ("Wed 01 Oct 2014 at 1459 Twin car bomb explosions killed 18 people in Homs.", "killed"),
    ("The U.N. Security Council will meet at 1900 GMT to discuss the chemical attack.", "meet"),
])
def test_a_background_date_does_not_date_the_main_event(text: str, trigger: str) -> None:
    doc = extract(text, None if text.startswith("Wed") else PUBLISHED)
    found = [e for e in doc.events if e.trigger == trigger]
    assert found and all(e.date is None for e in found), [(e.trigger, e.date) for e in doc.events]


@pytest.mark.parametrize("second", [
    "The previous attack on Aleppo killed five.",                    # another event
    "Rebels had shelled Afrin.",                                     # an earlier time
    "Rebels previously shelled Afrin.",                              # background
])
def test_no_date_passes_to_other_events(second: str) -> None:
    doc = extract("Rebels attacked the town of Azaz on Monday. " + second, PUBLISHED)
    first_date = doc.events[0].date
    assert first_date == "2016-09-19"
    later = [e for e in doc.events if e.evidence.start > doc.events[0].evidence.end]
    assert later and all(e.date is None for e in later), [(e.trigger, e.date) for e in later]


def test_news_of_another_day_is_not_told_on() -> None:
    doc = extract("Rebels attacked the town of Azaz in March 2014. Government forces shelled Afrin.", PUBLISHED)
    assert event(doc, "shelled").date is None


# ---------------------------------------------------------------- the shared development articles (half A)

def _article(shared_dir: Path, name: str) -> Document:
    path = shared_dir / "corpus" / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    gold = json.loads(path.with_name(f"{name}.gold.json").read_text(encoding="utf-8"))
    return extract(path.read_text(encoding="utf-8"), gold["published"])


def test_a_scraped_wire_report_dates_its_news_and_its_history(shared_dir: Path) -> None:
    doc = _article(shared_dir, "fakes-0042")
    dated = {(e.trigger, e.date) for e in doc.events if e.date}
    assert ("encircled", "2016-06-23") in dated and ("launched offensive", "2016-05") in dated
    attack = event(doc, "occurred attack")  # "The attack which also wounded dozens ... occurred in Salihiah"
    assert attack.date == "2016-07-05" and "Salihiah" in participants(doc, attack)


def test_a_scraped_report_dates_the_blast_told_again(shared_dir: Path) -> None:
    doc = _article(shared_dir, "fakes-0061")
    hit = event(doc, "hit")
    assert hit.date == "2017-04-19" and "Salaheddin" in participants(doc, hit)
    assert event(doc, "retook").date == "2016-12"
    injured = event(doc, "injured")  # "... injured during a bomb blast on a convoy outside Aleppo on Saturday"
    assert injured.date == "2017-04-15" and "Aleppo" in participants(doc, injured)


def test_a_wire_report_keeps_clock_times_out_of_event_dates(shared_dir: Path) -> None:
    doc = _article(shared_dir, "fakes-0482")
    assert {e.date for e in doc.events if e.date} <= {"2013-08-21", "1988"}
    gassed = event(doc, "gassed")
    assert gassed.date == "1988" and "Halabja" in participants(doc, gassed)
