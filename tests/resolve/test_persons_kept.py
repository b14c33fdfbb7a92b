"""A name NER misread as an organisation, with evidence of naming a person, stays that person's: the
clustering does not retype it into a place of the same name the gazetteer does not know."""

from __future__ import annotations

from newsgraph.resolve.links import Link
from newsgraph.resolve.nodes import Node
from newsgraph.resolve.retyping import persons_kept


def _node(key: str, kind: str, members: int, type_: str, name: str) -> Node:
    return Node(key, kind, members, names=((name, members),), keys=((name.casefold(), members),),
                types=((type_, members),))


NODES = {n.key: n for n in (
    _node("org:assad", "name", 2, "ORG", "Assad"),  # "Assad said" read as an organisation in two documents
    _node("per:bashar-al-assad", "name", 55, "PER", "Bashar al-Assad"),
    _node("gpe:al-assad", "place", 6, "GPE", "al-Assad"),  # the Aleppo suburb, not in the gazetteer
    _node("per:aleppos", "name", 1, "PER", "Aleppos"),
    _node("geonames:170063", "geo", 368, "GPE", "Aleppo"),
)}


def test_a_misread_organisation_that_names_a_person_is_not_retyped_into_a_place() -> None:
    names_person = Link("org:assad", "per:bashar-al-assad", "short", 0.9, short_side="org:assad")
    into_suburb = Link("gpe:al-assad", "org:assad", "mistyped", 0.9, short_side="org:assad")
    assert persons_kept(NODES, [names_person, into_suburb]) == {("gpe:al-assad", "org:assad")}


def test_without_evidence_of_a_person_the_retyping_applies() -> None:
    into_suburb = Link("gpe:al-assad", "org:assad", "mistyped", 0.9, short_side="org:assad")
    assert persons_kept(NODES, [into_suburb]) == set()


def test_a_gazetteer_place_still_takes_in_a_misread_person() -> None:
    names_person = Link("per:aleppos", "per:bashar-al-assad", "short", 0.1, short_side="per:aleppos")
    into_city = Link("geonames:170063", "per:aleppos", "mistyped", 0.9, short_side="per:aleppos")
    assert persons_kept(NODES, [names_person, into_city]) == set()
