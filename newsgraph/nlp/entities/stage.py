"""Entities: one per real thing per document, with aliases, roles and affiliation relations.

Steps, in order:

1. typed mentions from ``mentions.find_mentions`` (spaCy NER repaired, the vocabulary and
   pattern scans of ``scans.py``, types checked by ``retyping.py``);
2. mentions grouped by a key (``groups.py``): the country code for countries, the
   canonical name for known organisations, a national body with its country ("Iran's
   Foreign Ministry", ``national_bodies.py``), otherwise the normalised text;
3. groups of one name typed differently joined, typed by all their mentions (``one_type.py``);
   groups joined when one names the other (``groups.py``, ``joins.py``): a surname to the
   full name ("Zehavi" -> "Sarit Zehavi"), an abbreviation to its expansion ("the Syrian
   Scientific Studies and Research Center, known by its French abbreviation, CERS";
   "Institute for National Security Studies (INSS)"; initials), a first word to an
   institution ("Alma"), a parent-qualified name to the name ("CERS Institute 4000" ->
   "Institute 4000", which also gives a ``part_of`` relation), an official-name form to its
   country ("the Islamic Republic" -> Iran when the document names Iran);
4. roles from title chains and appositions (``roles.py``), and relations to the
   organisations or countries named in them; leaders named without a title (``leadership.py``);
5. mentions by description ("the analyst", "the foreign minister", "the Britain-based monitor",
   ``descriptors.py``) and demonyms ("Iranian") added to the person, organisation or country they
   refer to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from newsgraph import geo, vocab
from newsgraph.model import Entity, Mention, Relation, Span
from newsgraph.nlp.doc_text import doc_text
from newsgraph.nlp.entities.descriptors import attach_descriptors
from newsgraph.nlp.entities.groups import (
    Group,
    group_mentions,
    join_people,
    join_place_readings,
    key,
    retype_surnames,
    without_generic_names,
)
from newsgraph.nlp.entities.joins import (
    GroupRelation,
    join_abbreviations,
    join_name_tails,
    join_official_country_names,
    join_qualified,
    nested_parts,
)
from newsgraph.nlp.entities.leadership import leadership_relations
from newsgraph.nlp.entities.mentions import find_mentions
from newsgraph.nlp.entities.one_type import join_place_forms, join_same_names, type_named_sites, without_town_noun
from newsgraph.nlp.entities.roles import roles_of
from newsgraph.nlp.entities.scans import MentionCandidate
from newsgraph.nlp.parse import Parsed


def extract_entities(parsed: Parsed) -> tuple[list[Entity], list[Relation]]:
    candidates = find_mentions(parsed)
    names = [c for c in candidates if c.type != "NORP"]
    groups = group_mentions(names, parsed.doc)
    relations: list[GroupRelation] = []
    retype_surnames(groups)
    groups = join_place_readings(groups)
    groups = join_place_forms(join_same_names(groups))
    type_named_sites(groups)
    groups = join_people(groups)
    groups = join_abbreviations(groups, parsed.text)
    groups = without_generic_names(groups)
    groups, parts = join_qualified(groups)
    relations += parts + nested_parts(groups, parsed.text)
    groups = join_name_tails(groups)
    live = {id(g) for g in groups}
    relations = [r for r in relations if id(r[0]) in live and id(r[2]) in live]  # a tail joined its owner
    groups = join_official_country_names(groups)
    _attach_demonyms(groups, [c for c in candidates if c.type == "NORP"])
    relations += _attach_roles(groups, parsed)
    relations += leadership_relations(groups, parsed.doc)
    attach_descriptors(groups, parsed.doc)
    groups.sort(key=lambda g: g.first)
    ids = {id(g): f"e{i}" for i, g in enumerate(groups, 1)}
    entities = [_entity(g, ids[id(g)]) for g in groups]
    out_relations = list({(ids[id(s)], p, ids[id(o)]): Relation(ids[id(s)], p, ids[id(o)], ev)
                          for s, p, o, ev in relations if s is not o}.values())
    return entities, out_relations


# --- roles, descriptors, demonyms ----------------------------------------------------------

def _attach_roles(groups: list[Group], parsed: Parsed) -> list[GroupRelation]:
    """Roles from title chains and appositions; the organisations and countries named in them are
    what the person leads ("president of X") or is affiliated with."""
    doc = parsed.doc
    leading = vocab.load("titles").leading
    relations: list[GroupRelation] = []
    by_offset: dict[tuple[int, int], Group] = {}
    for g in groups:
        for offsets in [*((m.start, m.end) for m in g.mentions), *((m.start, m.end) for m in g.extra)]:
            by_offset[offsets] = g
    for g in [g for g in groups if g.type == "PER"]:
        for m in g.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for role in roles_of(doc, span):
                g.roles.append(role)
                if role.apposed is not None:  # the apposition's head refers to the person: claims find it
                    g.extra.append(Mention(*role.apposed, doc_text(doc)[slice(*role.apposed)]))
                predicate = "leads" if role.head in leading else "affiliated_with"
                relations += [(g, predicate, other, Span(role.start, role.end, role.text))
                              for (s, e), other in by_offset.items()
                              if role.start <= s and e <= role.end and other is not g
                              and other.type in ("ORG", "FAC", "GPE")]
    return relations


def _attach_demonyms(groups: list[Group], demonyms: list[MentionCandidate]) -> None:
    """ "Iranian involvement" mentions Iran when the document names Iran.  A demonym spaCy took for a name
    ("Ugandan rebels" read as an organisation) names its country even when the document does not."""
    by_country = {g.country: g for g in groups if g.country}
    for d in demonyms:
        owner = by_country.get(d.country) if d.country else None
        if owner is None and d.country and d.origin == "context":
            owner = by_country[d.country] = Group(type="GPE", country=d.country)
            owner.add(replace(d, type="GPE"))
            groups.append(owner)
        elif owner is not None:
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
        name = max(surfaces, key=lambda s: (s not in g.qualified, without_town_noun(s) == s, len(s.split()), len(s)))
    aliases = tuple(s for s in surfaces if key(s) != key(name))
    roles = tuple(dict.fromkeys(r.text for r in sorted(g.roles, key=lambda r: r.start)))
    spans = [(m.start, m.end, m.text) for m in g.mentions] + [(m.start, m.end, m.text) for m in g.extra]
    mentions = sorted({(start, end): Mention(start, end, text) for start, end, text in spans}.values(),
                      key=lambda m: m.start)
    return Entity(id=entity_id, name=name, type=g.type, aliases=aliases, roles=roles, country=g.country,
                  mentions=tuple(mentions))
