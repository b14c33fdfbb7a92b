"""Coordinates and countries for places, from the offline gazetteer (``newsgraph.geo``).

The places stage: ``geo/readings.py`` gives each name its readings with a context-free
prior, context.py reads what the document says (votes, qualifiers, direction words),
evidence.py gathers it once per document, rules.py judges each reading, and this module
puts the chosen reading on the entity. In two passes:

1. every GPE/LOC/FAC entity gets its readings (countries, admin areas, regions,
   towns; a FAC only through a town named inside it, "the Masyaf facility");
   countries, admin areas and towns that are clearly the biggest of their name vote
   for their country, as do the dateline ("BEIRUT (Reuters) -") and demonyms;
2. each entity takes the reading with the best score: population prior + kind +
   the share of the document's votes for the reading's country + local support
   (an area named right after it, "Paris, Texas"; its province is named; it lies
   near a clearly resolved town; it lies near some reading of other town names) +
   a hint for areas after a direction word ("central Washington" is the state).
   So "Tripoli" in a report about Lebanon is the Lebanese city and Tripoli without
   context is the Libyan capital. Small towns and sound-alikes need local support
   to be chosen at all.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from newsgraph import vocab
from newsgraph.geo.facilities import names_airfield, outlying
from newsgraph.geo.gazetteer import Place
from newsgraph.geo.names import alternation
from newsgraph.geo.readings import lookup_place
from newsgraph.model import Entity, Mention
from newsgraph.nlp.parse import Parsed
from newsgraph.nlp.places.context import PLACE_ENTITY_TYPES
from newsgraph.nlp.places.evidence import DocumentEvidence
from newsgraph.nlp.places.locators import locate_unplaced
from newsgraph.nlp.places.rules import choose_reading
from newsgraph.settings import PlaceWeights, settings

__all__ = ["PLACE_ENTITY_TYPES", "embedded_places", "resolve_places"]


def resolve_places(entities: list[Entity], parsed: Parsed, weights: PlaceWeights | None = None) -> list[Entity]:
    """Fill country, lat, lon and geonames_id of the GPE/LOC/FAC entities that the gazetteer knows."""
    evidence = DocumentEvidence.gather(entities, parsed, weights or settings().places)
    if evidence is None:
        return entities
    placed = [_placed(entity, evidence) for entity in entities]
    return locate_unplaced(placed, evidence, parsed.text)


def _placed(entity: Entity, evidence: DocumentEvidence) -> Entity:
    """The entity at its best reading; unchanged when it has none (locate_unplaced looks at it then)."""
    found = evidence.readings.get(entity.id)
    if not found or _outlying_site(entity):
        return entity
    dominant = evidence.dominant_without(entity.id)
    best = choose_reading(evidence, entity.id, found, dominant)
    return entity if best is None else _at(entity, best)


def _outlying_site(entity: Entity) -> bool:
    """A dam, oilfield or road named after a town ("Tabqa Dam", "Old Lexington Highway"; not an air base, read from
    the airfield table): the town inside its name supports the names around it (Chapin beside Lexington) but is
    not where it lies; what the words around it say is (``locate_unplaced``: "in Raqqa province" gives Syria)."""
    return entity.type == "FAC" and outlying(entity.name) and not names_airfield(entity.name)


def _at(entity: Entity, place: Place) -> Entity:
    return replace(entity, country=place.country, lat=place.lat, lon=place.lon, geonames_id=place.geonames_id)


# --- places inside organisation names -----------------------------------------------------------

@cache
def _of_place() -> re.Pattern[str]:
    """A place at the end of an organisation's name: "... of Ohio", "... for the Gaza Strip"."""
    prepositions = alternation(vocab.load("places_words").embedded_prepositions)
    return re.compile(rf"\b{prepositions}\s+(?:the\s+)?([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){{0,2}})$")


def embedded_places(entities: list[Entity], parsed: Parsed) -> list[Entity]:
    """Places named inside ORG and FAC names: "Ohio Department of Health", "University of Texas".

    The place is the longest run of leading words (or the words after a final
    "of"/"in") that ``lookup_place`` knows.  They are resolved together with the
    document's places (so "Dublin Arts Council" in a report about Dublin, Ohio is in
    Ohio) and returned as GPE entities with ids "p1", "p2"... that are not part of
    the graph: geoparsing gold standards count them as toponyms, while the graph
    keeps the organisation as one entity.
    """
    spans: dict[str, list[Mention]] = {}
    for entity in entities:
        if entity.type not in ("ORG", "FAC"):
            continue
        for mention in entity.mentions:
            found = _leading_place(mention.text)
            if found is not None:
                offset, text = found
                start = mention.start + offset
                spans.setdefault(text, []).append(Mention(start, start + len(text), text))
    if not spans:
        return []
    pseudo = [Entity(id=f"p{i}", name=name, type="GPE", mentions=tuple(ms))
              for i, (name, ms) in enumerate(spans.items(), 1)]
    pseudo_ids = {p.id for p in pseudo}
    resolved = resolve_places([*entities, *pseudo], parsed)
    return [e for e in resolved if e.id in pseudo_ids and e.lat is not None]


def _leading_place(name: str) -> tuple[int, str] | None:
    words = name.split(" ")
    if len(words) < 2:
        return None
    for size in range(min(3, len(words) - 1), 0, -1):
        text = " ".join(words[:size])
        if lookup_place(text) is not None:
            return 0, text
    match = _of_place().search(name)
    if match and lookup_place(match.group(1)) is not None:
        return match.start(1), match.group(1)
    return None
