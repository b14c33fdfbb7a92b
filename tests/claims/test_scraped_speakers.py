"""Speakers and contents on scraped reporting (second FA-KES round): sentence adverbs and counts of the
clause before are no part of the source, a quote whose stop stands outside its mark closes its sentence, a
quote left open ends at the frame inside it, and material support, a push on the battlefield or the aim
that describes a group ("rebels seeking to end his rule") is no position."""

from __future__ import annotations

from .helpers import Run, assert_offsets


def test_an_adverb_opening_the_sentence_is_not_part_of_the_source() -> None:
    run = Run("A car bomb exploded near a checkpoint in Homs on Sunday. Earlier state television had reported "
              "the blast but did not say who carried it out. Later the army said three soldiers were hurt.")
    blast = run.one("the blast")
    assert blast.speaker_text == "state television"
    assert_offsets(run.text, run.claims)


def test_the_count_of_the_clause_before_is_not_part_of_the_source() -> None:
    run = Run("Mortar shells hit central Damascus on Tuesday in a barrage that killed 12 people and wounded 50 "
              "state media reported. Air strikes overnight killed nine people and wounded 30 civil defence "
              "sources said. The statement released jointly by 33 factions called on Russia to halt the raids.")
    assert run.one("Mortar shells").speaker_text == "state media"
    assert run.one("Air strikes overnight").speaker_text == "civil defence sources"
    assert run.one("halt the raids").speaker_text.startswith("33 factions")


def test_a_quote_with_its_stop_outside_the_mark_is_not_the_next_speakers() -> None:
    run = Run('A doctor at the hospital confirmed the toll and said most of the injured were "gravely wounded '
              'by shrapnel". The monitor said shelling also hit the eastern district of Tabbaleh.')
    tabbaleh = run.one("Tabbaleh")
    assert "shrapnel" not in tabbaleh.text
    assert_offsets(run.text, run.claims)


def test_a_quote_left_open_ends_at_the_frame_inside_it() -> None:
    run = Run('Airstrikes destroyed a hospital in Idlib province on Sunday, the charity said. "The direct '
              'bombing of another hospital is an outrage said Joanne Liu the charity\'s president while calling '
              'for an end to the attacks. The charity said the hospital was hit twice. Local residents said '
              'the strikes came at dawn.')
    outrage = run.one("an outrage")
    assert "Joanne Liu" in outrage.speaker_text
    assert "Joanne Liu" not in outrage.text


def test_a_push_or_support_on_the_battlefield_is_no_position() -> None:
    run = Run("Government forces backed by Russian airstrikes have pushed back rebel fighters from the town. "
              "Russia deployed warplanes to Syria last year to support the government against rebels seeking to "
              "end its rule. "
              "Senator Smith pushed for new talks, and the governor supports the plan.")
    assert not any("forces" in c.speaker_text or c.cue in ("support", "seeking") for c in run.claims)
    assert run.one("for new talks").speaker_text == "Senator Smith"
    assert run.one("the plan").cue == "supports"


def test_what_is_said_to_be_so_is_no_speaker() -> None:
    run = Run("Eighteen prisoners said to be Syrian were freed on Monday. Weapons claimed to have been smuggled "
              "from Turkey were seized. Ahmed Khalil claimed to have been attacked by the prisoners.")
    assert not any(c.speaker_text in ("Eighteen prisoners", "Weapons") for c in run.claims)
    assert run.one("attacked by the prisoners").speaker_text == "Ahmed Khalil"


def test_an_infinitive_beside_the_thing_sought_is_its_purpose() -> None:
    run = Run("Earlier attacks have not brought the military intervention that rebel leaders have sought to break "
              "a stalemate. Washington is considering air strikes to try to deter him.")
    assert not [c for c in run.claims if "stalemate" in c.text]
    assert [c.text for c in run.claims if c.cue == "considering"] == ["air strikes"]
