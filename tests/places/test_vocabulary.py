"""The typed views of the places vocabularies (newsgraph.vocab.places) and what they refuse."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph import vocab
from newsgraph.errors import VocabularyError
from newsgraph.vocab.loader import Entries
from newsgraph.vocab.places import (
    _countries_news,
    _places_abbreviations,
    _places_stopwords,
    _regions,
)


def test_the_views_read_the_packaged_files() -> None:
    news = vocab.load("countries_news")
    assert news.abbreviations["U.S."] == "US" and news.names["Britain"] == "GB" and news.demonyms["Iranians"] == "IR"
    assert news.centres["CA"] == (60.10867, -113.64258)
    regions = {r.name: r for r in vocab.load("regions").regions}
    assert regions["Persian Gulf"].country is None and "Arabian Gulf" in regions["Persian Gulf"].aliases
    assert vocab.load("places_abbreviations").admin1["Ark."] == ("US", "AR")
    assert vocab.load("region_demonyms").demonyms["Scottish"] == "Scotland"
    assert "university" in vocab.load("places_stopwords").words
    words = vocab.load("places_words")
    assert "countryside" in words.admin_suffixes and "city and county" in words.of_heads
    assert "northeastern" in vocab.load("common_words").compass_compounds


def _entries(file: str, **data: Any) -> Entries:
    return Entries(file, {"_source": "test", **data})


def test_a_repeated_stopword_is_refused() -> None:
    with pytest.raises(VocabularyError, match=r"places_stopwords.json: words: duplicate entry 'Port'"):
        _places_stopwords(_entries("places_stopwords.json", words=["port", "Port"]))


def test_a_bad_country_code_is_refused_with_its_entry() -> None:
    news = {"centres": {}, "abbreviations": {"U.S.": "USA"}, "names": {}, "demonyms": {}}
    with pytest.raises(VocabularyError, match=r"abbreviations.U.S.: 'USA' is not an ISO 3166-1 alpha-2 code"):
        _countries_news(_entries("countries_news.json", **news))
    with pytest.raises(VocabularyError, match=r"admin1.Ark.: must be \[ISO country, admin1 code\]"):
        _places_abbreviations(_entries("places_abbreviations.json", admin1={"Ark.": ["US"]}))


def test_names_that_differ_only_in_case_are_refused() -> None:
    news = {"centres": {}, "abbreviations": {}, "names": {"the Gambia": "GM", "The Gambia": "GM"}, "demonyms": {}}
    with pytest.raises(VocabularyError, match=r"names: duplicate entry 'The Gambia'"):
        _countries_news(_entries("countries_news.json", **news))


def test_a_region_named_twice_or_a_short_row_is_refused() -> None:
    fields = ["name", "country", "lat", "lon", "aliases"]
    twice = [["Kurdistan", "IQ", 36.2, 44.0, ["Kurdistan Region"]], ["Kurdistan Region", "IQ", 36.2, 44.0, []]]
    with pytest.raises(VocabularyError, match=r"duplicate entry 'Kurdistan Region'"):
        _regions(_entries("regions.json", fields=fields, regions=twice))
    with pytest.raises(VocabularyError, match=r"regions\[0\]: must be a row of 5 fields"):
        _regions(_entries("regions.json", fields=fields, regions=[["Levant", None, 33.5, 36.0]]))
    with pytest.raises(VocabularyError, match=r"regions\[0\] \(Levant\): 'Syria' is not an ISO"):
        _regions(_entries("regions.json", fields=fields, regions=[["Levant", "Syria", 33.5, 36.0, []]]))
