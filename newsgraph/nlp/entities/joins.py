"""Joins of mention groups that need more than the names: the text between them, the gazetteer, pycountry.

An abbreviation joins the name it abbreviates ("the Syrian Scientific Studies and Research
Center, known by its French abbreviation, CERS"; matching initials), a short name joins the
one institution it begins or heads ("Alma", "the Observatory", "Hmeimim"), a name qualified by
its parent joins the name ("CERS Institute 4000" -> "Institute 4000", with ``part_of``), and an
official-name form joins its country ("the Islamic Republic" -> Iran).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from newsgraph import geo, vocab
from newsgraph.model import Span
from newsgraph.nlp.entities.groups import Group, clean, non_empty
from newsgraph.settings import settings
from newsgraph.vocab.entities import EntityWords

# a relation between two groups, with the text that shows it
GroupRelation = tuple[Group, str, Group, Span]


@lru_cache(maxsize=1)
def _abbreviation_cue() -> re.Pattern[str]:
    """What stands between a name and its abbreviation: "(" or the "[" scraped wire copy writes for it ("22 Red
    Crescent [SARC] volunteers", "a UN-Red Crescent [SARC] convoy"), ", known by its French abbreviation,", ", or"."""
    words: EntityWords = vocab.load("entity_words")
    verbs = "|".join(re.escape(v) for v in words.abbreviation_verbs)
    nouns = "|".join(re.escape(n) for n in words.abbreviation_nouns)
    return re.compile(rf"^\s*(?:[(\[]|,?\s*(?:{verbs})\s+(?:as|by)\s+(?:its\s+)?(?:\w+\s+)?"
                      rf"(?:{nouns})?\s*,?\s*(?:as\s+)?|,?\s*or\s+)$")


def _initials(name: str) -> str:
    """ "Institute for National Security Studies" -> "INSS"; "Hayat Tahrir al-Sham" -> "HTS" (an Arabic article
    gives no letter either)."""
    skip = vocab.load("entity_words").initials_skip | vocab.load("common_words").arabic_articles
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in skip]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _is_abbreviation(surface: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{1,7}", surface)) and sum(ch.isupper() for ch in surface) >= 2


def join_abbreviations(groups: list[Group], text: str) -> list[Group]:
    """Join an abbreviation to the name it abbreviates (explicit cue, or matching initials), then short
    names to the one institution they name."""
    institutions = [g for g in groups if g.type in ("ORG", "FAC")]
    for abbr in [g for g in institutions if any(_is_abbreviation(s) for s in g.surfaces)]:
        target = _expansion(abbr, institutions, text)
        if target is not None:
            target.absorb(abbr)
    return _join_short_names(non_empty(groups))


def _join_short_names(groups: list[Group]) -> list[Group]:
    """A one-word name joins the one institution it begins, heads or names a site of ("Alma", "Hmeimim")."""
    for short in sorted([g for g in groups if g.type in ("ORG", "FAC", "GPE", "PER")
                         and all(" " not in s for s in g.surfaces)], key=lambda g: len(g.surfaces[0])):
        if short.country or short.canonical or _well_known_place(short.surfaces[0]):
            continue  # "Beijing" beside "Beijing Health Bureau" is the city, not a short name of the bureau
        owners = [g for g in groups if g is not short and g.type in ("ORG", "FAC") and g.mentions
                  and any(_short_name_of(short, g, s) for s in g.surfaces)]
        if len(owners) == 1:
            owners[0].absorb(short)
    return _join_shortened_names(non_empty(groups))


def _join_shortened_names(groups: list[Group]) -> list[Group]:
    """ "the Syrian Observatory" for "the Syrian Observatory for Human Rights", "the Syrian Coalition" for "the
    Syrian National Coalition": a name of two words or more, ending in an organisation word, whose words are
    the first word and some later words of the one institution of the document it could shorten."""
    org_heads = vocab.load("facilities").org_heads
    institutions = [g for g in groups if g.type in ("ORG", "FAC")]
    for short in [g for g in institutions if not g.country and not g.canonical and not g.body_name]:
        forms = [s.split() for s in short.surfaces]
        if not all(len(f) >= 2 and f[-1].lower() in org_heads for f in forms):
            continue
        owners = {id(g): g for g in institutions if g is not short and g.mentions and any(
            _shortens(f, s.split()) for f in forms for s in g.surfaces)}
        if len(owners) == 1:
            next(iter(owners.values())).absorb(short)
    return non_empty(groups)


def join_name_tails(groups: list[Group]) -> list[Group]:
    """ "Tahrir al-Sham" beside "Hayat Tahrir al-Sham", "Aerospace Forces" beside "Russian Aerospace Forces": an
    organisation's name of two words or more (Arabic articles not counted) that ends the one longer organisation
    name of the document is that organisation ("Police Command" beside two police commands stays apart).  Run
    after ``join_qualified``, so "CERS Institute 4000" is first read as a part of CERS."""
    articles = vocab.load("common_words").arabic_articles
    organisations = [g for g in groups if g.type == "ORG"]
    for short in [g for g in organisations if not g.country and not g.canonical and not g.body_name]:
        forms = [s.split() for s in short.surfaces]
        if not all(sum(w.lower() not in articles for w in f) >= 2 for f in forms):
            continue
        owners = {id(g): g for g in organisations if g is not short and g.mentions and any(
            len(s.split()) > len(f) and s.split()[-len(f):] == f for f in forms for s in g.surfaces)}
        if len(owners) == 1:
            next(iter(owners.values())).absorb(short)
    return non_empty(groups)


def _shortens(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is ``long``'s first word and some of its later words, in order, and shorter, its last
    word ending ``long`` or a part of it ("Observatory" before "for Human Rights"): "Syrian Army" does not
    shorten "Syrian Army Kills Top Terrorist"; a word skipped that names a kind of area makes another body: "Damascus
    Police Command" beside "Damascus Countryside Police Command"."""
    if len(short) >= len(long) or short[0] != long[0]:
        return False
    rest = iter(range(1, len(long)))
    at = 0
    areas = vocab.load("entity_words").area_nouns | vocab.load("common_words").admin_words
    for word in short[1:]:
        before = at
        at = next((k for k in rest if long[k] == word), -1)
        if at < 0 or any(w.lower() in areas for w in long[before + 1:at]):
            return False
    connectors = vocab.load("entity_words").connectors
    return at == len(long) - 1 or long[at + 1].lower() in connectors


def _expansion(abbr: Group, institutions: list[Group], text: str) -> Group | None:
    """The first institution whose initials are the abbreviation, or that a cue ties it to."""
    form = next(s for s in abbr.surfaces if s.isalpha())
    reach = settings().entities.abbreviation_cue_chars
    cue = _abbreviation_cue()
    for long in institutions:
        if long is abbr or not long.mentions:
            continue
        if any(_initials(s) == form.upper() and len(s.split()) > 1 for s in long.surfaces):
            return long
        if any(0 <= a.start - m.end <= reach and cue.match(text[m.end:a.start])
               for m in long.mentions for a in abbr.mentions):
            return long
    return None


def _short_name_of(short: Group, owner: Group, surface: str) -> bool:
    """Whether the one-word ``short`` names the institution named ``surface``."""
    word = short.surfaces[0]
    org_heads = vocab.load("facilities").org_heads
    return (_first_word_of(short, word, surface, org_heads)
            or (surface in (word + "s", word + "es") and short.type != "PER")  # "Houthi" and "the Houthis"
            or (owner.type == "FAC" and _site_named(surface, word))  # "Hmeimim" for "Hmeimim air base"
            or (word.lower() in org_heads and word in surface.split()[1:]))  # "the Observatory"


def _first_word_of(short: Group, word: str, surface: str, org_heads: frozenset[str]) -> bool:
    """ "Alma" (Research and Education Center); "Wagner" (Group), even read as a person; not the town in
    "Amuda power station", nor a town the gazetteer knows or a name written alone more than once that the text
    shows to be a place, before its institution ("Palmyra Coordination Committee", "a source at Sweida Police
    Command ... the countryside of Sweida"; a region's name may be a company's: "Caspian shippers" for "Caspian
    Marine Logistics")."""
    words = surface.split()
    if words[0] != word or (short.type in ("GPE", "LOC") and surface[len(word):].islower()):
        return False
    if short.type in ("GPE", "LOC") and (_town(word) or (
            len(short.mentions) > 1 and any(m.origin == "context" for m in short.mentions))):
        return False
    return (len(words) > 2 and short.type != "PER") or (len(words) == 2 and words[-1].lower() in org_heads)


def _town(name: str) -> bool:
    place = geo.lookup_place(name)
    return place is not None and place.kind == "city"


def _site_named(site: str, word: str) -> bool:
    """ "Hmeimim air base", "Wallace Air Station": the site's name is ``word`` plus facility head words, and
    ``word`` is no town the gazetteer knows (the town of Amuda is not "Amuda power station")."""
    words = site.split()
    rest = " ".join(words[1:]).lower()
    heads = vocab.load("facilities").facility_heads
    return (len(words) > 1 and words[0] == word and (rest in heads or all(w in heads for w in rest.split()) or
            (rest.split()[-1] in heads and len(words) <= 3)) and geo.lookup_place(word) is None)


def _well_known_place(name: str) -> bool:
    """A country, an admin area or a big city: never a short name of an institution.

    Regions are left out: "Caspian" beside "Caspian Marine Logistics" is the company.
    """
    place = geo.lookup_place(name)
    return place is not None and (place.kind in ("country", "admin")
                                  or place.population >= settings().entities.well_known_town_population)


def join_qualified(groups: list[Group]) -> tuple[list[Group], list[GroupRelation]]:
    """ "CERS Institute 4000" is "Institute 4000" named with its parent "CERS": an alias, and part_of."""
    relations = []
    names = {s: g for g in groups if g.type in ("ORG", "FAC") for s in g.surfaces}
    for g in list(groups):
        if g.type not in ("ORG", "FAC") or not g.mentions:
            continue
        for surface in g.surfaces:
            split = _parent_split(surface, g, names)
            if split is not None:
                base, owner = split
                mention = next(m for m in g.mentions if clean(m.text) == surface)
                base.absorb(g)
                base.qualified.add(surface)
                relations.append((base, "part_of", owner, Span(mention.start, mention.end, mention.text)))
                break
    return non_empty(groups), relations


def _parent_split(surface: str, g: Group, names: dict[str, Group]) -> tuple[Group, Group] | None:
    """(the named group, its parent) when ``surface`` is a parent's name followed by another group's name."""
    words = surface.split()
    for cut in range(1, len(words)):
        parent, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if parent in names and rest in names and names[rest] is not g and names[parent] is not g:
            return names[rest], names[parent]
    return None


def nested_parts(groups: list[Group], text: str) -> list[GroupRelation]:
    """ "Western Command of the Armed Forces of the Philippines" (two mentions): the unit is part_of the rest."""
    by_start = {m.start: (g, m) for g in groups if g.type == "ORG" for m in g.mentions}
    out = []
    for g in [g for g in groups if g.type == "ORG"]:
        for m in g.mentions:
            after = m.end + len(" of the ")
            if text[m.end:after] == " of the " and after in by_start and by_start[after][0] is not g:
                owner, inner = by_start[after]
                out.append((g, "part_of", owner, Span(m.start, inner.end, text[m.start:inner.end])))
    return out


def join_official_country_names(groups: list[Group]) -> list[Group]:
    """ "the Islamic Republic" is the country named in the document whose official name begins so."""
    countries = [g for g in groups if g.country]
    for g in [g for g in groups if g.type == "GPE" and not g.country]:
        form = g.surfaces[0].lower()
        owners = []
        for c in countries:
            record = pycountry.countries.get(alpha_2=c.country)
            official = getattr(record, "official_name", "") if record else ""
            if official and official.lower().startswith(form) and len(form.split()) > 1:
                owners.append(c)
        if len(owners) == 1:
            owners[0].absorb(g)
    return non_empty(groups)
