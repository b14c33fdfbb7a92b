"""The entity stage's vocabularies load through their typed views, and the views refuse slips."""

from __future__ import annotations

import pytest

from newsgraph import vocab
from newsgraph.errors import VocabularyError
from newsgraph.vocab.loader import Entries, read

VIEWS = ("organizations", "weapons", "vehicles", "facilities", "furniture", "entity_words")


@pytest.mark.parametrize("name", VIEWS)
def test_every_entity_vocabulary_loads_through_its_view(name: str) -> None:
    assert vocab.load(name) is vocab.load(name)


def test_known_organisations_are_found_by_any_form_in_any_case() -> None:
    known = vocab.load("organizations")
    assert known.canonical_name("u.n. security council") == "United Nations Security Council"
    assert known.canonical_name("Al Qaeda") == known.canonical_name("al-Qaida") == "al-Qaeda"
    assert set(known.forms) >= {"United Nations", "UN", "U.N."}


def test_a_form_listed_twice_is_refused_even_in_another_case() -> None:
    data = {**read("organizations"), "known": {"al-Qaeda": ["Al-Qaeda"]}}
    with pytest.raises(VocabularyError, match=r"organizations.json: known: duplicate entry 'Al-Qaeda'"):
        _build("organizations", data)


def test_a_weapon_listed_twice_is_refused() -> None:
    data = read("weapons")
    with pytest.raises(VocabularyError, match=r"weapons.json: systems: duplicate entry 'Samad'"):
        _build("weapons", {**data, "systems": [*data["systems"], "Samad"]})


def test_a_broken_designation_pattern_is_refused_by_name() -> None:
    data = {**read("vehicles"), "designation_patterns": ["^F-(\\d+$"]}
    with pytest.raises(VocabularyError, match=r"vehicles.json: designation_patterns: '\^F-\(\\\\d\+\$' is not"):
        _build("vehicles", data)


def test_an_unknown_key_is_refused() -> None:
    with pytest.raises(VocabularyError, match=r"entity_words.json: determiner: unknown key"):
        _build("entity_words", {**read("entity_words"), "determiner": ["the"]})


def test_subsets_stay_subsets() -> None:
    words = vocab.load("entity_words")
    assert words.articles <= words.determiners and words.place_locatives <= words.locatives
    assert words.site_particles <= vocab.load("common_words").particles  # the particles that open site names
    heads = vocab.load("facilities")
    assert heads.port_heads <= heads.facility_heads
    with pytest.raises(VocabularyError, match=r"facilities.json: port_heads: \['quay'\] are not facility heads"):
        _build("facilities", {**read("facilities"), "port_heads": ["port", "quay"]})


def _build(name: str, data: dict[str, object]) -> object:
    """Build a view from ``data`` as ``vocab.load`` builds it from the file."""
    from newsgraph.vocab import loader

    entries = Entries(f"{name}.json", data)
    view = loader._BUILDERS[name](entries)
    entries.check_all_read()
    return view
