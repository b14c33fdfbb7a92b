"""Speakers described by where they are or by the name they are known as (claims14, FA-KES work set): a
place at the end of a speaker's description is not the speaker ("… Ahmad Darwish a nurse in besieged Douma
told AFP"), a noun "known as" a name is that name's entity, and "the civil defence said" is a source.
Sentences written for the tests in the style of the scraped reports (commas lost)."""

from __future__ import annotations

from .helpers import Run, assert_offsets


def test_the_name_before_a_description_ending_in_a_place_speaks() -> None:
    run = Run("Shelling resumed at dawn. The shells keep falling on the market Ahmad Darwish a doctor in besieged "
              "Homs told AFP.")
    claim = run.one("shells keep falling")
    assert run.name(claim.speaker) == "Ahmad Darwish"
    assert run.names(claim.via) == {"Agence France-Presse"}
    assert_offsets(run.text, run.claims)


def test_a_correspondent_in_a_place_named_before_the_verb_speaks() -> None:
    run = Run("On Monday Mohammed al-Khatib the agencys correspondent in west Mosul reported that 12 people had been "
              "killed in a strike on a bakery.")
    claim = run.one("12 people had been killed")
    assert run.name(claim.speaker) == "Mohammed al-Khatib"


def test_a_speaker_noun_in_a_place_without_a_name_is_the_noun_phrase() -> None:
    run = Run("The strikes hit two schools overnight a doctor in rebel-held Idlib told Reuters.")
    claim = run.one("two schools")
    assert claim.speaker_text is not None and "doctor" in claim.speaker_text
    assert run.name(claim.speaker) != "Idlib"


def test_a_group_known_as_a_name_is_that_names_entity() -> None:
    run = Run("The Local Coordination Committees counted 40 dead in Hama last week. \"Nine people died in the strike "
              "on the bakery\" the activist network known as the Local Coordination Committees said.")
    claim = run.one("Nine people died")
    assert run.name(claim.speaker) == "Local Coordination Committees"


def test_formerly_known_as_names_the_front_not_the_official() -> None:
    run = Run("The truce collapsed on Sunday an official with Fatah al-Sham Front formerly known as Nusra Front said.")
    claim = run.one("truce collapsed")
    assert claim.speaker_text is not None and "official" in claim.speaker_text


def test_the_civil_defence_is_a_source() -> None:
    run = Run("Air strikes killed 19 civilians in the east of the city on Thursday the civil defence said.")
    claim = run.one("killed 19 civilians")
    assert claim.speaker_text == "the civil defence"
