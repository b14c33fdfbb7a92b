"""What happened, in order: corpus events and dated claims, each date at its precision.

    >>> from newsgraph.query import timeline
    >>> t = timeline(store, place="Ghouta", date_from="2013-08")
    >>> [(i.date, i.precision, i.label) for i in t.items]   # [('2013-08-21', 'day', 'attack'), ...]

Filters (all optional, combined): ``entity`` (a name or corpus id, in any role: participant, place, speaker,
about); ``place`` (the place and every place in it: a country holds its towns and areas, a province its towns,
``query.containment``);
``date_from``/``date_to`` (any precision; an item is kept when the days it covers overlap the range).
Events carry their report and document counts and the figures each source gives (``CorpusEvent.figures``,
read from at most ``REPORTS_READ`` reports per event); claims are dated by their document.  Items sort by
``dates.date_key`` (2013 before 2013-08 before 2013-08-21; undated last).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from newsgraph.query.claims import ClaimRecord, Named, entity_claim_keys, load_claims
from newsgraph.query.common import corpus_ids, floors, member_rows, names
from newsgraph.query.containment import places_in
from newsgraph.query.dates import date_key, overlaps, precision
from newsgraph.query.names import resolve_in
from newsgraph.store import schema
from newsgraph.store.corpus_sync import chunks

if TYPE_CHECKING:
    from newsgraph.store import Store

__all__ = ["REPORTS_READ", "Figure", "Timeline", "TimelineItem", "timeline"]

REPORTS_READ = 12  # per event, for its type, date, place and figures (its report count counts them all)
_MEMBERS_READ = 500  # latest documents of the entity or place whose events are listed


@dataclass(frozen=True)
class Figure:
    counted: str                 # "killed", "injured:children", "buses"
    source: str                  # who says it: a speaker or the outlet
    low: int | None
    high: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"counted": self.counted, "source": self.source, "low": self.low, "high": self.high}

    def __str__(self) -> str:
        value = str(self.low) if self.low == self.high else f"{self.low or '?'}-{self.high or '?'}"
        return f"{self.counted} {value} ({self.source})"


@dataclass(frozen=True)
class TimelineItem:
    kind: str                    # "event" or "claim"
    id: str                      # corpus event id, or "doc_id/c1"
    date: str | None             # as written: 2013-08 is a month
    precision: str | None        # "year", "month", "day"
    type: str                    # the event's PLOVER type, or the claim's stance
    label: str                   # the event's trigger, or the claim's speaker and text
    place: Named | None
    reports: int                 # reports of the event (1 for a claim)
    documents: tuple[str, ...]   # doc ids (of the reports read)
    figures: tuple[Figure, ...] = ()
    claim: ClaimRecord | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "date": self.date, "precision": self.precision, "type": self.type,
                "label": self.label, "place": self.place.to_dict() if self.place else None, "reports": self.reports,
                "documents": list(self.documents), "figures": [f.to_dict() for f in self.figures],
                "claim": self.claim.to_dict() if self.claim else None}


@dataclass(frozen=True)
class Timeline:
    entity: str | None           # the corpus ids the filters resolved to
    place: str | None
    date_from: str | None
    date_to: str | None
    items: tuple[TimelineItem, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "place": self.place, "from": self.date_from, "to": self.date_to,
                "items": [i.to_dict() for i in self.items]}


def timeline(store: Store, entity: str | None = None, place: str | None = None, date_from: str | None = None,
             date_to: str | None = None, claims: bool = True, limit: int = 200) -> Timeline:
    """Corpus events (and, with ``claims``, dated claims) matching the filters, in date order, at most
    ``limit`` (the events told by most documents are kept first)."""
    with store.engine.connect() as conn:
        entity_id = resolve_in(conn, entity) if entity else None
        place_id = resolve_in(conn, place) if place else None
        def dated(value: str | None) -> bool:
            return overlaps(value, date_from, date_to)
        inside = places_in(conn, place_id, place) if place_id else None  # the place and the places in it
        events = _event_ids(conn, entity_id, inside, dated)
        items = [i for i in _events(conn, events, inside, limit, dated) if dated(i.date)]
        if claims:
            items += [i for i in _claims(conn, entity_id, place_id, limit) if overlaps(i.date, date_from, date_to)]
        kept = sorted(items, key=lambda i: (-len(i.documents), -i.reports, i.id))[:limit]
        return Timeline(entity=entity_id, place=place_id, date_from=date_from, date_to=date_to,
                        items=tuple(sorted(kept, key=lambda i: (date_key(i.date), i.kind, i.id))))


def _event_ids(conn: Connection, entity_id: str | None, inside: set[str] | None,
               dated: Callable[[str | None], bool]) -> Counter[str] | None:
    """The corpus events to list, with how many of the filters' sampled reports tell each (None: every one);
    ``inside``: the place asked for and the places in it; ``dated``: whether a report's date is in the range
    asked for."""
    refs, rep, m = schema.corpus_report_refs, schema.corpus_reports, schema.corpus_members
    wanted: Counter[str] | None = None
    for targets in [t for t in ({entity_id} if entity_id else None, inside) if t]:
        found: Counter[str] = Counter()
        latest = _latest(conn, targets)
        found.update(r.corpus_event for r in member_rows(
            conn, latest, refs.join(rep, rep.c.report == refs.c.report), [rep.c.corpus_event, rep.c.view],
            on=(refs.c.doc_pk == m.c.doc_pk) & (refs.c.local_id == m.c.local_id), whole=True)
            if dated(json.loads(r.view)["date"]))
        wanted = found if wanted is None else Counter({k: v for k, v in found.items() if k in wanted})
    return wanted


def _latest(conn: Connection, targets: set[str]) -> dict[str, int]:
    """node -> the lowest doc_pk read of its members (``floors``), for the nodes of these corpus entities: a
    country holds hundreds of places, most with fewer members than are read (counted at once, read whole)."""
    n, m = schema.corpus_nodes, schema.corpus_members
    nodes = sorted({x for part in chunks(targets)
                    for x in conn.execute(select(n.c.node).where(n.c.corpus_id.in_(part))).scalars()})
    sizes = {r.node: int(r.k) for part in chunks(nodes) for r in conn.execute(
        select(m.c.node, func.count().label("k")).where(m.c.node.in_(part)).group_by(m.c.node))}
    big = [x for x in nodes if sizes.get(x, 0) > _MEMBERS_READ]
    return {x: 0 for x in nodes if sizes.get(x, 0) <= _MEMBERS_READ} | floors(conn, big, _MEMBERS_READ)


@dataclass(frozen=True)
class _Read:
    features: dict[str, Any]
    view: dict[str, Any]
    doc_id: str
    doc_pk: int
    local_id: str
    outlet: str


def _events(conn: Connection, wanted: Counter[str] | None, places: set[str] | None, limit: int,
            dated: Callable[[str | None], bool]) -> list[TimelineItem]:
    """The ``limit`` events most told (of those ``wanted``), read from at most ``REPORTS_READ`` reports each."""
    rep, d = schema.corpus_reports, schema.documents
    if wanted is None:  # no entity or place: every event counts (a scan of the reports)
        wanted = Counter(r.corpus_event for r in conn.execute(select(rep.c.corpus_event, rep.c.view))
                         if dated(json.loads(r.view)["date"]))
    chosen = sorted(wanted, key=lambda ev: (-wanted[ev], ev))[:limit]
    counts = {r.corpus_event: int(r.n) for r in conn.execute(
        select(rep.c.corpus_event, func.count().label("n")).where(rep.c.corpus_event.in_(chosen))
        .group_by(rep.c.corpus_event))}
    read: dict[str, list[_Read]] = {}
    for ev in chosen:
        rows = conn.execute(select(rep.c.features, rep.c.view, rep.c.doc_pk, rep.c.local_id, d.c.doc_id, d.c.source)
                            .join(d, d.c.pk == rep.c.doc_pk).where(rep.c.corpus_event == ev).limit(REPORTS_READ))
        read[ev] = [_Read(json.loads(r.features), json.loads(r.view), r.doc_id, r.doc_pk, r.local_id,
                          r.source or r.doc_id) for r in rows]
    figures = _figures(conn, [x for found in read.values() for x in found])
    label = names(conn, {x.view["place"] for found in read.values() for x in found if x.view["place"]})
    out = []
    for ev, found in read.items():
        if places is None or any(x.view["place"] in places for x in found):
            out.append(_event_item(ev, found, counts[ev], label, figures))
    return out


def _event_item(corpus_event: str, found: Sequence[_Read], reports: int, label: dict[str, str],
                figures: dict[tuple[int, str], list[Said]]) -> TimelineItem:
    types = Counter(x.features["type"] for x in found)
    dates = Counter(x.view["date"] for x in found if x.view["date"])
    places = Counter(x.view["place"] for x in found if x.view["place"])
    triggers = Counter(x.features["trigger"] for x in found)
    date = min(dates, key=lambda v: (-dates[v], -len(v), v)) if dates else None
    place = min(places, key=lambda p: (p.startswith("country:"), -places[p], p)) if places else None
    ranges: dict[tuple[str, str], list[int]] = {}
    for x in found:
        for counted, source, low, high in figures.get((x.doc_pk, x.local_id), []):
            ranges.setdefault((counted, source or x.outlet), []).extend(v for v in (low, high) if v is not None)
    return TimelineItem(kind="event", id=corpus_event, date=date, precision=precision(date),
                        type=min(types, key=lambda t: (-types[t], t)),
                        label=min(triggers, key=lambda t: (-triggers[t], t)),
                        place=Named(place, label.get(place, place)) if place else None, reports=reports,
                        documents=tuple(sorted({x.doc_id for x in found})),
                        figures=tuple(Figure(counted=c, source=s, low=min(v) if v else None, high=max(v) if v else None)
                                      for (c, s), v in sorted(ranges.items())))


Said = tuple[str, str, int | None, int | None]  # (thing counted, who says it or "", low, high)


def _figures(conn: Connection, found: Sequence[_Read]) -> dict[tuple[int, str], list[Said]]:
    """(doc_pk, event id) -> (thing counted, who says it or "", low, high) of the counts its sentence states."""
    q = schema.quantities
    wanted = {(x.doc_pk, x.local_id) for x in found}
    rows: list[Any] = []
    pks = sorted({pk for pk, _ in wanted})
    for i in range(0, len(pks), 500):
        rows.extend(r for r in conn.execute(select(q).where(q.c.doc_pk.in_(pks[i:i + 500]), q.c.owner == "event"))
                    if (r.doc_pk, r.owner_id) in wanted)
    speakers = corpus_ids(conn, {(r.doc_pk, r.speaker) for r in rows if r.speaker})
    label = names(conn, speakers.values())
    out: dict[tuple[int, str], list[Said]] = {}
    for r in rows:
        cid = speakers.get((r.doc_pk, r.speaker)) if r.speaker else None
        source = label.get(cid, cid) if cid else (r.speaker_text or "")
        counted = f"{r.counted}:{r.unit}" if r.unit and r.unit != r.counted else r.counted
        out.setdefault((r.doc_pk, r.owner_id), []).append((counted, source, r.low, r.high))
    return out


def _claims(conn: Connection, entity_id: str | None, place_id: str | None, limit: int) -> list[TimelineItem]:
    c = schema.claims
    keys: list[tuple[int, str]] = []
    for corpus_id in (x for x in (entity_id, place_id) if x):
        for role in ("by", "about"):
            keys.extend(entity_claim_keys(conn, corpus_id, role, limit))
    if entity_id is None and place_id is None:
        keys = [(r.doc_pk, r.local_id) for r in conn.execute(
            select(c.c.doc_pk, c.c.local_id).order_by(c.c.doc_pk.desc(), c.c.seq).limit(limit))]
    out = []
    for claim in load_claims(conn, list(dict.fromkeys(keys))):
        out.append(TimelineItem(kind="claim", id=claim.id, date=claim.published, precision=precision(claim.published),
                                type=claim.stance, label=f"{claim.who}: {claim.text}", place=None, reports=1,
                                documents=(claim.doc_id,), claim=claim))
    return out
