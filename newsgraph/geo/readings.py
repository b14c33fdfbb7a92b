"""The places a name may mean, each with a context-free prior (the places stage ranks them by the document).

A name's readings come from the gazetteer (``geo/gazetteer.py``): countries, admin
areas, regions, towns; its shortened forms ("northern Syria", "Homs province");
sound-alikes through the consonant skeleton; towns named inside a facility's name.
The prior is the population (log10) adjusted by kind and by whether the name is the
place's own name or an alternate one (the weights are ``PlaceWeights`` in settings/extraction.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from newsgraph import vocab
from newsgraph.geo import gazetteer
from newsgraph.geo.countries import country_code, demonym_country, own_country_keys
from newsgraph.geo.gazetteer import Place
from newsgraph.geo.names import alternation, normalise, skeleton, spelling
from newsgraph.settings import PlaceWeights, settings


class Reading(NamedTuple):
    """One place a name may mean, with its context-free prior (higher is likelier)."""

    place: Place
    prior: float


# how a name's readings were found: by the name, by another spelling of it ("Efrin" ~ Afrin), or only
# by its consonant skeleton ("Derbasiyah" ~ Ad Darbasiyah before a spelling match): sound-alikes need context
Match = Literal["name", "spelling", "sound"]


def small(place: Place, weights: PlaceWeights | None = None) -> bool:
    """A town too small to be chosen without the document's support."""
    return place.kind == "city" and place.population < (weights or settings().places).small_town


def _prior(place: Place, key: str, w: PlaceWeights) -> float:
    """How likely a name means this place before any context: size, kind, own name vs alternate."""
    if place.kind == "country":
        return w.country_prior
    if place.kind == "region":
        return w.region_prior
    score = math.log10(place.population + 10)
    if place.kind == "admin":
        # admin populations are sums over all their towns; a county shares its
        # name with its seat, which is what a bare name usually means
        score -= w.state_discount if place.level == 1 else w.county_discount
    if normalise(place.name) == key:
        score += w.own_name_bonus
    else:  # an alternate or historical name; big cities' English names are often alternates
        score -= w.big_city_alternate_cost if place.population >= w.big_alternate_city else w.alternate_name_cost
    if place.kind == "city" and place.name in _capitals().get(place.country or "", ()):
        score += w.capital_bonus
    return score


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, ...]]:
    return {iso: (rec["capital"],) for iso, rec in gazetteer.country_records().items() if rec.get("capital")}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(normalise(w) for w in vocab.load("places_stopwords").words)


def _acronym(compact: str, w: PlaceWeights) -> bool:
    """"NGO", "IDF" (without their dots): all capitals and short, an abbreviation and not a town's name."""
    return len(compact) <= w.acronym_letters and compact.isupper()


# --- the strict reading ------------------------------------------------------------------------

@lru_cache(maxsize=65536)  # asked for every proper noun of every document: names repeat
def lookup_place(name: str) -> Place | None:
    """Best context-free reading of a name, or None for names that are not (clearly) places.

    Only countries, admin areas, regions and the towns of the core index answer (an
    alternate name only for a big city), so ordinary words and surnames that are also
    hamlets do not.
    """
    w = settings().places
    text = name.strip()
    if text[:4].lower() == "the ":
        text = text[4:].strip()
    if not text or not _capitalised(text) or normalise(text) in _stopwords():
        return None
    iso = country_code(text)
    if iso:
        return gazetteer.countries().get(iso)
    short = gazetteer.abbreviation(text)
    if short:
        return short
    if _acronym(text.replace(".", ""), w):
        return None  # acronyms are not town names
    key = normalise(text)
    best: tuple[float, Place] | None = None
    for place in gazetteer.core().get(key):
        if not _strictly_named(place, key, w):
            continue
        score = _prior(place, key, w)
        if best is None or score > best[0]:
            best = (score, place)
    return best[1] if best else None


@cache
def _lower_article() -> re.Pattern[str]:
    return re.compile(rf"^{alternation(vocab.load('common_words').arabic_articles)}-(?=[A-Z])")


def _capitalised(text: str) -> bool:
    """A name, capitalised after a lower-case Arabic article and its hyphen ("al-Zabadani", "ad-Dana")."""
    return text[0].isupper() or _lower_article().match(text) is not None


