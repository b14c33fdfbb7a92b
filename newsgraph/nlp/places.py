"""Coordinates and countries for places, from the offline gazetteer (nlp/gazetteer.py).

Resolution of a document's places in two passes:

1. every GPE/LOC/FAC entity gets its candidates (countries, admin areas, regions,
   towns; a FAC only through a town named inside it, "the Masyaf facility");
   countries, admin areas and towns that are clearly the biggest of their name vote
   for their country, as do the dateline ("BEIRUT (Reuters) -") and demonyms;
2. each entity takes the candidate with the best score: population prior + kind +
   the share of the document's votes for the candidate's country + a bonus when
   the town's province is also named.  So "Tripoli" in a report about Lebanon is
   the Lebanese city and Tripoli in a report without context is the Libyan capital.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from newsgraph.model import Entity
from newsgraph.nlp import gazetteer
from newsgraph.nlp.gazetteer import Place, normalise
from newsgraph.nlp.parse import Parsed

__all__ = ["Place", "country_code", "country_name", "demonym_country", "lookup_place", "resolve_places"]


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
        score -= 0.5  # admin populations are sums over all their towns
    if normalise(place.name) == key:
        score += 0.5
    if place.kind == "city" and place.name in _capitals().get(place.country or "", ()):
        score += 0.5
    return score


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, ...]]:
    return {iso: (rec["capital"],) for iso, rec in gazetteer.country_records().items() if rec.get("capital")}


def lookup_place(name: str) -> Place | None:
    """Best context-free reading of a name, or None for names that are not (clearly) places.

    Only countries, admin areas, regions and towns of >= 15000 people (an alternate
    name needs >= 100000) answer, so ordinary words and surnames that are also
    hamlets do not.
    """
    text = name.strip()
    if text[:4].lower() == "the ":
        text = text[4:].strip()
    if not text or not text[0].isupper():
        return None
    iso = country_code(text)
    if iso:
        return gazetteer.countries().get(iso)
    key = normalise(text)
    best: tuple[float, Place] | None = None
    for place in gazetteer.core().get(key):
        own = normalise(place.name) == key
        if place.kind == "city" and not own and place.population < 100_000:
            continue
        if place.kind == "admin" and not own:
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


def candidates(name: str) -> list[tuple[Place, float]]:
    """Places a name may mean, each with its context-free prior (higher is likelier).

    The first form of the name that the gazetteer knows wins: the name itself, then
    without a direction ("northern Syria"), then without a generic head ("Aleppo
    countryside", "Homs province": these ask for the admin area).  A country name
    keeps the other places of that name as candidates ("Georgia" the US state).
    """
    short = gazetteer.abbreviation(name)
    if short:
        return [(short, 10.0)]
    for form, wants_admin in _forms(name):
        key = normalise(form)
        if not key:
            continue
        found: list[tuple[Place, float]] = []
        iso = country_code(form)
        country = gazetteer.countries().get(iso) if iso else None
        if country:
            found.append((country, _prior(country, key)))
        found.extend((p, _prior(p, key) + (3.0 if wants_admin and p.kind == "admin" else 0.0))
                     for p in gazetteer.core().get(key) if p != country and p.kind != "country")
        if not found:
            found = [(p, _prior(p, key)) for p in gazetteer.full().get(key)]
        if not found:
            skel = gazetteer.skeleton(key)
            if len(skel) >= 4:
                # a 4-consonant skeleton ("drzr") is shared by many small towns: big places only
                floor = 50_000 if len(skel) < 6 else 0
                found = [(p, _prior(p, key) - 1.5) for p in gazetteer.core().by_skeleton.get(skel, [])
                         if p.population >= floor or p.kind != "city"]
        if found:
            return found
    return []


_TOWN_WORD = re.compile(r"\b[A-Z][\w'\u2019-]+(?:\s+(?:al|el|as|ash|ad|ar|az|an|[A-Z][\w'\u2019-]+))*")


def _facility_candidates(name: str) -> list[tuple[Place, float]]:
    """Towns named inside a facility's name ("the Masyaf facility", "Hmeimim Air Base")."""
    for match in _TOWN_WORD.finditer(name):
        words = match.group(0).split()
        for size in range(len(words), 0, -1):  # the longest run of capitalised words that is a town
            for start in range(0, len(words) - size + 1):
                found = [(p, s) for p, s in candidates(" ".join(words[start:start + size]))
                         if p.kind == "city" and p.population >= 1000]
                if found:
                    return found
    return []


# --- document resolution -----------------------------------------------------------------------

PLACE_ENTITY_TYPES = ("GPE", "LOC", "FAC")
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z'\u2019. -]{2,40}?)(?:,\s*([A-Z][A-Za-z. ]{1,30}))?"
                       r"\s*(?:\([^)]{1,40}\))?\s*(?:-|\u2014|\u2013|:)\s")


