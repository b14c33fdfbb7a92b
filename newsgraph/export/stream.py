"""A store's corpus graph read one record at a time, for the exporters that stream (FTM, STIX, CSV).

``Corpus`` gathers whole lists (every entity, every corpus event) in memory; an export of a large store
must not.  These readers run ordered queries and group consecutive rows: ``entities`` yields one
``CorpusEntity`` per corpus id, ``documents`` one stored document with its corpus ids, ``corpus_events``
one ``CorpusEvent`` per occurrence, each built by the same code as ``Corpus`` builds them
(``EntityBuilder``, ``build_event``), so an export agrees with ``newsgraph summary`` and ``newsgraph
events``.  Everything is ordered by id, so the same store always exports the same bytes.

Claims across documents (corroborated_by / contradicted_by, source grades, claim credibility) reach the
exporters as ``StoredDocument.assessment(claim)``, filled by ``assessments`` from the store's claims layer.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, func, select

from newsgraph.model import Claim, Document, Entity
from newsgraph.resolve.corpus_events import CorpusEvent
from newsgraph.resolve.entities import CorpusEntity, EntityBuilder
from newsgraph.store import schema
from newsgraph.store.event_records import entity_ids, stream_events
from newsgraph.store.event_records import ordered as ordered_by

if TYPE_CHECKING:
    from newsgraph.store import Store

_BATCH = 500  # rows fetched at a time from a streamed query

Progress = Callable[[str, int, "int | None"], None]
"""Told (what is being read, how many so far, how many in all if known) as records are read."""
_progress: ContextVar[Progress | None] = ContextVar("export_progress", default=None)


@contextlib.contextmanager
def reporting(progress: Progress) -> Iterator[None]:
    """Within the block, every reader tells ``progress`` how far it is (a progress bar's feed)."""
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)


def _tell(what: str, done: int, total: int | None = None) -> None:
    progress = _progress.get()
    if progress is not None:
        progress(what, done, total)


@dataclass(frozen=True)
class Assessment:
    """What the corpus says of a claim (issue 12 part B2); empty where the store records nothing."""

    corroborated_by: tuple[str, ...] = ()  # export claim ids ("doc_id/c3")
    contradicted_by: tuple[str, ...] = ()
    source_grade: str | None = None        # Admiralty source reliability, A-F
    credibility: int | None = None         # Admiralty information credibility, 1-6
    independent_sources: int | None = None


@dataclass(frozen=True)
class StoredDocument:
    """A stored document with the corpus ids of its entities and events and the assessment of its claims."""

    document: Document
    entity_ids: dict[str, str]  # local entity id -> corpus entity id
    event_ids: dict[str, str]   # local event id -> corpus event id (resolved events only)
    ingested_at: str
    assessments: dict[str, Assessment] = field(default_factory=dict)  # local claim id -> assessment
    # local claim id -> (corroborated_by, contradicted_by, trust, independent groups) as the claims layer grades it
    trust: dict[str, Any] = field(default_factory=dict)

    def entity(self, local: str | None) -> str | None:
        return self.entity_ids.get(local, local) if local is not None else None

    def assessment(self, claim: Claim) -> Assessment:
        return self.assessments.get(claim.id) or Assessment()


def assessments(conn: Connection, doc_pk: int, doc: Document, graded: dict[str, Any] | None = None
                ) -> dict[str, Assessment]:
    """The corpus assessment of each claim of a stored document: its corroborations and contradictions across
    the corpus (with the document's own disputes), its source's Admiralty grade, its credibility and how many
    independent sources corroborate it (``newsgraph.store.claim_assessments``).  A claim the claims layer has
    no row of (a second copy of a stored text, a store made before it) keeps its own dispute only."""
    from newsgraph.store.claim_assessments import trust_of
    del doc_pk  # claims are keyed by doc id
    found = trust_of(conn, [f"{doc.doc_id}/{c.id}" for c in doc.claims])
    if graded is not None:
        graded.update({c.id: found[f"{doc.doc_id}/{c.id}"] for c in doc.claims if f"{doc.doc_id}/{c.id}" in found})
    out: dict[str, Assessment] = {}
    for c in doc.claims:
        trust = found.get(f"{doc.doc_id}/{c.id}")
        if trust is not None:
            corroborated, contradicted, grades, _ = trust
            out[c.id] = Assessment(tuple(corroborated), tuple(contradicted), grades.source_grade,
                                   grades.credibility, grades.independent_sources)
        elif c.disputed_by:
            out[c.id] = Assessment(contradicted_by=(f"{doc.doc_id}/{c.disputed_by}",))
    return out