def _strictly_named(place: Place, key: str, w: PlaceWeights) -> bool:
    """Whether ``key`` names the place clearly enough for ``lookup_place``.

    An alternate name counts for a big city, or for a mid-sized one when it is a spelling of
    its own name ("Dayr az Zawr"); "Hamas" is an old name of Hamm. A county only by its own name.
    """
    if normalise(place.name) == key:
        return True
    if place.kind == "city":
        spelling = skeleton(key) == skeleton(normalise(place.name))
        return place.population >= w.big_alternate_city or (place.population >= w.spelled_alternate_city and spelling)
    return not (place.kind == "admin" and place.level == 2)


# --- the readings of an entity's name ----------------------------------------------------------

@dataclass(frozen=True)
class _FormRules:
    """How a name is shortened to the place it qualifies."""

    direction: re.Pattern[str]     # "northern Syria", "rural Idlib", "the upper Galilee"
    admin_suffix: re.Pattern[str]  # "Homs province", "Aleppo countryside": the admin area is asked for
    part_suffix: re.Pattern[str]   # "Aleppo city", "Hodeidah port": the place itself is meant


@cache
def _form_rules() -> _FormRules:
    common, words = vocab.load("common_words"), vocab.load("places_words")
    directions = common.directions | common.compass_compounds | set(words.area_qualifiers)
    return _FormRules(
        direction=re.compile(rf"^(?:the\s+)?{alternation(directions)}\s+", re.IGNORECASE),
        admin_suffix=re.compile(rf"\s+{alternation(common.admin_words | set(words.admin_suffixes))}$",
                                re.IGNORECASE),
        part_suffix=re.compile(rf"\s+{alternation(words.part_suffixes)}$", re.IGNORECASE))


def _forms(name: str) -> list[tuple[str, bool]]:
    """The name and its shortened forms, each with whether an admin area is asked for."""
    rules = _form_rules()
    forms = [(name, False)]
    stripped = rules.direction.sub("", name)
    if stripped != name:
        forms.append((stripped, False))
    for form, _ in list(forms):
        if rules.admin_suffix.search(form):
            forms.append((rules.admin_suffix.sub("", form), True))
        elif rules.part_suffix.search(form):
            forms.append((rules.part_suffix.sub("", form), False))
    return forms


def candidates(name: str) -> list[Reading]:
    """Places a name may mean, each with its context-free prior (higher is likelier)."""
    return name_candidates(name)[0]


def name_candidates(name: str) -> tuple[list[Reading], Match]:
    """Readings, and how they were found (by a sound-alike consonant skeleton only: they need context).

    The first form of the name that the gazetteer knows wins: the name itself, then
    without a direction ("northern Syria"), then without a generic head ("Aleppo
    countryside", "Homs province": these ask for the admin area).  A country name
    keeps the other places of that name as readings ("Georgia" the US state). Only when
    no form is known are the forms' other spellings tried ("Efrin" ~ Afrin), and then
    their sound-alikes.
    """
    w = settings().places
    fixed = _fixed_readings(name, w)
    if fixed is not None:
        return fixed, "name"
    if name.isupper():
        name = name.title()  # datelines and headlines: "SOUTH WAZIRISTAN"
    inside = _in_named_country(name)
    if inside is not None:
        return inside
    forms = [(key, form, wants_admin) for form, wants_admin in _forms(name)
             if (key := normalise(form)) and key not in _stopwords()]
    for key, form, wants_admin in forms:
        iso = country_code(form)
        country = gazetteer.countries().get(iso) if iso else None
        if country:
            return _country_readings(country, key, w), "name"
        found = _place_readings(key, wants_admin, w)
        if found:
            return found, "name"
    for _, form, _ in forms:  # "the northwestern Syrian Idlib province"
        if (after := _in_named_country(form, _DEMONYM_FIRST)) is not None:
            return after
    for key, _, wants_admin in forms:
        found = _spelled_readings(key, wants_admin, w)
        if found:
            return found, "spelling"
    for key, _, _ in forms:
        alike = _sound_alikes(key, w)
        if alike:
            return alike, "sound"
    return [], "name"


