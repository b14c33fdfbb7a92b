"""Mention groups: the mentions of one real thing, and the joins that need only the names.

``group_mentions`` keys mentions (country code, known organisation, a national body with its
country, else the normalised text); the joins here put together what the names alone show to
be one thing: a surname and the full name, a place read as a person elsewhere, a bare "Foreign
Ministry" and the country-named one.  Joins that need the text around the names stay in
entities.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph import geo
from newsgraph.model import Mention
from newsgraph.nlp import lexicon
from newsgraph.nlp.entities import national_bodies
from newsgraph.nlp.entities.roles import Role
from newsgraph.nlp.entities.scans import Candidate


@dataclass
class Group:
    """Mentions of one real thing, as they are being gathered."""

    type: str
    mentions: list[Candidate] = field(default_factory=list)
    country: str | None = None
    canonical: str | None = None
    roles: list[Role] = field(default_factory=list)
    extra: list[Mention] = field(default_factory=list)  # descriptors and demonyms: mentions, not names
    qualified: set[str] = field(default_factory=set)  # "CERS Institute 4000": an alias, never the name
    body_name: str | None = None  # "Iran's Foreign Ministry" for the mentions "Foreign Ministry"

    @property
    def surfaces(self) -> list[str]:
        return list(dict.fromkeys(clean(m.text) for m in self.mentions))

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)



def clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    return re.sub(r"^(the|The)\s+", "", text)


def key(text: str) -> str:
    text = clean(text).casefold().replace("\u2019", "'")
    text = re.sub(r"(?<=\b\w)\.", "", text)  # U.S. -> us, U.N. -> un
    return re.sub(r"[^\w]+", " ", text).strip()


def group_mentions(candidates: list[Candidate], doc: Doc) -> list[Group]:
    by_key: dict[tuple[str, str], Group] = {}
    known = lexicon.known_organizations()
    for cand in candidates:
        family = "PLACE" if cand.type in ("GPE", "LOC", "FAC") else cand.type
        iso = cand.country or (None if geo.constituent_country(cand.text) else geo.country_code(cand.text))
        body = national_bodies.owner(doc, cand.start, cand.text) if cand.type in ("ORG", "FAC") else None
        if cand.type == "GPE" and iso:
            group_key = (family, f"country:{iso}")
        elif cand.type == "ORG" and (canonical := known.canonical_name(cand.text)):
            group_key = (family, f"known:{canonical}")
        elif body is not None:
            group_key = (family, f"body:{body.country}:{key(cand.text)}")
        else:
            group_key = (family, key(cand.text))
        group = by_key.setdefault(group_key, Group(type=cand.type))
        group.mentions.append(cand)
        if body is not None and group.body_name is None:
            group.body_name = body.name
        if group_key[1].startswith("country:"):
            group.country = group_key[1].split(":", 1)[1]
            group.type = "GPE"
        if group_key[1].startswith("known:"):
            group.canonical = group_key[1].split(":", 1)[1]
    return _join_bare_bodies(list(by_key.values()))


def _join_bare_bodies(groups: list[Group]) -> list[Group]:
    """A bare "the Foreign Ministry" is the country-named one before it ("Iran's Foreign Ministry")."""
    owned = [g for g in groups if g.body_name]
    for bare in [g for g in groups if not g.body_name and g.type in ("ORG", "FAC")
                 and national_bodies.is_generic_body(g.surfaces[0])]:
        same = [g for g in owned if key(bare.surfaces[0]) in {key(s) for s in g.surfaces}]
        if not same:
            continue
        for m in bare.mentions:
            before = [g for g in same if g.first < m.start]
            target = max(before, key=lambda g: max(x.start for x in g.mentions if x.start < m.start)) if before \
                else min(same, key=lambda g: g.first)
            target.mentions.append(m)
        bare.mentions = []
    return [g for g in groups if g.mentions]


def merge(into: Group, other: Group) -> None:
    into.mentions.extend(other.mentions)
    into.roles.extend(other.roles)
    into.extra.extend(other.extra)
    into.qualified |= other.qualified
    into.country = into.country or other.country
    into.canonical = into.canonical or other.canonical
    into.body_name = into.body_name or other.body_name


def retype_surnames(groups: list[Group]) -> None:
    """A one-word "place" or "organisation" that is the surname of a person named in full is that person."""
    surnames = {w for g in groups if g.type == "PER" and len(g.surfaces[0].split()) > 1
                for w in (g.surfaces[0].split()[-1], name_words(g.surfaces[0])[-1])}
    for g in groups:
        if g.type in ("GPE", "ORG", "LOC", "FAC") and not g.country and g.canonical is None:
            if all(s in surnames for s in g.surfaces):
                g.type = "PER"


def join_place_readings(groups: list[Group]) -> list[Group]:
    """ "Nishtun" read as a person in one sentence and as a place in another is the place, unless it is
    the surname of a person named in full (that case is ``_retype_surnames``)."""
    places_by_name = {key(s): g for g in groups if g.type in ("GPE", "LOC") for s in g.surfaces}
    for g in groups:
        if g.type in ("PER", "ORG") and g.canonical is None and not g.body_name and g.mentions and all(
                key(s) in places_by_name for s in g.surfaces):
            owner = places_by_name[key(g.surfaces[0])]
            if owner is not g:
                merge(owner, g)
                g.mentions = []
    return [g for g in groups if g.mentions]


def name_words(name: str) -> list[str]:
    """Words of a person's name without Arabic article prefixes: "al-Halabi" -> "Halabi"."""
    return [re.sub(r"^(?:al|el|as|ash|ad|an|ar|at|az)-", "", w, flags=re.I) for w in name.split()]


def join_people(groups: list[Group]) -> list[Group]:
    """Join "Zehavi" to "Sarit Zehavi": a shorter name whose words end (or, alone, begin) one longer name."""
    people = [g for g in groups if g.type == "PER"]
    for short in people:
        words = name_words(max(short.surfaces, key=len))
        owners = [g for g in people if g is not short and g.mentions and any(
            len(name_words(s)) > len(words) and (name_words(s)[-len(words):] == words
                                                  or (len(words) == 1 and name_words(s)[0] == words[0]))
            for s in g.surfaces)]
        if len({id(o) for o in owners}) == 1:
            merge(owners[0], short)
            short.mentions = []
    return [g for g in groups if g.mentions]

