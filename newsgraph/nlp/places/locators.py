"""Where a place lies that no reading placed: what the words around it say, then the document's country.

A village, a neighbourhood or a camp the gazetteer lacks still lies somewhere the text says:

- a part of a town ("the Salihiah neighbourhood of Hasakeh city", "al-Touseeiyah district in the city
  of Raqqah", "the neighbourhood of Zahra" after "the central Syrian city of Homs"): the town's
  country and point, since a neighbourhood lies within a few kilometres of its town's centre;
- an area named right after it ("Qassiab in Hasakeh province", "Tizegorou in western Niger"), a
  place it lies in or by ("Urum Alkobra near Aleppo", "Olya, a small port on the Volga delta in
  Astrakhan province") or a demonym or country before it ("the Iranian port of Amirabad",
  "Syrias Hasakeh"): that country only;
- a town it lies near or a distance and direction from ("Hmeimim air base, near the Syrian port city
  of Latakia", "35 km north of Aleppo"): a point by that town (``nearby.py``);
- else the country the document is about, when one leads clearly.

Nothing else gets a point. The words are data
(``data/places_context.json``, ``common_words.json``); the reaches are ``PlaceWeights``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from newsgraph import vocab
from newsgraph.geo.countries import country_code, demonym_country
from newsgraph.geo.facilities import is_airfield
from newsgraph.geo.gazetteer import distance_km
from newsgraph.geo.names import alternation
from newsgraph.geo.readings import candidates
from newsgraph.model import Entity, Mention
from newsgraph.nlp.places.context import PLACE_ENTITY_TYPES, qualified_areas
from newsgraph.nlp.places.evidence import DocumentEvidence, is_local
from newsgraph.nlp.places.nearby import Town, point_by_town
from newsgraph.settings import PlaceWeights

_WORD = r"[\w'\u2019-]+"
_NAME = r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}"


@dataclass(frozen=True)
class _Patterns:
    part_after: re.Pattern[str]    # "X neighbourhood of (the city of) Y", "X district in the east of Y"
    part_before: re.Pattern[str]   # "the (southwestern) neighbourhood of X"
    part_then_in: re.Pattern[str]  # "the neighbourhood of X in (the city of) Y"
    part_named: re.Pattern[str]    # " district" after X in "Aleppos X district": X is a part of the town before it
    locator: re.Pattern[str]       # "X in Y", "X, near the town of Y", "X, a small port ... in Y"
    country_before: re.Pattern[str]  # "the Iranian port of X", "Syria's X", "Syrias X"


@cache
def _patterns(quarters_only: bool = False) -> _Patterns:
    """The patterns; with ``quarters_only`` the part words are those that never name an admin district."""
    words, common = vocab.load("places_context"), vocab.load("common_words")
    parts = alternation(words.town_quarters if quarters_only else words.town_parts)
    directions = alternation(common.directions | common.compass_compounds)
    compass_of = rf"(?:(?:just\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?{directions}\s+of)"
    locators = rf"(?:{alternation(words.locators)}|{compass_of})"
    town_of = r"(?:(?:the\s+)?(?:city|town)\s+of\s+)?"
    part_of_town = rf"(?:the\s+)?(?:{directions}\s+)?(?:(?:part|parts|side|edge|outskirts)\s+of\s+)?{town_of}"
    nouns = alternation(words.place_nouns)
    return _Patterns(
        part_after=re.compile(rf"\s+{parts}s?\s+(?:of|in)\s+{part_of_town}$", re.IGNORECASE),
        # a quarter's own name follows "the (residential) neighbourhood of"; in "the Holly Heights neighborhood
        # of Gainesville" the town does
        part_before=re.compile(rf"\b(?:the|a)\s+(?:(?-i:[a-z]+)\s+){{0,2}}{parts}s?\s+of\s+$" if quarters_only
                               else rf"\b{parts}s?\s+of\s+$", re.IGNORECASE),
        part_then_in=re.compile(rf"\s+in\s+{part_of_town}$", re.IGNORECASE),
        part_named=re.compile(rf"\s+{parts}\b", re.IGNORECASE),
        # "al-Salehia village in the northern countryside of Raqqa province": what the place is may follow its name
        locator=re.compile(rf"(?:\s+{nouns})?,?\s+(?:(?:a|an|the)\s+[^,.;]{{0,80}}?\s+)?{locators}\s+"
                           rf"(?:the\s+)?(?:{_WORD}\s+){{0,4}}?(?:of\s+)?$", re.IGNORECASE),
        # "the Russian ports of Makhachkala and Olya": a plural noun, and the names before in its list
        country_before=re.compile(rf"(?:\b(?P<demonym>[A-Z][\w-]+)\s+(?:{_WORD}\s+){{0,2}}?{nouns}s?\s+of\s+"
                                  rf"(?:{_NAME}(?:,\s+{_NAME})*,?\s+and\s+)?"
                                  rf"|\b(?P<country>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:'s|\u2019s|s)\s+)$"))


@dataclass(frozen=True)
class _Placed:
    """A mention of a place that has a country (and maybe a point)."""

    start: int
    end: int
    entity: Entity


def locate_unplaced(entities: list[Entity], evidence: DocumentEvidence, text: str) -> list[Entity]:
    """Give the place entities that no reading placed the country (and, for a part of a town, the point)
    that the words around them say; the rest get the document's country when one leads clearly."""
    out = list(entities)
    placed = [_Placed(m.start, m.end, e) for e in out if e.country and e.type in PLACE_ENTITY_TYPES for m in e.mentions]
    out = [_quarter_of_its_town(e, sorted(placed, key=lambda p: p.start), text, evidence.weights) for e in out]
    for _ in range(2):  # a village "near the town of Kokorou" waits for Kokorou's country
        placed = sorted((_Placed(m.start, m.end, e) for e in out if e.country and e.type in PLACE_ENTITY_TYPES
                         for m in e.mentions), key=lambda p: p.start)
        towns = [Town(p.start, p.entity) for p in placed if p.entity.lat is not None and _is_town(p.entity)]
        out = [(_part_of_towns_possessive(e, towns, text) or point_by_town(e, towns, text, evidence.weights) or e)
               if _pointless(e, evidence) else _namesake_of_a_towns_part(e, towns, text, evidence.weights)
               for e in out]
        out = [_located(e, placed, evidence, text) if _unplaced(e, evidence) else e for e in out]
    placed = sorted((_Placed(m.start, m.end, e) for e in out if e.country and e.type in PLACE_ENTITY_TYPES
                     for m in e.mentions), key=lambda p: p.start)
    return [_document_country(e, evidence, placed) if _unplaced(e, evidence) else e for e in out]


