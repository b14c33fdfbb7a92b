"""Relays in wire and scraped reporting: a dateline's outlet, an outlet citing its source, statements carried
by a channel, and outlets that speak for themselves."""

from __future__ import annotations

from .helpers import Run, assert_offsets


def test_wire_dateline_relays_every_claim_but_its_own() -> None:
    run = Run("DAMASCUS (Reuters) - Syrian Foreign Minister Walid al-Muallem said on Monday that the talks in "
              "Geneva had failed. Rebel commander Abu Khaled told Anadolu Agency that his fighters had retaken "
              "the village. Reuters could not independently verify the claim.")
    assert_offsets(run.text, run.claims)
    talks = run.one("the talks in Geneva had failed")
    assert run.name(talks.speaker) == "Walid al-Muallem" and run.names(talks.via) == {"Reuters"}
    village = run.one("retaken the village")
    assert [run.name(v) for v in village.via] == ["Anadolu Agency", "Reuters"]  # its own relay first
    own = [c for c in run.claims if run.name(c.speaker) == "Reuters"]
    assert own and all(not c.via for c in own)


def test_a_wire_dateline_with_a_country_is_no_speaker_of_the_body() -> None:
    # "CITY, Country (AP) -": run into the body, the parser made the city the subject of "said"
    run = Run("DAMASCUS, Syria (AP) - Syrian rebels said on Monday that they had shelled an army base near Hama.")
    claim = run.one("shelled an army base near Hama")
    assert claim.speaker_text == "Syrian rebels" and run.names(claim.via) == {"Associated Press"}


def test_outlet_citing_a_source_relays_the_source() -> None:
    run = Run("The army retook the hill on Sunday, Sputnik reported, citing a military source. Two mortar "
              "rounds landed near the Umayyad Mosque on Saturday state television reported citing a police source.")
    hill = run.one("retook the hill")
    assert hill.speaker is None and hill.speaker_text == "a military source" and run.names(hill.via) == {"Sputnik"}
    mortars = run.one("Two mortar rounds")
    assert mortars.speaker_text == "a police source" and not mortars.via  # "state television" is no entity
    assert not any(c.cue == "citing" for c in run.claims)  # whom the outlet cites is not a claim


def test_citing_a_reason_is_still_a_claim() -> None:
    run = Run("The senator praised the deal, citing the release of prisoners.")
    assert [c.cue for c in run.claims] == ["praised", "citing"]


def test_a_claim_an_outlet_reports_keeps_its_own_speaker() -> None:
    run = Run("Other sources said that hundreds of displaced people had joined the group, Press TV reported. "
              "Local sources said the convoy had left the town on Friday, state broadcaster TRT reported.")
    sources = [c for c in run.claims if c.cue == "said"]
    assert [c.speaker_text for c in sources] == ["Other sources", "Local sources"]
    assert [run.names(c.via) for c in sources] == [{"Press TV"}, {"TRT"}]
    assert sources[1].text == "the convoy had left the town on Friday"


def test_an_outlet_named_by_according_to_is_the_speaker_not_a_relay() -> None:
    run = Run("The attack killed four people according to Reuters.")
    claim = run.one("The attack killed four people")
    assert run.name(claim.speaker) == "Reuters" and not claim.via


def test_a_figure_by_one_report() -> None:
    run = Run("The opposition accused the army of killing hundreds of people - by one report as many as 900 - "
              "in the raid.")
    [figure] = [c for c in run.claims if c.cue == "by one report"]
    assert figure.speaker is None and figure.speaker_text == "one report" and figure.text == "as many as 900"
    assert run.one("hundreds of people").speaker_text == "The opposition"


def test_participle_hung_on_the_channel_is_the_speakers_and_names_no_channel() -> None:
    run = Run("I call on the Security Council to convene urgently National Coalition leader Ahmed al-Jarba added "
              "to Al-Arabiya news channel condemning the army's bombardment of the Ghouta suburbs of Damascus.")
    call = run.one("I call on the Security Council")
    assert run.name(call.speaker) == "Ahmed al-Jarba"
    assert run.names(call.via) == {"Al Arabiya"}  # not Ghouta or Damascus, named in the participle's clause
    assert run.name(run.one("bombardment of the Ghouta").speaker) == "Ahmed al-Jarba"


def test_a_statement_carried_by_an_agency_is_relayed_by_it_not_spoken_by_it() -> None:
    run = Run("The army command announced the end of the truce on Monday. \"The truce is over because the rebels "
              "broke it\" the statement carried by state news agency SANA said. A study published by the Carter "
              "Center said that 40 schools had been hit.")
    truce = run.one("The truce is over")
    assert run.name(truce.speaker) != "Syrian Arab News Agency" and run.names(truce.via) == {"Syrian Arab News Agency"}
    study = run.one("40 schools had been hit")  # a publisher is still the owner of what it published
    assert run.name(study.speaker) == "Carter Center" and not study.via
