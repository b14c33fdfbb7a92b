"""Speakers referred back to in reporting (``coref`` with ``speakers``): pronouns and descriptions for
speakers that are no entity, generic nouns for the organisation last quoted, titles alone, surnames."""

from __future__ import annotations

from .helpers import Run


def test_he_refers_back_to_a_speaker_that_is_no_entity() -> None:
    run = Run("An official at the governor's office in Homs said the road to the city had been closed since "
              "Monday. He said the army had sent reinforcements.")
    road, army = run.one("the road to the city"), run.one("sent reinforcements")
    assert road.speaker is None and army.speaker is None
    assert army.speaker_text == road.speaker_text == "An official"


def test_the_monitor_is_the_organisation_last_quoted() -> None:
    run = Run("The Syrian Observatory for Human Rights said 20 fighters were killed in the clashes. The monitor "
              "said the toll was likely to rise.")
    assert run.name(run.one("the toll was likely to rise").speaker) == "Syrian Observatory for Human Rights"


def test_a_title_alone_is_the_person_given_it() -> None:
    run = Run("British Foreign Secretary William Hague told reporters that the inspectors must be given access. "
              "The foreign secretary said Britain would raise the matter at the Security Council.")
    claim = run.one("raise the matter")
    assert run.name(claim.speaker) == "William Hague" and claim.speaker_text == "The foreign secretary"


def test_a_surname_is_the_person_named_before() -> None:
    run = Run("French Foreign Minister Laurent Fabius spoke with the head of the coalition. Fabius said the "
              "attack was a horrendous tragedy.")
    assert run.name(run.one("horrendous tragedy").speaker) == "Laurent Fabius"


def test_person_named_at_the_end_of_a_title_phrase_without_commas() -> None:
    run = Run("The UN humanitarian coordinator in Yemen Julien Harneis said in a statement that two aid "
              "workers were killed. The lawyer for Ahmed Saleh said the charges were false.")
    assert run.name(run.one("two aid workers").speaker) == "Julien Harneis"
    lawyer = run.one("charges were false")  # the object of "for" is whom the lawyer speaks for
    assert lawyer.speaker is None and lawyer.speaker_text == "The lawyer"


def test_body_noun_phrase_naming_an_organisation_is_that_organisation() -> None:
    run = Run("The Syrian Observatory for Human Rights said 68 children were among the dead. There was no "
              "immediate claim of responsibility though the key Ahrar al-Sham rebel group denied any involvement. "
              "The Observatory said hundreds were also wounded. Observatory head Rami Abdel Rahman said rebels "
              "died too. Thirteen civilians were also killed the Observatory reported Thursday.")
    assert run.name(run.one("any involvement").speaker) == "Ahrar al-Sham"
    # "the Observatory" is the Syrian Observatory for Human Rights, never the person whose role names it
    assert run.name(run.one("hundreds were also wounded").speaker) == "Syrian Observatory for Human Rights"
    assert run.name(run.one("Thirteen civilians").speaker) == "Syrian Observatory for Human Rights"


def test_descriptor_before_a_name_without_its_comma() -> None:
    run = Run("Medical charity the Syrian American Medical Society said that July was the worst month. In "
              "response the opposition Syrian National Coalition called for an urgent meeting.")
    assert run.name(run.one("July was the worst month").speaker) == "Syrian American Medical Society"
    assert run.name(run.one("an urgent meeting").speaker) == "Syrian National Coalition"


def test_pronoun_in_a_statement_refers_to_its_speaker() -> None:
    run = Run("The Arab League called on the inspectors to visit the site. Britain said on Wednesday it would "
              "raise the attack at the Security Council and called on Damascus to give inspectors access.")
    called = next(c for c in run.claims if c.text == "on Damascus to give inspectors access")
    assert run.name(called.speaker) == "United Kingdom"  # "it" is Britain's, not the League last quoted


def test_heading_run_into_the_sentence_is_no_speaker() -> None:
    run = Run("Regime denial Meanwhile Syrian authorities denied charges that the army used chemical weapons.")
    assert run.one("the army used chemical weapons").speaker_text == "Syrian authorities"


def test_headline_run_into_the_first_sentence_is_no_speaker() -> None:
    run = Run("More than 30 Syrian rebels killed in IS group suicide blast The Islamic State militants group (IS) on "
              "Monday claimed responsibility for a suicide bombing. Officials in The Hague said the court would meet.")
    assert run.name(run.one("responsibility for a suicide bombing").speaker) == "Islamic State"
    assert run.one("the court would meet").speaker_text == "Officials"


def test_a_part_of_an_organisation_or_a_hyphenated_modifier_is_not_the_organisation() -> None:
    run = Run("The World Health Organization says 84 people have been killed. The U.N. health agency said the "
              "casualties occurred in clashes. A Raqqa-based anti-ISIS activist network reported eight civilians "
              "were killed.")
    assert run.name(run.one("the casualties occurred").speaker) == "World Health Organization"
    assert run.one("eight civilians were killed").speaker is None  # not the Islamic State
