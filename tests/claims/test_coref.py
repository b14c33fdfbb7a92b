"""Speakers: pronouns and descriptors resolved to the document's entities."""

from __future__ import annotations

from newsgraph.nlp.claims.phrases import name_gender

from .helpers import Run, assert_offsets


def test_honorifics_and_first_names_give_a_gender_titles_are_skipped() -> None:
    assert name_gender("Mrs. Lopez") == "f" and name_gender("Mr. Hale") == "m"
    assert name_gender("Hillary Clinton") == "f" and name_gender("Mark Dunn") == "m"
    assert name_gender("President Mark Dunn") == "m"  # a title word before the first name is skipped
    assert name_gender("Reuters") is None


def test_pronoun_after_intervening_sentence_and_about() -> None:
    run = Run("Maria Lopez, a spokeswoman for the World Health Organization, said the outbreak in Peru "
              "was under control. Vaccines arrived on Friday. She added that new cases had fallen in Lima.")
    added = run.one("new cases had fallen")
    assert run.name(added.speaker) == "Maria Lopez" and added.speaker_text == "She"
    assert "Lima" in run.names(added.about)
    first = run.one("was under control")
    assert "Peru" in run.names(first.about) and "Maria Lopez" not in run.names(first.about)


def test_pronoun_holding_a_position_resolves_to_the_last_speaker() -> None:
    run = Run("Dr. Anna Berg said the clinic would reopen. She wants to hire more nurses.")
    said, wants = run.claims
    assert run.name(said.speaker) == run.name(wants.speaker) == "Anna Berg"
    assert wants.speaker_text == "She" and wants.text == "to hire more nurses"


def test_she_does_not_resolve_to_a_man_named_last() -> None:
    run = Run("Mark Dunn met Susan Park on Monday. Mark Dunn said the talks went well. She said the deal was close.")
    said, she = run.claims
    assert run.name(said.speaker) == "Mark Dunn"
    assert she.speaker_text == "She" and run.name(she.speaker) == "Susan Park"  # from the first names


def test_continuation_quotes_and_descriptor_speakers() -> None:
    run = Run("\"We will rebuild,\" Mayor John Carter said. \"We have done it before.\" The governor, Sarah Klein, "
              "said the state would send money. Michael Turner, a security analyst at the Clingendael Institute, "
              "said the ship was old. According to the analyst, the crew had switched off its transponder.")
    assert run.name(run.one("done it before").speaker) == "John Carter"
    assert run.one("send money").text == "the state would send money"
    assert run.name(run.one("switched off").speaker) == "Michael Turner"


def test_department_and_it_resolve_to_the_organisation_speaking() -> None:
    run = Run("The US Treasury Department said the ships had made 14 voyages. The department said Iran Air had "
              "flown drone parts to Moscow. Two of the companies are registered in Bandar Anzali, it said.")
    treasury = run.one("14 voyages").speaker
    assert run.one("Iran Air had flown").speaker == treasury
    assert run.one("registered in Bandar Anzali").speaker == treasury  # not Iran Air, a subject inside a claim


def test_it_said_is_the_organisation_being_reported_not_the_last_actor() -> None:
    run = Run("The UN human rights office said in a report on Thursday that at least 300 civilians were killed "
              "in El Fasher. The Rapid Support Forces attacked the town in May. It said most victims were shot.")
    office = run.one("300 civilians").speaker
    assert office and run.one("victims were shot").speaker == office


def test_the_statement_is_whoever_issued_the_statement_named_last() -> None:
    run = Run("Two suicide bombers blew themselves up in front of the police headquarters the interior ministry "
              "said in a statement carried by state media. Police surrounded a third attacker who also blew "
              "himself up the statement said. Guards were wounded in the blasts the statement added. The "
              "Syrian Observatory for Human Rights said 17 people were killed. Rebels took the hill the Pentagon "
              "said late on Monday in a statement. The coalition also struck a convoy the statement said.")
    assert_offsets(run.text, run.claims)
    for needle in ("a third attacker", "Guards were wounded"):
        claim = run.one(needle)  # a speaker that is no entity, by its words; not the Observatory quoted later
        assert claim.speaker is None and claim.speaker_text == "the interior ministry"
    assert run.name(run.one("struck a convoy").speaker) == "Pentagon"


def test_the_statement_is_the_subject_that_issued_it() -> None:
    run = Run("The rebel brigade's seventh division also issued a statement giving the militants 48 hours to free "
              "their hostages. Those taken include the division's commander. The statement also called on the "
              "militants to return all weapons they had seized.")
    claim = run.one("return all weapons")
    assert claim.speaker_text == "The rebel brigade's seventh division"