def streamed(conn: Connection, query: Any) -> Iterator[Any]:
    """The rows of ``query``, fetched ``_BATCH`` at a time."""
    return iter(conn.execution_options(yield_per=_BATCH).execute(query))


def ordered(store: Store, column: Any) -> Any:
    """``column`` for ORDER BY in Python's order of strings (``event_records.ordered``)."""
    return ordered_by(store.engine, column)


def entities(store: Store) -> Iterator[CorpusEntity]:
    """Every corpus entity, by corpus id, each gathered from its members' rows alone."""
    d, e, m, n, men = (schema.documents, schema.entities, schema.corpus_members, schema.corpus_nodes,
                       schema.mentions)
    count = (select(func.count()).where((men.c.doc_pk == e.c.doc_pk) & (men.c.entity_id == e.c.local_id))
             .scalar_subquery())
    cid = func.coalesce(n.c.corpus_id, e.c.global_id)
    query = (select(cid.label("cid"), d.c.doc_id, e, m.c.node, count.label("n"))
             .join(d, d.c.pk == e.c.doc_pk)
             .outerjoin(m, (m.c.doc_pk == e.c.doc_pk) & (m.c.local_id == e.c.local_id))
             .outerjoin(n, n.c.node == m.c.node)
             .order_by(cid, d.c.doc_id, e.c.local_id))
    with store.engine.connect() as conn:
        for done, (corpus_id, rows) in enumerate(itertools.groupby(streamed(conn, query), key=lambda r: r.cid), 1):
            if done % 100 == 0:
                _tell("entities", done)
            yield corpus_entity(corpus_id, rows)


def corpus_entity(corpus_id: str, rows: Iterable[Any]) -> CorpusEntity:
    """One corpus entity from the stored rows of its members (document entity, node, mention count)."""
    builder = EntityBuilder()
    for r in rows:
        entity = Entity(id=r.local_id, name=r.name, type=r.type, aliases=tuple(r.aliases),
                        roles=tuple(r.roles), country=r.country, lat=r.lat, lon=r.lon,
                        geonames_id=r.geonames_id)
        builder.add(corpus_id, r.node or r.global_id, r.doc_id, entity, r.n or 0)
    return builder.build()[0]


def documents(store: Store) -> Iterator[StoredDocument]:
    """Every stored document by doc id, with its corpus ids."""
    d = schema.documents
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(d)).scalar_one()
    query = select(d.c.pk, d.c.doc_id, d.c.ingested_at).order_by(ordered(store, d.c.doc_id))
    with store.engine.connect() as listing:  # the listing streams: no list of every document
        for done, (pk, doc_id, ingested_at) in enumerate(streamed(listing, query)):
            _tell("documents", done, total)
            try:
                document = store.document(doc_id)
            except KeyError:  # deleted since the listing
                continue
            graded: dict[str, Any] = {}
            with store.engine.connect() as conn:
                ids = entity_ids(conn, [pk]).get(pk, {})
                events = _event_ids(conn, pk)
                assessed = assessments(conn, pk, document, graded)
            yield StoredDocument(document, ids, events, ingested_at, assessed, graded)


_EVENTS_OF = select(schema.corpus_reports.c.local_id, schema.corpus_reports.c.corpus_event).where(
    schema.corpus_reports.c.doc_pk == bindparam("pk"))


def _event_ids(conn: Connection, pk: int) -> dict[str, str]:
    return {row.local_id: row.corpus_event for row in conn.execute(_EVENTS_OF, {"pk": pk})}


def corpus_events(store: Store, by_size: bool = False) -> Iterator[CorpusEvent]:
    """Every corpus event, by id (``by_size``: most documents first, then most reports, then id, as the corpus
    JSON lists them), built from its own reports a page of events at a time (``event_records.stream_events``)."""
    from newsgraph.store.corpus import Corpus
    return stream_events(store.engine, Corpus(store).names, by_size=by_size,
                         told=lambda done: _tell("corpus events", done))
