"""Airfields by name: an air base or airport is placed at its own point, not at the town it is named after.

The table is the ``airportsdata`` package (airports, air bases and landing strips with their
ICAO codes and points; MIT), read once on first need: the airports with an IATA code, the
military fields and the other public fields (news calls "al-Khadim air base" what the table
has as "Al Khadim Airport", HL59, without an IATA code; not the private strips of the US and
Canada, whose national codes have digits). Another spelling of a name is matched only against
the first two kinds. A facility's name is compared without its airfield words ("Ämari air
base" ~ "Amari Air Base"), and with the table's name without the town it serves ("Heathrow
Airport" ~ London Heathrow Airport):

- an airfield named like a town ("Cairo airport", "Amsterdam airport", "Shayrat airbase") is one
  of that name, or one serving a town of that name, within ``PlaceWeights.airfield_km`` of a
  town of that name, which lends it its prior: the airport of Cairo, Egypt before the one of
  Cairo, Illinois; Schiphol for Amsterdam;
- else it is an airfield of that name ("Heathrow Airport"; the village of Heathrow, Florida
  has none), or of that spelling ("Maaten al-Sarra" ~ "Matan al-Sarra Air Base", when the
  name is long enough to be told apart) if no town has the name.

Other facilities are read through a town named inside them (``facility_candidates``: "the Masyaf
facility"; "Bab al-Hawa hospital" names no town al-Bab); a hospital or school named after a town
("Qardaha hospital", "Daraa National Hospital") by any of the town's names.

The words are ``data/places_context.json`` (``airfield_heads``, ``airfield_qualifiers``,
``military_airfields``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from newsgraph import vocab
from newsgraph.geo.gazetteer import Place, distance_km
from newsgraph.geo.names import alternation, normalise, skeleton, spelling
from newsgraph.geo.readings import Reading, candidates
from newsgraph.settings import PlaceWeights, settings

FACILITY = "facility"  # the Place kind of an airfield


@dataclass(frozen=True)
class _Words:
    head: re.Pattern[str]       # "air base", "airport": the name is an airfield's
    airport: re.Pattern[str]    # "airport": one that serves a town (it may be named by the town)
    qualifier: re.Pattern[str]  # "international", "military": left out when names are compared
    military: re.Pattern[str]   # "Air Base", "Air Station": a military field, kept without an IATA code


@cache
def _words() -> _Words:
    words = vocab.load("places_context")
    return _Words(head=re.compile(rf"\b{alternation(words.airfield_heads)}\b", re.IGNORECASE),
                  airport=re.compile(r"\bairports?\b", re.IGNORECASE),
                  qualifier=re.compile(rf"\b{alternation(words.airfield_qualifiers)}\b", re.IGNORECASE),
                  military=re.compile(rf"\b{alternation(words.military_airfields)}\b", re.IGNORECASE))


def is_airfield(name: str) -> bool:
    """Whether a facility's name is an airfield's ("Hmeimim air base", "Vnukovo International Airport")."""
    return _words().head.search(name) is not None


def _stem(name: str) -> str:
    """The normalised name without its airfield words ("Al Khadim Airport" -> "khadim")."""
    words = _words()
    return normalise(words.qualifier.sub(" ", words.head.sub(" ", name)))


# airportsdata keys the fields that have no ICAO indicator by a national one: in the US and Canada those
# ("4IN4", "NC48", "CPM4": digits in the code) are tens of thousands of private strips and heliports no
# news names; elsewhere they are public and military fields ("Al Khadim Airport" is HL59, Libya)
_PRIVATE_STRIP_COUNTRIES = ("US", "CA")


def _private_strip(icao: str, country: str) -> bool:
    return country in _PRIVATE_STRIP_COUNTRIES and any(ch.isdigit() for ch in icao)


@dataclass(frozen=True)
class _Table:
    by_stem: dict[str, list[Place]]      # the name without airfield words -> airfields
    by_spelling: dict[str, list[Place]]  # its spelling key -> airfields
    by_town: dict[str, list[Place]]      # the town served -> its airports with an IATA code


@lru_cache(maxsize=1)
def _table() -> _Table:
    import airportsdata

    words = _words()
    by_stem: dict[str, list[Place]] = defaultdict(list)
    by_spelling: dict[str, list[Place]] = defaultdict(list)
    by_town: dict[str, list[Place]] = defaultdict(list)
    for row in airportsdata.load("ICAO").values():
        name, town = row["name"], row["city"]
        known = bool(row["iata"] or words.military.search(name))
        if not known and _private_strip(row["icao"], row["country"]):
            continue
        place = Place(name, row["country"] or None, float(row["lat"]), float(row["lon"]), None, 0, FACILITY)
        stems = {_stem(name)}
        if town and name.lower().startswith(town.lower() + " "):
            stems.add(_stem(name[len(town) + 1:]))  # "London Heathrow Airport" is "Heathrow Airport"
        for stem in stems - {""}:
            by_stem[stem].append(place)
            if known:  # another spelling only of the fields news names often
                by_spelling[spelling(stem)].append(place)
        if town and row["iata"]:
            by_town[normalise(town)].append(place)
    return _Table(dict(by_stem), dict(by_spelling), dict(by_town))


def airfield_readings(name: str, weights: PlaceWeights | None = None) -> list[Reading]:
    """The airfields a facility's name may mean, each with its prior (empty for other names, and for an
    airfield named like a town when the table has none near such a town: it gets no point then)."""
    w = weights or settings().places
    if not is_airfield(name):
        return []
    stem = _stem(name)
    if not stem:
        return []
    table = _table()
    towns = [r for r in candidates(stem) if r.place.kind in ("city", "admin")]
    if towns and (near := _fields_by_towns(stem, towns, table, w)):
        return near
    found = table.by_stem.get(stem)
    if not found and not towns and _long_enough_to_respell(stem, w):
        found = table.by_spelling.get(spelling(stem))
    return [Reading(field, w.airfield_prior) for field in found or ()]


def _fields_by_towns(stem: str, towns: list[Reading], table: _Table, w: PlaceWeights) -> list[Reading]:
    """An airfield named so, or one serving a town so named (at the cost of an alternate name), near one of
    the towns; the town's own name and another spelling count too, since the field must lie by that town anyway
    ("Tabaqa airport" is Tabqa Airport by Al-Tabqa, "Deir Ezzor air base" Deir ez-Zor Airport, "Qamishli
    airport" Kamishly Airport).  Each field once, at its best town's prior."""
    keys = list(dict.fromkeys([stem, *(normalise(town.place.name) for town in towns)]))
    named = [(p, 0.0) for p in table.by_stem.get(stem, ())]
    for table_keys in (table.by_stem, table.by_town):
        named += [(p, w.alternate_name_cost) for key in keys for p in table_keys.get(key, ())]
    named += [(p, w.alternate_name_cost) for key in keys for p in table.by_spelling.get(spelling(key), ())]
    best: dict[Place, Reading] = {}
    for field, cost in named:
        for town in towns:
            near = distance_km(field.lat, field.lon, town.place.lat, town.place.lon) <= w.airfield_km
            if near and (field not in best or town.prior - cost > best[field].prior):
                best[field] = Reading(field, town.prior - cost)
    return list(best.values())


def _long_enough_to_respell(stem: str, w: PlaceWeights) -> bool:
    """A name long enough to be told apart from other fields by its spelling: a long consonant skeleton, or a
    long spelling key ("Shairat" ~ Shayrat Air Base: skeleton "srt", but key "sharat")."""
    return (len(skeleton(stem)) > settings().gazetteer.min_skeleton_letters
            or len(spelling(stem)) >= w.airfield_spelling_letters)


def airfields(name: str) -> list[Place]:
    """The places of ``airfield_readings``, likeliest first."""
    return [r.place for r in sorted(airfield_readings(name), key=lambda r: -r.prior)]


# --- towns inside facility names ---------------------------------------------------------------

@cache
def _town_word() -> re.Pattern[str]:
    """A run of capitalised words, with the Arabic articles that stand lower-case inside names ("Ras al Ain").

    An article is a whole word: "as" does not begin "assault" ("AK-47 assault" names no town "As").
    """
    articles = alternation(vocab.load("places_words").town_run_articles)
    word = r"[A-Z][\w'\u2019-]+"
    return re.compile(rf"\b{word}(?:\s+(?:{articles}(?=\s)|{articles}-{word}|{word}))*")


@cache
def _run_article() -> re.Pattern[str]:
    """A word of a run that joins its neighbours into one name: "al" of "Ras al Ain", "al-Hawa" of "Bab al-Hawa"."""
    return re.compile(rf"^{alternation(vocab.load('places_words').town_run_articles)}(?:-|$)")


def _name_units(words: list[str]) -> list[str]:
    """The words of a run with each article joined to the word before it and the one after ("Bab al-Hawa" is one
    name, not the town al-Bab and a word; "Ras al Ain" is one name)."""
    units: list[str] = []
    glue = False
    for word in words:
        article = _run_article().match(word) is not None
        if units and (article or glue):
            units[-1] += " " + word
        else:
            units.append(word)
        glue = article and "-" not in word
    return units


def facility_candidates(name: str) -> list[Reading]:
    """Towns named inside a facility's name ("the Masyaf facility", "Hmeimim Air Base").

    The facility's own head word is skipped ("Trump Tower" is not in a town called
    Tower) and only a town's own name counts, except in a site or service named after
    its town (``_named_after_town``); the caller still asks for context.
    """
    w = settings().places
    after_town = _named_after_town(name)
    for match in _town_word().finditer(name):
        words = _name_units(match.group(0).split())
        if match.end() == len(name.rstrip()) and len(words) > 1:
            words = words[:-1]
        for size in range(len(words), 0, -1):  # the longest run of capitalised words that is a town
            for start in range(len(words) - size + 1):
                text = " ".join(words[start:start + size])
                leading = (after_town and start == 0 and match.start() == _leading_offset(name)
                           and _service_after(name, match.start() + len(text)))
                found = [r for r in candidates(text) if _facility_town(r.place, text, leading, w)]
                if found:
                    return found
    return []


def _named_after_town(name: str) -> bool:
    """Whether the name ends in a service that stands in the town it is named after ("Qardaha hospital",
    "Daraa National Hospital", "Azaz hospital"), so that its first words may be the town's by any of its names.
    Not a street, square or mosque: those are named after other towns as often ("Thawra Street" in Damascus,
    "Busra Square" in Daraa)."""
    last = name.lower().split()[-1] if name.strip() else ""
    return last in vocab.load("places_context").town_services and not is_airfield(name)


def _service_after(name: str, town_end: int) -> bool:
    """Whether only the service word, and ``service_qualifiers`` before it, follow the town ("Daraa National
    Hospital"; not "Kishwaukee Community Hospital", a name of its own)."""
    words = vocab.load("places_context")
    *between, _ = name[town_end:].lower().split() or [""]
    return all(word in words.service_qualifiers for word in between)


def _leading_offset(name: str) -> int:
    """Where the name's first word starts, after a leading "the"."""
    found = re.match(r"\s*(?:the\s+)?", name, re.IGNORECASE)
    return found.end() if found else 0


def _facility_town(place: Place, text: str, leading: bool, w: PlaceWeights) -> bool:
    """A town of at least ``facility_town`` people by its own name, or by another of its names when it is big
    (``facility_alternate_town``) or the facility is named after it. A facility named after a town by the
    town's own name may be one of the towns GeoNames gives no population (0: Al Qardahah, Saydnaya)."""
    if place.kind != "city":
        return False
    own = normalise(place.name) == normalise(text)
    if place.population >= w.facility_alternate_town:
        return True
    if place.population >= w.facility_town:
        return own or leading
    return leading and own and place.population == 0
