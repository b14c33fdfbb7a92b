"""The places corpus events are reported at, for a map: coordinates, how exact they are, report counts.

    >>> from newsgraph.query import places
    >>> p = places(store, date_from="2013", outlet="Reuters")[0]   # most reports first
    >>> p.name, p.lat, p.lon, p.precision, p.reports               # ('Douma', 33.57, 36.4, 'town', 12)

``precision`` says what the point is: a town's own point, a region's or area's centre ("region"), or a
whole country's centre ("country"), so a map can draw a country-wide report differently from a town's.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from newsgraph.query.common import kept_documents, names
from newsgraph.store import schema
from newsgraph.store.corpus_sync import chunks

if TYPE_CHECKING:
    from newsgraph.store import Store

__all__ = ["ReportedPlace", "places"]


@dataclass(frozen=True)
class ReportedPlace:
    id: str            # corpus id
    name: str
    lat: float
    lon: float
    precision: str     # "town", "region" or "country"
    reports: int       # event reports placed there
    events: int        # corpus events those reports belong to
    documents: int     # documents giving them

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "lat": self.lat, "lon": self.lon, "precision": self.precision,
                "reports": self.reports, "events": self.events, "documents": self.documents}


def places(store: Store, date_from: str | None = None, date_to: str | None = None,
           outlet: str | None = None) -> list[ReportedPlace]:
    """The places of the event reports in the documents of ``outlet`` dated in the range, that have
    coordinates (the point most of the place's document entities give); most reports first."""
    rep, e, m, n = schema.corpus_reports, schema.entities, schema.corpus_members, schema.corpus_nodes
    with store.engine.connect() as conn:
        docs = kept_documents(conn, date_from, date_to, outlet)
        reports: Counter[str] = Counter()
        events: dict[str, set[str]] = {}
        in_docs: dict[str, set[int]] = {}
        for part in chunks(str(pk) for pk in docs):
            for x in conn.execute(select(rep.c.corpus_event, rep.c.doc_pk, rep.c.view)
                                  .where(rep.c.doc_pk.in_([int(p) for p in part]))):
                place = json.loads(x.view)["place"]
                if place:
                    reports[place] += 1
                    events.setdefault(place, set()).add(x.corpus_event)
                    in_docs.setdefault(place, set()).add(x.doc_pk)
        points: dict[str, Counter[tuple[float, float]]] = {}
        for part in chunks(reports):
            query = (select(n.c.corpus_id, e.c.lat, e.c.lon).join(m, m.c.node == n.c.node)
                     .join(e, (e.c.doc_pk == m.c.doc_pk) & (e.c.local_id == m.c.local_id))
                     .where(n.c.corpus_id.in_(part), e.c.lat.is_not(None)))
            for x in conn.execute(query):
                points.setdefault(x.corpus_id, Counter())[(x.lat, x.lon)] += 1
        label = names(conn, points)
    out = []
    for place, counted in points.items():
        lat, lon = min(counted, key=lambda p: (-counted[p], p))
        out.append(ReportedPlace(place, label[place], lat, lon, _precision(place, label[place]), reports[place],
                                 len(events[place]), len(in_docs[place])))
    return sorted(out, key=lambda p: (-p.reports, p.id))


def _precision(corpus_id: str, name: str) -> str:
    """How exact a marker is: a town's own point, a region's or area's centre, or a whole country's centre
    (the gazetteer's kind of the place its name reads as, when that is the same GeoNames place)."""
    from newsgraph.geo.readings import lookup_place

    if corpus_id.startswith("country:"):
        return "country"
    place = lookup_place(name)
    same = place is not None and (not corpus_id.startswith("geonames:")
                                  or str(place.geonames_id) == corpus_id.split(":", 1)[1])
    kind = place.kind if place is not None and same else ""
    return {"city": "town", "country": "country"}.get(kind, "region")
