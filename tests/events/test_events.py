"""Events: PLOVER type, actors, targets, place and date read from the trigger's clause."""

from __future__ import annotations

import pytest

from newsgraph import pipeline
from newsgraph.model import DateMention, Document, Entity, Event
from newsgraph.nlp.events import extract_events
from newsgraph.pipeline import extract

PUBLISHED = "2023-05-20"


def entity(doc: Document, entity_id: str | None) -> Entity:
    found = doc.entity(entity_id) if entity_id else None
    assert found is not None, entity_id
    return found


def names(doc: Document, ids: tuple[str, ...] | list[str]) -> set[str]:
    return {entity(doc, i).name for i in ids}


def participants(doc: Document, event: Event) -> set[str]:
    return names(doc, list(event.actors) + list(event.targets) + ([event.location] if event.location else []))


def only(doc: Document, kind: str) -> Event:
    found = [e for e in doc.events if e.type == kind]
    assert len(found) == 1, doc.events
    return found[0]


def test_passive_agent_place_and_day() -> None:
    doc = extract("The convoy was attacked by Hezbollah fighters near Damascus on 3 May 2021.", PUBLISHED)
    event = only(doc, "ASSAULT")
    assert names(doc, event.actors) == {"Hezbollah"}
    assert entity(doc, event.location).name == "Damascus"
    assert (event.date, event.date_text) == ("2021-05-03", "3 May 2021")
    assert doc.text[event.evidence.start:event.evidence.end] == event.evidence.text


def test_nominal_trigger_with_actor_target_and_month() -> None:
    doc = extract("The visit of Emmanuel Macron to Baghdad in March 2023 was his first.", PUBLISHED)
    event = only(doc, "CONSULT")
    assert "Baghdad" in names(doc, event.targets) and "Emmanuel Macron" in names(doc, event.actors)
    assert event.date == "2023-03"


def test_coordinated_actors_target_and_location() -> None:
    doc = extract("France and Germany signed a memorandum with Egypt in Cairo in 2019.", PUBLISHED)
    event = only(doc, "AGREE")
    assert names(doc, event.actors) == {"France", "Germany"}
    assert names(doc, event.targets) == {"Egypt"}
    assert entity(doc, event.location).name == "Cairo"
    assert event.date == "2019"


def test_no_date_in_sentence_means_no_date() -> None:
    doc = extract("Iran supplied drones to Russia. Talks resumed in Geneva in 2021.", PUBLISHED)
    event = only(doc, "AID")
    assert names(doc, event.actors) == {"Iran"} and names(doc, event.targets) == {"Russia"}
    assert event.date is None and event.date_text is None


def test_each_clause_keeps_its_own_date() -> None:
    doc = extract("Russia attacked Kharkiv in 2022, although Ukraine had signed a deal with Moscow in 2014.",
                  PUBLISHED)
    assert only(doc, "ASSAULT").date == "2022"
    agree = only(doc, "AGREE")
    assert agree.date == "2014" and "Ukraine" in names(doc, agree.actors)


def test_gapped_coordination_gives_one_event_per_conjunct() -> None:
    doc = extract("Qatar opened a consulate in Erbil in May 2019, and a consulate in Basra in June 2021.",
                  PUBLISHED)
    found = sorted((e.date, frozenset(participants(doc, e))) for e in doc.events if e.type == "COOPERATE")
    assert found == [("2019-05", frozenset({"Qatar", "Erbil"})), ("2021-06", frozenset({"Qatar", "Basra"}))]


def test_negated_and_hypothetical_events_are_not_reported() -> None:
    doc = extract("Israel did not attack Iran in 2020. Turkey could invade Syria.", PUBLISHED)
    assert doc.events == ()


def test_control_verb_content_supplies_targets() -> None:
    doc = extract("Hamas threatened to fire rockets at Tel Aviv.", PUBLISHED)
    event = only(doc, "THREATEN")
    assert names(doc, event.actors) == {"Hamas"} and "Tel Aviv" in names(doc, event.targets)


def test_object_noun_decides_the_verb_type() -> None:
    doc = extract("The European Union imposed sanctions on Belarus in June 2021. "
                  "Belarus opened an embassy in Hanoi.", PUBLISHED)
    sanction = only(doc, "SANCTION")
    assert names(doc, sanction.actors) == {"European Union"} and names(doc, sanction.targets) == {"Belarus"}
    assert sanction.date == "2021-06"
    assert only(doc, "COOPERATE").date is None


def test_ids_in_text_order_and_dates_only_from_given_mentions() -> None:
    text = "Syria shelled Idlib on Monday. Jordan hosted Iraq in Amman."
    trace = pipeline.run(text, until="places")
    parsed, index = trace.parsed, trace.index
    monday = text.index("Monday")
    hand_made = [DateMention(monday, monday + 6, "Monday", "2021-03-01")]
    events = extract_events(parsed, index, hand_made)
    assert [e.id for e in events] == [f"v{i}" for i in range(1, len(events) + 1)]
    assert [e.type for e in events] == ["ASSAULT", "CONSULT"]
    assert [e.date for e in events] == ["2021-03-01", None]
    assert extract_events(parsed, index, [])[0].date is None  # no mention, no date


def test_development_article_dated_events(dev_article: str) -> None:
    doc = extract(dev_article)
    dated = [e for e in doc.events if e.date]
    assert dated, doc.events
    for event in dated:  # the date is stated in the event's own sentence
        assert event.date_text and event.date_text in event.evidence.text
    by_date = {e.date: participants(doc, e) for e in dated}
    assert {"Israel", "Turkmenistan"} <= by_date.get("2023-04", set())
    assert "Syria" in by_date.get("2018", set())


