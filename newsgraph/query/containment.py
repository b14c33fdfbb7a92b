"""The corpus places inside a place: a country holds its towns, areas and regions; a first-level admin area
(a province, a governorate) holds the towns the gazetteer puts in it.

    >>> places_in(conn, "country:SY")            # {'country:SY', 'geonames:170063', 'gpe:idlib-province', ...}
    >>> places_in(conn, "gpe:idlib-province")    # {'gpe:idlib-province', 'geonames:169389', ...}

Where a place lies comes from the gazetteer: a place with a GeoNames id has its country and admin1 code there.
A place without one ("Idlib province", "Aleppo countryside": the places stage gives such names no point) is
in the admin area its name says: a name ending in an admin word (``common_words`` admin words, ``places_words``
admin suffixes) after a head that reads as an admin area, or as a town whose admin area bears the town's name
(a province named after its capital).  A country also holds every place whose members say they are in it
(the node profile's countries).  Any other place (a town) holds only itself.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from newsgraph.store import schema

if TYPE_CHECKING:
    from newsgraph.geo.gazetteer import Place

__all__ = ["places_in"]

Area = tuple[str, str | None]  # (ISO country, admin1 code or None for the whole country)


def places_in(conn: Connection, place_id: str, asked: str | None = None) -> set[str]:
    """The corpus ids of ``place_id`` and of every corpus place inside it; ``asked``: the name the place was
    asked for, when it says an admin area the place's own name does not ("Idlib province" is resolved to the
    town of Idlib, whose document entities were named so)."""
    from newsgraph.resolve.nodes import Node
    n = schema.corpus_nodes
    rows = list(conn.execute(select(n.c.node, n.c.corpus_id, n.c.profile)
                             .where(n.c.type.in_(("GPE", "LOC", "FAC")))))
    own = next((r for r in rows if r.node == place_id), None)
    area = _area(place_id, Node.loads(own.node, own.profile).name if own else None) or (
        _named_area(asked) if asked else None)
    if area is None:
        return {place_id}
    country, admin1 = area
    points = _points({r.corpus_id for r in rows})
    inside = {place_id}
    for r in rows:
        place = points.get(r.corpus_id)
        if place is not None:
            found: Area | None = (place.country or "", place.admin1 or None)
        elif admin1 is None:  # a country: the places whose members say they are in it
            if f'"{country}"' in r.profile and country in dict(json.loads(r.profile).get("countries", [])):
                inside.add(r.corpus_id)
            continue
        else:
            found = _named_area(Node.loads(r.node, r.profile).name)
        if found is not None and found[0] == country and (admin1 is None or found[1] == admin1):
            inside.add(r.corpus_id)
    return inside


def _points(corpus_ids: set[str]) -> dict[str, Place]:
    """corpus id -> the gazetteer's place, for the places with a GeoNames id."""
    ids = {c: int(c.split(":", 1)[1]) for c in corpus_ids if c.startswith("geonames:") and c[9:].isdigit()}
    found = _by_geonames_id(set(ids.values()))
    return {c: found[i] for c, i in ids.items() if i in found}


_KNOWN: dict[int, Place | None] = {}  # GeoNames id -> the gazetteer's place, for the process


def _by_geonames_id(ids: set[int]) -> dict[int, Place]:
    """The gazetteer's place of each of these GeoNames ids it has (its first record), read from the gazetteer
    file's ``places`` table (``geo.storage``) through a connection of its own: the file is immutable."""
    import sqlite3

    from newsgraph.geo.gazetteer import Place, store
    missing = sorted(i for i in ids if i not in _KNOWN)
    if missing:
        path = store().path
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True) if path else store().conn
        try:
            for start in range(0, len(missing), 500):
                part = missing[start:start + 500]
                found: dict[int, Place] = {}
                for row in conn.execute("SELECT name, country, lat, lon, geonames_id, population, kind, admin1, level "
                                        f"FROM places WHERE geonames_id IN ({', '.join('?' * len(part))}) "
                                        "ORDER BY id", part):
                    found.setdefault(int(row[4]), Place(*row))
                _KNOWN.update({i: found.get(i) for i in part})
        finally:
            if path:
                conn.close()
    return {i: p for i in ids if (p := _KNOWN.get(i)) is not None}


def _area(place_id: str, name: str | None) -> Area | None:
    """The country or admin area a place is, if it is one."""
    if place_id.startswith("country:"):
        return place_id.split(":", 1)[1], None
    place = _points({place_id}).get(place_id)
    if place is not None:
        if place.kind == "country" and place.country:
            return place.country, None
        return None  # a town or a region: itself only
    return _named_area(name) if name else None


@lru_cache(maxsize=4096)
def _named_area(name: str) -> Area | None:
    """The first-level admin area a place name without a point means ("Idlib province": SY, 12), if any."""
    from newsgraph import vocab
    from newsgraph.geo.gazetteer import admin_names
    from newsgraph.geo.readings import lookup_place
    from newsgraph.resolve.ids import normalise_name

    words = name.split()
    area_words = vocab.load("common_words").admin_words | set(vocab.load("places_words").admin_suffixes)
    whole = lookup_place(name)
    if whole is not None and whole.kind == "admin" and whole.level == 1 and whole.country:
        return whole.country, whole.admin1
    if len(words) < 2 or words[-1].casefold() not in area_words:
        return None
    head = " ".join(words[:-1])
    place = lookup_place(head)
    if place is None or not place.country or not place.admin1:
        return None
    if place.kind == "admin" and place.level == 1:
        return place.country, place.admin1
    named = admin_names().get((place.country, place.admin1))
    if place.kind == "city" and named is not None and (
            normalise_name(named.name) == normalise_name(head)
            or ((again := lookup_place(named.name)) is not None and again.geonames_id == place.geonames_id)):
        return place.country, place.admin1
    return None
