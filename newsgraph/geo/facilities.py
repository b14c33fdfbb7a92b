"""Airfields by name: an air base or airport is placed at its own point, not at the town it is named after.

The table is the airfield table of the gazetteer file (``geo/airfields.py``: the ``airportsdata``
package's airports with an IATA code, military fields and other public fields, keyed once when
the file is built; ``gazetteer.airfields`` reads a key). A facility's name is compared without
its airfield words ("Ämari air base" ~ "Amari Air Base"), and with the table's name without the
town it serves ("Heathrow Airport" ~ London Heathrow Airport):

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
from functools import cache

from newsgraph import vocab
from newsgraph.geo import gazetteer
from newsgraph.geo.airfields import FACILITY, is_airfield
from newsgraph.geo.airfields import stem as airfield_stem
from newsgraph.geo.gazetteer import Place, distance_km
from newsgraph.geo.names import alternation, normalise, skeleton, spelling
from newsgraph.geo.readings import Reading, candidates
from newsgraph.settings import PlaceWeights, settings

__all__ = ["FACILITY", "airfield_readings", "airfields", "facility_candidates", "is_airfield", "names_airfield",
           "outlying"]


def _last_word(name: str) -> str:
    words = name.lower().split()
    return words[-1] if words else ""


def names_airfield(name: str) -> bool:
    """Whether a facility's name is an airfield's, or a base's that may be one ("the Shayrat base")."""
    return is_airfield(name) or _airfield_site(name) is not None


def _airfield_site(name: str) -> str | None:
    """A base named after its town ("Tabqa base", "the Shayrat base"): its name as an air base's, since an air base
    by that town is the one such a name means (``airfield_sites``); None for other names."""
    words = name.split()
    if len(words) < 2 or _last_word(name) not in vocab.load("places_context").airfield_sites:
        return None
    return " ".join(words[:-1]) + " air base"


def outlying(name: str) -> bool:
    """Whether a facility lies outside the town named in it, or runs past it: a base, dam, prison or crossing
    (``outlying_sites``: "Tabqa Dam", "Tadmur prison") or a road (``linear_features``: "the Qamishli road"). A town
    read inside such a name would put it at the town's point, kilometres off: it gets none (nlp/places/stage.py)."""
    words = vocab.load("places_context")
    last = _last_word(name)
    return last in words.outlying_sites or last in words.linear_features


def airfield_readings(name: str, weights: PlaceWeights | None = None) -> list[Reading]:
    """The airfields a facility's name may mean, each with its prior (empty for other names, and for an
    airfield named like a town when the table has none near such a town: it gets no point then)."""
    w = weights or settings().places
    if not is_airfield(name):
        site = _airfield_site(name)
        if site is None:
            return []
        name = site
    stem = airfield_stem(name)
    if not stem:
        return []
    towns = [r for r in candidates(stem) if r.place.kind in ("city", "admin")]
    if towns and (near := _fields_by_towns(stem, towns, w)):
        return near
    found = gazetteer.airfields("stem", stem)
    if not found and not towns and _long_enough_to_respell(stem, w):
        found = gazetteer.airfields("spelling", spelling(stem))
    return [Reading(field, w.airfield_prior) for field in found]


def _fields_by_towns(stem: str, towns: list[Reading], w: PlaceWeights) -> list[Reading]:
    """An airfield named so, or one serving a town so named (at the cost of an alternate name), near one of
    the towns; the town's own name and another spelling count too, since the field must lie by that town anyway
    ("Tabaqa airport" is Tabqa Airport by Al-Tabqa, "Deir Ezzor air base" Deir ez-Zor Airport, "Qamishli
    airport" Kamishly Airport).  Each field once, at its best town's prior."""
    keys = list(dict.fromkeys([stem, *(normalise(town.place.name) for town in towns)]))
    named = [(p, 0.0) for p in gazetteer.airfields("stem", stem)]
    for kind in ("stem", "town"):
        named += [(p, w.alternate_name_cost) for key in keys for p in gazetteer.airfields(kind, key)]
    named += [(p, w.alternate_name_cost) for key in keys for p in gazetteer.airfields("spelling", spelling(key))]
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
    its town (``_named_after_town``); the caller still asks for context. A base, dam or road (``outlying``)
    does not stand in the town it names: the places stage takes that town as evidence for the names around
    it, not as the facility's place.
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
