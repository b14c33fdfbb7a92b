"""The corpus graph of a store: corpus entities across documents, candidate pairs, an analyst's corrections.

    >>> from newsgraph.store import Store
    >>> from newsgraph.store.corpus import Corpus
    >>> with Store("news.db") as store:
    ...     corpus = Corpus(store)
    ...     corpus.entities("PER")[:5]          # most documents first
    ...     corpus.candidates(limit=20)         # pairs left apart, with the evidence for and against
    ...     corpus.merge("per:assad", "per:bashar-al-assad")
    ...     corpus.split("gpe:sy:jobar", "fakes-0123")

``Store.add`` resolves each new document as it is stored (``corpus_sync.attach_document``);
``resolve_all`` re-resolves the whole store after the rules change.  Corrections are
judgements kept in the store: they survive re-ingestion and re-resolution.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from newsgraph.errors import CorrectionError
from newsgraph.model import Entity
from newsgraph.resolve.batch import Resolution
from newsgraph.resolve.claim_corpus import ClaimTrust, CorpusClaim
from newsgraph.resolve.cluster import Candidate
from newsgraph.resolve.corpus_events import CorpusEvent
from newsgraph.resolve.entities import CorpusEntity, EntityBuilder
from newsgraph.resolve.events import EventResolution
from newsgraph.resolve.judgements import Judgement
from newsgraph.resolve.members import Member, members_of
from newsgraph.resolve.nodes import Node
from newsgraph.settings import settings
from newsgraph.store import corpus_claims, corpus_events, corpus_sync, event_records, schema
from newsgraph.store.bulk import execute

if TYPE_CHECKING:
    from newsgraph.store import Store

_RULES_KEY = select(schema.meta.c.key).where(schema.meta.c.key == "corpus_rules")  # built once: read per document
RULES = "2"  # bump when the resolution code changes what it decides; settings are hashed in too


def rules_version() -> str:
    """The rules a store was resolved with: the code's version and every corpus setting."""
    return RULES + "-" + hashlib.sha256(repr(asdict(settings().corpus)).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Status:
    entities: int  # corpus entities
    members: int  # document entities resolved
    pending: int  # document entities not resolved yet (a store from before resolution): run resolve_all
    candidates: int
    judgements: int
    rules_changed: bool  # resolved under other rules: run resolve_all


class Corpus:
    """The corpus identity layer of ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    # -- reading -----------------------------------------------------------------------------
    def resolution(self) -> Resolution:
        """Every stored document entity's node and corpus id, keyed by (doc_id, local id)."""
        d, e, m, n = schema.documents, schema.entities, schema.corpus_members, schema.corpus_nodes
        query = (select(d.c.doc_id, e.c.local_id, e.c.global_id, m.c.node, n.c.corpus_id)
                 .join(d, d.c.pk == e.c.doc_pk)
                 .outerjoin(m, (m.c.doc_pk == e.c.doc_pk) & (m.c.local_id == e.c.local_id))
                 .outerjoin(n, n.c.node == m.c.node))
        ids, nodes = {}, {}
        with self.engine.connect() as conn:
            for r in conn.execute(query):
                ids[(r.doc_id, r.local_id)] = r.corpus_id or r.global_id
                nodes[(r.doc_id, r.local_id)] = r.node or r.global_id
        return Resolution(ids=ids, nodes=nodes)

    def entities(self, type: str | None = None, corpus_id: str | None = None) -> list[CorpusEntity]:
        """Corpus entities (optionally of one type, or the one ``corpus_id``), most documents first."""
        d, e, m, n, men = (schema.documents, schema.entities, schema.corpus_members, schema.corpus_nodes,
                           schema.mentions)
        counted = select(men.c.doc_pk, men.c.entity_id, func.count().label("n"))
        if corpus_id is not None:  # count the mentions of this entity's documents only
            counted = counted.where(men.c.doc_pk.in_(
                select(m.c.doc_pk).join(n, n.c.node == m.c.node).where(n.c.corpus_id == corpus_id)))
        counts = counted.group_by(men.c.doc_pk, men.c.entity_id).subquery()
        query = (select(d.c.doc_id, e, m.c.node, n.c.corpus_id, counts.c.n)
                 .join(d, d.c.pk == e.c.doc_pk)
                 .outerjoin(m, (m.c.doc_pk == e.c.doc_pk) & (m.c.local_id == e.c.local_id))
                 .outerjoin(n, n.c.node == m.c.node)
                 .outerjoin(counts, (counts.c.doc_pk == e.c.doc_pk) & (counts.c.entity_id == e.c.local_id)))
        if corpus_id is not None:
            query = query.where(n.c.corpus_id == corpus_id)
        builder = EntityBuilder()
        with self.engine.connect() as conn:
            for r in conn.execute(query).mappings():
                entity = Entity(id=r["local_id"], name=r["name"], type=r["type"], aliases=tuple(r["aliases"]),
                                roles=tuple(r["roles"]), country=r["country"], lat=r["lat"], lon=r["lon"],
                                geonames_id=r["geonames_id"])
                cid = r["corpus_id"] or r["global_id"]
                builder.add(cid, r["node"] or r["global_id"], r["doc_id"], entity, r["n"] or 0)
        out = builder.build()
        return [x for x in out if x.type == type.upper()] if type else out

    def entity(self, corpus_id: str) -> CorpusEntity:
        """One corpus entity; ``CorrectionError`` naming the id when there is none."""
        found = self.entities(corpus_id=corpus_id)
        if not found:
            raise CorrectionError(f"{corpus_id}: no such corpus entity (newsgraph summary lists them)")
        return found[0]

    def names(self, ids: Iterable[str]) -> dict[str, str]:
        """The name of each corpus entity (its id node's most frequent name), without gathering its members."""
        n = schema.corpus_nodes
        out = {}
        with self.engine.connect() as conn:
            for part in corpus_sync.chunks(ids):
                for r in conn.execute(select(n.c.node, n.c.profile).where(n.c.node.in_(part))):
                    out[r.node] = Node.loads(r.node, r.profile).name
        return out

    def candidates(self, entity: str | None = None, limit: int | None = None) -> list[Candidate]:
        """Pairs possibly one thing but left apart, best first (of one entity, if given)."""
        c = schema.corpus_candidates
        query = select(c).order_by(c.c.score.desc(), c.c.members.desc(), c.c.left_id, c.c.right_id)
        if entity is not None:
            self.entity(entity)
            query = query.where((c.c.left_id == entity) | (c.c.right_id == entity))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [corpus_sync.candidate(r) for r in conn.execute(query)]

    def judgements(self) -> list[Judgement]:
        with self.engine.connect() as conn:
            return corpus_sync.load_judgements(conn)

    def status(self) -> Status:
        e, m, n, c, j = (schema.entities, schema.corpus_members, schema.corpus_nodes, schema.corpus_candidates,
                         schema.corpus_judgements)
        with self.engine.connect() as conn:
            def count(query: Any) -> int:
                return int(conn.execute(query).scalar_one())
            members = count(select(func.count()).select_from(m))
            rules = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "corpus_rules")).scalar()
            return Status(entities=count(select(func.count(func.distinct(n.c.corpus_id)))), members=members,
                          pending=count(select(func.count()).select_from(e)) - members,
                          candidates=count(select(func.count()).select_from(c)),
                          judgements=count(select(func.count()).select_from(j)),
                          rules_changed=members > 0 and rules is not None and rules != rules_version())

    # -- writing -----------------------------------------------------------------------------
    def attach(self, conn: Connection, doc_pk: int, document: Any) -> None:
        """Resolve a document ``Store.add`` has just written (inside its transaction): its entities, then its
        events (``corpus_events``: reports of one occurrence in several documents)."""
        moved = corpus_sync.attach_document(conn, doc_pk, document)
        known = corpus_events.DocumentIds()  # the corpus ids of the documents read, for both
        corpus_events.attach_events(conn, doc_pk, document, moved, known)
        corpus_claims.attach_claims(conn, doc_pk, document, moved, known)
        if execute(conn, _RULES_KEY).first() is None:
            conn.execute(schema.meta.insert().values(key="corpus_rules", value=rules_version()))

    def resolve_all(self) -> Status:
        """Resolve every stored document again (after the rules changed), applying every judgement."""
        members: list[tuple[int, Member]] = []
        pks = self._doc_pks()
        documents = [(pks[doc.doc_id], doc) for doc in self.store.documents()]
        for pk, doc in documents:
            members.extend((pk, m) for m in members_of(doc))
        with self.engine.begin() as conn:
            corpus_sync.rebuild(conn, members, corpus_sync.load_judgements(conn))
            corpus_events.rebuild(conn, documents, corpus_events.corpus_ids(conn))
            corpus_claims.rebuild(conn, _unique_texts(documents))
            meta = schema.meta
            conn.execute(meta.delete().where(meta.c.key == "corpus_rules"))
            conn.execute(meta.insert().values(key="corpus_rules", value=rules_version()))
        return self.status()

    def merge(self, a: str, b: str, author: str | None = None, note: str | None = None) -> CorpusEntity:
        """Record that corpus entities ``a`` and ``b`` are one thing; returns the merged entity."""
        from newsgraph.store.corrections import merge
        merged = merge(self, a, b, author, note)
        self.refresh_events()
        self.refresh_claims()
        return merged

    def split(self, entity: str, doc_id: str, author: str | None = None, note: str | None = None,
              name: str | None = None) -> CorpusEntity:
        """Record that ``entity`` as mentioned in ``doc_id`` (only its member named ``name``, if given) is
        something else; returns the split-off entity."""
        from newsgraph.store.corrections import split
        separate = split(self, entity, doc_id, author, note, name)
        self.refresh_events()
        self.refresh_claims()
        return separate

    def refresh_events(self) -> None:
        """Bring the corpus events up to date with the entity resolution (after a correction)."""
        with self.store.writer_lock() as conn:
            corpus_events.refresh(conn, corpus_events.stale_documents(conn))

    def refresh_claims(self) -> None:
        """Bring the claim links up to date with the entity resolution (after a correction)."""
        with self.store.writer_lock() as conn:
            corpus_claims.refresh(conn, corpus_claims.stale_documents(conn) | corpus_claims.stale_event_documents(conn))

    # -- claims across documents ------------------------------------------------------------------
    def claim_trust(self) -> ClaimTrust:
        """Every stored claim's links, source grade, independent sources and credibility, for the export."""
        from newsgraph.resolve.claim_corpus import trust_all
        from newsgraph.vocab.sources import load_sources
        with self.engine.connect() as conn:
            views = corpus_claims.load_views(conn)
            links = corpus_claims.load_links(conn)
            copies = corpus_claims.copies(conn)
            disputes = corpus_claims.disputes(conn)
            overrides = corpus_claims.overrides(conn)
        speakers = {v.speaker for v in views.values() if v.speaker} | {x for v in views.values() for x in v.via}
        names = self.names(speakers)
        return trust_all(views, links, copies, disputes, names.get, load_sources(), overrides)

    def claim_links(self) -> dict[str, int]:
        """How many claim pairs corroborate and contradict."""
        x = schema.corpus_claim_links
        with self.engine.connect() as conn:
            return dict(conn.execute(select(x.c.kind, func.count()).group_by(x.c.kind)).all())

    def claims(self, doc_id: str | None = None, linked: bool = False) -> list[CorpusClaim]:
        """Claims with their links and grades (of one document; ``linked``: only those with a link), graded a
        page of claims at a time from the stored assessments (``claim_assessments.trust_of``)."""
        import itertools

        from newsgraph.resolve.claim_corpus import CorpusClaim
        from newsgraph.store.claim_assessments import trust_of
        c, d, e, m, n = schema.claims, schema.documents, schema.entities, schema.corpus_members, schema.corpus_nodes
        speaker = func.coalesce(n.c.corpus_id, e.c.global_id).label("speaker_id")
        query = (select(d.c.doc_id, c, speaker).join(d, d.c.pk == c.c.doc_pk)
                 .outerjoin(e, (e.c.doc_pk == c.c.doc_pk) & (e.c.local_id == c.c.speaker))
                 .outerjoin(m, (m.c.doc_pk == e.c.doc_pk) & (m.c.local_id == e.c.local_id))
                 .outerjoin(n, n.c.node == m.c.node).order_by(d.c.doc_id, c.c.seq))
        if doc_id is not None:
            query = query.where(d.c.doc_id == doc_id)
        out = []
        with self.engine.connect() as conn, self.engine.connect() as reader:
            rows = iter(reader.execution_options(yield_per=500).execute(query))
            while page := list(itertools.islice(rows, 500)):
                trust = trust_of(conn, [f"{r.doc_id}/{r.local_id}" for r in page])
                for r in page:
                    key = f"{r.doc_id}/{r.local_id}"
                    if key not in trust:
                        continue
                    corroborated, contradicted, grades, groups = trust[key]
                    if linked and not (corroborated or contradicted):
                        continue
                    out.append(CorpusClaim(key, r.doc_id, r.speaker_id if r.speaker else None, r.speaker_text,
                                           r.stance, r.text, tuple(corroborated), tuple(contradicted), grades,
                                           tuple(tuple(g) for g in groups)))
        return out

    # -- corpus events -------------------------------------------------------------------------
    def event_resolution(self) -> EventResolution:
        """Every stored event's corpus event, keyed by (doc_id, event id), for the export."""
        with self.engine.connect() as conn:
            return EventResolution(ids=event_records.event_ids(conn))

    def events(self, entity: str | None = None, place: str | None = None, min_documents: int = 1,
               limit: int | None = None) -> list[CorpusEvent]:
        """Corpus events (reports of one occurrence across documents), most documents first; ``entity``: only
        those with this corpus entity as a participant or place, ``place``: only those at this place."""
        return list(self.iter_events(entity=entity, place=place, min_documents=min_documents, limit=limit))

    def iter_events(self, entity: str | None = None, place: str | None = None, min_documents: int = 1,
                    limit: int | None = None) -> Iterator[CorpusEvent]:
        """``events`` one at a time, read from the store a page of events at a time (memory does not grow with
        the store; reading stops at ``limit``, or at the first event told by fewer than ``min_documents``)."""
        for wanted in (entity, place):
            if wanted is not None:
                self.entity(wanted)
        yield from event_records.corpus_events(event_records.stream_events(self.engine, self.names, by_size=True),
                                               entity=entity, place=place, min_documents=min_documents, limit=limit)

    def event(self, corpus_event: str) -> CorpusEvent:
        """One corpus event; ``CorrectionError`` naming the id when there is none."""
        for found in event_records.stream_events(self.engine, self.names, only=corpus_event):
            return found
        raise CorrectionError(f"{corpus_event}: no such corpus event (newsgraph events lists them)")

    # -- helpers -----------------------------------------------------------------------------
    def _doc_pks(self) -> dict[str, int]:
        d = schema.documents
        with self.engine.connect() as conn:
            return {r.doc_id: r.pk for r in conn.execute(select(d.c.doc_id, d.c.pk))}

    def iter_members(self, conn: Connection, corpus_id: str) -> Iterator[Any]:
        """(doc_pk, doc_id, text_sha256, local_id, name, node) of every member of a corpus entity."""
        d, e, m, n = schema.documents, schema.entities, schema.corpus_members, schema.corpus_nodes
        query = (select(m.c.doc_pk, d.c.doc_id, d.c.text_sha256, m.c.local_id, e.c.name, m.c.node)
                 .join(n, n.c.node == m.c.node).join(d, d.c.pk == m.c.doc_pk)
                 .join(e, (e.c.doc_pk == m.c.doc_pk) & (e.c.local_id == m.c.local_id))
                 .where(n.c.corpus_id == corpus_id).order_by(d.c.doc_id, m.c.local_id))
        yield from conn.execute(query)


def _unique_texts(documents: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
    seen: set[str] = set()
    out = []
    for pk, doc in documents:
        if doc.text_sha256 not in seen:
            seen.add(doc.text_sha256)
            out.append((pk, doc))
    return out


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