def _quarter_of_its_town(entity: Entity, placed: list[_Placed], text: str, w: PlaceWeights) -> Entity:
    """A neighbourhood the text puts in a town ("al-Hamadaniyeh neighborhood in Aleppo city", "the residential
    neighborhood of al-Mazraa" after "Damascus city") is in that town, not at a namesake farther than
    ``town_part_km`` off (Hamdaniya, Iraq; al-Mazraa in Suwayda). Only the words that never name an admin
    district count: "the district of Afrin" is no quarter."""
    if entity.type not in PLACE_ENTITY_TYPES or entity.lat is None or entity.lon is None or not _is_town(entity):
        return entity
    # "al-Hamadaniyeh neighborhood in Aleppo city" names the town; after "the neighbourhood of X" the town
    # is the one named last, which a city's name is not taken to be a quarter of
    town = _town_of_part(entity, placed, text, w, quarters_only=True)
    if town is None:  # the usual case: no quarter words around it (and no population to look up)
        return entity
    size = _population(entity)
    if size >= w.small_town:
        town = _town_of_part(entity, placed, text, w, quarters_only=True, named_only=True)
    # a quarter is smaller than its town: "the Cincinnati suburb of West Chester" names the suburb last
    if town is None or town.id == entity.id or town.lat is None or town.lon is None or \
            distance_km(entity.lat, entity.lon, town.lat, town.lon) <= w.town_part_km or _population(town) <= size:
        return entity
    return replace(entity, country=town.country, lat=town.lat, lon=town.lon, geonames_id=None)


@cache
def _possessive() -> re.Pattern[str]:
    return re.compile(r"(?:'s|\u2019s|s)\s+")


def _part_of_towns_possessive(entity: Entity, towns: list[Town], text: str) -> Entity | None:
    """ "Aleppos Sukkari neighbourhood", "Aleppo's Qaryat al-Ansari neighborhood", "Daraas Manshiyah district": a
    part of the town whose possessive stands right before it, at the town's point."""
    part_named = _patterns().part_named
    for mention in entity.mentions:
        if not part_named.match(text, mention.end):
            continue
        for town in towns:
            end = next((m.end for m in town.entity.mentions if m.start == town.start), None)
            if town.entity is entity or end is None or not town.start < end <= mention.start:
                continue
            gap, said = text[end:mention.start], text[town.start:end]
            # the possessive's "s" is inside the town's mention when the apostrophe was scraped off ("Aleppos")
            if _possessive().fullmatch(gap) or (gap.isspace() and said.endswith("s") and
                                                not town.entity.name.endswith("s")):
                return replace(entity, country=town.entity.country, lat=town.entity.lat, lon=town.entity.lon,
                               geonames_id=None)
    return None


