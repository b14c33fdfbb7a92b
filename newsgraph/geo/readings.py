"""The places a name may mean, each with a context-free prior (nlp/places.py ranks them by the document).

A name's readings come from the gazetteer (nlp/gazetteer.py): countries, admin
areas, regions, towns; its shortened forms ("northern Syria", "Homs province");
sound-alikes through the consonant skeleton; towns named inside a facility's name.
The prior is the population (log10) adjusted by kind and by whether the name is the
place's own name or an alternate one.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from newsgraph.geo import gazetteer
from newsgraph.geo.countries import country_code, demonym_country, own_country_keys
from newsgraph.geo.gazetteer import Place, normalise

Candidate = tuple[Place, float]
SMALL_TOWN = 15_000         # towns under this need the document's support to be chosen
COUNTRY_TOWN_PENALTY = 3.0  # prior handicap of a town named like a country ("Jordan, Minnesota")


def small(place: Place) -> bool:
    return place.kind == "city" and place.population < SMALL_TOWN

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



def candidates(name: str) -> list[Candidate]:
    """Places a name may mean, each with its context-free prior (higher is likelier)."""
    return name_candidates(name)[0]


def name_candidates(name: str) -> tuple[list[Candidate], bool]:
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
            if key not in own_country_keys() and any(p.country == country.country for p in states):
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
        towns = {(p.country, p.admin1) for p in core if p.kind == "city" and not small(p)}
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
                # a short skeleton ("drbs") is shared by many towns: big places, or smaller towns of
                # the same first letters ("Derbasiyah" ~ "Ad Darbasiyah"); all need the document's support
                floor = 50_000 if len(skel) < 6 else 0
                found = [(p, _prior(p, key) - 1.5) for p in gazetteer.core().by_skeleton.get(skel, [])
                         if p.population >= floor or p.kind != "city" or _same_start(p, key)]
                if len(skel) >= 5:  # "Tal Tamr" ~ "Tall Tamr", a village of the small-town index
                    found += [(p, _prior(p, key) - 1.5) for p in gazetteer.full().by_skeleton.get(skel, [])
                              if _same_start(p, key)]
                if found:
                    return found, True
        if found:
            return found, False
    return [], False


def _same_start(place: Place, key: str) -> bool:
    """Whether a place's own name (without an Arabic article) starts like ``key`` (first two letters
    up to a vowel change: "Derbasiyah" and "Darbasiyah" both start d-r)."""
    own = skeleton_start(normalise(place.name))
    return bool(own) and own == skeleton_start(key)


def skeleton_start(key: str) -> str:
    consonants = [c for c in key if c.isalpha() and c not in "aeiouy"]
    collapsed = [c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1]]  # "Tall" ~ "Tal"
    return "".join(collapsed[:3])


_TOWN_WORD = re.compile(r"\b[A-Z][\w'\u2019-]+(?:\s+(?:al|el|as|ash|ad|ar|az|an|[A-Z][\w'\u2019-]+))*")


def facility_candidates(name: str) -> list[Candidate]:
    """Towns named inside a facility's name ("the Masyaf facility", "Hmeimim Air Base").

    The facility's own head word is skipped ("Trump Tower" is not in a town called
    Tower) and only a town's own name counts; the caller still asks for context.
    """
    for match in _TOWN_WORD.finditer(name):
        words = match.group(0).split()
        if match.end() == len(name.rstrip()) and len(words) > 1:
            words = words[:-1]
        for size in range(len(words), 0, -1):  # the longest run of capitalised words that is a town
            for start in range(len(words) - size + 1):
                text = " ".join(words[start:start + size])
                found = [(p, s) for p, s in candidates(text)
                         if p.kind == "city" and p.population >= 1000
                         and (normalise(p.name) == normalise(text) or p.population >= 100_000)]
                if found:
                    return found
    return []


def demonym_place(word: str) -> Place | None:
    """The place a singular demonym names: "Syrian" -> Syria, "European" -> Europe; None for "Syrians".

    Plural forms name people ("Syrians fled"), not a place, so they get none.
    """
    text = word.strip()
    if text.endswith("s") and demonym_country(text[:-1]):
        return None
    region = gazetteer.data("region_demonyms.json")["demonyms"].get(text)
    if region:
        found = candidates(region)  # not lookup_place: "England" is the area, not the United Kingdom
        return max(found, key=lambda c: c[1])[0] if found else None
    iso = demonym_country(text)
    return gazetteer.countries().get(iso) if iso else None