_POSSESSIVE = re.compile(r"^([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:'s|\u2019s|s)\s+(?=[A-Z])")
_DEMONYM_FIRST = re.compile(r"^([A-Z][a-z]+)\s+(?=[A-Z])")


def _in_named_country(name: str, pattern: re.Pattern[str] = _POSSESSIVE) -> tuple[list[Reading], Match] | None:
    """ "Syria's Hasakeh", "Syrias Hasakeh" (a scraped apostrophe), and with ``_DEMONYM_FIRST`` "Syrian Idlib",
    "Syrian Tabqa" (a country's adjective): the readings of the rest in that country. The caller tries a demonym
    only when the gazetteer does not hold the whole name ("American Samoa")."""
    match = pattern.match(name)
    if match is None:
        return None
    country = demonym_place(match.group(1)) if pattern is _DEMONYM_FIRST else None
    iso = country_code(match.group(1)) if pattern is _POSSESSIVE else country.country if country else None
    if iso is None or (country is not None and country.kind != "country"):
        return None
    found, how = name_candidates(name[match.end():])
    inside = [r for r in found if r.place.country == iso]
    return (inside, how) if inside else None


def _fixed_readings(name: str, w: PlaceWeights) -> list[Reading] | None:
    """The readings of names that mean one thing whatever the gazetteer holds, or None for other names.

    A state abbreviation ("Ark.") is the state, a demonym the country; an acronym ("NGO")
    is no town: only a country code ("UAE") means a place.
    """
    short = gazetteer.abbreviation(name)
    if short:
        return [Reading(short, w.abbreviation_prior)]
    countries = gazetteer.countries()
    iso = demonym_country(name)
    if iso and iso in countries:
        return [Reading(countries[iso], w.country_prior)]
    if _acronym(name.replace(".", "").strip(), w):
        iso = country_code(name)
        return [Reading(countries[iso], w.country_prior)] if iso in countries else []
    return None


def _country_readings(country: Place, key: str, w: PlaceWeights) -> list[Reading]:
    """A country's name: the country, a foreign state of that name, and handicapped towns of that name.

    A constituent country under its own name ("England", "Scotland") is its first-level
    area instead. A foreign state competes ("Georgia"), the country's own province never
    does ("Mexico"), and a town only with strong local support ("Lebanon, Indiana").
    """
    states = [p for p in gazetteer.core().get(key)
              if p.kind == "admin" and p.level == 1 and normalise(p.name) == key]
    if key not in own_country_keys() and any(p.country == country.country for p in states):
        return [Reading(p, _prior(p, key, w)) for p in states if p.country == country.country]
    towns = [p for p in (*gazetteer.core().get(key), *gazetteer.full().get(key))
             if p.kind == "city" and normalise(p.name) == key]
    return [Reading(country, _prior(country, key, w)),
            *(Reading(p, _prior(p, key, w)) for p in states if p.country != country.country),
            *(Reading(p, _prior(p, key, w) - w.country_town_penalty) for p in towns)]


def _place_readings(key: str, wants_admin: bool, w: PlaceWeights) -> list[Reading]:
    """Every admin area, region and town of that name; an admin area gains when asked for, and yields to
    a town of its name that is not small ("New York", "Aleppo": the city, not the province named after it).

    Small towns always compete: "Ballina" in an Irish report is the Irish town of 10000,
    not the Australian district; they need the document's support to win.
    """
    places = [p for p in gazetteer.core().get(key) if p.kind != "country"]
    town_areas = {(p.country, p.admin1) for p in places if p.kind == "city" and not small(p, w)}
    found = []
    for place in places:
        prior = _prior(place, key, w)
        if place.kind == "admin" and wants_admin:
            prior += w.asked_admin_bonus
        elif place.kind == "admin" and (place.country, place.admin1) in town_areas:
            prior -= w.city_over_province
        found.append(Reading(place, prior))
    found.extend(Reading(p, _prior(p, key, w)) for p in gazetteer.full().get(key))
    return found


