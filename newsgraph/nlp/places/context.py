"""What a document says about where its places are: the evidence nlp/places.py weighs.

- country votes: clearly resolved places, the dateline ("BEIRUT (Reuters) -") and demonyms;
- qualifiers right after a name ("Paris, Texas", "London, Ky.", "Delft, South Africa");
- direction words before a name that point at an area ("central Washington");
- a grid of points to ask which readings of other names lie near a reading.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from newsgraph.geo import gazetteer
from newsgraph.geo.countries import country_code, demonym_country
from newsgraph.geo.gazetteer import Place, distance_km, normalise
from newsgraph.geo.readings import Candidate, candidates, small
from newsgraph.model import Entity
from newsgraph.nlp.dateline import Dateline
from newsgraph.nlp.parse import Parsed

PLACE_ENTITY_TYPES = ("GPE", "LOC", "FAC")
CLEAR_LEAD = 1.5   # a reading this far ahead of the next is taken as fixed (and votes)
NEARBY_KM = 150.0


def dateline_country(dateline: Dateline | None) -> str | None:
    """The country a dateline's place head names ("BEIRUT (Reuters) -", "LONDON, Ky. (WKYT) -"), if any."""
    if dateline is None or dateline.place is None:
        return None
    qualifier, name = dateline.qualifier, dateline.place
    if qualifier:
        iso = country_code(qualifier)
        if iso:
            return iso
        countries = {country for country, _ in _areas(qualifier)}  # "LONDON, Ky. (WKYT) -"
        if len(countries) == 1:
            return countries.pop()
    iso = country_code(name)
    if iso:
        return iso
    found = [c for c in candidates(name.title()) if not small(c[0])]
    return max(found, key=lambda c: c[1])[0].country if found else None


def clear_reading(found: list[Candidate]) -> Place | None:
    """The reading that is clearly the one meant before context: the only one or far ahead."""
    ranked = sorted(found, key=lambda c: -c[1])
    top, top_score = ranked[0]
    if small(top):
        return None
    if len(ranked) == 1 or ranked[1][1] < top_score - CLEAR_LEAD:
        return top
    ranked = [c for c in ranked if not small(c[0])]
    if top.country and all(p.country == top.country for p, _ in ranked):
        return Place(top.name, top.country, top.lat, top.lon, None, 0, "region")  # its country only
    return None


def country_votes(clear: dict[str, Place], entities: list[Entity], parsed: Parsed) -> Counter[str]:
    """Countries the document is about: clearly resolved places, the dateline, demonyms."""
    votes: Counter[str] = Counter()
    for entity in entities:
        place = clear.get(entity.id)
        if place is not None and place.country:
            votes[place.country] += min(len(entity.mentions), 3)
    dateline = dateline_country(parsed.dateline)
    if dateline:
        votes[dateline] += 3
    for ent in parsed.doc.ents:
        if ent.label_ == "NORP":
            iso = demonym_country(ent.text)
            if iso:
                votes[iso] += 0.5
    return votes


class Grid:
    """Points in one-degree cells, to ask "is any point within NEARBY_KM of here?" quickly."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[str, Place]]] = {}

    def add(self, owner: str, place: Place) -> None:
        self.cells.setdefault((math.floor(place.lat), math.floor(place.lon)), []).append((owner, place))

    def near(self, owner: str, place: Place) -> int:
        """How many other owners have a point within NEARBY_KM of the place."""
        lat, lon = math.floor(place.lat), math.floor(place.lon)
        owners = set()
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for other_owner, other in self.cells.get((lat + dlat, (lon + dlon + 180) % 360 - 180), ()):
                    if other_owner != owner and other_owner not in owners and \
                            distance_km(place.lat, place.lon, other.lat, other.lon) <= NEARBY_KM:
                        owners.add(other_owner)
        return len(owners)


# "Paris, Texas", "London, Ky.", "Monroe County in northeast Missouri"
_QUALIFIER = re.compile(r"(?:,\s*|\s+in\s+(?:(?:north|south|east|west|central|northeast|northwest|southeast|southwest)"
                        r"(?:ern)?\s+){0,2})(?:the\s+)?([A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})")


def _areas(name: str) -> set[tuple[str, str]]:
    """The countries or first-level areas a qualifier may name: "Ky." -> {("US", "KY")}, "Texas", "Canada"."""
    words = name.split()
    for size in range(len(words), 0, -1):
        text = " ".join(words[:size])
        short = gazetteer.abbreviation(text)
        if short is not None:  # "Ky.", "N.Y.", "D.C."
            return {(short.country or "", short.admin1)}
        iso = country_code(text)
        if iso:
            return {(iso, "")}
        key = normalise(text)
        found = {(p.country or "", p.admin1) for p in gazetteer.core().get(key)
                 if p.kind == "admin" and p.level == 1 and normalise(p.name) == key}
        if found:
            return found
    return set()


def qualified_areas(entity: Entity, text: str) -> set[tuple[str, str]]:
    """Areas named right after a mention: "Paris, Texas", "London, Ky.", "Linn County in north central Missouri"."""
    areas = set()
    for mention in entity.mentions:
        match = _QUALIFIER.match(text, mention.end)
        if match:
            areas |= _areas(match.group(1))
    return areas


_AREA_WORD = re.compile(r"\b(?:(?:north|south)?(?:east|west)ern|northern|southern|central|(?:north|south)-(?:east|west)ern)\s+$",
                        re.IGNORECASE)


def area_hinted(entity: Entity, text: str) -> bool:
    return any(_AREA_WORD.search(text, max(0, m.start - 20), m.start) for m in entity.mentions)
