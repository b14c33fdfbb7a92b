"""Who a claim says carried out an attack (``newsgraph.resolve.claim_blame``), on the wording of real reports."""

from __future__ import annotations

import pytest

from newsgraph.resolve.claim_blame import blame, blamed_side, side_of


@pytest.mark.parametrize(("said", "side"), [
    ("accused government forces of gassing many hundreds of people", "government"),  # after "accused"
    ("says came from Assads forces and killed more than 1400 people", "government"),  # after "from"
    ("telling reporters that Syria had used chemical weapons", "government"),  # before "used"
    ("saying it looked like a rebel provocation to discredit him", "rebels"),  # before "provocation"
    ("back up denials from the Assads administration", "rebels"),  # a denial clears the side after it
    ("blaming terrorist groups for using chemical and toxic substances", "rebels"),
])
def test_the_side_nearest_a_predicate_of_responsibility_is_blamed(said: str, side: str) -> None:
    assert blamed_side(said) == side


def test_a_claim_naming_no_side_blames_none() -> None:
    assert blamed_side("the attack was carried out by a bomber in an explosives-laden truck") is None


def test_a_denial_blames_the_other_side_than_its_speaker() -> None:
    concepts = frozenset({"~chemical", "~use"})
    assert blame("denied", "using chemical weapons", "The Syrian regime", True, concepts) == "chemical|rebels"
    # both sides deny: no side is blamed
    assert side_of("Government and opposition forces") is None
    assert blame("denied", "using chemical weapons", "Government and opposition forces", True, concepts) == ""


def test_only_an_attack_of_a_topic_is_blamed() -> None:
    # the side is named, but no concept of the topics (chemical): what is blamed cannot be told apart
    assert blame("accused", "the regime of shelling the town", "activists", False, frozenset({"~attack"})) == ""
