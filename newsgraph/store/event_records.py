"""Reading a store's corpus events: ``CorpusEvent`` records with their reports and figures per source.

The corpus event of each stored event is in ``corpus_reports``; the reports' fields, counts and the claims
in their sentences are read from the extraction tables in one query each, and gathered by
``newsgraph.resolve.corpus_events`` exactly as the in-memory export gathers them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Connection, select

from newsgraph.model import Claim, Event, Span
from newsgraph.resolve.corpus_events import CorpusEvent, EventReport, build_event, event_report
from newsgraph.store import schema
from newsgraph.store.rows import quantities_by_owner


def event_ids(conn: Connection) -> dict[tuple[str, str], str]:
    """(doc_id, event id) -> corpus event id, for every resolved stored event."""
    d, r = schema.documents, schema.corpus_reports
    query = select(d.c.doc_id, r.c.local_id, r.c.corpus_event).join(d, d.c.pk == r.c.doc_pk)
    return {(row.doc_id, row.local_id): row.corpus_event for row in conn.execute(query)}


def _span(row: Any) -> Span:
    return Span(row.ev_start, row.ev_end, row.ev_text)


def load_reports(conn: Connection, corpus_id: Callable[[str, str], str | None]) -> dict[str, list[EventReport]]:
    """corpus event id -> its reports (``corpus_id``: (doc_id, local entity id) -> corpus entity id)."""
    d, v, c, q, r = schema.documents, schema.events, schema.claims, schema.quantities, schema.corpus_reports
    docs = {row.pk: row for row in conn.execute(select(d.c.pk, d.c.doc_id, d.c.source, d.c.published))}
    rows: dict[int, list[Any]] = {}
    for counted in conn.execute(select(q).order_by(q.c.doc_pk, q.c.pk)).mappings():
        rows.setdefault(counted["doc_pk"], []).append(counted)
    owned = {pk: quantities_by_owner(found) for pk, found in rows.items()}
    claims: dict[int, list[Claim]] = {}
    for row in conn.execute(select(c).order_by(c.c.doc_pk, c.c.seq)):
        mine = owned.get(row.doc_pk, {})
        claims.setdefault(row.doc_pk, []).append(Claim(
            id=row.local_id, speaker=row.speaker, speaker_text=row.speaker_text, cue=row.cue, stance=row.stance,
            text=row.text, evidence=_span(row), quantities=mine.get(("claim", row.local_id), ())))
    out: dict[str, list[EventReport]] = {}
    query = (select(v, r.c.corpus_event).join(r, (r.c.doc_pk == v.c.doc_pk) & (r.c.local_id == v.c.local_id))
             .order_by(v.c.doc_pk, v.c.seq))
    for row in conn.execute(query):
        doc = docs[row.doc_pk]
        event = Event(id=row.local_id, type=row.type, trigger=row.trigger, evidence=_span(row), date=row.date,
                      date_text=row.date_text, actors=tuple(row.actors), targets=tuple(row.targets),
                      location=row.location, quantities=owned.get(row.doc_pk, {}).get(("event", row.local_id), ()))
        out.setdefault(row.corpus_event, []).append(event_report(
            doc.doc_id, doc.source, doc.published, event, claims.get(row.doc_pk, ()),
            lambda local, doc_id=doc.doc_id: corpus_id(doc_id, local)))  # type: ignore[misc]
    return out


def corpus_events(groups: Mapping[str, list[EventReport]], names: Mapping[str, str], entity: str | None = None,
                  place: str | None = None, min_documents: int = 1, limit: int | None = None) -> list[CorpusEvent]:
    """The corpus events, most documents first (then most reports, then by id), filtered."""
    events = [build_event(cid, reports, names) for cid, reports in groups.items()
              if len({x.doc_id for x in reports}) >= min_documents]
    if entity is not None:
        events = [e for e in events if entity in e.participants or entity in e.places]
    if place is not None:
        events = [e for e in events if place in e.places]
    events.sort(key=lambda e: (-len(e.documents), -len(e.reports), e.id))
    return events[:limit] if limit is not None else events
