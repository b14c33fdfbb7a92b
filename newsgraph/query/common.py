"""What the query modules share: corpus ids of document entities, names of corpus entities, a corpus entity's
nodes and members (newest documents first, so a query reads a bounded number of them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from newsgraph.resolve.nodes import Node
from newsgraph.store import schema
from newsgraph.store.corpus_sync import chunks


def nodes_of(conn: Connection, corpus_id: str) -> list[Node]:
    """The nodes of a corpus entity, with their profiles (names, roles, countries... counted over members)."""
    n = schema.corpus_nodes
    rows = conn.execute(select(n.c.node, n.c.profile).where(n.c.corpus_id == corpus_id).order_by(n.c.node))
    return [Node.loads(r.node, r.profile) for r in rows]


def floors(conn: Connection, nodes: Iterable[str], limit: int) -> dict[str, int]:
    """node -> the lowest doc_pk among its members in the ``limit`` latest documents (its members from that
    document on are the ones a query reads): one index lookup per node."""
    m = schema.corpus_members
    out = {}
    for node in nodes:
        query = (select(m.c.doc_pk).where(m.c.node == node).order_by(m.c.doc_pk.desc())
                 .offset(limit - 1).limit(1))
        out[node] = conn.execute(query).scalar() or 0
    return out


def member_rows(conn: Connection, latest: Mapping[str, int], table: Any, columns: Sequence[Any],
                on: Any = None, whole: bool = False) -> list[Any]:
    """Rows of ``table`` joined to the sampled members (``latest``: node -> lowest doc_pk read), one query per
    node walking its (node, doc_pk) index; ``on``: the join condition, by default the member's own rows;
    ``whole``: the nodes read whole (floor 0) in one query per 500 (their rows in no set order)."""
    m = schema.corpus_members
    condition = on if on is not None else (table.c.doc_pk == m.c.doc_pk) & (table.c.local_id == m.c.local_id)
    rows: list[Any] = []
    if whole:
        for part in chunks(node for node, floor in latest.items() if floor == 0):
            rows.extend(conn.execute(select(m.c.doc_pk.label("member_doc"), m.c.local_id.label("member"), *columns)
                                     .join(table, condition).where(m.c.node.in_(part))))
        latest = {node: floor for node, floor in latest.items() if floor != 0}
    for node, floor in latest.items():
        query = (select(m.c.doc_pk.label("member_doc"), m.c.local_id.label("member"), *columns)
                 .join(table, condition).where(m.c.node == node, m.c.doc_pk >= floor))
        rows.extend(conn.execute(query))
    return rows


def latest_members(conn: Connection, nodes: Iterable[str], limit: int) -> list[tuple[int, str]]:
    """(doc_pk, local entity id) of the members of these nodes in the ``limit`` latest documents."""
    m = schema.corpus_members
    found: list[tuple[int, str]] = []
    for node in nodes:
        query = select(m.c.doc_pk, m.c.local_id).where(m.c.node == node).order_by(m.c.doc_pk.desc()).limit(limit)
        found.extend((r.doc_pk, r.local_id) for r in conn.execute(query))
    return sorted(found, reverse=True)[:limit]


def corpus_ids(conn: Connection, members: Iterable[tuple[int, str]]) -> dict[tuple[int, str], str]:
    """(doc_pk, local entity id) -> corpus id (the entity's own global id when it is not resolved).

    Reads the members of the documents concerned through the doc_pk index and keeps the wanted ones: a
    row-value IN would make SQLite scan the table."""
    e, m, n = schema.entities, schema.corpus_members, schema.corpus_nodes
    wanted = set(members)
    out: dict[tuple[int, str], str] = {}
    pks = sorted({pk for pk, _ in wanted})
    for i in range(0, len(pks), 500):
        part = pks[i:i + 500]
        query = (select(m.c.doc_pk, m.c.local_id, n.c.corpus_id).join(n, n.c.node == m.c.node)
                 .where(m.c.doc_pk.in_(part)))
        out.update({k: r.corpus_id for r in conn.execute(query) if (k := (r.doc_pk, r.local_id)) in wanted})
    missing = sorted({pk for pk, local in wanted if (pk, local) not in out})
    for i in range(0, len(missing), 500):
        query = select(e.c.doc_pk, e.c.local_id, e.c.global_id).where(e.c.doc_pk.in_(missing[i:i + 500]))
        out.update({k: r.global_id for r in conn.execute(query) if (k := (r.doc_pk, r.local_id)) in wanted})
    return out


def names(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """Corpus id -> its name (the id node's most frequent name); an id without a node names itself."""
    n = schema.corpus_nodes
    out: dict[str, str] = {}
    wanted = set(ids)
    for part in chunks(wanted):
        for r in conn.execute(select(n.c.node, n.c.profile).where(n.c.node.in_(part))):
            out[r.node] = Node.loads(r.node, r.profile).name
    return {i: out.get(i, i) for i in wanted}


def documents(conn: Connection, pks: Iterable[int]) -> dict[int, Any]:
    """doc_pk -> (doc_id, source, published, title) rows."""
    d = schema.documents
    out: dict[int, Any] = {}
    wanted = sorted(set(pks))
    for i in range(0, len(wanted), 500):
        query = select(d.c.pk, d.c.doc_id, d.c.source, d.c.published, d.c.title).where(d.c.pk.in_(wanted[i:i + 500]))
        out.update({r.pk: r for r in conn.execute(query)})
    return out


def type_of(corpus_id: str) -> str:
    """The entity type a corpus id's prefix names (country: and geonames: ids are places: GPE)."""
    prefix = corpus_id.split(":", 1)[0]
    return "GPE" if prefix in ("country", "geonames") else prefix.upper()


def kept_documents(conn: Connection, date_from: str | None, date_to: str | None,
                   outlet: str | None) -> dict[int, Any]:
    """doc_pk -> (pk, doc_id, source, published) of the documents of ``outlet`` (any case) whose date overlaps
    the range (``dates.overlaps``: an undated document only when no range is given)."""
    from newsgraph.query.dates import overlaps

    d = schema.documents
    rows = conn.execute(select(d.c.pk, d.c.doc_id, d.c.source, d.c.published))
    wanted = outlet.casefold() if outlet else None
    return {r.pk: r for r in rows
            if (wanted is None or (r.source or "").casefold() == wanted) and overlaps(r.published, date_from, date_to)}
