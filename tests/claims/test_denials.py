"""Denials hung on the charge they deny (``denials``): the real pipeline on sentences written the way wire
reports put them, and the relative clauses that are no denial of a charge before them."""

from __future__ import annotations

from .helpers import Run, assert_offsets


def test_relative_clause_denies_the_clause_before_it() -> None:
    run = Run("Damascus has accused rebels of shelling the safe corridors which rebels have denied.")
    assert_offsets(run.text, run.claims)
    denial = next(c for c in run.claims if c.cue == "denied")
    assert denial.stance == "denied" and denial.speaker_text == "rebels"
    assert denial.text == "Damascus has accused rebels of shelling the safe corridors"
    charge = next(c for c in run.claims if c.cue == "accused")
    assert run.name(charge.speaker) == "Damascus"  # the charge stays the accuser's, disputed by the denial
    assert charge.stance == "disputed" and charge.disputed_by == denial.id


def test_charge_noun_denied_in_a_relative_or_passive_clause() -> None:
    run = Run("Rebels say the militia cooperates with Damascus rather than fighting it an accusation the "
              "Kurdish Democratic Union Party has denied. The Syrian opposition has accused government forces "
              "of killing over 1000 civilians with poison gas on Wednesday - an accusation dismissed by the "
              "government.")
    assert_offsets(run.text, run.claims)
    denials = [c for c in run.claims if c.stance == "denied"]
    assert [c.cue for c in denials] == ["denied", "dismissed"]
    assert run.name(denials[0].speaker) == "Kurdish Democratic Union Party"
    assert "cooperates with Damascus" in denials[0].text
    assert denials[1].speaker_text == "the government" and "killing over 1000 civilians" in denials[1].text


def test_a_speaker_that_denies_in_its_own_relative_clause_is_no_charge_denial() -> None:
    run = Run("Many pointed their fingers at the Syrian regime which denied any responsibility. The "
              "government which denied its forces were behind the attack joined the convention.")
    denials = [c for c in run.claims if c.stance == "denied"]
    assert [c.speaker_text for c in denials] == ["the Syrian regime", "The government"]
    assert denials[0].text == "any responsibility"  # what the regime denied, not the sentence before "which"
    assert denials[1].text.startswith("its forces")


def test_first_person_inside_a_quote_stays_nested() -> None:
    run = Run("We have always supported working through the U.N. but there is no path forward there a U.S. "
              "official said.")
    assert [c.speaker_text for c in run.claims] == ["a U.S. official"]
