"""Reading a store's corpus events: ``CorpusEvent`` records with their reports and figures per source.

The corpus event of each stored event is in ``corpus_reports``; the events are read in order from one
streamed query over it, a page at a time: the reports' fields, counts and the claims in their sentences are
read for a page of events together (a few queries a page, never the whole store), and gathered by
``newsgraph.resolve.corpus_events`` exactly as the in-memory export gathers them.  So listing the corpus
events of a store (``newsgraph events``, the exports) holds one page, whatever the store's size.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, Engine, func, select, tuple_

from newsgraph.model import Claim, Event, Span
from newsgraph.resolve.corpus_events import CorpusEvent, EventReport, build_event, event_report
from newsgraph.store import schema
from newsgraph.store.bulk import among
from newsgraph.store.rows import quantities_by_owner

_BATCH = 500        # rows fetched at a time from the streamed query
_PAGE_EVENTS = 100  # events whose reports are read together
_PAGE_ROWS = 500    # or fewer events holding this many reports

Names = Callable[[set[str]], Mapping[str, str]]
"""Corpus entity ids -> their names (``Corpus.names``), for the figures' sources."""


def event_ids(conn: Connection) -> dict[tuple[str, str], str]:
    """(doc_id, event id) -> corpus event id, for every resolved stored event."""
    d, r = schema.documents, schema.corpus_reports
    query = select(d.c.doc_id, r.c.local_id, r.c.corpus_event).join(d, d.c.pk == r.c.doc_pk)
    return {(row.doc_id, row.local_id): row.corpus_event for row in conn.execute(query)}


def _span(row: Any) -> Span:
    return Span(row.ev_start, row.ev_end, row.ev_text)


def ordered(engine: Engine, column: Any) -> Any:
    """``column`` for ORDER BY in Python's order of strings (code points): SQLite compares UTF-8 bytes, which
    is that order; PostgreSQL's "C" collation is too (its default follows the locale)."""
    return column.collate("C") if engine.dialect.name == "postgresql" else column


def _event_rows(engine: Engine, by_size: bool, only: str | None) -> Any:
    """(corpus_event, doc_pk, local_id) of every stored report, grouped by event in the order asked."""
    r = schema.corpus_reports
    query = select(r.c.corpus_event, r.c.doc_pk, r.c.local_id)
    if only is not None:
        return query.where(r.c.corpus_event == only).order_by(r.c.doc_pk, r.c.local_id)
    if not by_size:
        return query.order_by(r.c.corpus_event, r.c.doc_pk, r.c.local_id)
    sizes = (select(r.c.corpus_event, func.count(func.distinct(r.c.doc_pk)).label("docs"),
                    func.count().label("reports")).group_by(r.c.corpus_event).subquery())
    return (query.join(sizes, sizes.c.corpus_event == r.c.corpus_event)
            .order_by(sizes.c.docs.desc(), sizes.c.reports.desc(), ordered(engine, r.c.corpus_event), r.c.doc_pk,
                      r.c.local_id))


def stream_events(engine: Engine, names: Names, by_size: bool = False, only: str | None = None,
                  told: Callable[[int], None] | None = None) -> Iterator[CorpusEvent]:
    """Every corpus event, by id (``by_size``: most documents first, then most reports, then id, as the corpus
    JSON and ``newsgraph events`` list them; ``only``: that one event), each built from its own reports, read
    a page of events at a time (``told``: the number of events so far, every hundred)."""
    with engine.connect() as outer, engine.connect() as conn:
        rows = iter(outer.execution_options(yield_per=_BATCH).execute(_event_rows(engine, by_size, only)))
        grouped = ((event_id, [(row.doc_pk, row.local_id) for row in group])
                   for event_id, group in itertools.groupby(rows, key=lambda row: row.corpus_event))
        done = 0
        while page := page_of(grouped, _PAGE_EVENTS, _PAGE_ROWS):
            found = reports_by_key(conn, [k for _, keys in page for k in keys])
            named = names({q.speaker for x in found.values() for q in x.quantities if q.speaker})
            for event_id, keys in page:
                done += 1
                if told is not None and done % 100 == 0:
                    told(done)
                yield build_event(event_id, [found[k] for k in keys if k in found], named)


def page_of(grouped: Iterator[tuple[str, list[Any]]], groups: int, rows: int) -> list[tuple[str, list[Any]]]:
    """The next groups of ``grouped`` (key, rows): ``groups`` of them, or fewer holding ``rows`` rows in all."""
    page: list[tuple[str, list[Any]]] = []
    held = 0
    for item in grouped:
        page.append(item)
        held += len(item[1])
        if len(page) >= groups or held >= rows:
            break
    return page


def _entities_of() -> Any:
    e, m, n = schema.entities, schema.corpus_members, schema.corpus_nodes
    return (select(e.c.doc_pk, e.c.local_id, func.coalesce(n.c.corpus_id, e.c.global_id).label("cid"))
            .outerjoin(m, (m.c.doc_pk == e.c.doc_pk) & (m.c.local_id == e.c.local_id))
            .outerjoin(n, n.c.node == m.c.node))


_ENTITIES = _entities_of()
_ENTITIES_OF = _ENTITIES.where(among(schema.entities.c.doc_pk))  # built once: building it costs more than running it