def _spelled_readings(key: str, wants_admin: bool, w: PlaceWeights) -> list[Reading]:
    """Places whose own name is this name spelled another way ("Efrin" ~ Afrin, "Talbeesah" ~ Tallbisah,
    "Banibangou" ~ Bani Bangou): readings like any other, at the cost of an alternate name."""
    skel = skeleton(key)
    if len(skel) < settings().gazetteer.min_skeleton_letters:
        return _short_name_doubled(key, wants_admin, w)
    wanted = spelling(key)
    return [Reading(p, _prior(p, key, w) + (w.asked_admin_bonus if wants_admin and p.kind == "admin" else 0.0))
            for index in (gazetteer.core(), gazetteer.full()) for p in index.by_skeleton.get(skel, [])
            if p.kind in ("city", "admin") and _own_spelling(p.name) == wanted]


def _short_name_doubled(key: str, wants_admin: bool, w: PlaceWeights) -> list[Reading]:
    """A short name written with one consonant where the city's own name doubles it ("Raqa" ~ Ar Raqqah): the
    skeleton is too short to be indexed, so each consonant is doubled in turn and looked up. Only a city of
    ``big_city`` people (or, when asked for, its admin area): a short name spelled so may mean any village."""
    wanted = spelling(key)
    found: list[Reading] = []
    for i, letter in enumerate(key):
        if not letter.isalpha() or letter in "aeiouy" or letter in key[max(0, i - 1):i] + key[i + 1:i + 2]:
            continue
        for place in gazetteer.core().get(key[:i + 1] + key[i:]):
            big_city = place.kind == "city" and place.population >= w.big_city
            if (big_city or (wants_admin and place.kind == "admin")) and _own_spelling(place.name) == wanted:
                found.append(Reading(place, _prior(place, key, w) + (w.asked_admin_bonus if place.kind == "admin"
                                                                       else 0.0)))
    return found


@lru_cache(maxsize=65536)
def _own_spelling(name: str) -> str:
    return spelling(normalise(name))


def _sound_alikes(key: str, w: PlaceWeights) -> list[Reading]:
    """Places whose name has the same consonant skeleton ("Dayr az Zawr" ~ "Deir ez-Zor").

    A short skeleton ("drbs") is shared by many towns: only big places, or smaller towns
    of the same first letters ("Derbasiyah" ~ "Ad Darbasiyah"), and a long one also finds
    villages of the small-town index ("Tal Tamr" ~ "Tall Tamr"). All need the document's support.
    """
    skel = skeleton(key)
    if len(skel) < settings().gazetteer.min_skeleton_letters:
        return []
    floor = w.short_skeleton_town if len(skel) < w.short_skeleton else 0
    places = [p for p in gazetteer.core().by_skeleton.get(skel, [])
              if p.population >= floor or p.kind != "city" or _same_start(p, key)]
    if len(skel) >= w.village_skeleton:
        places += [p for p in gazetteer.full().by_skeleton.get(skel, []) if _same_start(p, key)]
    return [Reading(p, _prior(p, key, w) - w.sound_alike_cost) for p in places]


def _same_start(place: Place, key: str) -> bool:
    """Whether a place's own name (without an Arabic article) starts like ``key`` (first two letters
    up to a vowel change: "Derbasiyah" and "Darbasiyah" both start d-r)."""
    own = skeleton_start(normalise(place.name))
    return bool(own) and own == skeleton_start(key)


def skeleton_start(key: str) -> str:
    consonants = [c for c in key if c.isalpha() and c not in "aeiouy"]
    collapsed = [c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1]]  # "Tall" ~ "Tal"
    return "".join(collapsed[:3])


# --- places of demonyms -------------------------------------------------------------------------

def demonym_place(word: str) -> Place | None:
    """The place a singular demonym names: "Syrian" -> Syria, "European" -> Europe; None for "Syrians".

    Plural forms name people ("Syrians fled"), not a place, so they get none.
    """
    text = word.strip()
    if text.endswith("s") and demonym_country(text[:-1]):
        return None
    region = vocab.load("region_demonyms").demonyms.get(text)
    if region:
        found = candidates(region)  # not lookup_place: "England" is the area, not the United Kingdom
        return max(found, key=lambda r: r.prior).place if found else None
    iso = demonym_country(text)
    return gazetteer.countries().get(iso) if iso else None
