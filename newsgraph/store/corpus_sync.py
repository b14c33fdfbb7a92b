"""Keeping the store's corpus tables equal to ``newsgraph.resolve.resolve_members`` over its documents.

Everything here runs inside the caller's transaction (``Store.add`` for a new
document, ``Corpus`` for corrections and re-resolution), in SQLAlchemy Core only.

A new document's members are added to their nodes (profiles are sums, so the order
documents come in does not matter); its nodes' blocking keys are indexed; links are
recomputed for every pair of a changed node and a node sharing one of its keys (so
the stored links are always those of the current profiles); the blocks touched are
joined and that block is clustered again.  No scan of the corpus: every query goes
through the node, key or block indexes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, or_, select, update

from newsgraph.model import Document
from newsgraph.resolve.batch import components
from newsgraph.resolve.cluster import Candidate, block_links, cluster_block
from newsgraph.resolve.judgements import DETACH, SAME, Applied, Judgement, apply
from newsgraph.resolve.links import Link, blocking_keys, compare
from newsgraph.resolve.members import Member, members_of
from newsgraph.resolve.nodes import Node, add_members, build_nodes, node_of, remove_members
from newsgraph.settings import settings
from newsgraph.store import schema
from newsgraph.store.bulk import among, execute, insert_rows

_CHUNK = 500  # bound parameters per IN (...): well under SQLite's and PostgreSQL's limits

# the statements of every ingest, built once (``among``: the IN list is given at execution)

_n, _k, _links, _cand = schema.corpus_nodes, schema.corpus_keys, schema.corpus_links, schema.corpus_candidates
_NODE_PROFILES = select(_n.c.node, _n.c.profile).where(among(_n.c.node))
_NODE_BLOCKS = select(_n.c.node, _n.c.block).where(among(_n.c.node))
_BLOCK_NODES = select(_n.c.node, _n.c.profile, _n.c.corpus_id, _n.c.block).where(among(_n.c.block))
_BLOCK_LINKS = select(_links, _n.c.block).join(_n, _n.c.node == _links.c.a).where(among(_n.c.block))
_RELABEL = update(_n).where(among(_n.c.block)).values(block=bindparam("label"))
_DROP_CANDIDATES = delete(_cand).where(among(_cand.c.block))
_DROP_KEYS = delete(_k).where(among(_k.c.node))
_DROP_LINKS = delete(_links).where(or_(among(_links.c.a), among(_links.c.b)))
_SHARING_KEYS = select(_k.c.key, _k.c.node).where(among(_k.c.key))
_JUDGEMENTS = select(schema.corpus_judgements).order_by(schema.corpus_judgements.c.pk)
_SET_PROFILE = update(_n).where(_n.c.node == bindparam("k")).values(
    profile=bindparam("profile"), members=bindparam("members"), type=bindparam("type"))
_SET_CORPUS_ID = update(_n).where(_n.c.node == bindparam("k")).values(corpus_id=bindparam("cid"))


def chunks(values: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(values))
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def stale_views(conn: Connection, refs: Any, moved: Iterable[str] | None = None) -> set[int]:
    """Documents whose stored views (``refs``: the corpus ids each view used, by document and local id) used a
    corpus id that has changed since: of those referencing the ``moved`` entity nodes, or (None) of the store."""
    if moved is None:
        return set(execute(conn, _stale_query(refs)).scalars())
    out: set[int] = set()
    query = _stale_query(refs, of_moved=True)
    for part in chunks(moved):
        out.update(execute(conn, query, {"part": part}).scalars())
    return out


@lru_cache(maxsize=8)
def _stale_query(refs: Any, of_moved: bool = False) -> Any:
    m, n = schema.corpus_members, schema.corpus_nodes
    query = (select(refs.c.doc_pk).distinct()
             .join(m, (m.c.doc_pk == refs.c.doc_pk) & (m.c.local_id == refs.c.local_id))
             .join(n, n.c.node == m.c.node).where(n.c.corpus_id != refs.c.corpus_id))
    return query.where(among(m.c.node)) if of_moved else query


def load_judgements(conn: Connection) -> list[Judgement]:
    return [Judgement(kind=r.kind, left=r.left_node, right=r.right_node, doc_sha=r.doc_sha, local_id=r.local_id,
                      name=r.name, author=r.author, note=r.note, created_at=r.created_at, id=r.pk)
            for r in execute(conn, _JUDGEMENTS)]


def load_nodes(conn: Connection, keys: Iterable[str]) -> dict[str, Node]:
    out: dict[str, Node] = {}
    for part in chunks(keys):
        for row in execute(conn, _NODE_PROFILES, {"part": part}):
            out[row.node] = Node.loads(row.node, row.profile)
    return out


def attach_document(conn: Connection, doc_pk: int, document: Document) -> list[str]:
    """Resolve a document just stored (``doc_pk``) against the corpus already in the store; returns the nodes
    whose corpus id changed (what references them, such as corpus events, is stale)."""
    members = members_of(document)
    if not members:
        return []
    judgements = load_judgements(conn)
    detached = apply([j for j in judgements if j.kind == DETACH and j.doc_sha == document.text_sha256],
                     members).detached
    by_node: dict[str, list[Member]] = {}
    for member in members:
        by_node.setdefault(node_of(member, detached), []).append(member)
    insert_rows(conn, schema.corpus_members, [{"doc_pk": doc_pk, "local_id": m.local_id, "node": node}
                                              for node, group in by_node.items() for m in group])
    changed = update_nodes(conn, by_node)
    return recluster(conn, refresh(conn, changed, judgements), judgements)


def update_nodes(conn: Connection, by_node: Mapping[str, Sequence[Member]], remove: bool = False) -> dict[str, Node]:
    """Add (or remove) members to their nodes' profiles; new nodes start as blocks of their own."""
    n = schema.corpus_nodes
    existing = load_nodes(conn, by_node)
    out: dict[str, Node] = {}
    new_rows, changed_rows = [], []
    for key in sorted(by_node):
        old = existing.get(key)
        node = remove_members(old, by_node[key]) if remove and old else add_members(old, key, by_node[key])
        values = {"profile": node.dumps(), "members": node.members, "type": node.type or "?"}
        if old is None:
            new_rows.append({"node": key, "block": key, "corpus_id": key, **values})
        else:
            changed_rows.append({"k": key, **values})
        out[key] = node
    insert_rows(conn, n, new_rows)
    if changed_rows:
        execute(conn, _SET_PROFILE, changed_rows)
    return out


