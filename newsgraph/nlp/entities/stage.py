"""Entities: one per real thing per document, with aliases, roles and affiliation relations.

Steps, in order:

1. typed mentions from ``mentions.find_mentions`` (spaCy NER repaired, lexicons, patterns);
2. mentions grouped by a key (entity_groups.py): the country code for countries, the
   canonical name for known organisations, a national body with its country ("Iran's
   Foreign Ministry"), otherwise the normalised text;
3. groups joined when one names the other: a surname to the full name ("Zehavi" ->
   "Sarit Zehavi"), an abbreviation to its expansion ("the Syrian Scientific Studies and
   Research Center, known by its French abbreviation, CERS"; "Institute for National
   Security Studies (INSS)"; initials), a first word to an institution ("Alma"), a
   parent-qualified name to the name ("CERS Institute 4000" -> "Institute 4000", which
   also gives a ``part_of`` relation), an official-name form to its country ("the
   Islamic Republic" -> Iran when the document names Iran);
4. roles from title chains and appositions (roles.py), and relations to the
   organisations or countries named in them;
5. mentions by title alone ("the analyst", "the foreign minister") and demonyms
   ("Iranian") added to the person or country they refer to.
"""

from __future__ import annotations

import re
from collections import Counter

import pycountry
from spacy.tokens import Doc

from newsgraph import geo
from newsgraph.model import Entity, Mention, Relation, Span
from newsgraph.nlp import lexicon
from newsgraph.nlp.entities.groups import (
    Group,
    clean,
    group_mentions,
    join_people,
    join_place_readings,
    key,
    merge,
    retype_surnames,
)
from newsgraph.nlp.entities.leadership import leadership_relations
from newsgraph.nlp.entities.mentions import Candidate, find_mentions
from newsgraph.nlp.entities.roles import roles_of
from newsgraph.nlp.parse import Parsed

ABBREVIATION_CUES = re.compile(
    r"^\s*(?:\(|,?\s*(?:known|also known|abbreviated|referred to)\s+(?:as|by)\s+(?:its\s+)?(?:\w+\s+)?"
    r"(?:abbreviation|acronym|initials|name)?\s*,?\s*(?:as\s+)?|,?\s*or\s+)$")


def extract_entities(parsed: Parsed) -> tuple[list[Entity], list[Relation]]:
    candidates = find_mentions(parsed)
    names = [c for c in candidates if c.type != "NORP"]
    groups = group_mentions(names, parsed.doc)
    relations: list[tuple[Group, str, Group, Span]] = []
    retype_surnames(groups)
    groups = join_place_readings(groups)
    groups = join_people(groups)
    groups = _join_abbreviations(groups, parsed.text)
    groups, parts = _join_qualified(groups)
    relations += parts + _nested_parts(groups, parsed.text)
    groups = _join_official_country_names(groups)
    _attach_demonyms(groups, [c for c in candidates if c.type == "NORP"])
    relations += _attach_roles(groups, parsed)
    relations += leadership_relations(groups, parsed.doc)
    _attach_descriptors(groups, parsed.doc)
    groups.sort(key=lambda g: g.first)
    ids = {id(g): f"e{i}" for i, g in enumerate(groups, 1)}
    entities = [_entity(g, ids[id(g)]) for g in groups]
    out_relations = list({(ids[id(s)], p, ids[id(o)]): Relation(ids[id(s)], p, ids[id(o)], ev)
                          for s, p, o, ev in relations if s is not o}.values())
    return entities, out_relations


# --- joins that need the text around the names --------------------------------------------

