"""Events the small parser hides: a verb read as an adjective ("the SDF besieged Manbij" parsed as
"the [SDF besieged] Manbij"), a date after an aftermath's "after" phrase, a conflict dated by its own
premodifier ("a March 2011 uprising")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.pipeline import extract
from tests.events.reading import PUBLISHED, event, participants


def test_a_verb_parsed_as_an_adjective_after_a_named_group_is_its_event() -> None:
    doc = extract("Insurgents including the al Qaeda-linked Nusra Front captured government-held positions "
                  "near the town.", PUBLISHED)
    captured = event(doc, "captured")
    assert captured.type == "ASSAULT" and "al-Nusra Front" in participants(doc, captured)


def test_a_described_place_keeps_its_participle_an_adjective() -> None:
    doc = extract("Air strikes hit the Houla region of central Syria's besieged Homs province on Monday.",
                  PUBLISHED)
    assert [e.trigger for e in doc.events if e.trigger == "besieged"] == []


def test_a_date_after_an_aftermaths_after_phrase_dates_the_event_it_follows() -> None:
    doc = extract("Residents fled in greater numbers after the Kurdish-led Syrian Democratic Forces [SDF] "
                  "besieged Tabqa on May 10 activists said.", PUBLISHED)
    siege = event(doc, "besieged")
    assert siege.date == "2016-05-10" and {"Syrian Democratic Forces", "Tabqa"} <= participants(doc, siege)


def test_a_conflict_dated_by_its_premodifier_is_the_conflict_of_the_documents_country() -> None:
    doc = extract("Jets bombed Homs and Hama in Syria on Monday. The strikes deepened a war which grew out of "
                  "a March 2011 uprising.", PUBLISHED)
    uprising = event(doc, "uprising")
    assert (uprising.type, uprising.date) == ("PROTEST", "2011-03") and participants(doc, uprising) == {"Syria"}


def test_a_scraped_report_dates_a_siege_the_parser_read_as_an_adjective(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "fakes-0063.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    gold = json.loads(path.with_name("fakes-0063.gold.json").read_text(encoding="utf-8"))
    doc = extract(path.read_text(encoding="utf-8"), gold["published"])
    siege = event(doc, "besieged")  # '"... after the Syrian Democratic Force [SDF] besieged Manbij" on June 10'
    assert siege.date == "2016-06-10" and "Syrian Democratic Forces" in participants(doc, siege)


def test_a_place_that_fell_to_a_force_was_taken_by_it() -> None:
    doc = extract("The town of Palmyra fell to Islamic State militants in May.", PUBLISHED)
    taken = event(doc, "fell to")
    assert (taken.type, taken.date) == ("ASSAULT", "2016-05")
    assert [doc.entity(i).name for i in taken.actors] == ["Islamic State"]  # type: ignore[union-attr]
    assert [doc.entity(i).name for i in taken.targets] == ["Palmyra"]  # type: ignore[union-attr]
    assert extract("The death toll fell to 20 on Monday.", PUBLISHED).events == ()


def test_a_military_operation_is_an_assault_and_a_rescue_operation_is_none() -> None:
    doc = extract("Turkish forces launched a ground operation against the YPG in Afrin on Saturday.", PUBLISHED)
    launched = event(doc, "launched operation")
    assert (launched.type, launched.date) == ("ASSAULT", "2016-09-17") and "Afrin" in participants(doc, launched)
    assert not extract("Rescue operations continued in Aleppo on Monday.", PUBLISHED).events