def refresh(conn: Connection, changed: Mapping[str, Node], judgements: Sequence[Judgement]) -> list[str]:
    """Re-index the changed nodes' keys and links, join the blocks each touches; returns the blocks' labels."""
    k, links = schema.corpus_keys, schema.corpus_links
    for part in chunks(changed):
        execute(conn, _DROP_KEYS, {"part": part})
        execute(conn, _DROP_LINKS, {"part": part})
    keys = {key: blocking_keys(node) for key, node in changed.items()}
    rows = [{"key": b, "node": key} for key, bkeys in keys.items() for b in sorted(bkeys)]
    insert_rows(conn, k, rows)
    sharing: dict[str, set[str]] = {}  # blocking key -> nodes
    for part in chunks(set().union(*keys.values())):
        for row in execute(conn, _SHARING_KEYS, {"part": part}):
            sharing.setdefault(row.key, set()).add(row.node)
    partners = {key: set().union(*(sharing.get(b, set()) for b in bkeys)) - {key} for key, bkeys in keys.items()}
    profiles = {**load_nodes(conn, set().union(*partners.values()) - set(changed)), **changed}
    pairs = {tuple(sorted((key, other))) for key, others in partners.items() for other in others}
    found = [link for a, b in sorted(pairs) if (link := compare(profiles[a], profiles[b])) is not None]
    insert_rows(conn, links, [_link_row(x) for x in found])
    for j in judgements:  # an analyst's "same" holds two nodes in one block whatever their keys
        if j.kind == SAME and j.left in partners:
            partners[j.left].add(j.right)
        if j.kind == SAME and j.right in partners:
            partners[j.right].add(j.left)
    return join_blocks(conn, _groups(partners))


def _groups(partners: Mapping[str, set[str]]) -> list[set[str]]:
    """The changed nodes with their partners, grouped where they overlap (each group is one block after)."""
    groups: list[set[str]] = []
    for key in sorted(partners):
        group = {key} | partners[key]
        overlapping = [g for g in groups if g & group]
        for g in overlapping:
            group |= g
            groups.remove(g)
        groups.append(group)
    return groups


def join_blocks(conn: Connection, groups: Iterable[set[str]]) -> list[str]:
    """Put the blocks of each group's nodes (those that exist) under one label, the smallest; returns the labels."""
    groups = list(groups)
    block_of: dict[str, str] = {}
    for part in chunks(set().union(*groups) if groups else ()):
        block_of.update({r.node: r.block for r in execute(conn, _NODE_BLOCKS, {"part": part})})
    labels = set()
    for group in groups:
        blocks = {block_of[x] for x in group if x in block_of}
        if not blocks:
            continue
        label = min(blocks)
        labels.add(label)
        for part in chunks(blocks - {label}):
            execute(conn, _RELABEL, {"part": part, "label": label})
            execute(conn, _DROP_CANDIDATES, {"part": part})
    return sorted(labels)


