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
    assert run.name(denials[0].speaker) == "Democratic Union Party"  # the known party's name
    assert denials[0].speaker_text == "the Kurdish Democratic Union Party"
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


def test_denial_noun_is_its_owners_denied_claim_of_the_charge_before_it() -> None:
    run = Run("Human Rights Watch said on Tuesday that Syrian forces were responsible for the attack "
              "contradicting repeated denials by Syrian President Bashar al-Assad. World powers have pointed the "
              "finger at the government of Bashar al-Assad but Foreign Minister Walid Muallem repeated the "
              "governments denial on Thursday.")
    assert_offsets(run.text, run.claims)
    denials = [c for c in run.claims if c.stance == "denied"]
    assert [c.cue for c in denials] == ["denials", "denial"]
    assert run.name(denials[0].speaker) == "Bashar al-Assad"
    assert denials[0].text == "that Syrian forces were responsible for the attack"
    assert denials[1].speaker_text == "the governments"  # scraped of its apostrophe
    assert denials[1].text == "World powers have pointed the finger at the government of Bashar al-Assad"
    # the frame that reports the denial is still a claim of its own; the charge is disputed by the denial
    assert any(c.cue == "repeated" and run.name(c.speaker) == "Walid Muallem" for c in run.claims)
    charge = next(c for c in run.claims if c.cue == "pointed")
    assert charge.stance == "disputed" and charge.disputed_by == denials[1].id


def test_denial_noun_after_a_frame_without_commas_denies_what_the_frame_reports() -> None:
    run = Run("Evidence strongly suggests Syrian government forces were responsible for a poison gas attack that "
              "killed more than 1400 people Human Rights Watch said on Tuesday contradicting repeated denials by "
              "Syrian President Bashar al-Assad.")
    denial = next(c for c in run.claims if c.stance == "denied")
    assert run.name(denial.speaker) == "Bashar al-Assad"
    assert denial.text.endswith("killed more than 1400 people")  # not the frame's "Human Rights Watch said"


def test_denial_noun_without_a_charge_in_its_sentence_names_what_it_denies() -> None:
    run = Run("Russia backed up Syrian government denials by saying it looked like a rebel provocation.")
    denial = next(c for c in run.claims if c.stance == "denied")
    assert denial.speaker_text == "Syrian government" and denial.text == "Syrian government denials"
    assert denial.evidence.text == run.text
    assert any(c.cue == "saying" and run.name(c.speaker) == "Russia" for c in run.claims)


def test_a_heading_or_an_ownerless_denial_is_no_claim() -> None:
    run = Run("Regime denial Meanwhile Syrian authorities denied charges that the army used chemical weapons. "
              "The denial came hours later.")
    assert [(c.speaker_text, c.cue) for c in run.claims if c.stance == "denied"] == [("Syrian authorities", "denied")]
