"""Coordinates and countries for places, from the offline gazetteer (nlp/gazetteer.py).

The places stage, in three modules: nlp/place_candidates.py gives each name its
readings with a context-free prior (nlp/place_countries.py reads country names and
demonyms), nlp/place_context.py gathers what the document says, and this module
ranks each entity's readings with it, in two passes:

1. every GPE/LOC/FAC entity gets its candidates (countries, admin areas, regions,
   towns; a FAC only through a town named inside it, "the Masyaf facility");
   countries, admin areas and towns that are clearly the biggest of their name vote
   for their country, as do the dateline ("BEIRUT (Reuters) -") and demonyms;
2. each entity takes the candidate with the best score: population prior + kind +
   the share of the document's votes for the candidate's country + local support
   (an area named right after it, "Paris, Texas"; its province is named; it lies
   near a clearly resolved town; it lies near some reading of other town names) +
   a hint for areas after a direction word ("central Washington" is the state).
   So "Tripoli" in a report about Lebanon is the Lebanese city and Tripoli without
   context is the Libyan capital. Towns under 15000 people and sound-alikes need
   local support to be chosen at all.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.geo.countries import country_code
from newsgraph.geo.gazetteer import Place
from newsgraph.geo.readings import (
    Candidate,
    facility_candidates,
    lookup_place,
    name_candidates,
    small,
)
from newsgraph.model import Entity, Mention
from newsgraph.nlp.parse import Parsed
from newsgraph.nlp.places.context import (
    PLACE_ENTITY_TYPES,
    Grid,
    area_hinted,
    clear_reading,
    country_votes,
    qualified_areas,
)

__all__ = ["PLACE_ENTITY_TYPES", "embedded_places", "resolve_places"]

# Weights of the context evidence against the population prior (log10 of people):
# a town that the document's countries, province or neighbours support beats one
# 10-100 times bigger elsewhere.
CONTEXT_WEIGHT = 4.0     # x the share of the document's country votes
QUALIFIED_BONUS = 4.0    # the area named right after it ("Paris, Texas"): all the local support it needs
PROVINCE_BONUS = 1.5     # the town's province is named too
ANCHOR_BONUS = 1.5       # within NEARBY_KM of a town or county that is clearly resolved
NEIGHBOUR_BONUS = 1.0    # per other place name with a town or county reading within NEARBY_KM ...
MAX_NEIGHBOURS = 3       # ... counting at most this many
AREA_HINT = 2.0          # "central Washington", "northern Syria": an area, not a town, is meant
WEAK_SUPPORT = 1.0       # local support a small town or a sound-alike needs (or half the country votes)
COUNTRY_TOWN_SUPPORT = 2.0  # local support a town named like a country needs
BIG_STATE = 1_000_000    # a town named like a state this big needs its own state named ("Florida, N.Y.") ...
BIG_CITY = 100_000       # ... unless it is a city this big ("Washington", "New York")
TOP_READINGS = 5         # readings per name that count as someone's neighbours
DOMINANT_SHARE = 0.6     # a document this much about one country ...
DOMINANT_VOTES = 2.0     # ... on this much evidence: its unsupported small towns abroad are misreadings,
                         # and its unknown villages and sites lie in that country


def _local(place: Place) -> bool:
    return place.kind in ("city", "admin")


def _point(place: Place) -> bool:
    """Readings that count as points for nearness: towns and counties. A state's centre point says
    little about the towns around it (Florida, New York is not supported by New Jersey's centre);
    a state supports the towns inside it instead (PROVINCE_BONUS)."""
    return place.kind == "city" or (place.kind == "admin" and place.level != 1)


def _within(place: Place, areas: set[tuple[str, str]]) -> bool:
    """Whether the place lies in one of the (country, admin1) areas; admin1 "" is the whole country."""
    return (place.country or "", "") in areas or (place.country or "", place.admin1) in areas


def _options(entities: list[Entity]) -> tuple[dict[str, list[Candidate]], set[str]]:
    """Each place entity's candidates, and the entities read through a facility's town or a sound-alike."""
    options: dict[str, list[Candidate]] = {}
    fuzzy: set[str] = set()
    for entity in entities:
        if entity.type not in PLACE_ENTITY_TYPES:
            continue
        found: list[Candidate] = []
        is_fuzzy = False
        for name in (entity.name, *entity.aliases):
            if entity.type == "FAC":
                found, is_fuzzy = facility_candidates(name), True
            else:
                found, is_fuzzy = name_candidates(name)
            if found:
                break
        if found:
            options[entity.id] = found
            if is_fuzzy:
                fuzzy.add(entity.id)
    return options, fuzzy


def resolve_places(entities: list[Entity], parsed: Parsed) -> list[Entity]:
    """Fill country, lat, lon and geonames_id of the GPE/LOC/FAC entities that the gazetteer knows."""
    options, fuzzy = _options(entities)
    if not options:
        return entities
    placed = [e for e in entities if e.id in options]
    hinted = {e.id for e in placed if area_hinted(e, parsed.text)}
    qualified = {e.id: areas for e in placed if (areas := qualified_areas(e, parsed.text))}
    clear = {eid: p for eid, found in options.items()
             if eid not in fuzzy and (p := clear_reading(found)) is not None
             and (eid not in qualified or _within(p, qualified[eid]))}  # "Paris, Texas" does not vote for France
    votes = country_votes(clear, entities, parsed)
    total = sum(votes.values()) or 1.0

    def dominant_without(entity_id: str) -> str | None:
        """The country the document is about, not counting this entity's own vote."""
        others = votes.copy()
        own = clear.get(entity_id)
        if own is not None and others.get(own.country or "", 0) > 0:
            others[own.country or ""] -= 1
        leader = max(others, key=lambda c: others[c], default="")
        size = sum(others.values())
        if leader and others[leader] >= DOMINANT_VOTES and others[leader] / size >= DOMINANT_SHARE:
            return leader
        return None
    admins = {(p.country or "", p.admin1) for p in clear.values() if p.kind == "admin" and p.admin1}
    anchors, neighbours = Grid(), Grid()
    anchored_in: dict[tuple[str, str], set[str]] = {}  # admin area -> entities clearly inside it
    inside: dict[tuple[str, str], set[str]] = {}  # admin area -> entities with a reading inside it
    for eid, place in clear.items():
        if _point(place):
            anchors.add(eid, place)
        if _local(place):
            anchored_in.setdefault((place.country or "", place.admin1), set()).add(eid)
    for eid, found in options.items():
        for place, _ in sorted(found, key=lambda c: -c[1])[:TOP_READINGS]:
            if _point(place):
                neighbours.add(eid, place)
            if _local(place):
                inside.setdefault((place.country or "", place.admin1), set()).add(eid)

    def local(entity_id: str, place: Place) -> float:
        """What the places around say for this reading: its qualifier, its province, its neighbours."""
        if not _local(place):
            return 0.0
        if _within(place, qualified.get(entity_id, set())):
            return QUALIFIED_BONUS
        if place.kind == "admin" and place.level == 1:
            # a state is "near" the towns inside it, wherever its centre point lies
            area = (place.country or "", place.admin1)
            value = ANCHOR_BONUS if anchored_in.get(area, set()) - {entity_id} else 0.0
            return value + NEIGHBOUR_BONUS * min(len(inside.get(area, set()) - {entity_id}), MAX_NEIGHBOURS)
        value = PROVINCE_BONUS if place.kind == "city" and (place.country or "", place.admin1) in admins else 0.0
        if anchors.near(entity_id, place):
            value += ANCHOR_BONUS
        return value + NEIGHBOUR_BONUS * min(neighbours.near(entity_id, place), MAX_NEIGHBOURS)

    def choose(entity_id: str, found: list[Candidate], dominant: str | None) -> Place | None:
        best: tuple[float, Place] | None = None
        named_country = any(p.kind == "country" for p, _ in found)
        named_state = any(p.kind == "admin" and p.level == 1 and p.population >= BIG_STATE for p, _ in found)
        for place, prior in found:
            share = votes.get(place.country or "", 0) / total
            near = local(entity_id, place)
            if named_country and place.kind == "city" and near < COUNTRY_TOWN_SUPPORT:
                continue  # "Jordan" is the country unless Jordan, Minnesota's neighbours are named
            if named_state and place.kind == "city" and place.population < BIG_CITY and near < QUALIFIED_BONUS:
                continue  # "Florida" is the state, not Florida, New York, unless named "Florida, N.Y."
            if (small(place) or entity_id in fuzzy) and near < WEAK_SUPPORT and share < 0.5:
                continue  # a hamlet or a sound-alike with nothing around it: not this one
            if small(place) and entity_id in fuzzy and share < 0.5 and not anchors.near(entity_id, place):
                continue  # a hamlet that only sounds alike: only beside a clearly placed town or in its country's report
            if (dominant and place.kind == "city" and place.population < BIG_CITY and place.country != dominant
                    and votes.get(place.country or "", 0) <= (1 if clear.get(entity_id) is place else 0)
                    and near < WEAK_SUPPORT and entity_id not in qualified):
                continue  # "Tawila" in a report on Darfur is not the Yemeni town of that name
            value = prior + CONTEXT_WEIGHT * share + near
            if entity_id in hinted and place.kind != "city":
                value += AREA_HINT
            if best is None or value > best[0]:
                best = (value, place)
        return best[1] if best else None

    out = []
    for entity in entities:
        found = options.get(entity.id)
        dominant = dominant_without(entity.id) if entity.type in PLACE_ENTITY_TYPES else None
        best = choose(entity.id, found, dominant) if found else None
        if best is None:
            # unknown, or only a hamlet/sound-alike with nothing for it: in a document about one
            # country, a village or site the gazetteer lacks is taken to lie there (no coordinates)
            local_name = dominant is not None and country_code(entity.name) is None
            out.append(replace(entity, country=dominant) if local_name and not entity.country else entity)
            continue
        out.append(replace(entity, country=best.country, lat=best.lat, lon=best.lon,
                           geonames_id=best.geonames_id))
    return out


# --- places inside organisation names -----------------------------------------------------------

_OF_PLACE = re.compile(r"\b(?:of|in|for)\s+(?:the\s+)?([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})$")


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
    match = _OF_PLACE.search(name)
    if match and lookup_place(match.group(1)) is not None:
        return match.start(1), match.group(1)
    return None
