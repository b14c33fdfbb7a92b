"""The evidence of one document, gathered once: each place name's readings, the votes, who lies near whom.

``DocumentEvidence.gather`` reads the document (context.py); its methods answer what
the choice of a reading asks (rules.py): the share of the votes for a country, the
country the document is about, and the local support for a reading (its qualifier,
its province, clearly placed towns and other names' readings nearby).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from newsgraph.geo.facilities import FACILITY, airfield_readings, facility_candidates, names_airfield
from newsgraph.geo.gazetteer import Place, distance_km
from newsgraph.geo.readings import Match, Reading, name_candidates
from newsgraph.model import Entity
from newsgraph.nlp.parse import Parsed
from newsgraph.nlp.places.context import (
    PLACE_ENTITY_TYPES,
    Area,
    Votes,
    area_hinted,
    clear_reading,
    compass_point,
    country_votes,
    dateline_country,
    named_town,
    place_votes,
    qualified_areas,
    town_hinted,
    within,
    written_with_article,
)
from newsgraph.nlp.places.nearby import Town, towns_beside
from newsgraph.settings import PlaceWeights


def is_local(place: Place) -> bool:
    """Towns and admin areas: the readings that local support can count for."""
    return place.kind in ("city", "admin")


def is_point(place: Place) -> bool:
    """Readings that count as points for nearness: towns and counties. A state's centre point says
    little about the towns around it (Florida, New York is not supported by New Jersey's centre);
    a state supports the towns inside it instead (``province_bonus``)."""
    return place.kind == "city" or (place.kind == "admin" and place.level != 1)


def _area_of(place: Place) -> Area:
    return (place.country or "", place.admin1)


class Grid:
    """Points in one-degree cells, to ask "how many others have a point within ``radius_km`` of here?" quickly.

    Only the 3 x 3 cells around a point are searched, as when the weights were tuned: a point
    more than one cell away is not seen even when it lies within the radius.
    """

    def __init__(self, radius_km: float) -> None:
        self.radius_km = radius_km
        self.cells: dict[tuple[int, int], list[tuple[str, Place]]] = {}

    def add(self, owner: str, place: Place) -> None:
        self.cells.setdefault((math.floor(place.lat), math.floor(place.lon)), []).append((owner, place))

    def near(self, owner: str, place: Place, same_country: bool = False) -> int:
        """How many other owners have a point within the radius of the place (in its country, if asked)."""
        lat, lon = math.floor(place.lat), math.floor(place.lon)
        owners = set()
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for other_owner, other in self.cells.get((lat + dlat, (lon + dlon + 180) % 360 - 180), ()):
                    if other_owner != owner and other_owner not in owners and \
                            (not same_country or other.country == place.country) and \
                            distance_km(place.lat, place.lon, other.lat, other.lon) <= self.radius_km:
                        owners.add(other_owner)
        return len(owners)


def entity_readings(entity: Entity, weights: PlaceWeights) -> tuple[list[Reading], Match]:
    """The readings of the first of the entity's names that has any, and how they were found.

    An airfield is read from the airfield table ("Shayrat airbase", and "the Shayrat base": a base
    named after a town may be its air base), or not at all: it is not at the town it is named after.
    Another FAC is read through a town named inside it ("the Masyaf facility"), which always needs
    context, as do sound-alikes; a dam, prison or road is not (``facilities.outlying``).
    """
    found: list[Reading] = []
    match: Match = "name"
    names = (entity.name, *entity.aliases)
    if entity.type == "FAC" and any(names_airfield(name) for name in names):
        return [r for name in names for r in airfield_readings(name, weights)], "name"
    for name in names:
        if entity.type == "FAC":
            found, match = facility_candidates(name), "sound"
        else:
            found, match = name_candidates(name)
        if found:
            break
    return found, match


def _beside(placed: list[Entity], clear: dict[str, Place], text: str, weights: PlaceWeights) -> dict[str, list[Place]]:
    """The clear towns each name is said to lie near or a direction of ("Al Maleh north of Aleppo")."""
    towns = sorted((Town(m.start, e) for e in placed if e.id in clear and clear[e.id].kind == "city"
                    for m in e.mentions), key=lambda t: t.start)
    out = {}
    for entity in placed:
        found = [clear[t.id] for t in towns_beside(entity, towns, text, weights)]
        if found:
            out[entity.id] = found
    return out


def _clear_readings(placed: list[Entity], readings: dict[str, list[Reading]], needs_votes: set[str],
                    qualified: dict[str, set[Area]], text: str, weights: PlaceWeights) -> dict[str, Place]:
    """The entities whose reading is clear before the document votes. Sound-alikes, other spellings and
    airfields need the document's votes: they cast none; "Paris, Texas" does not vote for France."""
    clear: dict[str, Place] = {}
    for entity in placed:
        found = readings[entity.id]
        if entity.id in needs_votes:
            continue
        place = clear_reading(found, weights) or named_town(entity, found, text)
        if place is not None and place.kind != FACILITY and \
                (entity.id not in qualified or within(place, qualified[entity.id])):
            clear[entity.id] = place
    return clear


def _own_votes(entities: list[Entity], clear: dict[str, Place], text: str, weights: PlaceWeights) -> dict[str, float]:
    """The votes each clearly read name cast for its reading's country: once per mention (``country_votes``)."""
    return {e.id: place_votes(e, text, weights) for e in entities if e.id in clear}


@dataclass
class DocumentEvidence:
    """What one document says for the readings of its place names."""

    weights: PlaceWeights
    readings: dict[str, list[Reading]]  # entity id -> the readings of its name
    fuzzy: set[str]                      # entities read through a facility's town or a sound-alike
    spelled: set[str]                    # entities read through another spelling of their name
    directions: set[str]                 # "NE" in "NE Syria": no place at all
    hinted: set[str]                     # a direction word before a mention: an area is meant
    qualified: dict[str, set[Area]]      # the areas named right after a mention ("Paris, Texas")
    placed_in: dict[str, set[Area]]      # of those, the areas after "in" ("Hader in Quneitra province")
    clear: dict[str, Place]              # the readings clear before context: they vote and anchor
    votes: Votes                         # country -> votes
    dateline: str | None                 # the dateline's country
    own_votes: dict[str, float] = field(default_factory=dict)  # entity id -> the votes its clear reading cast
    beside: dict[str, list[Place]] = field(default_factory=dict)  # entity id -> clear towns it lies near or by
    article_named: set[str] = field(default_factory=set)  # names written with the Arabic article ("al-Sabha")
    total: float = field(init=False)
    admins: set[Area] = field(init=False)                # areas clearly named
    anchors: Grid = field(init=False)                    # clear towns and counties
    neighbours: Grid = field(init=False)                 # every name's top town and county readings
    anchored_in: dict[Area, set[str]] = field(init=False)  # area -> entities clearly inside it
    inside: dict[Area, set[str]] = field(init=False)       # area -> entities with a top reading inside it

    @classmethod
    def gather(cls, entities: list[Entity], parsed: Parsed, weights: PlaceWeights) -> DocumentEvidence | None:
        """Read the document once; None when it names no place."""
        readings: dict[str, list[Reading]] = {}
        fuzzy: set[str] = set()
        spelled: set[str] = set()
        directions = {e.id for e in entities if e.type in PLACE_ENTITY_TYPES and compass_point(e, parsed.text)}
        for entity in entities:
            if entity.type not in PLACE_ENTITY_TYPES or entity.id in directions:
                continue
            found, match = entity_readings(entity, weights)
            if found:
                readings[entity.id] = found
                if match == "sound":
                    fuzzy.add(entity.id)
                elif match == "spelling":
                    spelled.add(entity.id)
        if not any(e.type in PLACE_ENTITY_TYPES for e in entities):
            return None
        placed = [e for e in entities if e.id in readings]
        text = parsed.text
        hinted = {e.id for e in placed if area_hinted(e, text, weights) and not town_hinted(e, text)}
        qualified = {e.id: areas for e in placed if (areas := qualified_areas(e, text))}
        placed_in = {e.id: areas for e in placed if e.id in qualified and (areas := qualified_areas(e, text, True))}
        clear = _clear_readings(placed, readings, fuzzy | spelled, qualified, text, weights)
        votes = country_votes(clear, entities, parsed, weights)
        return cls(weights, readings, fuzzy, spelled, directions, hinted, qualified, placed_in, clear, votes,
                   dateline_country(parsed.dateline), _own_votes(entities, clear, text, weights),
                   _beside(placed, clear, text, weights), {e.id for e in placed if written_with_article(e)})

    def __post_init__(self) -> None:
        self.total = sum(self.votes.values()) or 1.0
        self.admins = {_area_of(p) for p in self.clear.values() if p.kind == "admin" and p.admin1}
        self.anchors, self.neighbours = Grid(self.weights.nearby_km), Grid(self.weights.nearby_km)
        self.anchored_in, self.inside = {}, {}
        for eid, place in self.clear.items():
            if is_point(place):
                self.anchors.add(eid, place)
            if is_local(place):
                self.anchored_in.setdefault(_area_of(place), set()).add(eid)
        for eid, found in self.readings.items():
            for place, _ in sorted(found, key=lambda r: -r.prior)[:self.weights.top_readings]:
                if is_point(place):
                    self.neighbours.add(eid, place)
                if is_local(place):
                    self.inside.setdefault(_area_of(place), set()).add(eid)

    def share(self, place: Place) -> float:
        """The share of the document's country votes that go to the place's country."""
        return self.votes.get(place.country or "", 0) / self.total

    def own_vote(self, entity_id: str, country: str | None) -> float:
        """The votes this entity's own clear reading cast for the country (a name votes once per mention)."""
        own = self.clear.get(entity_id)
        return self.own_votes.get(entity_id, 1.0) if own is not None and own.country == country else 0.0

    def votes_elsewhere(self, country: str | None) -> float:
        """The document's votes for countries other than this one."""
        return sum(v for c, v in self.votes.items() if c != (country or ""))

    def dominant_without(self, entity_id: str) -> str | None:
        """The country the document is about, not counting this entity's own vote."""
        others = dict(self.votes)
        own = self.clear.get(entity_id)
        if own is not None and others.get(own.country or "", 0) > 0:
            others[own.country or ""] -= self.own_vote(entity_id, own.country)
        leader = max(others, key=lambda c: others[c], default="")
        size = sum(others.values())
        w = self.weights
        if leader and others[leader] >= w.dominant_votes and others[leader] / size >= w.dominant_share:
            return leader
        return None

    def leading_country(self, entity_id: str) -> str | None:
        """The country a place the gazetteer lacks is taken to lie in: the one the document is about, or
        the one that leads its votes clearly (``leading_share`` of them and ``leading_ratio`` times the
        next), or leads them and is the dateline's ("NIAMEY, Niger, March 24 -")."""
        dominant = self.dominant_without(entity_id)
        if dominant:
            return dominant
        ranked = sorted(self.votes.items(), key=lambda kv: -kv[1])
        if not ranked:
            return None
        (leader, votes), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
        w = self.weights
        if votes > runner_up and votes >= w.dominant_votes and (leader == self.dateline or (
                votes / self.total >= w.leading_share and votes >= w.leading_ratio * runner_up)):
            return leader
        return self._towns_country(entity_id)

    def _towns_country(self, entity_id: str) -> str | None:
        """The country that leads the votes of the towns and areas clearly read (``dominant_votes`` of them and
        ``leading_ratio`` times the next): a report on the battle for Aleppo that names France, Britain, Russia,
        the US and Iran at the Security Council names towns of Syria, where "Handarat" and "Castello Road" lie
        (a capital named for its government, "Moscow said", counts once per mention like any town)."""
        local: dict[str, float] = {}
        for eid, place in self.clear.items():
            if eid != entity_id and is_local(place) and place.country:
                local[place.country] = local.get(place.country, 0.0) + self.own_votes.get(eid, 1.0)
        ranked = sorted(local.values(), reverse=True)
        if not ranked or ranked[0] < self.weights.dominant_votes or \
                (len(ranked) > 1 and ranked[0] < self.weights.leading_ratio * ranked[1]):
            return None
        return max(local, key=lambda country: local[country])

    def anchored(self, entity_id: str, place: Place) -> bool:
        """Whether a clearly placed town or county of another name lies near the place."""
        return self.anchors.near(entity_id, place) > 0

    def support_at_home(self, entity_id: str, place: Place) -> float:
        """Local support from the reading's own country only: its qualifier or province, and the towns near it
        on its side of a border. A report about Syria names towns within 150 km of many Turkish villages
        ("Harbiyat" in the Raqqa countryside is no Harbiye by Antakya)."""
        return self.local_support(entity_id, place, same_country=True)

    def local_support(self, entity_id: str, place: Place, *, same_country: bool = False) -> float:
        """What the places around say for this reading: its qualifier, its province, its neighbours (only
        those in its own country, with ``same_country``)."""
        if not is_local(place):
            return 0.0
        if within(place, self.qualified.get(entity_id, set())):
            return self.weights.qualified_bonus
        if place.kind == "admin" and place.level == 1:
            return self._state_support(entity_id, place)
        return self._town_support(entity_id, place, same_country)

    def _state_support(self, entity_id: str, state: Place) -> float:
        """A state is "near" the towns inside it, wherever its centre point lies."""
        w, area = self.weights, _area_of(state)
        value = w.anchor_bonus if self.anchored_in.get(area, set()) - {entity_id} else 0.0
        return value + w.neighbour_bonus * min(len(self.inside.get(area, set()) - {entity_id}), w.max_neighbours)

    def _town_support(self, entity_id: str, place: Place, same_country: bool = False) -> float:
        """A town's or county's province is named, a clearly placed town is near, other names' readings are near."""
        w = self.weights
        value = w.province_bonus if place.kind == "city" and _area_of(place) in self.admins else 0.0
        if self.anchors.near(entity_id, place, same_country=same_country) > 0:
            value += w.anchor_bonus
        return value + w.neighbour_bonus * min(self.neighbours.near(entity_id, place, same_country=same_country),
                                               w.max_neighbours)
