"""Typed views of the vocabularies of the gazetteer and the places stage.

``countries_news`` (country names and demonyms as news writes them), ``region_demonyms``,
``regions`` (seas, regions, islands), ``places_abbreviations`` (state abbreviations),
``places_stopwords`` (words never read as a place alone), ``places_words`` (the word
lists the name rules are built from) and ``places_context`` (the words around a name that
say where a place the gazetteer lacks lies).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsgraph.vocab.loader import Entries, vocabulary

_ISO = re.compile(r"^[A-Z]{2}$")


def _iso(entries: Entries, value: Any, entry: str) -> str:
    if not isinstance(value, str) or not _ISO.match(value):
        raise entries.error(entry, f"{value!r} is not an ISO 3166-1 alpha-2 code")
    return value


def _isos(entries: Entries, key: str) -> dict[str, str]:
    """An object name -> country code."""
    return {name: _iso(entries, iso, f"{key}.{name}") for name, iso in entries.mapping(key).items()}


def _texts(entries: Entries, key: str) -> dict[str, str]:
    """An object name -> non-empty string."""
    table = entries.mapping(key)
    for name, value in table.items():
        if not isinstance(value, str) or not value.strip():
            raise entries.error(f"{key}.{name}", "must be a non-empty string")
    return table


def _unique_folded(entries: Entries, names: Iterable[str], label: str) -> None:
    """Refuse names that differ only in case: the gazetteer folds case, so one of them is dead."""
    entries.distinct(names, label, fold=True)


def _number(entries: Entries, value: Any, entry: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise entries.error(entry, f"must be a number, not {value!r}")
    return float(value)


@dataclass(frozen=True)
class CountryNames:
    """``data/countries_news.json``: how news names countries, beyond the packages' names."""

    centres: dict[str, tuple[float, float]]  # "CA" -> GeoNames' point, where restcountries' is far from it
    abbreviations: dict[str, str]            # "U.S.", "UAE" -> ISO code (read only in capitals)
    names: dict[str, str]                    # "Britain", "the Islamic Republic" -> ISO code
    demonyms: dict[str, str]                 # "Iranians", "US-led" -> ISO code


@vocabulary("countries_news")
def _countries_news(entries: Entries) -> CountryNames:
    centres: dict[str, tuple[float, float]] = {}
    for iso, point in entries.mapping("centres").items():
        entry = f"centres.{iso}"
        _iso(entries, iso, entry)
        if not isinstance(point, list) or len(point) != 2:
            raise entries.error(entry, "must be [lat, lon]")
        lat, lon = (_number(entries, v, entry) for v in point)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise entries.error(entry, f"{point!r} is not a point on Earth")
        centres[iso] = (point[0], point[1])  # as written: an int stays an int, as the gazetteer had it
    names = _isos(entries, "names")
    _unique_folded(entries, names, "names")
    return CountryNames(centres=centres, abbreviations=_isos(entries, "abbreviations"), names=names,
                        demonyms=_isos(entries, "demonyms"))


@dataclass(frozen=True)
class RegionDemonyms:
    """``data/region_demonyms.json``: singular adjectives of continents, regions and constituent countries."""

    demonyms: dict[str, str]  # "European" -> "Europe", "Scottish" -> "Scotland"


@vocabulary("region_demonyms")
def _region_demonyms(entries: Entries) -> RegionDemonyms:
    return RegionDemonyms(demonyms=_texts(entries, "demonyms"))


@dataclass(frozen=True)
class Region:
    """A sea, region or island news names, with an approximate centre."""

    name: str
    country: str | None  # the country it lies in, if one
    lat: float
    lon: float
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Regions:
    """``data/regions.json``."""

    regions: tuple[Region, ...]


_REGION_FIELDS = ("name", "country", "lat", "lon", "aliases")


@vocabulary("regions")
def _regions(entries: Entries) -> Regions:
    fields = entries.words("fields")
    if fields != _REGION_FIELDS:
        raise entries.error("fields", f"must be {list(_REGION_FIELDS)}, the order of each row")
    regions = []
    rows = entries.value("regions")
    if not isinstance(rows, list):
        raise entries.error("regions", "must be a list of rows")
    for i, row in enumerate(rows):
        regions.append(_region(entries, row, f"regions[{i}]"))
    _unique_folded(entries, (n for r in regions for n in (r.name, *r.aliases)), "regions (names and aliases)")
    return Regions(regions=tuple(regions))


def _region(entries: Entries, row: Any, entry: str) -> Region:
    if not isinstance(row, list) or len(row) != len(_REGION_FIELDS):
        raise entries.error(entry, f"must be a row of {len(_REGION_FIELDS)} fields: {', '.join(_REGION_FIELDS)}")
    name, country, lat, lon, aliases = row
    if not isinstance(name, str) or not name.strip():
        raise entries.error(entry, "the name must be a non-empty string")
    if country is not None:
        _iso(entries, country, f"{entry} ({name})")
    _number(entries, lat, f"{entry} ({name})")
    _number(entries, lon, f"{entry} ({name})")
    if not isinstance(aliases, list):
        raise entries.error(f"{entry} ({name})", "the aliases must be a list")
    return Region(name, country, lat, lon, entries.distinct(aliases, f"{entry} ({name}) aliases"))


@dataclass(frozen=True)
class PlaceAbbreviations:
    """``data/places_abbreviations.json``: "Ark.", "N.Y.", "NSW" -> (country, GeoNames admin1 code)."""

    admin1: dict[str, tuple[str, str]]


