"""Frames whose punctuation or capitals the scraping lost (ninth FA-KES round): a name inside a relative
clause without commas is not the speaker, a speaker phrase right before the verb speaks when the parser's
subject cannot ("a car bomb … state television reported"), a participle of adding or of a statement keeps
the frame's speaker, a frame closing a sentence after a semicolon reports the clause before it, and "he
Pentagon said" is the Pentagon. Sentences written for the tests in the style of the scraped reports."""

from __future__ import annotations

from .helpers import Run, assert_offsets


def test_a_name_at_the_end_of_a_whose_clause_is_not_the_speaker() -> None:
    run = Run("Foreign Minister Prince Khalid al-Nasser said the council must act. Prince Khalid whose country "
              "has been a major supporter of rebels fighting to topple Assad also urged European ministers to "
              "meet in Brussels.")
    urged = run.one("European ministers")
    assert run.name(urged.speaker) == "Khalid al-Nasser"
    assert_offsets(run.text, run.claims)


def test_the_speaker_phrase_before_the_verb_when_the_subject_is_a_bomb() -> None:
    run = Run("The raids came as a car bomb wounded at least 20 people in a market in the central city of Homs "
              "state television reported.")
    claim = run.one("car bomb wounded")
    assert claim.speaker is None and claim.speaker_text == "state television"
    assert claim.text.startswith("The raids came as a car bomb wounded at least 20 people")


def test_adding_after_a_prepositions_object_is_the_frames_speaker() -> None:
    run = Run("There must be clarity on what happened envoy Maria Lopez said after the council met behind "
              "closed doors adding that members welcomed the inquiry.")
    adding = run.one("members welcomed")
    assert run.name(adding.speaker) == "Maria Lopez"


def test_a_participle_of_the_statement_is_the_frames_speaker() -> None:
    run = Run("We are working urgently to gather more information said White House spokesman John Miller in a "
              "statement expressing deep concern over the reports.")
    assert {run.name(c.speaker) for c in run.claims} == {"John Miller"}


def test_a_frame_closing_the_sentence_after_a_semicolon() -> None:
    run = Run("The bombing took place in al-Msheirfeh near the city of Raqqa; Sputnik reported. The ministry did "
              "not respond to a request for comment; Tehran has denied arming the group.")
    bombing = run.one("al-Msheirfeh")
    assert run.name(bombing.speaker) == "Sputnik"
    assert bombing.text == "The bombing took place in al-Msheirfeh near the city of Raqqa"
    assert not any("request for comment" in c.text for c in run.claims)  # the verb after it has its own object


def test_a_the_that_lost_its_capital_is_no_pronoun() -> None:
    run = Run("Dozens of soldiers were killed when the jets struck the hill. he Pentagon said that the strike "
              "was a mistake.")
    assert run.name(run.one("was a mistake").speaker) == "Pentagon"


def test_an_attack_on_a_crowd_is_no_position() -> None:
    run = Run("The bomber was on a motorcycle when he attacked a crowd outside a bakery. Opposition leader George "
              "Sabra attacked the decision as a betrayal of the Syrian people.")
    assert [c.cue for c in run.claims] == ["attacked"]
    assert "betrayal" in run.claims[0].text


def test_fighting_that_continued_is_no_frame() -> None:
    run = Run("Regime warplanes bombed Kurdish positions in the city on Friday as fighting between the two sides "
              "continued for a second day. The toll rose to 20, as police said.")
    assert [c.text for c in run.claims] == ["The toll rose to 20"]


def test_a_first_person_frame_after_a_stripped_quote_is_the_speakers() -> None:
    run = Run("Foreign Minister Jean Martin spoke in Paris. This cannot be used as a maneuver to divert us said "
              "Martin. That is why we have decided to take this initiative. In Damascus we met nobody.")
    decided = run.one("take this initiative")
    assert run.name(decided.speaker) == "Jean Martin"
    assert all(c.speaker is None for c in run.claims if "nobody" in c.text)  # not right after the quote


def test_a_first_person_statement_after_a_frame_that_opens_its_sentence_is_the_writers() -> None:
    run = Run("The National Coalition condemns the massacre in the town. Activists said that around 41 rebels were "
              "executed. We call on the international community to support the rebels.")
    assert run.one("international community").speaker_text == "We"
    assert run.one("international community").speaker is None


def test_people_the_vocabulary_lacks_still_close_an_as_frame() -> None:
    run = Run("Taken together, it is far more than what the president did for others, as some of her supporters "
              "privately noted.")
    assert run.spans("source") == ["some of her supporters"]
    assert run.one("far more").text.endswith("did for others")


def test_a_frame_told_to_a_briefing_closes_its_sentence() -> None:
    run = Run("Grain harvests have fallen by half since the drought began agency spokesman Omar Haddad told a news "
              "briefing in Geneva. The talks resumed as Russian envoy Ivan Petrov told a press conference in Vienna "
              "that no deal was near.")
    harvests = run.one("Grain harvests")
    assert run.name(harvests.speaker) == "Omar Haddad"
    assert harvests.text.startswith("Grain harvests have fallen by half since the drought began")
    assert run.name(run.one("no deal was near").speaker) == "Ivan Petrov"
    assert_offsets(run.text, run.claims)
