"""Corpus ids: deterministic, from content, never from counters or the order documents came in.

Every document entity has a *node key*, what it is on its own:

- a country by its ISO code: ``country:SY`` (also "Syrias" with its apostrophe lost, and an
  organisation named like a country: "Syria said" is the country speaking);
- a town or area the gazetteer placed, by its GeoNames id: ``geonames:170654``;
- a place the gazetteer has no point for, by type and name: ``gpe:jobar`` (a village in
  Syria is not Syria; the country the document gives it is kept with it);
- anything else by type and name: ``per:bashar-al-assad``, ``org:islamic-state``.

A corpus entity (a cluster of nodes) takes the key of one of its nodes
(``newsgraph.resolve.cluster.cluster_id``): its country, its GeoNames place, else its
best-attested full name, so "Assad" joined to "Bashar al-Assad" is ``per:bashar-al-assad`` (best-attested by
members only with ``id_dominance`` times the next; between names cited about equally, by their words).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from newsgraph.geo import country_code
from newsgraph.geo.gazetteer import countries
from newsgraph.model import Entity
from newsgraph.resolve.keys import possessive_stem
from newsgraph.settings import settings

PLACE_TYPES = ("GPE", "LOC")
# types whose name may be a country's: metonymy ("Syria said") and mistyped possessives ("Syrias" ORG)
COUNTRY_TYPES = ("GPE", "LOC", "ORG")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_THE = re.compile(r"^the\s+", re.IGNORECASE)


def normalise_name(name: str) -> str:
    """A name folded for an id: no accents, lower case, 'the' dropped, words joined by '-'."""
    folded = unicodedata.normalize("NFKD", _THE.sub("", name.strip()))
    ascii_ish = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return _NON_WORD.sub("-", ascii_ish).strip("-")


def name_slug(name: str) -> str:
    """``normalise_name``, or a digest for other scripts and overlong names."""
    slug = normalise_name(name)
    if not slug or len(slug) > 80:
        digest = hashlib.sha256(unicodedata.normalize("NFKC", name).casefold().encode()).hexdigest()[:16]
        slug = (slug[:40] + "-" if slug else "") + digest
    return slug


@lru_cache(maxsize=settings().caches.names)
def _country_named(name: str) -> str | None:
    code = country_code(name)
    if code is None:
        stem = possessive_stem(name.casefold())
        code = country_code(stem) if stem else None
    return code


def entity_country(entity: Entity) -> str | None:
    """The ISO code when the entity *is* a country ('Syria', 'the U.S.', 'Syrias' with its apostrophe lost)."""
    if entity.type not in COUNTRY_TYPES:
        return None
    code = _country_named(entity.name)
    if code is None and entity.type in PLACE_TYPES and entity.country and entity.geonames_id is not None:
        record = countries().get(entity.country)
        code = entity.country if record is not None and record.geonames_id == entity.geonames_id else None
    if code is None or (entity.country is not None and entity.country != code):
        return None
    return code


def node_key(entity: Entity) -> tuple[str, str]:
    """(node key, kind) of a document entity; kind is "country", "geo", "place" or "name"."""
    code = entity_country(entity)
    if code is not None:
        return f"country:{code}", "country"
    if entity.type in PLACE_TYPES and entity.geonames_id is not None:
        return f"geonames:{entity.geonames_id}", "geo"
    key = f"{entity.type.lower()}:{name_slug(entity.name)}"
    # a place without a point keeps the country the places stage gave it in its profile, not in its key:
    # that country is the one the report is mostly about, and reports about two countries get it wrong
    return key, "place" if entity.type in (*PLACE_TYPES, "FAC") else "name"


def corpus_entity_id(entity: Entity) -> str:
    """The entity's own node key: its corpus id unless resolution joins it to another node."""
    return node_key(entity)[0]
