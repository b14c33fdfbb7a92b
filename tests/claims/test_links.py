"""Links between attributions: relays (``via``), continued quotes, nesting."""

from __future__ import annotations

from .helpers import Run, assert_offsets


def test_relay_in_the_following_sentence_closes_the_statement() -> None:
    run = Run("The ministry denied that troops had crossed the border. "
              "The denial came on Monday, as reported by Reuters.")
    claim = run.one("troops had crossed the border")
    assert claim.stance == "denied" and run.names(claim.via) == {"Reuters"}
    assert claim.speaker is None and claim.speaker_text == "The ministry"


def test_told_an_outlet_and_quote_continuing_after_the_frame() -> None:
    text = "“We will not back down,” Ahmed Karimi told Al Jazeera. “This is our land.”"
    run = Run(text)
    assert len(run.claims) == 1
    claim = run.claims[0]
    assert run.name(claim.speaker) == "Ahmed Karimi" and run.names(claim.via) == {"Al Jazeera"}
    assert claim.text == "We will not back down This is our land."
    assert claim.evidence.text == text


def test_interview_relay_and_hedge() -> None:
    run = Run("In an interview with CNN, Senator Ellen Park said the bill would likely fail.")
    claim = run.one("the bill would likely fail")
    assert run.name(claim.speaker) == "Ellen Park" and run.names(claim.via) == {"CNN"}
    assert claim.stance == "hedged" and claim.cue == "said"


def test_channels_and_reporting_outlets_are_relays() -> None:
    run = Run("Foreign Minister Abbas Araghchi said on Telegram that talks would resume. "
              "Turkey's defence ministry said the strikes hit 20 targets, state broadcaster TRT reported. "
              "The minister commented on the Pentagon's plan.")
    assert_offsets(run.text, run.claims)
    telegram = run.one("talks would resume")
    assert run.name(telegram.speaker) == "Abbas Araghchi" and run.names(telegram.via) == {"Telegram"}
    ministry = next(c for c in run.claims if c.cue == "said" and "20 targets" in c.text)
    assert run.names(ministry.via) == {"TRT"}  # the outlet reporting it relays it
    assert all(not c.via for c in run.claims if c.cue == "commented")  # "on the Pentagon's plan" is a topic


def test_relays_named_after_carried_by_telling_and_in_a_statement_published_by() -> None:
    run = Run("The Syrian Foreign Ministry condemned the raid in a statement published by the official news "
              "agency SANA. Kremlin spokesman Dmitry Peskov described the talks as useful, telling the state news "
              "agency TASS that a new round was planned. Power was cut to four villages, local officials said. "
              "\"We cannot say when it will come back,\" Maria Lopez, head of the grid company, told Reuters.")
    assert_offsets(run.text, run.claims)
    assert run.names(run.one("the raid").via) <= {"SANA", "Syrian Arab News Agency"} and run.one("the raid").via
    assert len(run.one("a new round").via) == 1  # the state news agency TASS
    officials = run.one("Power was cut")
    assert not officials.via and "come back" not in officials.text  # the next sentence's quote and outlet
    assert run.names(run.one("come back").via) == {"Reuters"}


def test_a_claims_own_source_is_never_its_relay() -> None:
    run = Run("Drones were built from parts bought abroad, according to a study published on Tuesday by "
              "Conflict Armament Research, a British group. According to the British Foreign Office, the "
              "first consignment was unloaded in September.")
    study, office = run.claims
    assert run.name(study.speaker) == "Conflict Armament Research" and not study.via  # the publisher speaks
    assert office.speaker and office.speaker not in office.via


def test_an_outlet_quoting_a_speaker_is_the_relay() -> None:
    run = Run("Reuters quoted Dmitry Peskov as saying that Russia had not violated Estonian airspace.")
    claim = run.one("not violated")
    assert run.name(claim.speaker) == "Dmitry Peskov" and run.names(claim.via) == {"Reuters"}
