"""Country names and demonyms as news writes them (newsgraph.geo.countries)."""

from __future__ import annotations

import pytest

from newsgraph.geo import constituent_country, country_code, country_name, demonym_country


@pytest.mark.parametrize("name,iso", [
    ("Iran", "IR"), ("the Islamic Republic of Iran", "IR"), ("US", "US"), ("U.S.", "US"),
    ("the United States", "US"), ("America", "US"), ("UK", "GB"), ("Britain", "GB"), ("the UAE", "AE"),
    ("Syrian Arab Republic", "SY"), ("Russia", "RU"), ("South Korea", "KR"), ("North Korea", "KP"),
    ("the Palestinian territories", "PS"), ("Palestinian Territories", "PS"), ("The Gambia", "GM"),
    ("Türkiye", "TR"), ("Côte d'Ivoire", "CI"),
])
def test_country_code_reads_news_forms(name: str, iso: str) -> None:
    assert country_code(name) == iso


@pytest.mark.parametrize("name", ["us", "Paris", "Damascus", "Hezbollah", "the", "", "XYZ"])
def test_country_code_refuses_non_countries(name: str) -> None:
    assert country_code(name) is None


@pytest.mark.parametrize("word,iso", [
    ("Iranian", "IR"), ("Iranians", "IR"), ("Syrian", "SY"), ("Israeli", "IL"), ("Russians", "RU"),
    ("American", "US"), ("Lebanese", "LB"), ("Emirati", "AE"), ("Yemeni", "YE"), ("LEBANESE", "LB"),
])
def test_demonyms(word: str, iso: str) -> None:
    assert demonym_country(word) == iso


def test_demonym_of_a_non_demonym_is_none() -> None:
    assert demonym_country("Hezbollah") is None
    assert demonym_country("table") is None


def test_country_names_are_short_english_names() -> None:
    assert country_name("IR") == "Iran"
    assert country_name("sy") == "Syria"
    assert country_name("US") == "United States"
    assert country_name("ZZ") is None


def test_constituent_countries_are_areas_of_the_united_kingdom() -> None:
    assert constituent_country("England") and constituent_country("Wales") and constituent_country("Scotland")
    assert not constituent_country("Britain") and not constituent_country("Georgia")
