"""A document's entities as corpus resolution sees them: ``Member`` records with their node key and signals.

A member is one entity of one document.  Its *node key* (``newsgraph.resolve.ids``)
is what it is without looking at other documents; members with one node key are
one node, and ``newsgraph.resolve.cluster`` joins nodes.  Its *name key*
(``newsgraph.resolve.keys``) is what names are compared by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.geo import country_code, demonym_country
from newsgraph.model import Document
from newsgraph.resolve.ids import PLACE_TYPES, name_slug, node_key
from newsgraph.resolve.keys import is_generic_place, name_key

_ROLE_CUT = re.compile(r"\s+(?:of|in|for|at|with|to|from)\s+|,|\(|;")
_AFFILIATIONS = ("affiliated_with", "leads", "part_of")


@dataclass(frozen=True)
class Member:
    """One document entity: where it is (doc, local id) and what resolution reads from it."""

    doc_id: str
    doc_sha: str
    local_id: str
    type: str
    name: str
    key: str  # name key of its name
    node: str  # node key (see module docstring)
    kind: str  # "country", "geo" (a GeoNames place), "place" (a place without one), "name"
    aliases: tuple[str, ...] = ()
    alias_keys: tuple[str, ...] = ()
    role_heads: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # the entity's country, or the nationalities its roles name
    affiliations: tuple[str, ...] = ()  # name keys of what it is affiliated with or leads
    geonames_id: int | None = None


def role_head(role: str) -> str:
    """The office a role names: 'Syrian President' -> 'president', 'head of the Observatory' -> 'head'."""
    words = _ROLE_CUT.split(role.casefold(), maxsplit=1)[0].split()
    return words[-1].strip(".'\u2019") if words else ""


def role_countries(roles: tuple[str, ...]) -> set[str]:
    """Nationalities roles name: 'Syrian President' -> SY, "Russia's Foreign Minister" -> RU."""
    found: set[str] = set()
    for role in roles:
        for word in re.findall(r"[A-Z][\w.]*", role):
            code = demonym_country(word) or country_code(word.removesuffix("s"))
            if code is not None:
                found.add(code)
    return found


def members_of(document: Document) -> list[Member]:
    """The members of one document, in its entity order."""
    names = {e.id: e.name for e in document.entities}
    affiliations: dict[str, set[str]] = {}
    for relation in document.relations:
        if relation.predicate in _AFFILIATIONS and relation.object in names:
            affiliations.setdefault(relation.subject, set()).add(name_key(names[relation.object]))
    out = []
    for entity in document.entities:
        node, kind = node_key(entity)
        key = name_key(entity.name)
        if entity.type in PLACE_TYPES and kind in ("geo", "place") and is_generic_place(key):
            # "Old City": a node of its document alone, without the point a gazetteer gave the bare words
            node, kind = f"{entity.type.lower()}:{name_slug(entity.name)}~{document.text_sha256[:12]}", "place"
        aliases = tuple(a for a in entity.aliases if a != entity.name)
        countries = role_countries(entity.roles)
        if entity.country:
            countries.add(entity.country)
        out.append(Member(
            doc_id=document.doc_id, doc_sha=document.text_sha256, local_id=entity.id, type=entity.type,
            name=entity.name, key=key, node=node, kind=kind, aliases=aliases,
            alias_keys=tuple(sorted({k for a in aliases if (k := name_key(a)) and k != key})),
            role_heads=tuple(sorted({h for r in entity.roles if (h := role_head(r))})),
            countries=tuple(sorted(countries)), affiliations=tuple(sorted(affiliations.get(entity.id, ()))),
            geonames_id=entity.geonames_id))
    return out
