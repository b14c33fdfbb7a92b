"""Frames of wire copy on a war that name no source, and sources the copy names without commas: sentences
written for these tests in the style of the FA-KES reports (no shared article's text)."""

from __future__ import annotations

from tests.claims.helpers import Run


def test_what_pictures_show_is_no_claim() -> None:
    run = Run("Images showed smoke rising over the northern city. Video footage showed people choking in a "
              "basement. A new study showed that the toll was higher than reported, the researchers said.")
    assert not [c for c in run.claims if c.speaker_text in ("Images", "Video footage")]
    assert run.one("the toll was higher").speaker_text == "the researchers"


def test_a_protest_or_a_draft_resolution_calling_for_something_is_no_speaker() -> None:
    run = Run("The war began in 2011 with protests calling for the ouster of the president. On Monday two "
              "powers vetoed a draft resolution calling for a truce in the city. The ministry issued a "
              "statement calling for calm.")
    assert [c.speaker_text for c in run.claims] == ["a statement"]


def test_threaten_with_an_object_is_a_danger_and_with_an_infinitive_a_position() -> None:
    run = Run("Kurdish fighters held the town while the Islamic State group threatens the province. The army "
              "threatened last week to shoot down any warplane that crossed the border.")
    (claim,) = run.claims
    assert claim.speaker_text == "The army" and claim.text.startswith("to shoot down any warplane")


def test_a_country_backing_an_operation_states_nothing() -> None:
    run = Run("The offensive has been backed by Moscow which stepped up its air strikes this week. The plan "
              "is supported by most opposition groups.")
    assert [c.cue for c in run.claims] == ["supported"]


def test_a_closing_name_with_its_descriptor_after_a_dateline() -> None:
    run = Run("Last updated at Oct 032017 BEIRUT A coalition air strike killed at least 18 civilians on "
              "Tuesday in the former stronghold of the group the Syrian Observatory for Human Rights monitor "
              "said. Regime forces shelled the town of Douma on Friday killing five people the Britain-based "
              "Syrian Observatory for Human Rights said.")
    first = run.one("18 civilians")
    assert first.text.startswith("A coalition air strike") and first.speaker_text.endswith("Human Rights monitor")
    assert run.name(first.speaker) == "Syrian Observatory for Human Rights"
    second = run.one("killing five people")
    assert second.speaker_text == "the Britain-based Syrian Observatory for Human Rights"
    assert not second.text.endswith("Britain-based")


def test_a_sentence_end_the_parser_ran_over_ends_the_speaker_phrase() -> None:
    run = Run("Gunmen fired shells at the hotel in the old quarter of Aleppo. SANA reporter said that three "
              "shells fell on a residential building near the hotel.")
    claim = run.one("three shells fell")
    assert claim.speaker_text == "SANA reporter"
