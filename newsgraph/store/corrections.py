"""An analyst's corrections: ``merge`` two corpus entities, ``split`` one off a document.

Each is checked first and refused with a ``CorrectionError`` (nothing written) when
it makes no sense: an unknown id or document, an entity merged with itself, a person
merged with a place (or two countries, or a town with its country), a split off a
document that does not mention the entity or that is the only one mentioning it.
Otherwise the judgement is written and the block re-clustered in one transaction.
A merge overrides earlier "different" judgements between the two entities; a split
is a detach judgement plus "different" judgements against the entity's other nodes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, delete, insert, or_, select, update

from newsgraph.errors import CorrectionError
from newsgraph.resolve.cluster import compatible_types
from newsgraph.resolve.entities import CorpusEntity
from newsgraph.resolve.judgements import DETACH, DIFFERENT, SAME
from newsgraph.resolve.members import Member, members_of
from newsgraph.resolve.nodes import node_of
from newsgraph.store import corpus_sync, schema

if TYPE_CHECKING:
    from newsgraph.store.corpus import Corpus


def _row(kind: str, left: str, right: str = "", author: str | None = None, note: str | None = None,
         member: Member | None = None) -> dict[str, object]:
    from newsgraph.store.corpus import now
    return {"kind": kind, "left_node": left, "right_node": right, "doc_sha": member.doc_sha if member else "",
            "local_id": member.local_id if member else "", "name": member.name if member else "",
            "author": author, "note": note, "created_at": now()}


def merge(corpus: Corpus, a: str, b: str, author: str | None, note: str | None) -> CorpusEntity:
    if a == b:
        raise CorrectionError(f"{a}: an entity cannot be merged with itself")
    left, right = corpus.entity(a), corpus.entity(b)
    reason = compatible_types(left.type, right.type) or _gazetteer_clash(a, b)
    if reason:
        raise CorrectionError(f"{a} ({left.type}) and {b} ({right.type}) cannot be one thing: {reason}")
    with corpus.engine.begin() as conn:
        nodes_a = {r.node for r in corpus.iter_members(conn, a)}
        nodes_b = {r.node for r in corpus.iter_members(conn, b)}
        j = schema.corpus_judgements
        conn.execute(delete(j).where(and_(j.c.kind == DIFFERENT, or_(
            and_(j.c.left_node.in_(nodes_a), j.c.right_node.in_(nodes_b)),
            and_(j.c.left_node.in_(nodes_b), j.c.right_node.in_(nodes_a))))))
        conn.execute(insert(j).values(**_row(SAME, min(a, b), max(a, b), author, note)))
        _recluster(conn, nodes_a | nodes_b)
    return _entity_of_node(corpus, a)


def _gazetteer_clash(a: str, b: str) -> str | None:
    kinds = {x.split(":", 1)[0] for x in (a, b)}
    if kinds == {"country"} and a.split("~", 1)[0] != b.split("~", 1)[0]:  # "~": a member split off a country
        return "two different countries"
    if kinds == {"country", "geonames"}:
        return "a town or area is not its country"
    return None


def split(corpus: Corpus, entity: str, doc_id: str, author: str | None, note: str | None,
          name: str | None = None) -> CorpusEntity:
    found = corpus.entity(entity)
    try:
        document = corpus.store.document(doc_id)
    except KeyError:
        raise CorrectionError(f"{doc_id}: no such document in the store") from None
    if doc_id not in found.documents:
        raise CorrectionError(f"{entity} is not mentioned in {doc_id} (it is in {len(found.documents)} documents)")
    if len(found.documents) == 1:
        raise CorrectionError(f"{entity} is mentioned only in {doc_id}: there is nothing to split it from")
    local_ids = {local for d, local in found.members if d == doc_id}
    moving = [m for m in members_of(document) if m.local_id in local_ids
              and (name is None or m.name.casefold() == name.casefold())]
    if not moving:
        names = sorted({m.name for m in members_of(document) if m.local_id in local_ids})
        raise CorrectionError(f"{entity} has no entity named {name!r} in {doc_id} (it has {', '.join(names)})")
    with corpus.engine.begin() as conn:
        rows = list(corpus.iter_members(conn, entity))
        doc_pk = next(r.doc_pk for r in rows if r.doc_id == doc_id)
        current = {r.local_id: r.node for r in rows if r.doc_id == doc_id}
        j, m = schema.corpus_judgements, schema.corpus_members
        detached = {(x.doc_sha, x.local_id) for x in moving}
        new_nodes = {node_of(x, detached) for x in moving}
        others = {r.node for r in rows if r.doc_id != doc_id} | {current[x.local_id] for x in moving}
        for member in moving:
            conn.execute(insert(j).values(**_row(DETACH, current[member.local_id], "", author, note, member)))
            conn.execute(update(m).where((m.c.doc_pk == doc_pk) & (m.c.local_id == member.local_id))
                         .values(node=node_of(member, detached)))
        for new in sorted(new_nodes):
            for other in sorted(others - new_nodes):
                conn.execute(insert(j).values(**_row(DIFFERENT, new, other, author, note)))
        _move(conn, moving, current, detached)
    return _entity_of_node(corpus, sorted(new_nodes)[0])


def _move(conn: Connection, moving: list[Member], current: dict[str, str], detached: set[tuple[str, str]]) -> None:
    """Take the members out of their nodes into their own; re-index, re-cluster."""
    old: dict[str, list[Member]] = {}
    new: dict[str, list[Member]] = {}
    for member in moving:
        old.setdefault(current[member.local_id], []).append(member)
        new.setdefault(node_of(member, detached), []).append(member)
    shrunk = corpus_sync.update_nodes(conn, old, remove=True)
    grown = corpus_sync.update_nodes(conn, new)
    empty = sorted(k for k, node in shrunk.items() if node.members == 0)
    n, k, links = schema.corpus_nodes, schema.corpus_keys, schema.corpus_links
    for key in empty:
        conn.execute(delete(n).where(n.c.node == key))
        conn.execute(delete(k).where(k.c.node == key))
        conn.execute(delete(links).where(or_(links.c.a == key, links.c.b == key)))
    changed = {**{key: node for key, node in shrunk.items() if node.members}, **grown}
    judgements = corpus_sync.load_judgements(conn)
    corpus_sync.recluster(conn, corpus_sync.refresh(conn, changed, judgements), judgements)


def _recluster(conn: Connection, nodes: set[str]) -> None:
    corpus_sync.recluster(conn, corpus_sync.join_blocks(conn, [nodes]), corpus_sync.load_judgements(conn))


def _entity_of_node(corpus: Corpus, node: str) -> CorpusEntity:
    n = schema.corpus_nodes
    with corpus.engine.connect() as conn:
        cid = conn.execute(select(n.c.corpus_id).where(n.c.node == node)).scalar()
    return corpus.entity(cid or node)