def test_noun_modifiers_split_into_actor_place_and_instrument() -> None:
    doc = extract("The Aleppo car bomb attack killed 112 people on Saturday. "
                  "The U.S. strikes on Raqqa began on Sunday. A sarin attack struck Khan Sheikhoun.", PUBLISHED)
    by_trigger = {e.trigger: e for e in doc.events}
    aleppo, killed, raqqa, sarin = by_trigger["attack"], by_trigger["killed"], by_trigger["strikes"], by_trigger["struck"]
    assert entity(doc, aleppo.location).name == "Aleppo" and not aleppo.actors  # a city says where, not who
    assert entity(doc, killed.location).name == "Aleppo" and not killed.actors
    assert names(doc, raqqa.actors) == {"United States"}  # a country modifier acts
    assert not [a for a in sarin.actors if entity(doc, a).type in ("WEA", "VEH")]  # the weapon is no actor


@pytest.mark.parametrize("sentence, trigger, date", [
    # the date hangs on a noun that names no event: it dates the event that noun governs
    ("The army said the raid was revenge for an attack by the PKK on a border post on Friday.", "attack", "2023-05-19"),
    # ... or the event noun that is the subject of the verb it hangs on
    ("In April, a boarding by China's coast guard left a Filipino sailor with a broken arm.", "boarding", "2023-04"),
    # a participial clause without a subject of its own shares the main clause's time
    ("Speaking in Tehran on Tuesday, Foreign Minister Abbas Araghchi vowed to retaliate against Israel.", "vowed", "2023-05-16"),
    # a participle adding nothing to its event noun dates that noun's event
    ("Manila has a visiting forces agreement with Washington, signed in 1998.", "agreement", "1998"),
    # "a wave of strikes": the collective stands in for the event noun
    ("In October, Turkey carried out a wave of airstrikes on oil fields in Syria.", "carried airstrikes", "2022-10"),
])
def test_date_attachment_repairs(sentence: str, trigger: str, date: str) -> None:
    doc = extract(sentence, PUBLISHED)
    assert {e.trigger: e.date for e in doc.events}.get(trigger) == date, doc.events


def test_gapped_conjuncts_take_the_dates_after_them() -> None:
    doc = extract("Japan signed a defence pact with Australia in January 2022 and a second with Britain "
                  "in January 2023.", PUBLISHED)
    dated = {names(doc, e.targets).pop(): e.date for e in doc.events if e.type == "AGREE" and e.targets}
    assert dated == {"Australia": "2022-01", "United Kingdom": "2023-01"}


def test_a_promise_of_a_hostile_act_is_a_threat() -> None:
    doc = extract("Speaking in Tehran on Tuesday, Foreign Minister Abbas Araghchi vowed to attack Israel.", PUBLISHED)
    assert only(doc, "THREATEN").trigger == "vowed"


def test_a_site_named_by_an_organisation_is_placed_by_its_own_place_phrase() -> None:
    doc = extract("A suicide bombing outside the Interior Ministry in Ankara wounded two police officers.", PUBLISHED)
    assert "Ankara" in {entity(doc, e.location).name for e in doc.events if e.location}


def test_an_event_noun_shares_its_date_with_the_clause_that_tells_it() -> None:
    doc = extract("The general led the July 2023 coup that ousted President Mohamed Bazoum.", PUBLISHED)
    ousted = next(e for e in doc.events if e.trigger == "ousted")
    assert (ousted.type, ousted.date, names(doc, ousted.targets)) == ("COERCE", "2023-07", {"Mohamed Bazoum"})


@pytest.mark.parametrize("sentence, kind", [
    ("Estonia has bought anti-ship missile systems from Israel.", "AID"),  # the weapon is a compound
    ("Finnish special forces boarded the tanker Eagle S off Porvoo.", "COERCE"),
    ("The RSF laid siege to El Fasher in May 2024.", "ASSAULT"),
    ("The UN Security Council passed a resolution in 2014 ordering an end to sieges.", "AGREE"),
    ("The Security Council unanimously adopted a resolution on Syria on Friday.", "AGREE"),
])
def test_vocabulary_covers_common_security_wordings(sentence: str, kind: str) -> None:
    assert kind in {e.type for e in extract(sentence, PUBLISHED).events}


def test_boarding_a_plane_is_travel_not_coercion() -> None:
    assert "COERCE" not in {e.type for e in extract("The minister boarded a plane to Moscow.", PUBLISHED).events}


@pytest.mark.parametrize("sentence, kind", [
    ("Iran said it will retaliate unless the strikes stop.", "THREATEN"),   # an undertaking on a condition
    ("The ministry said Israel must withdraw from Gaza.", "REQUEST"),        # a demand on the subject
    ("Syria said it is unwilling to withdraw its troops.", "REJECT"),
    ("Turkey said it will open a consulate in Erbil.", "AGREE"),
])
def test_pledges_and_demands_stated_through_a_reporting_verb(sentence: str, kind: str) -> None:
    assert kind in {e.type for e in extract(sentence, PUBLISHED).events}


def test_a_conditional_or_hypothetical_event_is_not_reported() -> None:
    assert extract("If Israel attacks Iran, oil prices will rise.", PUBLISHED).events == ()
    assert "ASSAULT" not in {e.type for e in extract("Shelters were built in case of an attack on Haifa.",
                                                     PUBLISHED).events}


def test_a_withdrawal_from_a_country_targets_it() -> None:
    doc = extract("Russia withdrew from Syria in 2017.", PUBLISHED)
    assert "Syria" in names(doc, only(doc, "RETREAT").targets)
