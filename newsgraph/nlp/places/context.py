"""What a document says about where its places are: the evidence the places stage weighs.

- country votes: clearly resolved places, the dateline ("BEIRUT (Reuters) -") and demonyms;
- qualifiers right after a name ("Paris, Texas", "London, Ky.", "Delft, South Africa");
- direction words before a name that point at an area ("central Washington").

The direction words are data (``common_words.json``); the weights are ``PlaceWeights`` in settings/extraction.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from newsgraph import vocab
from newsgraph.geo import gazetteer
from newsgraph.geo.countries import country_code, demonym_country
from newsgraph.geo.gazetteer import Place
from newsgraph.geo.names import alternation, normalise
from newsgraph.geo.readings import Reading, candidates, small
from newsgraph.model import Entity
from newsgraph.nlp.dateline import Dateline
from newsgraph.nlp.parse import Parsed
from newsgraph.settings import PlaceWeights

PLACE_ENTITY_TYPES = ("GPE", "LOC", "FAC")
Area = tuple[str, str]  # (country, GeoNames admin1 code); admin1 "" is the whole country
Votes = dict[str, float]  # country -> the document's votes for it


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


def clear_reading(found: list[Reading], weights: PlaceWeights) -> Place | None:
    """The reading that is clearly the one meant before context: the only one or far ahead.

    When the readings that are not small towns all lie in one country, that country is clear
    (a region-kind place with its country only).
    """
    ranked = sorted(found, key=lambda r: -r.prior)
    top, top_score = ranked[0]
    if small(top, weights):
        return None
    if len(ranked) == 1 or ranked[1].prior < top_score - weights.clear_lead:
        return top
    ranked = [r for r in ranked if not small(r.place, weights)]
    if top.country and all(r.place.country == top.country for r in ranked):
        return Place(top.name, top.country, top.lat, top.lon, None, 0, "region")  # its country only
    return None


@cache
def _demonym_noun_of() -> re.Pattern[str]:
    nouns = alternation(vocab.load("places_context").place_nouns)
    return re.compile(rf"\b([A-Z][\w-]+)\s+{nouns}s?\s+of\s+(?:the\s+)?$")


def named_town(entity: Entity, found: list[Reading], text: str) -> Place | None:
    """A small town whose only reading lies in the country a demonym before it says ("the Russian port
    of Ust-Luga", "the Syrian town of Rastan"): as clear as a big town, since the text itself places it."""
    if len(found) != 1 or found[0].place.kind != "city":
        return None
    for mention in entity.mentions:
        said = _demonym_noun_of().search(text, max(0, mention.start - 60), mention.start)
        if said and demonym_country(said.group(1)) == found[0].place.country:
            return found[0].place
    return None


def country_votes(clear: dict[str, Place], entities: list[Entity], parsed: Parsed, weights: PlaceWeights) -> Votes:
    """Countries the document is about: clearly resolved places, the dateline, demonyms. A name or demonym
    that only says who leads or backs an actor ("the US-led coalition", "Russian-backed forces") casts none."""
    votes: Votes = defaultdict(float)
    text = parsed.text
    for entity in entities:
        place = clear.get(entity.id)
        if place is not None and place.country:
            votes[place.country] += place_votes(entity, text, weights)
    dateline = dateline_country(parsed.dateline)
    if dateline:
        votes[dateline] += weights.dateline_votes
    for ent in parsed.doc.ents:
        if ent.label_ == "NORP" and not names_a_patron(text, ent.end_char):
            iso = demonym_country(ent.text)
            if iso:
                votes[iso] += weights.demonym_votes
    return votes


def place_votes(entity: Entity, text: str, weights: PlaceWeights) -> float:
    """The votes a clearly read name casts for its country: one per mention, up to ``mention_votes``, not
    counting the mentions that name a patron ("US-led")."""
    return float(min(sum(1 for m in entity.mentions if not names_a_patron(text, m.end)), weights.mention_votes))


@cache
def _patron_compound() -> re.Pattern[str]:
    return re.compile(rf"\.?-{alternation(vocab.load('places_context').patron_compounds)}\b", re.IGNORECASE)


def names_a_patron(text: str, end: int) -> bool:
    """Whether the name ending here is the first half of "US-led", "U.S.-backed", "Britain-based": the country
    of an actor's patron or seat, not a place of the report."""
    return _patron_compound().match(text, end) is not None


@cache
def _qualifier() -> re.Pattern[str]:
    """A place or area named right after a mention: "Paris, Texas", "London, Ky.",
    "Monroe County in northeast Missouri", "Nishtun in al-Mahra", "Mansoura in rural Aleppo" (lower-case
    directions only: "in North Dakota" is the area), "Babeska, a village in Idlib" (an appositive that says what
    it is; the comma may be scraped off). The group ``within`` is set after "in"."""
    common = vocab.load("common_words")
    # "in rural Aleppo" is in Aleppo as "in northern Aleppo" is ("the town of Mansoura in rural Aleppo")
    directions = alternation(common.directions | common.compass_compounds
                             | set(vocab.load("places_words").area_qualifiers))
    articles = alternation(common.arabic_articles)
    word = r"[A-Z\u00c0-\u00de][\w.-]*"
    nouns = alternation(vocab.load("places_context").place_nouns)
    appositive = rf"(?:,?\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,3}}?{nouns})?"
    return re.compile(rf"(?:,\s*|{appositive}\s+(?P<within>in)\s+(?:{directions}\s+){{0,2}})"
                      rf"(?:the\s+)?((?:{articles}-)?{word}(?:\s+{word}){{0,2}})")


def _areas(name: str) -> set[Area]:
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


def qualified_areas(entity: Entity, text: str, within_only: bool = False) -> set[Area]:
    """Areas named right after a mention: "Paris, Texas", "London, Ky.", "Linn County in north central Missouri"
    (``within_only``: only after "in", which says the place lies there; after a comma a list may go on:
    "Homs, Hama and Idlib")."""
    areas = set()
    for mention in entity.mentions:
        match = _qualifier().match(text, mention.end)
        if match and (match["within"] or not within_only):
            areas |= _areas(match.group(2))
    return areas


def within(place: Place, areas: set[Area]) -> bool:
    """Whether the place lies in one of the areas (a whole country, or a first-level area of it)."""
    return (place.country or "", "") in areas or (place.country or "", place.admin1) in areas


@cache
def _area_word() -> re.Pattern[str]:
    common = vocab.load("common_words")
    return re.compile(rf"\b{alternation(common.directions | common.compass_compounds)}\s+$", re.IGNORECASE)


def area_hinted(entity: Entity, text: str, weights: PlaceWeights) -> bool:
    """A direction word right before a mention: "central Washington" is an area, not a town."""
    return any(_area_word().search(text, max(0, m.start - weights.area_word_chars), m.start)
               for m in entity.mentions)


@cache
def _town_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(r"\s+(?:city|town)\b", re.IGNORECASE), re.compile(r"\b(?:city|town)\s+of\s+$", re.IGNORECASE)


def town_hinted(entity: Entity, text: str) -> bool:
    """A mention says the town is meant ("Hasaka city", "the city of Hasaka"): then a direction word before
    another mention ("northeastern Hasaka province") does not make the name an area."""
    after, before = _town_words()
    return any(after.match(text, m.end) or before.search(text, max(0, m.start - 20), m.start) for m in entity.mentions)


def compass_point(entity: Entity, text: str) -> bool:
    """ "NE" in "Clashes in NE Syria": an abbreviated compass point before a name, not a place of its own."""
    if entity.name not in vocab.load("places_context").compass_abbreviations:
        return False
    return all(re.match(r"\s+[A-Z]", text[m.end:m.end + 3]) for m in entity.mentions)


@cache
def _leading_article() -> re.Pattern[str]:
    return re.compile(rf"^(?i:{alternation(vocab.load('common_words').arabic_articles)})[-\s](?=[A-Z])")


def written_with_article(entity: Entity) -> bool:
    """Whether the name is written with the Arabic article ("al-Sabha", "Al Hara"): a name as the report's own
    region writes it, so a city abroad of that name, however big, needs evidence of its own (rules.py)."""
    return _leading_article().match(entity.name) is not None
