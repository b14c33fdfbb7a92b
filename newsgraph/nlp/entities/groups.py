"""Mention groups: the mentions of one real thing, and the joins that need only the names.

``group_mentions`` keys mentions (country code, known organisation, a national body with its
country, else the normalised text); the joins here put together what the names alone show to
be one thing: a surname and the full name, a place read as a person elsewhere, a bare "Foreign
Ministry" and the country-named one.  Joins that need the text around the names are in
``joins.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph import geo, vocab
from newsgraph.model import Mention
from newsgraph.nlp.entities import national_bodies
from newsgraph.nlp.entities.roles import Role
from newsgraph.nlp.entities.scans import MentionCandidate
from newsgraph.vocab.entities import Organizations


@dataclass(eq=False)
class Group:
    """Mentions of one real thing, as they are being gathered.

    Mentions are only added (``add``, ``absorb``) or all handed on, so the distinct surface
    forms are kept up to date as they come instead of being worked out on every read.
    """

    type: str
    country: str | None = None
    canonical: str | None = None
    roles: list[Role] = field(default_factory=list)
    extra: list[Mention] = field(default_factory=list)  # descriptors and demonyms: mentions, not names
    qualified: set[str] = field(default_factory=set)  # "CERS Institute 4000": an alias, never the name
    body_name: str | None = None  # "Iran's Foreign Ministry" for the mentions "Foreign Ministry"
    _mentions: list[MentionCandidate] = field(default_factory=list)
    _surfaces: tuple[str, ...] = ()

    @property
    def mentions(self) -> Sequence[MentionCandidate]:
        return self._mentions

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The distinct cleaned forms of the mentions, in the order they came."""
        return self._surfaces

    @property
    def first(self) -> int:
        return min(m.start for m in self._mentions)

    def add(self, mention: MentionCandidate) -> None:
        self._mentions.append(mention)
        surface = clean(mention.text)
        if surface not in self._surfaces:
            self._surfaces += (surface,)

    def absorb(self, other: Group) -> None:
        """Take over everything ``other`` holds; ``other`` is left empty (dropped at the next filter)."""
        for mention in other.mentions:
            self.add(mention)
        self.roles.extend(other.roles)
        self.extra.extend(other.extra)
        self.qualified |= other.qualified
        self.country = self.country or other.country
        self.canonical = self.canonical or other.canonical
        self.body_name = self.body_name or other.body_name
        other.clear()

    def clear(self) -> None:
        self._mentions = []
        self._surfaces = ()


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    return re.sub(r"^(the|The)\s+", "", text)


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    text = clean(text).casefold().replace("\u2019", "'")
    text = re.sub(r"(?<=\b\w)\.", "", text)  # U.S. -> us, U.N. -> un
    return re.sub(r"[^\w]+", " ", text).strip()


def non_empty(groups: list[Group]) -> list[Group]:
    return [g for g in groups if g.mentions]


@lru_cache(maxsize=1)
def _known_keys() -> dict[str, str]:
    known: Organizations = vocab.load("organizations")
    return {key(form): known.canonical[form.lower()] for form in known.forms}


def _known_by_key(name_key: str) -> str | None:
    """A known organisation written with other punctuation: "Jaish al Islam" is "Jaish al-Islam"."""
    return _known_keys().get(name_key)


def group_mentions(candidates: list[MentionCandidate], doc: Doc) -> list[Group]:
    by_key: dict[tuple[str, str], Group] = {}
    known: Organizations = vocab.load("organizations")
    for cand in candidates:
        family = "PLACE" if cand.type in ("GPE", "LOC", "FAC") else cand.type
        iso = cand.country or (None if geo.constituent_country(cand.text) else geo.country_code(cand.text))
        body = national_bodies.owner(doc, cand.start, cand.text) if cand.type in ("ORG", "FAC") else None
        if cand.type == "GPE" and iso:
            group_key = (family, f"country:{iso}")
        elif cand.type == "ORG" and (canonical := known.canonical_name(cand.text) or _known_by_key(key(cand.text))):
            group_key = (family, f"known:{canonical}")
        elif body is not None:
            group_key = (family, f"body:{body.country}:{key(cand.text)}")
        else:
            group_key = (family, key(cand.text))
        group = by_key.setdefault(group_key, Group(type=cand.type))
        group.add(cand)
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
            target.add(m)
        bare.clear()
    return non_empty(groups)


def retype_surnames(groups: list[Group]) -> None:
    """A one-word "place" or "organisation" that is the surname of a person named in full is that person."""
    surnames = {w for g in groups if g.type == "PER" and len(g.surfaces[0].split()) > 1
                for w in (g.surfaces[0].split()[-1], name_words(g.surfaces[0])[-1])}
    for g in groups:
        if g.type in ("GPE", "ORG", "LOC", "FAC") and not g.country and g.canonical is None \
                and all(s in surnames for s in g.surfaces):
            g.type = "PER"


def join_place_readings(groups: list[Group]) -> list[Group]:
    """ "Nishtun" read as a person in one sentence and as a place in another is the place, unless it is
    the surname of a person named in full (that case is ``retype_surnames``)."""
    places_by_name = {key(s): g for g in groups if g.type in ("GPE", "LOC") for s in g.surfaces}
    for g in groups:
        if g.type in ("PER", "ORG") and g.canonical is None and not g.body_name and g.mentions and all(
                key(s) in places_by_name for s in g.surfaces):
            owner = places_by_name[key(g.surfaces[0])]
            if owner is not g:
                owner.absorb(g)
    return non_empty(groups)


@lru_cache(maxsize=1)
def _article_prefix() -> re.Pattern[str]:
    articles = vocab.load("common_words").arabic_articles
    return re.compile(r"^(?:" + "|".join(re.escape(a) for a in sorted(articles)) + r")-", re.IGNORECASE)


@lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """Words of a person's name without Arabic article prefixes: "al-Halabi" -> "Halabi"."""
    prefix = _article_prefix()
    return tuple(prefix.sub("", w) for w in name.split())


def join_people(groups: list[Group]) -> list[Group]:
    """Join "Zehavi" to "Sarit Zehavi": a shorter name whose words end (or, alone, begin) one longer name; and
    "Bashar Assad" to "Bashar al-Assad": one name with and without its Arabic article."""
    people = [g for g in groups if g.type == "PER"]
    for short in people:
        words = name_words(max(short.surfaces, key=len))
        owners = [g for g in people if g is not short and g.mentions and any(
            (len(name_words(s)) > len(words) and (name_words(s)[-len(words):] == words
                                                   or (len(words) == 1 and name_words(s)[0] == words[0])))
            or (len(words) > 1 and name_words(s) == words and s != max(short.surfaces, key=len))
            for s in g.surfaces)]
        if len({id(o) for o in owners}) == 1:
            owners[0].absorb(short)
    return non_empty(groups)


def without_generic_names(groups: list[Group]) -> list[Group]:
    """Drop what is named only by a word that names nothing alone ("Regime", "Eastern", "the Army", "the
    Observatory"), once the joins had their chance to tie it to a longer name of the document."""
    generic = vocab.load("entity_words").generic_words
    return [g for g in groups if g.country or g.canonical or g.body_name or g.type in ("WEA", "VEH")
            or not all(" " not in s and s.lower() in generic for s in g.surfaces)]
