"""Sources and quote marks the scraping or the parser garbled (tenth FA-KES round): each source of a
coordinated according-phrase says the content, and a closing quote mark whose opening was lost opens no
quote. Sentences written for the tests in the style of the scraped reports."""

from __future__ import annotations

from .helpers import Run, assert_offsets


def test_each_source_of_a_coordinated_according_phrase_says_the_content() -> None:
    run = Run("The Syrian Observatory for Human Rights said 12 people died in the town. The militants took 300 "
              "civilians hostage in villages west of the town according to the Observatory and Kurdish officials.")
    hostage = [c for c in run.claims if "300 civilians hostage" in c.text]
    assert {run.name(c.speaker) for c in hostage} == {"Syrian Observatory for Human Rights", None}
    assert {c.speaker_text for c in hostage} == {"the Observatory", "Kurdish officials"}
    assert_offsets(run.text, run.claims)


def test_a_coordinated_phrase_of_two_names_gives_both() -> None:
    run = Run("At least 40 people were killed in the strikes on the market according to the Syrian Observatory "
              "for Human Rights and the White Helmets rescue service.")
    killed = [c for c in run.claims if "40 people were killed" in c.text]
    assert len(killed) == 2
    assert "Syrian Observatory for Human Rights" in {run.name(c.speaker) for c in killed}


def test_an_according_phrase_naming_no_speaker_is_not_split() -> None:
    run = Run("The planes were identified according to type location flight patterns and munitions used.")
    assert len([c for c in run.claims if "planes were identified" in c.text]) <= 1


def test_a_closing_mark_with_its_opening_lost_opens_no_quote() -> None:
    run = Run('Speaking to state TV Ahmad Barazi said "The policy will not change. "This attack was not the first '
              'and it will not be the last" he added. In separate comments he said "The war will continue."')
    last = run.one("will not be the last")
    assert run.name(last.speaker) == "Ahmad Barazi"
    assert_offsets(run.text, run.claims)


def test_modifiers_of_one_source_and_a_documents_authors_are_not_split() -> None:
    run = Run("The race will be close according to Republican and Democratic strategists. The group spent $2 "
              "million on ads according to a tally by the Center for Public Policy and the Daily Ledger.")
    assert len([c for c in run.claims if "race will be close" in c.text]) == 1
    assert len([c for c in run.claims if "spent $2 million" in c.text]) == 1


def test_a_list_of_states_that_lost_its_commas_speaks_through_its_first_name() -> None:
    run = Run("Russia Iran and Turkey said on Tuesday that the talks would resume in Astana next month. "
              "The US Britain and France urged the council to act on the report.")
    assert run.name(run.one("the talks would resume").speaker) == "Russia"
    assert run.name(run.one("the council to act").speaker) == "United States"


def test_a_descriptor_before_a_name_is_no_list() -> None:
    run = Run("Russian defence ministry spokesman Igor Konashenkov said that the convoy had not been hit from the air.")
    assert run.name(run.one("the convoy had not been hit").speaker) == "Igor Konashenkov"
