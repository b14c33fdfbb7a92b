"""Claims as an analyst reads them: speaker → via → stance → credibility, with the evidence sentence.

    >>> claims(store, about="Ghouta", stance="denied")        # names or corpus ids
    >>> claims(store, by="per:laurent-fabius", limit=10)
    >>> claims(store, via="Reuters")                         # a relaying entity, or the document's outlet
    >>> claims(store, contradicted=True)

Newest documents first (the latest ``limit``), each claim's entities as corpus ids with their names.
Cross-document links and grades (``corroborated_by``, ``contradicted_by``, ``source_grade``,
``credibility``) come from the corpus claims layer (``newsgraph.store.claim_assessments``); ``contradicted``
means disputed inside its own document (``disputed_by``) or contradicted by a claim of another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, and_, exists, func, or_, select, tuple_

from newsgraph.errors import NewsgraphError
from newsgraph.query.common import documents, names, nodes_of
from newsgraph.query.names import resolve_in
from newsgraph.store import schema
from newsgraph.store.corpus_sync import chunks

if TYPE_CHECKING:
    from newsgraph.store import Store

__all__ = ["ClaimRecord", "Named", "assessed", "claims", "claims_by_id", "linked_ids", "load_claims",
           "records_by_id"]


@dataclass(frozen=True)
class Named:
    """A corpus entity in a record: its id and name."""

    id: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True)
class ClaimRecord:
    id: str                      # "doc_id/c1"
    doc_id: str
    outlet: str | None
    published: str | None        # the document's date, as written (the claim's date)
    speaker: Named | None        # None: unattributed, or a speaker not resolved to an entity (see speaker_text)
    speaker_text: str | None
    via: tuple[Named, ...]
    about: tuple[Named, ...]
    cue: str
    stance: str
    text: str
    evidence: tuple[int, int, str]   # start, end, sentence
    disputed_by: str | None          # a claim of the same document that disputes it ("doc_id/c3")
    source_grade: str | None = None  # the source's Admiralty reliability letter (A-F)
    credibility: str | None = None   # the claim's grade, reliability and credibility ("B2")
    corroborated_by: tuple[str, ...] = ()  # claim ids in other documents
    contradicted_by: tuple[str, ...] = ()

    @property
    def who(self) -> str:
        return self.speaker.name if self.speaker else (self.speaker_text or "unattributed")

    def to_dict(self) -> dict[str, Any]:
        start, end, sentence = self.evidence
        return {"id": self.id, "doc_id": self.doc_id, "outlet": self.outlet, "published": self.published,
                "speaker": self.speaker.to_dict() if self.speaker else None, "speaker_text": self.speaker_text,
                "via": [v.to_dict() for v in self.via], "about": [a.to_dict() for a in self.about],
                "cue": self.cue, "stance": self.stance, "text": self.text,
                "evidence": {"start": start, "end": end, "text": sentence}, "disputed_by": self.disputed_by,
                "source_grade": self.source_grade, "credibility": self.credibility,
                "corroborated_by": list(self.corroborated_by), "contradicted_by": list(self.contradicted_by)}


def load_claims(conn: Connection, keys: Sequence[tuple[int, str]], assess: bool = True) -> list[ClaimRecord]:
    """The records of these claims ((doc_pk, local claim id)), in the order given; without ``assess``, without
    their grades and links (``assessed`` adds them: one call for several lists is cheaper than one each)."""
    c, r, m, n, e = schema.claims, schema.claim_refs, schema.corpus_members, schema.corpus_nodes, schema.entities
    pks = sorted({pk for pk, _ in keys})
    wanted = sorted(set(keys))
    rows: dict[tuple[int, str], Any] = {}
    refs: dict[tuple[int, str], list[tuple[str, str, str]]] = {}
    ref_query = (select(r.c.doc_pk, r.c.claim_id, r.c.role, r.c.entity_id,
                        func.coalesce(n.c.corpus_id, e.c.global_id).label("corpus_id"))
                 .join(e, (e.c.doc_pk == r.c.doc_pk) & (e.c.local_id == r.c.entity_id))
                 .outerjoin(m, (m.c.doc_pk == r.c.doc_pk) & (m.c.local_id == r.c.entity_id))
                 .outerjoin(n, n.c.node == m.c.node))
    for i in range(0, len(wanted), 500):  # the wanted claims only (ix_claims_doc_local), not their documents'
        part = wanted[i:i + 500]
        in_docs = sorted({pk for pk, _ in part})  # the documents' index first: SQLite scans for a row value alone
        rows.update({(x.doc_pk, x.local_id): x for x in conn.execute(
            select(c).where(c.c.doc_pk.in_(in_docs), tuple_(c.c.doc_pk, c.c.local_id).in_(part)))})
        for x in conn.execute(ref_query.where(r.c.doc_pk.in_(in_docs), tuple_(r.c.doc_pk, r.c.claim_id).in_(part))):
            refs.setdefault((x.doc_pk, x.claim_id), []).append((x.role, x.entity_id, x.corpus_id))
    label = names(conn, {cid for found in refs.values() for _, _, cid in found})
    docs = documents(conn, pks)
    out = [_record(rows[k], docs[k[0]], refs.get(k, []), label) for k in keys if k in rows]
    return assessed(conn, out) if assess else out


def records_by_id(conn: Connection, ids: Iterable[str], assess: bool = True) -> list[ClaimRecord]:
    """The records of these claim ids ("doc_id/c1"), in the order given; ids the store has not are left out."""
    d = schema.documents
    wanted = list(dict.fromkeys(ids))
    pk_of: dict[str, int] = {}
    for part in chunks({i.rsplit("/", 1)[0] for i in wanted if "/" in i}):
        pk_of.update({r.doc_id: r.pk for r in conn.execute(select(d.c.pk, d.c.doc_id).where(d.c.doc_id.in_(part)))})
    keys = [(pk_of[doc], local) for doc, _, local in (i.rpartition("/") for i in wanted) if doc in pk_of]
    return load_claims(conn, keys, assess)


def linked_ids(conn: Connection, ids: Iterable[str], per_claim: int) -> list[str]:
    """Claims of other documents that the corpus claim links tie to these claims: the ``per_claim`` best
    scored of each kind (corroborates, contradicts) for each claim (what a dossier shows beside them)."""
    x = schema.corpus_claim_links
    wanted = set(ids)
    partners: dict[tuple[str, str], list[tuple[float, str]]] = {}
    for part in chunks(wanted):
        for column, other in ((x.c.a, x.c.b), (x.c.b, x.c.a)):
            for r in conn.execute(select(column.label("own"), other.label("other"), x.c.kind, x.c.score)
                                  .where(column.in_(part))):
                partners.setdefault((r.own, r.kind), []).append((-r.score, r.other))
    picked = {o for found in partners.values() for _, o in sorted(found)[:per_claim]}
    return sorted(picked - wanted)


def claims_by_id(store: Store, ids: Iterable[str]) -> list[ClaimRecord]:
    """The records of these claim ids ("doc_id/c1"), in the order given (unknown ids are left out)."""
    with store.engine.connect() as conn:
        return records_by_id(conn, ids)


def assessed(conn: Connection, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """The records with their links and grades from the claims layer (those it has rows of)."""
    from newsgraph.store.claim_assessments import trust_of
    found = trust_of(conn, [r.id for r in records])
    out = []
    for r in records:
        if r.id not in found:
            out.append(r)
            continue
        corroborated, contradicted, grades, _ = found[r.id]
        out.append(replace(r, source_grade=grades.source_grade, credibility=grades.label,
                           corroborated_by=tuple(corroborated), contradicted_by=tuple(contradicted)))
    return out


def _record(row: Any, doc: Any, refs: Sequence[tuple[str, str, str]], label: Mapping[str, str]) -> ClaimRecord:
    def of(role: str, ordered: Iterable[str]) -> tuple[Named, ...]:
        present = {local: cid for rl, local, cid in refs if rl == role}
        return tuple(Named(present[x], label.get(present[x], present[x])) for x in ordered if x in present)
    speaker = of("by", [row.speaker]) if row.speaker else ()
    return ClaimRecord(
        id=f"{doc.doc_id}/{row.local_id}", doc_id=doc.doc_id, outlet=doc.source, published=doc.published,
        speaker=speaker[0] if speaker else None, speaker_text=row.speaker_text, via=of("via", row.via),
        about=of("about", row.about), cue=row.cue, stance=row.stance, text=row.text,
        evidence=(row.ev_start, row.ev_end, row.ev_text),
        disputed_by=f"{doc.doc_id}/{row.disputed_by}" if row.disputed_by else None)


def entity_claim_keys(conn: Connection, corpus_id: str, role: str, limit: int,
                      where: Sequence[Any] = ()) -> list[tuple[int, str]]:
    """(doc_pk, claim id) of the claims with this corpus entity in ``role`` ("by", "about", "via"), newest
    documents first, at most ``limit``; ``where``: further conditions on the claims table."""
    m, r, c = schema.corpus_members, schema.claim_refs, schema.claims
    found: list[tuple[int, str]] = []
    for node in nodes_of(conn, corpus_id):  # one query per node: each walks its members' index in doc order
        query: Select[Any] = (select(r.c.doc_pk, r.c.claim_id)
                              .join(m, (m.c.doc_pk == r.c.doc_pk) & (m.c.local_id == r.c.entity_id))
                              .where(m.c.node == node.key, r.c.role == role))
        if where:
            query = query.join(c, (c.c.doc_pk == r.c.doc_pk) & (c.c.local_id == r.c.claim_id)).where(*where)
        query = query.order_by(m.c.doc_pk.desc(), r.c.claim_id).limit(limit)
        found.extend((x.doc_pk, x.claim_id) for x in conn.execute(query))
    return sorted(set(found), key=lambda k: (-k[0], _claim_order(k[1])))[:limit]


def count_capped(conn: Connection, corpus_id: str, role: str, cap: int) -> int:
    """How many claims have this entity in ``role``, counted up to ``cap`` (a dossier says "cap+")."""
    m, r = schema.corpus_members, schema.claim_refs
    total = 0
    for node in nodes_of(conn, corpus_id):
        inner = (select(r.c.claim_id).join(m, (m.c.doc_pk == r.c.doc_pk) & (m.c.local_id == r.c.entity_id))
                 .where(m.c.node == node.key, r.c.role == role).limit(cap - total + 1).subquery())
        total += int(conn.execute(select(func.count()).select_from(inner)).scalar_one())
        if total > cap:
            return cap + 1
    return total


def _claim_order(local: str) -> tuple[int, str]:
    return (int(local[1:]) if local[1:].isdigit() else 0, local)


def _has(conn: Connection, corpus_id: str, role: str) -> Any:
    """A condition on claims: this corpus entity is in ``role``."""
    m, r, c, n = schema.corpus_members, schema.claim_refs, schema.claims, schema.corpus_nodes
    return exists(select(r.c.claim_id).join(m, (m.c.doc_pk == r.c.doc_pk) & (m.c.local_id == r.c.entity_id))
                  .join(n, n.c.node == m.c.node)
                  .where(r.c.doc_pk == c.c.doc_pk, r.c.claim_id == c.c.local_id, r.c.role == role,
                         n.c.corpus_id == corpus_id))


def _contradicted() -> Any:
    """A condition on claims: a claim of another document contradicts it (``corpus_claim_links``)."""
    c, d, x = schema.claims, schema.documents, schema.corpus_claim_links
    key = d.c.doc_id + "/" + c.c.local_id
    return exists(select(x.c.a).where(d.c.pk == c.c.doc_pk, x.c.kind == "contradicts", or_(x.c.a == key, x.c.b == key)))


def claims(store: Store, about: str | None = None, by: str | None = None, stance: str | None = None,
           via: str | None = None, contradicted: bool = False, limit: int = 50) -> list[ClaimRecord]:
    """Claims matching every filter given, newest documents first (the latest ``limit``).

    ``about``, ``by``: a corpus id or a name (``names.resolve``: ``AmbiguousName``/``UnknownName`` when it
    names several or none); ``via``: an entity that relays the claim, or when no entity has that name, the
    outlet of the claim's document; ``stance``: asserted, denied, ...; ``contradicted``: only claims disputed in
    their document or contradicted by another's.
    """
    c, d = schema.claims, schema.documents
    with store.engine.connect() as conn:
        roles = [(role, resolve_in(conn, name)) for role, name in (("by", by), ("about", about)) if name]
        where: list[Any] = []
        if via:
            try:
                roles.append(("via", resolve_in(conn, via)))
            except NewsgraphError:
                where.append(c.c.doc_pk.in_(select(d.c.pk).where(func.lower(d.c.source) == via.lower())))
        if stance:
            where.append(c.c.stance == stance)
        if contradicted:
            where.append(or_(c.c.disputed_by.is_not(None), _contradicted()))
        if roles:
            role, driver = roles[0]
            conditions = [*where, *(_has(conn, cid, rl) for rl, cid in roles[1:])]
            keys = entity_claim_keys(conn, driver, role, limit, conditions)
        else:
            query = select(c.c.doc_pk, c.c.local_id).where(and_(True, *where)).order_by(c.c.doc_pk.desc(), c.c.seq)
            keys = [(x.doc_pk, x.local_id) for x in conn.execute(query.limit(limit))]
        return load_claims(conn, keys)

