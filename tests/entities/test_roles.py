"""Roles: title chains before a name and appositions after it, and the affiliations they carry."""

from __future__ import annotations

import pytest

from newsgraph.nlp.entities.roles import roles_of

from .reading import extract, parse


def roles_and_links(text: str, person: str) -> tuple[tuple[str, ...], set[str]]:
    doc = extract(text)
    entity = doc.named(person)
    links = {doc.entity(r.object).name for r in doc.relations if r.subject == entity.id}
    return entity.roles, links


@pytest.mark.parametrize("text, person, role, organisation", [
    # initials before the title
    ("The Syrian Democratic Forces (SDF) denied the report. \"No fighters were there,\" SDF spokesman "
     "Dilovan Rashid wrote.", "Dilovan Rashid", "SDF spokesman", "Syrian Democratic Forces"),
    # a plural possessive
    ("The Houthis' military spokesman, Brigadier General Yahya Saree, rejected the findings.",
     "Yahya Saree", "Houthis' military spokesman", "Houthis"),
    # a singular possessive and an apposition after the name
    ("Iran's Foreign Ministry spokesman, Nasser Kanaani, dismissed the accusations.",
     "Nasser Kanaani", "Iran's Foreign Ministry spokesman", "Iran"),
])
def test_title_chains_give_roles_and_affiliations(text: str, person: str, role: str, organisation: str) -> None:
    roles, links = roles_and_links(text, person)
    assert role in roles
    assert organisation in links


@pytest.mark.parametrize("text, person, organisation, predicate", [
    ("Hezbollah, led by Naim Qassem since 2024, fired rockets at Haifa.", "Naim Qassem", "Hezbollah", "leads"),
    ("The army fought the Rapid Support Forces, commanded by Mohamed Hamdan Dagalo.",
     "Mohamed Hamdan Dagalo", "Rapid Support Forces", "leads"),
    ("Wagner fighters backed Khalifa Haftar's Libyan National Army in 2019.",
     "Khalifa Haftar", "Libyan National Army", "affiliated_with"),
])
def test_leaders_named_without_a_title(text: str, person: str, organisation: str, predicate: str) -> None:
    doc = extract(text)
    assert (person, predicate, organisation) in doc.links()
    relation = next(r for r in doc.relations if doc.entity(r.subject).name == person)
    assert doc.text[relation.evidence.start:relation.evidence.end] == relation.evidence.text


# --- the title-chain walk on hand-built parses: each step of the rule, whatever the model says ----

def chain_before(words: list[str], pos: list[str], person: slice, tags: list[str] | None = None) -> list[str]:
    doc = parse(words, pos=pos, tags=tags)
    return [role.text for role in roles_of(doc, doc[person])]


def test_title_words_and_capitalised_modifiers_make_one_chain() -> None:
    words = ["Former", "Defense", "Secretary", "Mark", "Esper", "said"]
    assert chain_before(words, ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"], slice(3, 5)) == \
        ["Former Defense Secretary"]


def test_of_joins_title_words_and_a_possessor_opens_the_chain() -> None:
    words = ["Syria", "'s", "Army", "Chief", "of", "Staff", "Ali", "Abbas", "spoke"]
    pos = ["PROPN", "PART", "PROPN", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB"]
    tags = ["NNP", "POS", "NNP", "NNP", "IN", "NNP", "NNP", "NNP", "VBD"]
    assert chain_before(words, pos, slice(6, 8), tags) == ["Syria's Army Chief of Staff"]


def test_organisation_initials_before_a_title_and_a_stop_word_ends_the_walk() -> None:
    words = ["told", "by", "SDF", "spokesman", "Dilovan", "Rashid"]
    pos = ["VERB", "ADP", "PROPN", "NOUN", "PROPN", "PROPN"]
    assert chain_before(words, pos, slice(4, 6)) == ["SDF spokesman"]


def test_chains_across_a_comma_are_two_roles() -> None:
    words = ["Army", "Chief", "of", "Staff", ",", "Lieutenant", "General", "Herzi", "Halevi"]
    pos = ["PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "PROPN"]
    assert chain_before(words, pos, slice(7, 9)) == ["Army Chief of Staff", "Lieutenant General"]


def test_capitalised_words_without_a_title_head_are_no_role() -> None:
    words = ["the", "Grand", "Hotel", "Omar", "Said"]
    assert chain_before(words, ["DET", "PROPN", "PROPN", "PROPN", "PROPN"], slice(3, 5)) == []


def test_a_relative_clause_of_leading_gives_the_role_and_what_the_person_leads() -> None:
    found = extract('"They walked for four days," said Marta Oyelaran, who led the investigation, at a briefing. '
                    "Rami Abdulrahman who runs the UK-based Syrian Observatory for Human Rights said 19 people died.")
    assert found.named("Marta Oyelaran").roles == ("led the investigation",)
    assert any("Syrian Observatory" in r for r in found.named("Rami Abdulrahman").roles)
    assert ("Rami Abdulrahman", "leads", "Syrian Observatory for Human Rights") in found.links()
    # a clause whose verb leads nothing is no role
    other = extract("Ahmed Hassan, who visited the town on Monday, said the convoy was hit.")
    assert other.named("Ahmed Hassan").roles == ()