def entity_ids(conn: Connection, pks: Iterable[int]) -> dict[int, dict[str, str]]:
    """doc pk -> (local entity id -> corpus id, its own global id when unresolved) for the documents ``pks``."""
    out: dict[int, dict[str, str]] = {}
    for r in conn.execute(_ENTITIES_OF, {"part": list(pks)}):
        out.setdefault(r.doc_pk, {})[r.local_id] = r.cid
    return out


def _named_ids(conn: Connection, wanted: set[tuple[int, str]]) -> dict[int, dict[str, str]]:
    """``entity_ids`` of these (doc pk, local entity id) only."""
    e = schema.entities
    out: dict[int, dict[str, str]] = {}
    if wanted:
        for r in conn.execute(_ENTITIES.where(tuple_(e.c.doc_pk, e.c.local_id).in_(sorted(wanted)))):
            out.setdefault(r.doc_pk, {})[r.local_id] = r.cid
    return out


def _quantities(conn: Connection, pks: list[int], keys: list[tuple[int, str]]) -> dict[int, Any]:
    """doc pk -> (owner, owner id) -> quantities: of these events, and of every claim of their documents."""
    q = schema.quantities
    rows: list[Any] = []
    for wanted in (q.c.doc_pk.in_(pks) & (q.c.owner == "claim"),  # two queries: each uses the index on doc_pk
                   tuple_(q.c.doc_pk, q.c.owner_id).in_(keys) & (q.c.owner == "event")):
        rows += conn.execute(select(q).where(wanted)).mappings()
    rows.sort(key=lambda x: (x["doc_pk"], x["pk"]))
    owned: dict[int, Any] = {}
    for pk, group in itertools.groupby(rows, key=lambda x: x["doc_pk"]):
        owned[pk] = quantities_by_owner([dict(x) for x in group])
    return owned


def _claims(conn: Connection, owned: Mapping[int, Any]) -> dict[int, list[Claim]]:
    """doc pk -> its claims that count something (a report takes the counts of the claims overlapping it)."""
    c = schema.claims
    counting = [(pk, owner_id) for pk, by_owner in owned.items() for owner, owner_id in by_owner if owner == "claim"]
    claims: dict[int, list[Claim]] = {}
    if not counting:
        return claims
    query = select(c).where(tuple_(c.c.doc_pk, c.c.local_id).in_(counting)).order_by(c.c.doc_pk, c.c.seq)
    for row in conn.execute(query):
        claims.setdefault(row.doc_pk, []).append(Claim(
            id=row.local_id, speaker=row.speaker, speaker_text=row.speaker_text, cue=row.cue, stance=row.stance,
            text=row.text, evidence=_span(row), quantities=owned[row.doc_pk][("claim", row.local_id)]))
    return claims


def reports_by_key(conn: Connection, keys: list[tuple[int, str]]) -> dict[tuple[int, str], EventReport]:
    """The reports of these stored events (doc pk, local event id), with the counts of their documents' claims."""
    d, v = schema.documents, schema.events
    pks = sorted({pk for pk, _ in keys})
    docs = {row.pk: row for row in conn.execute(
        select(d.c.pk, d.c.doc_id, d.c.source, d.c.published).where(d.c.pk.in_(pks)))}
    owned = _quantities(conn, pks, keys)
    claims = _claims(conn, owned)
    query = select(v).where(tuple_(v.c.doc_pk, v.c.local_id).in_(keys)).order_by(v.c.doc_pk, v.c.seq)
    events = [(row.doc_pk, Event(
        id=row.local_id, type=row.type, trigger=row.trigger, evidence=_span(row), date=row.date,
        date_text=row.date_text, actors=tuple(row.actors), targets=tuple(row.targets), location=row.location,
        quantities=owned.get(row.doc_pk, {}).get(("event", row.local_id), ()))) for row in conn.execute(query)]
    # the corpus ids of what the reports name: actors, targets, place, the speakers of their counts
    named = {(pk, x) for pk, ev in events for x in (*ev.actors, *ev.targets, ev.location) if x}
    named |= {(pk, q.speaker) for pk, by_owner in owned.items() for found in by_owner.values() for q in found
              if q.speaker}
    ids = _named_ids(conn, named)
    out = {}
    for pk, event in events:
        doc, mine = docs[pk], ids.get(pk, {})
        out[(pk, event.id)] = event_report(doc.doc_id, doc.source, doc.published, event, claims.get(pk, ()),
                                           mine.get)
    return out


def corpus_events(events: Iterable[CorpusEvent], entity: str | None = None, place: str | None = None,
                  min_documents: int = 1, limit: int | None = None) -> Iterator[CorpusEvent]:
    """Of ``events`` (most documents first), those told by ``min_documents`` or more, with ``entity`` as a
    participant or place, at ``place``; the first ``limit``."""
    kept = 0
    for e in events:
        if limit is not None and kept >= limit:
            return
        if len(e.documents) < min_documents:
            return  # the rest are told by fewer documents still
        if entity is not None and entity not in e.participants and entity not in e.places:
            continue
        if place is not None and place not in e.places:
            continue
        kept += 1
        yield e