def _namesake_of_a_towns_part(entity: Entity, towns: list[Town], text: str, w: PlaceWeights) -> Entity:
    """A part after its town's possessive read as a namesake farther than ``town_part_km`` from the town
    ("Daraas Manshiyah district" is not Manshiyat Bani Hasan in Jordan, 28 km off): it is in the town."""
    if entity.type not in PLACE_ENTITY_TYPES or entity.lat is None or entity.lon is None:
        return entity
    part = _part_of_towns_possessive(entity, towns, text)
    if part is None or part.lat is None or part.lon is None or \
            distance_km(entity.lat, entity.lon, part.lat, part.lon) <= w.town_part_km:
        return entity
    return part


def _population(entity: Entity) -> int:
    """The population of the town the entity was read as (0 when unknown)."""
    return max((r.place.population for r in candidates(entity.name) if r.place.geonames_id == entity.geonames_id),
               default=0)


def _pointless(entity: Entity, evidence: DocumentEvidence) -> bool:
    return entity.type in PLACE_ENTITY_TYPES and entity.lat is None and entity.id not in evidence.directions


def _unplaced(entity: Entity, evidence: DocumentEvidence) -> bool:
    return (entity.type in PLACE_ENTITY_TYPES and entity.country is None and entity.lat is None
            and entity.id not in evidence.directions)


def _located(entity: Entity, placed: list[_Placed], evidence: DocumentEvidence, text: str) -> Entity:
    w = evidence.weights
    town = _town_of_site(entity, placed, text, w) or _town_of_part(entity, placed, text, w)
    if town is not None:
        return replace(entity, country=town.country, lat=town.lat, lon=town.lon, geonames_id=None)
    country = _country_said(entity, placed, text, w) or _qualified_country(entity, evidence, text)
    return replace(entity, country=country) if country else entity


def _town_of_part(entity: Entity, placed: list[_Placed], text: str, w: PlaceWeights,
                  quarters_only: bool = False, named_only: bool = False) -> Entity | None:
    """The town a neighbourhood or district belongs to, by the words around one of its mentions (``named_only``:
    only a town named with it, "X neighbourhood of Y", not the one named last before "the neighbourhood of X")."""
    patterns = _patterns(quarters_only)
    for mention in entity.mentions:
        after = _next_placed(placed, mention, w.locator_chars)
        for other in after:
            if other.entity.lat is not None and _is_town(other.entity) and \
                    patterns.part_after.fullmatch(text, mention.end, other.start):
                return other.entity
        before = text[max(0, mention.start - w.locator_chars):mention.start]
        if patterns.part_before.search(before):
            for other in after:  # "the neighbourhood of X in the city of Y"
                if other.entity.lat is not None and _is_town(other.entity) and \
                        patterns.part_then_in.fullmatch(text, mention.end, other.start):
                    return other.entity
            last = None if named_only else _last_town_before(placed, mention, w.town_part_chars)
            if last is not None:
                return last
    return None


@cache
def _site_in() -> re.Pattern[str]:
    """The words between a facility and its town: "in", "in the city of", "in al-Jamilyeh neighborhood in"."""
    quarters = alternation(vocab.load("places_context").town_quarters)
    return re.compile(rf"\s+in\s+(?:the\s+)?(?:(?:{_WORD}\s+){{1,3}}?{quarters}\s+(?:in|of)\s+(?:the\s+)?)?"
                      rf"(?P<city>(?:city|town)\s+of\s+)?", re.IGNORECASE)


