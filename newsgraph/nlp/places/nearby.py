"""The point of a place the gazetteer lacks, from a town the text says it lies by.

The gazetteer has no point for most villages, camps and bases of war reporting, but the text often
places them by a town it does know:

- "Hmeimim air base, near the Syrian port city of Latakia", "a shipyard at Subic Bay, near the city
  of Olongapo", "a checkpoint just outside Homs": the town's point. Reporters write "near" of what
  lies within a few kilometres to a few tens of kilometres; the town's point is the best guess the
  text allows, and it is nearer than the country's centre; so is "on" a town's edge ("the Rashidin area on
  Aleppo's outskirts", "the district of Zahra on Aleppo's western outskirts");
- "Tal Rifaat, 35 km north of Aleppo", "a village 10 kilometres (6 miles) south-east of Idlib": the
  point that far from the town in that direction (up to ``PlaceWeights.offset_max_km``).

A compass direction without a distance ("Tora, a town north of El Fasher", "al-Khadim air base
east of Benghazi") gives no point: such places lie anywhere from 10 to 200 km off. Only towns lend
their point (not a country, an admin area, a border or a coast), and a sea or strait takes none.
A road, an exit or a front line (``linear_features``, or a name with a number: "Highway 35") runs past
the town and takes none. The words are ``data/places_context.json`` (``near_locators``, ``town_edges``, ``place_nouns``,
``open_waters``, ``linear_features``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache

from newsgraph import vocab
from newsgraph.geo.names import alternation
from newsgraph.model import Entity
from newsgraph.settings import PlaceWeights

_WORD = r"[\w'\u2019-]+"

# compass words -> bearing in degrees (geometry, not vocabulary: the eight points of the compass)
_BEARINGS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
             "southwest": 225.0, "west": 270.0, "northwest": 315.0}
_UNITS_KM = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
             "miles": 1.609344, "mile": 1.609344}


@dataclass(frozen=True)
class Town:
    """A placed town mentioned at ``start``: its entity."""

    start: int
    entity: Entity


@dataclass(frozen=True)
class _Patterns:
    near: re.Pattern[str]    # ", near the Syrian port city of ", " just outside "
    on_edge: tuple[re.Pattern[str], re.Pattern[str]]  # " on " before a town and "s western outskirts" after it
    offset: re.Pattern[str]  # ", 35 km north of ", ", about 10 kilometres (6 miles) south-east of the town of "
    bearing: re.Pattern[str]  # " north of ", ", a town west of the city of ": no point, but not far off


@cache
def _patterns() -> _Patterns:
    words = vocab.load("places_context")
    appositive = r"(?:,?\s+(?:a|an|the)\s+[^,.;()]{0,80}?)?"  # "Olya, a small port on the Volga delta"
    town_of = rf"(?:the\s+)?(?:(?:{_WORD}\s+){{0,3}}?{alternation(words.place_nouns)}\s+of\s+)?"
    directions = alternation([*_BEARINGS, "north-east", "south-east", "south-west", "north-west"])
    units = alternation(_UNITS_KM)
    compass = alternation(vocab.load("common_words").directions)
    return _Patterns(
        near=re.compile(rf"{appositive},?\s+(?:just\s+)?{alternation(words.near_locators)}\s+{town_of}",
                        re.IGNORECASE),
        # "the Rashidin area on Aleppo's outskirts": what the place is may follow its name
        on_edge=(re.compile(rf"(?:\s+{alternation(words.place_nouns)})?{appositive},?\s+(?:just\s+)?on\s+(?:the\s+)?",
                            re.IGNORECASE),
                 re.compile(rf"(?:'s|\u2019s|s)?\s+(?:{compass}\s+)?{alternation(words.town_edges)}\b",
                            re.IGNORECASE)),
        offset=re.compile(rf"{appositive},?\s+(?:about\s+|some\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+)?"
                          rf"(?P<number>\d+(?:\.\d+)?)[\s-]*(?P<unit>{units})\s+(?:\([^)]{{0,30}}\)\s+)?"
                          rf"(?:to\s+the\s+)?(?P<direction>{directions})\s+of\s+{town_of}", re.IGNORECASE),
        bearing=re.compile(rf"{appositive},?\s+(?:just\s+)?(?:{directions})\s+of\s+{town_of}", re.IGNORECASE))


def towns_beside(entity: Entity, towns: list[Town], text: str, w: PlaceWeights) -> list[Entity]:
    """The towns the text says the entity lies near or a direction of ("Al Maleh north of Aleppo", "Safsafeh
    east of Tabqa"): a reading of its name far from all of them is another place of that name."""
    patterns = _patterns()
    found = []
    for mention in entity.mentions:
        for town in (t for t in towns if mention.end <= t.start <= mention.end + w.locator_chars):
            between = text[mention.end:town.start]
            if "." in between or ";" in between:
                break
            said = (patterns.near, patterns.offset, patterns.bearing)
            if town.entity is not entity and (any(p.fullmatch(between) for p in said) or
                                              _on_its_edge(town, between, text, patterns)):
                found.append(town.entity)
    return found


def point_by_town(entity: Entity, towns: list[Town], text: str, w: PlaceWeights) -> Entity | None:
    """The entity at the point the words after one of its mentions give ("X, near the city of Y"), or None."""
    words = vocab.load("places_context")
    name_words = entity.name.lower().split()
    # a sea lies between countries; a road, an exit or a front line runs past the town ("Highway 35 near
    # Los Gatos", "Exit 6 near Springfield"): no point of its own
    if any(word in words.open_waters for word in name_words) or name_words[-1] in words.linear_features or \
            any(ch.isdigit() for ch in entity.name):
        return None
    patterns = _patterns()
    for mention in entity.mentions:
        for town in (t for t in towns if mention.end <= t.start <= mention.end + w.locator_chars):
            between = text[mention.end:town.start]
            if "." in between or ";" in between:
                break
            lat, lon = town.entity.lat, town.entity.lon
            if lat is None or lon is None or town.entity is entity:
                continue
            if patterns.near.fullmatch(between) or _on_its_edge(town, between, text, patterns):
                return _at(entity, town.entity, lat, lon)
            found = patterns.offset.fullmatch(between)
            if found:
                km = float(found["number"]) * _UNITS_KM[found["unit"].lower()]
                if km > w.offset_max_km:
                    continue
                bearing = _BEARINGS[found["direction"].lower().replace("-", "")]
                return _at(entity, town.entity, *destination(lat, lon, bearing, km))
    return None


def _on_its_edge(town: Town, between: str, text: str, patterns: _Patterns) -> bool:
    """ "the district of Zahra on Aleppo's western outskirts": "on" before the town, its edge after it (the
    possessive's "s" may be inside the town's mention when the apostrophe was scraped off: "Aleppos")."""
    before, after = patterns.on_edge
    if not before.fullmatch(between):
        return False
    mention = next((m for m in town.entity.mentions if m.start == town.start), None)
    return mention is not None and after.match(text, mention.end) is not None


def _at(entity: Entity, town: Entity, lat: float, lon: float) -> Entity:
    return replace(entity, country=entity.country or town.country, lat=round(lat, 5), lon=round(lon, 5),
                   geonames_id=None)


def destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along ``bearing`` degrees (great circle, mean Earth radius)."""
    d, b = km / 6371.0088, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0
