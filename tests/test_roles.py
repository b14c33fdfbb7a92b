"""Roles: title chains before a name and appositions after it, and the affiliations they carry."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import extract


def roles_and_links(text: str, person: str) -> tuple[tuple[str, ...], set[str]]:
    doc = extract(text, "2024-01-15")
    entity = doc.entity_named(person)
    assert entity is not None, [e.name for e in doc.entities]
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
    doc = extract(text, "2025-01-10")
    found = {(doc.entity(r.subject).name, r.predicate, doc.entity(r.object).name) for r in doc.relations}
    assert (person, predicate, organisation) in found
    relation = next(r for r in doc.relations if doc.entity(r.subject).name == person)
    assert doc.text[relation.evidence.start:relation.evidence.end] == relation.evidence.text
