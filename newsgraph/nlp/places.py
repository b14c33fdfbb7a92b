"""Coordinates and countries for places, from the offline gazetteer (nlp/gazetteer.py).

Resolution of a document's places in two passes:

1. every GPE/LOC/FAC entity gets its candidates (countries, admin areas, regions,
   towns; a FAC only through a town named inside it, "the Masyaf facility");
   countries, admin areas and towns that are clearly the biggest of their name vote
   for their country, as do the dateline ("BEIRUT (Reuters) -") and demonyms;
2. each entity takes the candidate with the best score: population prior + kind +
   the share of the document's votes for the candidate's country + local support
   (its province is named; it lies near a clearly resolved place; it lies near some
   reading of other names in the document).  So "Tripoli" in a report about
   Lebanon is the Lebanese city and Tripoli without context is the Libyan capital.
   Towns under 15000 people and sound-alikes need local support to be chosen at all.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from newsgraph.model import Entity, Mention
from newsgraph.nlp import gazetteer
from newsgraph.nlp.gazetteer import Place, normalise
from newsgraph.nlp.parse import Parsed

__all__ = ["Place", "country_code", "country_name", "demonym_country", "embedded_places", "lookup_place",
           "resolve_places"]


# --- countries and demonyms --------------------------------------------------------------------

@lru_cache(maxsize=1)
def _country_keys() -> dict[str, str]:
    """Normalised country name (every form) -> ISO code."""
    keys: dict[str, str] = {}
    for iso, rec in gazetteer.country_records().items():
        for name in rec["names"]:
            keys.setdefault(normalise(name), iso)
    for name, iso in gazetteer.data("countries_news.json")["names"].items():
        keys[normalise(name)] = iso
    for iso, rec in gazetteer.country_records().items():
        keys[normalise(rec["name"])] = iso  # the canonical name always wins
    return keys


@lru_cache(maxsize=1)
def _own_country_keys() -> frozenset[str]:
    """Countries' own names (not news aliases such as "England" for the UK)."""
    return frozenset(normalise(name) for rec in gazetteer.country_records().values() for name in rec["names"])