@vocabulary("places_abbreviations")
def _places_abbreviations(entries: Entries) -> PlaceAbbreviations:
    table: dict[str, tuple[str, str]] = {}
    for short, target in entries.mapping("admin1").items():
        entry = f"admin1.{short}"
        if not (isinstance(target, list) and len(target) == 2 and isinstance(target[1], str) and target[1]):
            raise entries.error(entry, "must be [ISO country, admin1 code]")
        table[short] = (_iso(entries, target[0], entry), target[1])
    return PlaceAbbreviations(admin1=table)


@dataclass(frozen=True)
class PlaceStopwords:
    """``data/places_stopwords.json``: words that begin names or are compass points, never a place alone."""

    words: tuple[str, ...]  # lower case


@vocabulary("places_stopwords")
def _places_stopwords(entries: Entries) -> PlaceStopwords:
    return PlaceStopwords(words=entries.words("words", fold=True))


@dataclass(frozen=True)
class PlaceWords:
    """``data/places_words.json``: the words the gazetteer's and the places stage's name rules are built from.

    Each list adds to the shared directions and admin words of ``common_words.json``.
    """

    area_qualifiers: tuple[str, ...]     # "greater", "rural": before a name, a part of it
    admin_suffixes: tuple[str, ...]      # "countryside": after a name, its admin area is meant
    part_suffixes: tuple[str, ...]       # "city", "port": after a name, a part of it or a site in it
    of_heads: tuple[str, ...]            # "city and county" (of Denver)
    official_heads: tuple[str, ...]      # "muhafazat" (Halab)
    official_tails: tuple[str, ...]      # (Anhui) "sheng"
    state_match_extra: tuple[str, ...]   # "autonomous", "of": dropped to match state names across sources
    saint: tuple[str, ...]               # "st", "sainte"
    embedded_prepositions: tuple[str, ...]  # "of", "in": a place ends an organisation's name after these
    town_run_articles: tuple[str, ...]   # "al", "ash": inside a run of capitalised words ("Ras al Ain")
    direction_heads: tuple[str, ...]     # "shamal" (Kurdufan): compass words of official area names
    group_generic: tuple[str, ...]       # "cape", "highlands": no region is made of what areas share


@vocabulary("places_words")
def _places_words(entries: Entries) -> PlaceWords:
    keys = ("area_qualifiers", "admin_suffixes", "part_suffixes", "of_heads", "official_heads",
            "official_tails", "state_match_extra", "saint", "embedded_prepositions", "town_run_articles",
            "direction_heads", "group_generic")
    return PlaceWords(**{key: entries.words(key, fold=True) for key in keys})


@dataclass(frozen=True)
class PlaceContextWords:
    """``data/places_context.json``: the words around a name that say where an unknown place lies."""

    town_parts: tuple[str, ...]             # "neighbourhood", "district": a part of the town named with it
    town_quarters: tuple[str, ...]          # "neighbourhood", not "district": only a part of a town
    locators: tuple[str, ...]               # "in", "near": the place lies in or by the place named next
    near_locators: tuple[str, ...]          # "near", "outside": the place lies close to the town named next
    town_edges: tuple[str, ...]             # "outskirts": "X on Aleppo's outskirts" lies close to Aleppo
    patron_compounds: tuple[str, ...]       # "led" of "US-led": the country is the actor's patron, no place
    linear_features: tuple[str, ...]        # "highway", "road": runs past a town, takes no point from it
    place_nouns: tuple[str, ...]            # "port", "town": "the Iranian port of X" is a place in Iran
    open_waters: tuple[str, ...]            # "gulf", "strait": between countries, not in the document's
    airfield_heads: tuple[str, ...]         # "air base", "airport": a facility placed from the airfield table
    airfield_qualifiers: tuple[str, ...]    # "international": left out when airfield names are compared
    military_airfields: tuple[str, ...]     # "air base": a field kept without an IATA code
    airfield_sites: tuple[str, ...]         # "base": "the Shayrat base" is the air base by Shayrat, if any
    compass_abbreviations: tuple[str, ...]  # "NE" before "Syria" is a direction, not Nebraska
    town_sites: tuple[str, ...]             # "street", "mosque": a facility "in" a town stands inside it
    town_services: tuple[str, ...]          # "hospital": inside a town said to be the town, not the province
    outlying_sites: tuple[str, ...]         # "dam", "prison": outside the town it is named after
    service_qualifiers: tuple[str, ...]     # "national": "Daraa National Hospital" is still named after Daraa


@vocabulary("places_context")
def _places_context(entries: Entries) -> PlaceContextWords:
    return PlaceContextWords(town_parts=entries.words("town_parts", fold=True),
                             town_quarters=entries.words("town_quarters", fold=True),
                             locators=entries.words("locators", fold=True),
                             near_locators=entries.words("near_locators", fold=True),
                             town_edges=entries.words("town_edges", fold=True),
                             patron_compounds=entries.words("patron_compounds", fold=True),
                             linear_features=entries.words("linear_features", fold=True),
                             place_nouns=entries.words("place_nouns", fold=True),
                             open_waters=entries.words("open_waters", fold=True),
                             airfield_heads=entries.words("airfield_heads", fold=True),
                             airfield_qualifiers=entries.words("airfield_qualifiers", fold=True),
                             military_airfields=entries.words("military_airfields", fold=True),
                             airfield_sites=entries.words("airfield_sites", fold=True),
                             compass_abbreviations=entries.words("compass_abbreviations"),
                             town_sites=entries.words("town_sites", fold=True),
                             town_services=entries.words("town_services", fold=True),
                             outlying_sites=entries.words("outlying_sites", fold=True),
                             service_qualifiers=entries.words("service_qualifiers", fold=True))