def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ("of", "and", "for", "the", "on", "&", "de")]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _join_abbreviations(groups: list[Group], text: str) -> list[Group]:
    """Join an abbreviation to the name it abbreviates: explicit cue, or matching initials."""
    institutions = [g for g in groups if g.type in ("ORG", "FAC")]
    abbreviations = [g for g in institutions if any(re.fullmatch(r"[A-Z][A-Za-z]{1,7}", s) and
                                                    sum(ch.isupper() for ch in s) >= 2 for s in g.surfaces)]
    for abbr in abbreviations:
        form = next(s for s in abbr.surfaces if s.isalpha())
        target = None
        for long in institutions:
            if long is abbr or not long.mentions:
                continue
            if any(_initials(s) == form.upper() and len(s.split()) > 1 for s in long.surfaces):
                target = long
                break
            if any(0 <= a.start - m.end <= 60 and ABBREVIATION_CUES.match(text[m.end:a.start])
                   for m in long.mentions for a in abbr.mentions):
                target = long
                break
        if target is not None:
            merge(target, abbr)
            abbr.mentions = []
    groups = [g for g in groups if g.mentions]
    # "Alma" for "Alma Research and Education Center": a lone first word of one institution's name;
    # "the Observatory" for "Syrian Observatory for Human Rights": its head word
    heads = lexicon.institution_words().org_heads
    for short in sorted([g for g in groups if g.type in ("ORG", "FAC", "GPE", "PER")
                         and all(" " not in s for s in g.surfaces)], key=lambda g: len(g.surfaces[0])):
        if short.country or short.canonical:
            continue
        word = short.surfaces[0]
        if _well_known_place(word):
            continue  # "Beijing" beside "Beijing Health Bureau" is the city, not a short name of the bureau
        owners = [g for g in groups if g is not short and g.type in ("ORG", "FAC") and g.mentions and any(
            # "Alma" (Research and Education Center); "Wagner" (Group), even read as a person; not the town
            # in "Amuda power station"
            (s.split()[0] == word and not (short.type in ("GPE", "LOC") and s[len(word):].islower())
             and ((len(s.split()) > 2 and short.type != "PER") or (len(s.split()) == 2 and s.split()[-1].lower() in heads)))
            or (s in (word + "s", word + "es") and short.type != "PER")  # "Houthi" and "the Houthis"
            or (g.type == "FAC" and _site_named(s, word))  # "Hmeimim" for "Hmeimim air base"
            or (word.lower() in heads and word in s.split()[1:]) for s in g.surfaces)]
        if len(owners) == 1:
            merge(owners[0], short)
            short.mentions = []
    return [g for g in groups if g.mentions]


def _site_named(site: str, word: str) -> bool:
    """ "Hmeimim air base", "Wallace Air Station": the site's name is ``word`` plus facility head words, and
    ``word`` is no town the gazetteer knows (the town of Amuda is not "Amuda power station")."""
    words = site.split()
    rest = " ".join(words[1:]).lower()
    heads = lexicon.institution_words().facility_heads
    return (len(words) > 1 and words[0] == word and (rest in heads or all(w in heads for w in rest.split()) or
            (rest.split()[-1] in heads and len(words) <= 3)) and geo.lookup_place(word) is None)


def _well_known_place(name: str) -> bool:
    """A country, an admin area or a city of >= 100000 people: never a short name of an institution.

    Regions are left out: "Caspian" beside "Caspian Marine Logistics" is the company.
    """
    place = geo.lookup_place(name)
    return place is not None and (place.kind in ("country", "admin") or place.population >= 100_000)


def _join_qualified(groups: list[Group]) -> tuple[list[Group], list[tuple[Group, str, Group, Span]]]:
    """ "CERS Institute 4000" is "Institute 4000" named with its parent "CERS": an alias, and part_of."""
    relations = []
    names = {s: g for g in groups if g.type in ("ORG", "FAC") for s in g.surfaces}
    for g in list(groups):
        if g.type not in ("ORG", "FAC") or not g.mentions:
            continue
        for surface in g.surfaces:
            words = surface.split()
            for cut in range(1, len(words)):
                parent, rest = " ".join(words[:cut]), " ".join(words[cut:])
                if parent in names and rest in names and names[rest] is not g and names[parent] is not g:
                    base, owner = names[rest], names[parent]
                    mention = next(m for m in g.mentions if clean(m.text) == surface)
                    merge(base, g)
                    base.qualified.add(surface)
                    g.mentions = []
                    relations.append((base, "part_of", owner, Span(mention.start, mention.end, mention.text)))
                    break
            if not g.mentions:
                break
    return [g for g in groups if g.mentions], relations