def _town_of_site(entity: Entity, placed: list[_Placed], text: str, w: PlaceWeights) -> Entity | None:
    """The town a mosque, street or hotel the text puts in stands in ("Salem Mosque in Ariha", "Iskandaron
    Street in al-Jamilyeh neighborhood in Aleppo city"). A hospital or school "in Idlib" may stand anywhere in
    the province named like the town: it is the town's only when the text says city or no province has its name."""
    words = vocab.load("places_context")
    head = entity.name.lower().split()[-1] if entity.name.strip() else ""
    if entity.type != "FAC" or head not in {*words.town_sites, *words.town_services} or is_airfield(entity.name):
        return None
    for mention in entity.mentions:
        for other in _next_placed(placed, mention, w.locator_chars):
            found = _site_in().fullmatch(text, mention.end, other.start)
            town = other.entity
            # a town, not a road or site read through the town in its name ("in Hertford Road, Edmonton")
            if found is None or town.type == "FAC" or town.lat is None or not _is_town(town):
                continue
            said_city = found["city"] or re.match(r"\s+(?:city|town)\b", text[other.end:], re.IGNORECASE)
            if head in words.town_services and not said_city and _named_like_a_province(town):
                return None
            return town
    return None


def _named_like_a_province(town: Entity) -> bool:
    return any(r.place.kind == "admin" and r.place.level == 1 and r.place.country == town.country
               for r in candidates(town.name))


def _is_town(entity: Entity) -> bool:
    """A placed town: it has a GeoNames id and is not a country (admin areas have no id)."""
    return entity.geonames_id is not None and country_code(entity.name) is None


def _next_placed(placed: list[_Placed], mention: Mention, reach: int) -> list[_Placed]:
    return [p for p in placed if mention.end <= p.start <= mention.end + reach]


def _last_town_before(placed: list[_Placed], mention: Mention, reach: int) -> Entity | None:
    """The town named last before the mention, within ``reach`` characters ("the central Syrian city of
    Homs ... the neighbourhood of Zahra")."""
    towns = [p for p in placed if mention.start - reach <= p.end <= mention.start
             and p.entity.lat is not None and _is_town(p.entity)]
    return towns[-1].entity if towns else None


def _qualified_country(entity: Entity, evidence: DocumentEvidence, text: str) -> str | None:
    """The one country of the areas named right after the mentions ("Tizegorou in western Niger"), among
    the countries the document points to (an area's name alone may be another country's: "La Union")."""
    countries = {country for country, _ in qualified_areas(entity, text) if evidence.votes.get(country, 0) > 0}
    return countries.pop() if len(countries) == 1 else None


def _country_said(entity: Entity, placed: list[_Placed], text: str, w: PlaceWeights) -> str | None:
    """A place it lies in or by ("X near Aleppo"), or a demonym or country before it ("the Iranian port of X")."""
    patterns = _patterns()
    for mention in entity.mentions:
        for other in _next_placed(placed, mention, w.locator_chars):
            between = text[mention.end:other.start]
            if "." in between or ";" in between:
                break
            if patterns.locator.fullmatch(between):
                return other.entity.country
        found = patterns.country_before.search(text, max(0, mention.start - w.locator_chars), mention.start)
        if found:
            iso = demonym_country(found["demonym"]) if found["demonym"] else country_code(found["country"])
            if iso:
                return iso
    return None


def _document_country(entity: Entity, evidence: DocumentEvidence, placed: list[_Placed]) -> Entity:
    """In a document about one country, a village or site the gazetteer lacks is taken to lie there
    (not a name that is itself a country's, nor a sea or strait between countries); in one about two,
    where the towns around it lie (``_country_around``)."""
    waters = vocab.load("places_context").open_waters
    if country_code(entity.name) is not None or any(word in waters for word in entity.name.lower().split()):
        return entity
    country = evidence.leading_country(entity.id) or _country_around(entity, evidence, placed)
    return replace(entity, country=country) if country else entity


def _country_around(entity: Entity, evidence: DocumentEvidence, placed: list[_Placed]) -> str | None:
    """The country of the towns and areas clearly read within ``around_chars`` of the name's first mention, when
    one leads them ``leading_ratio`` times the next: a report on the strikes near Manbij and the battle for
    Ramadi puts "Tokhar and Hoshariyeh", named beside Manbij, in Syria; one on Azaz and Kirkuk the "Menagh base"
    south of Azaz (a report on one country needs none of this: ``leading_country``)."""
    w = evidence.weights
    first = min(m.start for m in entity.mentions)
    near: dict[str, int] = {}
    for other in placed:
        place = evidence.clear.get(other.entity.id)
        if place is not None and place.country and is_local(place) and abs(other.start - first) <= w.around_chars:
            near[place.country] = near.get(place.country, 0) + 1
    ranked = sorted(near.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] < w.leading_ratio * ranked[1][1]):
        return None
    return ranked[0][0]
