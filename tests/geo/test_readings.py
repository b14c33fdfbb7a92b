"""The context-free readings of a name (newsgraph.geo.readings): lookup_place, candidates, demonym_place."""

from __future__ import annotations

import pytest

from newsgraph import geo
from newsgraph.geo import Reading, candidates, lookup_place
from newsgraph.geo.facilities import facility_candidates
from newsgraph.geo.readings import name_candidates


@pytest.mark.parametrize("name,iso,kind", [
    ("Damascus", "SY", "city"), ("Deir ez-Zor", "SY", "city"), ("Dayr az Zawr", "SY", "city"),
    ("Raqqa", "SY", "city"), ("Idlib", "SY", "city"), ("Aleppo", "SY", "city"), ("Beirut", "LB", "city"),
    ("Texas", "US", "admin"), ("Syria", "SY", "country"), ("the Levant", None, "region"),
    ("Middle East", None, "region"), ("Kurdistan Region", "IQ", "region"),
])
def test_lookup_place_finds_places(name: str, iso: str | None, kind: str) -> None:
    place = lookup_place(name)
    assert place is not None and place.country == iso and place.kind == kind


def test_lookup_place_resolves_deir_ez_zor_spellings_to_one_place() -> None:
    ids = {getattr(lookup_place(n), "geonames_id", None) for n in ("Deir ez-Zor", "Dayr az Zawr", "Deir Ez-Zor")}
    assert len(ids) == 1 and None not in ids


@pytest.mark.parametrize("name", ["Smith", "the", "table", "NGO", "report", "Zehavi", "North", "University"])
def test_lookup_place_ignores_words_stopwords_and_surnames(name: str) -> None:
    assert lookup_place(name) is None


def test_readings_carry_their_place_and_prior_best_first_by_prior() -> None:
    found = candidates("Tripoli")
    assert found and all(isinstance(r, Reading) for r in found)
    best = max(found, key=lambda r: r.prior)
    assert best.place.country == "LY"  # the capital of Libya, before any context
    assert any(r.place.country == "LB" for r in found)  # the Lebanese city competes


def test_a_province_suffix_asks_for_the_admin_area_and_a_direction_is_dropped() -> None:
    homs = max(candidates("Homs province"), key=lambda r: r.prior).place
    assert (homs.kind, homs.level, homs.country) == ("admin", 1, "SY")
    city = max(candidates("Homs"), key=lambda r: r.prior).place
    assert (city.kind, city.country) == ("city", "SY")  # the city, not the province named after it
    assert max(candidates("northern Syria"), key=lambda r: r.prior).place.kind == "country"
    assert max(candidates("north-eastern Syria"), key=lambda r: r.prior).place.kind == "country"


def test_a_state_abbreviation_is_the_state_and_an_acronym_is_no_town() -> None:
    (arkansas,) = candidates("Ark.")
    assert (arkansas.place.country, arkansas.place.admin1) == ("US", "AR")
    assert candidates("NGO") == []
    (emirates,) = candidates("UAE")
    assert emirates.place.country == "AE"


def test_a_country_name_keeps_a_foreign_state_of_that_name_as_a_reading() -> None:
    found = candidates("Georgia")
    kinds = {(r.place.kind, r.place.country) for r in found}
    assert ("country", "GE") in kinds and ("admin", "US") in kinds
    england = candidates("England")  # a constituent country is its first-level area
    assert england and all(r.place.kind == "admin" and r.place.country == "GB" for r in england)


def test_sound_alikes_are_marked_as_needing_context() -> None:
    found, match = name_candidates("Tal Tamer")  # the vowels fall elsewhere than in Tall Tamr
    assert match == "sound" and any(r.place.country == "SY" for r in found)
    _, exact = name_candidates("Damascus")
    assert exact == "name"


@pytest.mark.parametrize("name,own", [
    ("Derbasiye", "Ad Darbāsīyah"), ("Efrin", "‘Afrīn"), ("Banibangou", "Bani Bangou"), ("Talbeesah", "Tallbīsah"),
    ("Deir Ezzor", "Deir ez-Zor"),
])
def test_another_spelling_of_a_town_s_own_name_reads_the_town(name: str, own: str) -> None:
    found, match = name_candidates(name)
    assert match == "spelling" and own in {r.place.name for r in found}


def test_an_arabic_article_in_lower_case_still_starts_a_name() -> None:
    assert getattr(lookup_place("al-Zabadani"), "country", None) == "SY"
    assert getattr(lookup_place("as-Suwayda"), "country", None) == "SY"
    assert lookup_place("al-Qaeda") is None


def test_a_facility_is_read_through_the_town_it_names() -> None:
    (masyaf, *_) = facility_candidates("Masyaf facility")
    assert masyaf.place.country == "SY" and masyaf.place.kind == "city"
    assert facility_candidates("Trump Tower") == []  # the head word is not a town
    # "Bab al-Hawa" is one name (a border crossing), not the town al-Bab and a word
    assert facility_candidates("Bab al-Hawa hospital") == []
    assert facility_candidates("al-Bab hospital")[0].place.country == "SY"


def test_continent_and_constituent_country_demonyms() -> None:
    assert getattr(geo.demonym_place("European"), "name", None) == "Europe"
    assert getattr(geo.demonym_place("Syrian"), "name", None) == "Syria"
    assert getattr(geo.demonym_place("Scottish"), "name", None) == "Scotland"
    assert geo.demonym_place("Syrians") is None  # plural: people, not a place