def _dateline_country(text: str) -> str | None:
    match = _DATELINE.match(text[:200])
    if not match:
        return None
    for part in (match.group(2), match.group(1)):
        if not part:
            continue
        iso = country_code(part)
        if iso:
            return iso
    found = candidates(match.group(1).strip().title())
    if found:
        return max(found, key=lambda c: c[1])[0].country
    return None


def _votes(options: dict[str, list[tuple[Place, float]]], entities: list[Entity], parsed: Parsed) -> Counter[str]:
    """Countries the document is about: from unambiguous places, the dateline and demonyms."""
    votes: Counter[str] = Counter()
    for entity in entities:
        found = options.get(entity.id)
        if not found:
            continue
        ranked = sorted(found, key=lambda c: -c[1])
        top, top_score = ranked[0]
        if top.country is None:
            continue
        clear = len(ranked) == 1 or ranked[1][1] < top_score - 1.0 or all(p.country == top.country
                                                                          for p, _ in ranked)
        if clear:
            votes[top.country] += min(len(entity.mentions), 3)
    dateline = _dateline_country(parsed.text)
    if dateline:
        votes[dateline] += 3
    for ent in parsed.doc.ents:
        if ent.label_ == "NORP":
            iso = demonym_country(ent.text)
            if iso:
                votes[iso] += 0.5
    return votes


def _admins_named(options: dict[str, list[tuple[Place, float]]]) -> set[tuple[str, str]]:
    return {(p.country or "", p.admin1) for found in options.values() for p, _ in found
            if p.kind == "admin" and p.admin1}


def resolve_places(entities: list[Entity], parsed: Parsed) -> list[Entity]:
    """Fill country, lat, lon and geonames_id of the GPE/LOC/FAC entities that the gazetteer knows."""
    options: dict[str, list[tuple[Place, float]]] = {}
    for entity in entities:
        if entity.type not in PLACE_ENTITY_TYPES:
            continue
        found: list[tuple[Place, float]] = []
        for name in (entity.name, *entity.aliases):
            found = _facility_candidates(name) if entity.type == "FAC" else candidates(name)
            if found:
                break
        if found:
            options[entity.id] = found
    if not options:
        return entities
    votes = _votes(options, entities, parsed)
    total = sum(votes.values()) or 1.0
    admins = _admins_named(options)
    anchors = _anchors(options)

    def score(entity_id: str, place: Place, prior: float) -> float:
        value = prior + CONTEXT_WEIGHT * votes.get(place.country or "", 0) / total
        if place.kind == "city" and (place.country or "", place.admin1) in admins:
            value += PROVINCE_BONUS
        if place.kind in ("city", "admin") and any(
                eid != entity_id and _near(place, point) for eid, point in anchors):
            value += NEARBY_BONUS
        return value

    out = []
    for entity in entities:
        found = options.get(entity.id)
        if not found:
            out.append(entity)
            continue
        best = max(found, key=lambda c: score(entity.id, *c))[0]
        out.append(replace(entity, country=best.country, lat=best.lat, lon=best.lon,
                           geonames_id=best.geonames_id))
    return out


# Weights of the context evidence against the population prior (log10 of people):
# a town that the document's countries, province or neighbours support beats one
# 10-100 times bigger elsewhere.
CONTEXT_WEIGHT = 4.0
PROVINCE_BONUS = 1.5
NEARBY_BONUS = 1.5
NEARBY_KM = 150.0


def _anchors(options: dict[str, list[tuple[Place, float]]]) -> list[tuple[str, Place]]:
    """Towns and admin areas that are clearly the biggest of their name: the document's fixed points."""
    out = []
    for entity_id, found in options.items():
        ranked = sorted(found, key=lambda c: -c[1])
        top, top_score = ranked[0]
        if top.kind not in ("city", "admin"):
            continue
        if len(ranked) == 1 or ranked[1][1] < top_score - 1.0:
            out.append((entity_id, top))
    return out


def _near(place: Place, other: Place) -> bool:
    if abs(place.lat - other.lat) > 2.0:
        return False
    return distance_km(place.lat, place.lon, other.lat, other.lon) <= NEARBY_KM


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
