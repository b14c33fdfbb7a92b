"""Typing from the words around a name, end to end on sentences written for these tests: a possessor after
a preposition, a bloc word, a group the text calls a group, a shrine or district named like a person."""

from __future__ import annotations

from .reading import extract


def test_a_surname_owning_the_noun_after_a_preposition_stays_a_person() -> None:
    # "towards Assads atrocities": the apostrophe lost, the preposition governs "atrocities", not the name
    found = extract("Abdah said the world was soft in dealing with Assad who kills civilians. This inaction towards "
                    "Assads atrocities is a bias in favour of a killer. The Assad regime continued its raids.")
    assert all(e.type == "PER" for e in found.entities if e.name.startswith("Assad"))


def test_a_direction_word_alone_is_no_place() -> None:
    found = extract("The West has accused Russia of war crimes in Aleppo. Moscow is estranged from the West.")
    assert found.find("West") is None
    assert found.named("Aleppo").type == "GPE"


def test_a_name_the_text_calls_a_group_is_an_organisation() -> None:
    found = extract("Zakaria Malahifji of the Aleppo-based Fastaqim opposition group told Reuters the road was cut. "
                    "A member of the rebel group Fastaqim said nobody could get out.")
    assert found.named("Fastaqim").type == "ORG"


def test_a_shrine_named_like_a_person_is_the_shrine_where_the_document_says_so() -> None:
    found = extract("Two suicide bombers attacked the entrance to the Sayyida Zeinab shrine south of Damascus on "
                    "Saturday. Hezbollah cited the threat to Sayyida Zeinab as a reason for its intervention.")
    assert found.named("Sayyida Zeinab").type in ("FAC", "GPE")
    district = extract("Residents of Sayyeda Zeinab Area said the blasts were heard across Damascus.")
    assert district.named("Sayyeda Zeinab Area").type == "GPE"


def test_a_person_beside_a_site_named_after_him_stays_a_person() -> None:
    found = extract("Hafez al-Assad ruled Syria for thirty years. Fighting broke out near the Hafez al-Assad "
                    "Stadium in Latakia.")
    assert found.named("Hafez al-Assad").type == "PER"
