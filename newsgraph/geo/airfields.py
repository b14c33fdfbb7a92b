"""The airfield table of the gazetteer file: airports, air bases and landing strips by name, built once.

The source is the ``airportsdata`` package (ICAO codes, names, points; MIT). Reading its
28,000 rows and keying them cost every process about half a second on its first airfield
(11 times the rest of the places stage's first pass over a short report), so the keys are
written into the gazetteer file (``indexing.build``) beside the towns and read per name
(``gazetteer.airfields``). Kept: the airports with an IATA code, the military fields and
the other public fields (news calls "al-Khadim air base" what the table has as "Al Khadim
Airport", HL59, without an IATA code); not the private strips of the US and Canada, whose
national codes have digits. Three keys:

- ``stem``: the name without its airfield words ("Ämari air base" ~ "Amari Air Base"), and
  without the town it serves ("London Heathrow Airport" is also "Heathrow Airport");
- ``spelling``: the spelling key of the stem (``names.spelling``), for the fields with an IATA code or
  a military name only;
- ``town``: the town served, for the fields with an IATA code.

The words are ``airfield_heads``, ``airfield_qualifiers`` and ``military_airfields`` of
``data/places_context.json``; ``words_key`` is their part of the gazetteer's version.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from newsgraph import vocab
from newsgraph.geo.gazetteer import Place
from newsgraph.geo.names import alternation, normalise, spelling

FACILITY = "facility"  # the Place kind of an airfield
KEYS = ("stem", "spelling", "town")

# airportsdata keys the fields that have no ICAO indicator by a national one: in the US and Canada those
# ("4IN4", "NC48", "CPM4": digits in the code) are tens of thousands of private strips and heliports no
# news names; elsewhere they are public and military fields ("Al Khadim Airport" is HL59, Libya)
_PRIVATE_STRIP_COUNTRIES = ("US", "CA")


@dataclass(frozen=True)
class _Words:
    head: re.Pattern[str]       # "air base", "airport": the name is an airfield's
    qualifier: re.Pattern[str]  # "international", "military": left out when names are compared
    military: re.Pattern[str]   # "Air Base", "Air Station": a military field, kept without an IATA code


def _word_lists() -> dict[str, tuple[str, ...]]:
    words = vocab.load("places_context")
    return {"heads": tuple(words.airfield_heads), "qualifiers": tuple(words.airfield_qualifiers),
            "military": tuple(words.military_airfields)}


@cache
def _words() -> _Words:
    lists = _word_lists()
    return _Words(head=re.compile(rf"\b{alternation(lists['heads'])}\b", re.IGNORECASE),
                  qualifier=re.compile(rf"\b{alternation(lists['qualifiers'])}\b", re.IGNORECASE),
                  military=re.compile(rf"\b{alternation(lists['military'])}\b", re.IGNORECASE))


def words_key() -> str:
    """The words the table is keyed with, as text for the gazetteer's version: a change rebuilds the file, a change
    to the other lists of the same vocabulary file does not."""
    return json.dumps(_word_lists(), sort_keys=True)


def is_airfield(name: str) -> bool:
    """Whether a facility's name is an airfield's ("Hmeimim air base", "Vnukovo International Airport")."""
    return _words().head.search(name) is not None


def is_military(name: str) -> bool:
    """Whether an airfield's name in the table marks a military field ("Shayrat Air Base")."""
    return _words().military.search(name) is not None


def stem(name: str) -> str:
    """The normalised name without its airfield words ("Al Khadim Airport" -> "khadim")."""
    words = _words()
    return normalise(words.qualifier.sub(" ", words.head.sub(" ", name)))


def _private_strip(icao: str, country: str) -> bool:
    return country in _PRIVATE_STRIP_COUNTRIES and any(ch.isdigit() for ch in icao)


def build_tables() -> dict[str, dict[str, list[Place]]]:
    """Key kind (``KEYS``) -> key -> the airfields under it, in the table's order (one object per field)."""
    import airportsdata

    tables: dict[str, dict[str, list[Place]]] = {kind: defaultdict(list) for kind in KEYS}
    for row in airportsdata.load("ICAO").values():
        name, town = row["name"], row["city"]
        known = bool(row["iata"] or is_military(name))
        if not known and _private_strip(row["icao"], row["country"]):
            continue
        field = Place(name, row["country"] or None, float(row["lat"]), float(row["lon"]), None, 0, FACILITY)
        stems = {stem(name)}
        if town and name.lower().startswith(town.lower() + " "):
            stems.add(stem(name[len(town) + 1:]))  # "London Heathrow Airport" is "Heathrow Airport"
        for key in sorted(stems - {""}):
            tables["stem"][key].append(field)
            if known:  # another spelling only of the fields news names often
                tables["spelling"][spelling(key)].append(field)
        if town and row["iata"]:
            tables["town"][normalise(town)].append(field)
    return {kind: dict(table) for kind, table in tables.items()}