def block_applied(judgements: Sequence[Judgement], nodes: Iterable[str]) -> Applied:
    inside = set(nodes)
    applied = apply([j for j in judgements if j.kind != DETACH], ())
    return Applied(same=tuple(p for p in applied.same if p[0] in inside and p[1] in inside),
                   different=tuple(p for p in applied.different if p[0] in inside and p[1] in inside))


def recluster(conn: Connection, labels: Sequence[str], judgements: Sequence[Judgement]) -> list[str]:
    """Cluster these blocks again and write their corpus ids and candidates; returns the nodes whose id changed."""
    c = schema.corpus_candidates
    if not labels:
        return []
    nodes: dict[str, dict[str, Node]] = {label: {} for label in labels}
    current: dict[str, str] = {}
    block_links: dict[str, list[Link]] = {label: [] for label in labels}
    for part in chunks(labels):
        for r in execute(conn, _BLOCK_NODES, {"part": part}):
            nodes[r.block][r.node] = Node.loads(r.node, r.profile)
            current[r.node] = r.corpus_id
        for r in execute(conn, _BLOCK_LINKS, {"part": part}):
            block_links[r.block].append(_link(r))
    moved, candidates = [], []
    for label in labels:
        judged = block_applied(judgements, nodes[label])
        result = cluster_block(nodes[label], judged.same, judged.different, block_links[label])
        moved += [{"k": key, "cid": cid} for key, cid in result.ids.items() if current.get(key) != cid]
        candidates += [_candidate_row(label, x) for x in result.candidates]
    if moved:
        execute(conn, _SET_CORPUS_ID, moved)
    for part in chunks(labels):
        execute(conn, _DROP_CANDIDATES, {"part": part})
    if candidates:
        conn.execute(insert(c), candidates)
    return [m["k"] for m in moved]


def rebuild(conn: Connection, members: Sequence[tuple[int, Member]], judgements: Sequence[Judgement]) -> int:
    """Resolve the whole store again from its members ((doc_pk, member) pairs); returns the number of nodes."""
    for table in schema.CORPUS_TABLES:
        conn.execute(delete(table))
    applied = apply(judgements, [m for _, m in members])
    nodes = build_nodes([m for _, m in members], applied.detached)
    if not nodes:
        return 0
    insert_rows(conn, schema.corpus_members, [
        {"doc_pk": pk, "local_id": m.local_id, "node": node_of(m, applied.detached)} for pk, m in members])
    node_rows: list[dict[str, Any]] = []
    key_rows: list[dict[str, Any]] = []
    link_rows: list[dict[str, Any]] = []
    candidate_rows: list[dict[str, Any]] = []
    for block in components(nodes, applied.same):
        label, inside = block[0], {k: nodes[k] for k in block}
        links = block_links(inside)
        judged = block_applied(judgements, inside)
        result = cluster_block(inside, judged.same, judged.different, links)
        for key, node in inside.items():
            node_rows.append({"node": key, "block": label, "corpus_id": result.ids[key], "type": node.type or "?",
                              "members": node.members, "profile": node.dumps()})
            key_rows.extend({"key": b, "node": key} for b in sorted(blocking_keys(node)))
        link_rows.extend(_link_row(x) for x in links)
        candidate_rows.extend(_candidate_row(label, x) for x in result.candidates)
    for table, rows in ((schema.corpus_nodes, node_rows), (schema.corpus_keys, key_rows),
                        (schema.corpus_links, link_rows), (schema.corpus_candidates, candidate_rows)):
        insert_rows(conn, table, rows)
    return len(nodes)


def _link_row(link: Link) -> dict[str, Any]:
    return {"a": link.a, "b": link.b, "kind": link.kind, "score": link.score, "support": link.support,
            "short_side": link.short_side, "evidence": json.dumps(
                {"for": list(link.evidence_for), "against": list(link.evidence_against)}, ensure_ascii=False)}


def _link(row: Any) -> Link:
    return _cached_link(row.a, row.b, row.kind, row.score, row.support, row.short_side, row.evidence)


@lru_cache(maxsize=settings().caches.entity_links)
def _cached_link(a: str, b: str, kind: str, score: float, support: int, short_side: str, evidence: str) -> Link:
    """A stored link; a block's links are read at every re-clustering, each parsed once per process."""
    found = json.loads(evidence)
    return Link(a, b, kind, score, support, short_side, tuple(found["for"]), tuple(found["against"]))


def _candidate_row(block: str, candidate: Candidate) -> dict[str, Any]:
    return {"block": block, "left_id": candidate.left, "right_id": candidate.right, "score": candidate.score,
            "kind": candidate.kind, "members": candidate.members,
            "evidence": {"for": list(candidate.evidence_for), "against": list(candidate.evidence_against)}}


def candidate(row: Any) -> Candidate:
    return Candidate(row.left_id, row.right_id, row.score, row.kind, tuple(row.evidence["for"]),
                     tuple(row.evidence["against"]), row.members)