_DOTS = re.compile(r"[.\s]")


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a country named the way news names it ("the U.S.", "Britain")."""
    text = name.strip()
    if text[:4].lower() == "the ":
        text = text[4:].strip()
    abbreviations = gazetteer.data("countries_news.json")["abbreviations"]
    if text in abbreviations:
        return abbreviations[text]
    # abbreviations only in capitals: "us" is a pronoun, "US" a country
    compact = _DOTS.sub("", text)
    if compact.isupper() and compact in abbreviations:
        return abbreviations[compact]
    if len(compact) <= 3 and compact.isupper():
        return None
    return _country_keys().get(normalise(text))


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for iso, rec in gazetteer.country_records().items():
        for word in rec["demonyms"]:
            out.setdefault(word, iso)
            out.setdefault(word + "s", iso)
    out.update(gazetteer.data("countries_news.json")["demonyms"])
    return out


def demonym_country(word: str) -> str | None:
    """The country a demonym refers to: "Iranians" -> "IR", "Lebanese" -> "LB"."""
    table = _demonyms()
    text = word.strip()
    for form in (text, text[:1].upper() + text[1:].lower() if text else text):
        if form in table:
            return table[form]
    return None


def country_name(iso2: str) -> str | None:
    """The short English name of a country ("IR" -> "Iran")."""
    rec = gazetteer.country_records().get(iso2.upper())
    return rec["name"] if rec else None


# --- context-free lookup -----------------------------------------------------------------------

def _prior(place: Place, key: str) -> float:
    """How likely a name means this place before any context: size, kind, own name vs alternate."""
    if place.kind == "country":
        return 8.0
    if place.kind == "region":
        return 9.0
    score = math.log10(place.population + 10)
    if place.kind == "admin":
        # admin populations are sums over all their towns; a county shares its
        # name with its seat, which is what a bare name usually means
        score -= 0.5 if place.level == 1 else 1.5
    if normalise(place.name) == key:
        score += 0.5
    else:  # an alternate or historical name; big cities' English names are often alternates
        score -= 0.3 if place.population >= 1_000_000 else 1.0
    if place.kind == "city" and place.name in _capitals().get(place.country or "", ()):
        score += 0.5
    return score


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, ...]]:
    return {iso: (rec["capital"],) for iso, rec in gazetteer.country_records().items() if rec.get("capital")}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(normalise(w) for w in gazetteer.data("places_stopwords.json")["words"])


@lru_cache(maxsize=65536)  # asked for every proper noun of every document: names repeat
def lookup_place(name: str) -> Place | None:
    """Best context-free reading of a name, or None for names that are not (clearly) places.

    Only countries, admin areas, regions and towns of >= 15000 people (an alternate
    name needs >= 100000) answer, so ordinary words and surnames that are also
    hamlets do not.
    """
    text = name.strip()
    if text[:4].lower() == "the ":
        text = text[4:].strip()
    if not text or not text[0].isupper() or normalise(text) in _stopwords():
        return None
    iso = country_code(text)
    if iso:
        return gazetteer.countries().get(iso)
    short = gazetteer.abbreviation(text)
    if short:
        return short
    compact = text.replace(".", "")
    if len(compact) <= 4 and compact.isupper():
        return None  # acronyms are not town names
    key = normalise(text)
    best: tuple[float, Place] | None = None
    for place in gazetteer.core().get(key):
        own = normalise(place.name) == key
        spelling = gazetteer.skeleton(key) == gazetteer.skeleton(normalise(place.name))
        if place.kind == "city" and not own and not (
                place.population >= 1_000_000 or (place.population >= 100_000 and spelling)):
            # an alternate name counts for a big city, or for a mid-sized one when it is a
            # spelling of its own name ("Dayr az Zawr"); "Hamas" is an old name of Hamm
            continue
        if place.kind == "admin" and place.level == 2 and not own:
            continue
        score = _prior(place, key)
        if best is None or score > best[0]:
            best = (score, place)
    return best[1] if best else None


# --- candidates for an entity ------------------------------------------------------------------

_DIRECTIONS = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west|central|upper|lower|greater|inner|outer)"
    r"(?:ern|ward)?(?:-?(?:east|west)(?:ern)?)?|northeastern|northwestern|southeastern|southwestern|"
    r"rural|downtown|eastern|western|occupied|mainland)\s+", re.IGNORECASE)
# words after a place name that say which part of it is meant; the name still resolves
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:province|governorate|region|state|county|district|prefecture|oblast|countryside|"
    r"department|territory|municipality|canton)$", re.IGNORECASE)
_SUFFIX = re.compile(
    r"\s+(?:city|town|village|area|suburbs?|outskirts|countryside|border|metropolitan area|metro area|"
    r"valley|plain|front|frontline|capital|port|airport|airbase|air base|base|facility|camp)$",
    re.IGNORECASE)


def _forms(name: str) -> list[tuple[str, bool]]:
    """The name and its shortened forms, each with whether an admin area is asked for."""
    forms = [(name, False)]
    stripped = _DIRECTIONS.sub("", name)
    if stripped != name:
        forms.append((stripped, False))
    for form, _ in list(forms):
        if _ADMIN_SUFFIX.search(form):
            forms.append((_ADMIN_SUFFIX.sub("", form), True))
        elif _SUFFIX.search(form):
            forms.append((_SUFFIX.sub("", form), False))
    return forms


Candidate = tuple[Place, float]


def candidates(name: str) -> list[Candidate]:
    """Places a name may mean, each with its context-free prior (higher is likelier)."""
    return _candidates(name)[0]


def _candidates(name: str) -> tuple[list[Candidate], bool]:
    """Candidates, and whether they are only sound-alikes (consonant skeleton matches: need context).

    The first form of the name that the gazetteer knows wins: the name itself, then
    without a direction ("northern Syria"), then without a generic head ("Aleppo
    countryside", "Homs province": these ask for the admin area).  A country name
    keeps the other places of that name as candidates ("Georgia" the US state).
    """
    short = gazetteer.abbreviation(name)
    if short:
        return [(short, 10.0)], False
    iso = demonym_country(name)
    if iso and iso in gazetteer.countries():
        return [(gazetteer.countries()[iso], 8.0)], False
    compact = name.replace(".", "").strip()
    if len(compact) <= 4 and compact.isupper():
        # acronyms ("NGO", "MoD") are not town names; country codes were tried above
        iso = country_code(name)
        return ([(gazetteer.countries()[iso], 8.0)] if iso in gazetteer.countries() else []), False
    if name.isupper():
        name = name.title()  # datelines and headlines: "SOUTH WAZIRISTAN"
    for form, wants_admin in _forms(name):
        key = normalise(form)
        if not key or key in _stopwords():
            continue
        found: list[Candidate] = []
        iso = country_code(form)
        country = gazetteer.countries().get(iso) if iso else None
        if country:
            states = [p for p in gazetteer.core().get(key)
                      if p.kind == "admin" and p.level == 1 and normalise(p.name) == key]
            if key not in _own_country_keys() and any(p.country == country.country for p in states):
                # a constituent country under its own name: "England", "Scotland"
                return [(p, _prior(p, key)) for p in states if p.country == country.country], False
            # a country's name means the country; a foreign state of the same name competes
            # ("Georgia"), its own province never does ("Mexico"), and a town only with
            # strong local support ("Lebanon, Indiana" in a report about Indiana towns)
            towns = [p for p in (*gazetteer.core().get(key), *gazetteer.full().get(key))
                     if p.kind == "city" and normalise(p.name) == key]
            return [(country, _prior(country, key)),
                    *((p, _prior(p, key)) for p in states if p.country != country.country),
                    *((p, _prior(p, key) - COUNTRY_TOWN_PENALTY) for p in towns)], False
        core = [p for p in gazetteer.core().get(key) if p.kind != "country"]
        towns = {(p.country, p.admin1) for p in core if p.kind == "city" and not _small(p)}
        for p in core:
            prior = _prior(p, key)
            if p.kind == "admin" and wants_admin:
                prior += 3.0
            elif p.kind == "admin" and (p.country, p.admin1) in towns:
                prior -= 1.5  # "New York", "Aleppo": the city, not the province named after it
            found.append((p, prior))
        # small towns always compete: "Ballina" in an Irish report is the Irish town of
        # 10000, not the Australian district; they need the document's support to win
        found.extend((p, _prior(p, key)) for p in gazetteer.full().get(key))
        if not found:
            skel = gazetteer.skeleton(key)
            if len(skel) >= 4:
                # a 4-consonant skeleton ("drzr") is shared by many small towns: big places only
                floor = 50_000 if len(skel) < 6 else 0
                found = [(p, _prior(p, key) - 1.5) for p in gazetteer.core().by_skeleton.get(skel, [])
                         if p.population >= floor or p.kind != "city"]
                if found:
                    return found, True
        if found:
            return found, False
    return [], False


_TOWN_WORD = re.compile(r"\b[A-Z][\w'\u2019-]+(?:\s+(?:al|el|as|ash|ad|ar|az|an|[A-Z][\w'\u2019-]+))*")


def _facility_candidates(name: str) -> list[Candidate]:
    """Towns named inside a facility's name ("the Masyaf facility", "Hmeimim Air Base").

    The facility's own head word is skipped ("Trump Tower" is not in a town called
    Tower) and only a town's own name counts; the caller still asks for context.
    """
    for match in _TOWN_WORD.finditer(name):
        words = match.group(0).split()
        if match.end() == len(name.rstrip()) and len(words) > 1:
            words = words[:-1]
        for size in range(len(words), 0, -1):  # the longest run of capitalised words that is a town
            for start in range(0, len(words) - size + 1):
                text = " ".join(words[start:start + size])
                found = [(p, s) for p, s in candidates(text)
                         if p.kind == "city" and p.population >= 1000
                         and (normalise(p.name) == normalise(text) or p.population >= 100_000)]
                if found:
                    return found
    return []


# --- document resolution -----------------------------------------------------------------------

PLACE_ENTITY_TYPES = ("GPE", "LOC", "FAC")
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z'\u2019. -]{2,40}?)(?:,\s*([A-Z][A-Za-z. ]{1,30}))?"
                       r"\s*(?:\([^)]{1,40}\))?\s*(?:-|\u2014|\u2013|:)\s")

# Weights of the context evidence against the population prior (log10 of people):
# a town that the document's countries, province or neighbours support beats one
# 10-100 times bigger elsewhere.
CONTEXT_WEIGHT = 4.0     # x the share of the document's country votes
PROVINCE_BONUS = 1.5     # the town's province is named too
ANCHOR_BONUS = 1.5       # within NEARBY_KM of a place that is clearly resolved
NEIGHBOUR_BONUS = 1.0    # per other place name with a reading within NEARBY_KM ...
MAX_NEIGHBOURS = 3       # ... counting at most this many
CLEAR_LEAD = 1.5         # a reading this far ahead of the next is taken as fixed (and votes)
NEARBY_KM = 150.0
WEAK_SUPPORT = 1.0       # local support a small town or a sound-alike needs (or half the country votes)
SMALL_TOWN = 15_000
COUNTRY_TOWN_PENALTY = 3.0  # prior handicap of a town named like a country ...
COUNTRY_TOWN_SUPPORT = 2.0  # ... and the local support it needs
TOP_READINGS = 5         # readings per name that count as someone's neighbours


def _dateline_country(text: str) -> str | None:
    match = _DATELINE.match(text[:200])
    if not match:
        return None
    for part in (match.group(2), match.group(1)):
        if part:
            iso = country_code(part)
            if iso:
                return iso
    found = [c for c in candidates(match.group(1).strip().title()) if not _small(c[0])]
    return max(found, key=lambda c: c[1])[0].country if found else None


def _small(place: Place) -> bool:
    return place.kind == "city" and place.population < SMALL_TOWN


def _clear(found: list[Candidate]) -> Place | None:
    """The reading that is clearly the one meant before context: the only one or far ahead."""
    ranked = sorted(found, key=lambda c: -c[1])
    top, top_score = ranked[0]
    if _small(top):
        return None
    if len(ranked) == 1 or ranked[1][1] < top_score - CLEAR_LEAD:
        return top
    ranked = [c for c in ranked if not _small(c[0])]
    if top.country and all(p.country == top.country for p, _ in ranked):
        return Place(top.name, top.country, top.lat, top.lon, None, 0, "region")  # its country only
    return None


def _votes(clear: dict[str, Place], entities: list[Entity], parsed: Parsed) -> Counter[str]:
    """Countries the document is about: clearly resolved places, the dateline, demonyms."""
    votes: Counter[str] = Counter()
    for entity in entities:
        place = clear.get(entity.id)
        if place is not None and place.country:
            votes[place.country] += min(len(entity.mentions), 3)
    dateline = _dateline_country(parsed.text)
    if dateline:
        votes[dateline] += 3
    for ent in parsed.doc.ents:
        if ent.label_ == "NORP":
            iso = demonym_country(ent.text)
            if iso:
                votes[iso] += 0.5
    return votes


class _Grid:
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


def _local(place: Place) -> bool:
    return place.kind in ("city", "admin")


def resolve_places(entities: list[Entity], parsed: Parsed) -> list[Entity]:
    """Fill country, lat, lon and geonames_id of the GPE/LOC/FAC entities that the gazetteer knows."""
    options: dict[str, list[Candidate]] = {}
    fuzzy: set[str] = set()  # entities read through a facility's town or a sound-alike: need support
    for entity in entities:
        if entity.type not in PLACE_ENTITY_TYPES:
            continue
        found: list[Candidate] = []
        is_fuzzy = False
        for name in (entity.name, *entity.aliases):
            if entity.type == "FAC":
                found, is_fuzzy = _facility_candidates(name), True
            else:
                found, is_fuzzy = _candidates(name)
            if found:
                break
        if found:
            options[entity.id] = found
            if is_fuzzy:
                fuzzy.add(entity.id)
    if not options:
        return entities
    clear = {eid: p for eid, found in options.items() if eid not in fuzzy and (p := _clear(found)) is not None}
    votes = _votes(clear, entities, parsed)
    total = sum(votes.values()) or 1.0
    admins = {(p.country or "", p.admin1) for p in clear.values() if p.kind == "admin" and p.admin1}
    anchors, neighbours = _Grid(), _Grid()
    anchored_in: dict[tuple[str, str], set[str]] = {}  # admin area -> entities clearly inside it
    inside: dict[tuple[str, str], set[str]] = {}  # admin area -> entities with a reading inside it
    for eid, place in clear.items():
        if _local(place):
            anchors.add(eid, place)
            anchored_in.setdefault((place.country or "", place.admin1), set()).add(eid)
    for eid, found in options.items():
        for place, _ in sorted(found, key=lambda c: -c[1])[:TOP_READINGS]:
            if _local(place):
                neighbours.add(eid, place)
                inside.setdefault((place.country or "", place.admin1), set()).add(eid)

    def local(entity_id: str, place: Place) -> float:
        """What the places around say for this reading: its province, its neighbours."""
        if not _local(place):
            return 0.0
        if place.kind == "admin" and place.level == 1:
            # a state is "near" the towns inside it, wherever its centre point lies
            area = (place.country or "", place.admin1)
            value = ANCHOR_BONUS if anchored_in.get(area, set()) - {entity_id} else 0.0
            return value + NEIGHBOUR_BONUS * min(len(inside.get(area, set()) - {entity_id}), MAX_NEIGHBOURS)
        value = PROVINCE_BONUS if place.kind == "city" and (place.country or "", place.admin1) in admins else 0.0
        if anchors.near(entity_id, place):
            value += ANCHOR_BONUS
        return value + NEIGHBOUR_BONUS * min(neighbours.near(entity_id, place), MAX_NEIGHBOURS)

    def choose(entity_id: str, found: list[Candidate]) -> Place | None:
        best: tuple[float, Place] | None = None
        named_country = any(p.kind == "country" for p, _ in found)
        for place, prior in found:
            share = votes.get(place.country or "", 0) / total
            near = local(entity_id, place)
            if named_country and place.kind == "city" and near < COUNTRY_TOWN_SUPPORT:
                continue  # "Jordan" is the country unless Jordan, Minnesota's neighbours are named
            if (_small(place) or entity_id in fuzzy) and near < WEAK_SUPPORT and share < 0.5:
                continue  # a hamlet or a sound-alike with nothing around it: not this one
            value = prior + CONTEXT_WEIGHT * share + near
            if best is None or value > best[0]:
                best = (value, place)
        return best[1] if best else None

    out = []
    for entity in entities:
        found = options.get(entity.id)
        best = choose(entity.id, found) if found else None
        if best is None:
            out.append(entity)  # unknown, or only a hamlet/sound-alike with nothing for it
            continue
        out.append(replace(entity, country=best.country, lat=best.lat, lon=best.lon,
                           geonames_id=best.geonames_id))
    return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


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
    resolved = resolve_places([*entities, *pseudo], parsed)
    return [e for e in resolved if e.id.startswith("p") and e.lat is not None
            and e.id in {p.id for p in pseudo}]


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