def _nested_parts(groups: list[Group], text: str) -> list[tuple[Group, str, Group, Span]]:
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


def _join_official_country_names(groups: list[Group]) -> list[Group]:
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
            merge(owners[0], g)
            g.mentions = []
    return [g for g in groups if g.mentions]


# --- roles, descriptors, demonyms ----------------------------------------------------------

def _attach_roles(groups: list[Group], parsed: Parsed) -> list[tuple[Group, str, Group, Span]]:
    doc = parsed.doc
    relations = []
    by_offset = {(m.start, m.end): g for g in groups for m in [*g.mentions, *g.extra]}
    for g in [g for g in groups if g.type == "PER"]:
        for m in g.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for role in roles_of(doc, span):
                g.roles.append(role)
                for (s, e), other in by_offset.items():
                    if role.start <= s and e <= role.end and other is not g and other.type in ("ORG", "FAC", "GPE"):
                        predicate = "leads" if role.head in lexicon.titles().leading else "affiliated_with"
                        relations.append((g, predicate, other, Span(role.start, role.end, role.text)))
    return relations


def _attach_descriptors(groups: list[Group], doc: Doc) -> None:
    """ "the analyst said": a title alone refers to the one person the text gave that title."""
    by_head: dict[str, list[Group]] = {}
    for g in groups:
        for role in g.roles:
            by_head.setdefault(role.head, [])
            if g not in by_head[role.head]:
                by_head[role.head].append(g)
    taken = [(m.start, m.end) for g in groups for m in g.mentions]
    for tok in doc:
        owners = by_head.get(tok.lower_)
        if not owners or len(owners) != 1 or tok.dep_ in ("compound",):
            continue
        det = next((c for c in tok.children if c.dep_ in ("det", "poss")), None)
        if det is None or det.lower_ not in ("the", "this") or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
            continue
        start = doc[det.i].idx
        end = tok.idx + len(tok.text)
        if any(s < end and start < e for s, e in taken):
            continue
        owner = owners[0]
        if any(r.start <= start < r.end for r in owner.roles):
            continue
        if min(m.start for m in owner.mentions) < start:
            owner.extra.append(Mention(start, end, doc.text[start:end]))


def _attach_demonyms(groups: list[Group], demonyms: list[Candidate]) -> None:
    """ "Iranian involvement" mentions Iran when the document names Iran."""
    by_country = {g.country: g for g in groups if g.country}
    for d in demonyms:
        owner = by_country.get(d.country)
        if owner is not None:
            owner.extra.append(Mention(d.start, d.end, d.text))


# --- the record ----------------------------------------------------------------------------

def _entity(g: Group, entity_id: str) -> Entity:
    surfaces = g.surfaces
    if g.country:
        name = geo.country_name(g.country) or Counter(surfaces).most_common(1)[0][0]
    elif g.canonical:
        name = g.canonical
    elif g.body_name:
        name = g.body_name
    else:
        name = max(surfaces, key=lambda s: (s not in g.qualified, len(s.split()), len(s)))
    aliases = tuple(s for s in surfaces if key(s) != key(name))
    roles = tuple(dict.fromkeys(r.text for r in sorted(g.roles, key=lambda r: r.start)))
    mentions = sorted({(m.start, m.end): Mention(m.start, m.end, m.text) for m in [*g.mentions, *g.extra]}.values(),
                      key=lambda m: m.start)
    return Entity(id=entity_id, name=name, type=g.type, aliases=aliases, roles=roles, country=g.country,
                  mentions=tuple(mentions))
