"""Keeping the store's corpus events equal to ``newsgraph.resolve.events.resolve_events`` over its documents.

Runs inside the caller's transaction (``Store.add`` through ``Corpus.attach``, after the document's entities
are resolved; ``Corpus`` for corrections and re-resolution), in SQLAlchemy Core only.

At ingest the new document's reports are stored, and so are refreshed the reports of every document whose
view is stale: one that references an entity whose corpus id the entity resolution just changed (found
through the blocks the new document's entities touched, never a scan).  A document's reports are refreshed
together (an undated report takes its date from its document's others): their views, refs and blocking keys
are rewritten, their links recomputed against the reports sharing a key, and the blocks they were in or now
link to are split into connected components and clustered again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from newsgraph.model import Document
from newsgraph.resolve.event_links import EventLink, compare
from newsgraph.resolve.events import cluster_views, document_links
from newsgraph.resolve.reports import Placed, Report, blocking_keys, placed_document, reports_of
from newsgraph.settings import settings
from newsgraph.store import schema
from newsgraph.store.bulk import among, execute, insert_rows
from newsgraph.store.corpus_sync import chunks, stale_views

# the statements of every ingest, built once (``among``: the IN list is given at execution)
_e, _m, _n = schema.entities, schema.corpus_members, schema.corpus_nodes
_rep, _refs, _keys, _links = (schema.corpus_reports, schema.corpus_report_refs, schema.corpus_report_keys,
                              schema.corpus_report_links)
_CORPUS_IDS = (select(_e.c.doc_pk, _e.c.local_id, _e.c.global_id, _n.c.corpus_id)
               .outerjoin(_m, (_m.c.doc_pk == _e.c.doc_pk) & (_m.c.local_id == _e.c.local_id))
               .outerjoin(_n, _n.c.node == _m.c.node))
_CORPUS_IDS_OF = _CORPUS_IDS.where(among(_e.c.doc_pk))
_DOC_FEATURES = select(_rep.c.doc_pk, _rep.c.features).where(among(_rep.c.doc_pk))
_BLOCKS_OF = select(_rep.c.block).where(among(_rep.c.report))
_DROP_REFS = delete(_refs).where(among(_refs.c.report))
_DROP_KEYS = delete(_keys).where(among(_keys.c.report))
_DROP_LINKS_A = delete(_links).where(among(_links.c.a))  # two statements: each uses its index
_DROP_LINKS_B = delete(_links).where(among(_links.c.b))
_SHARING = select(_keys.c.key, _keys.c.report).where(among(_keys.c.key))
_VIEWS = select(_rep.c.report, _rep.c.features, _rep.c.view).where(among(_rep.c.report))
_IN_BLOCKS = select(_rep).where(among(_rep.c.block))
_REPORTS = select(_rep).where(among(_rep.c.report))
_LINKS_BY = (select(_links).where(among(_links.c.a)), select(_links).where(among(_links.c.b)))
_SET_VIEW = update(_rep).where(_rep.c.report == bindparam("k")).values(view=bindparam("v"))
_SET_BLOCK = update(_rep).where(_rep.c.report == bindparam("k")).values(block=bindparam("blk"),
                                                                       corpus_event=bindparam("ev"))


def attach_events(conn: Connection, doc_pk: int, document: Document, moved: Iterable[str],
                  known: DocumentIds | None = None) -> None:
    """Resolve the events of a document just stored (``doc_pk``), its entities resolved already (``moved``: the
    entity nodes whose corpus id that changed; ``known``: the corpus ids read so far in this transaction)."""
    reports = reports_of(document)
    if reports:
        insert_rows(conn, schema.corpus_reports, [
            {"report": r.key, "doc_pk": doc_pk, "local_id": r.event_id, "features": r.dumps(), "view": "{}",
             "block": r.key, "corpus_event": ""} for r in reports])
    refresh(conn, {doc_pk} | stale_documents(conn, moved), known)


def stale_documents(conn: Connection, moved: Iterable[str] | None = None) -> set[int]:
    """Documents with a report whose view used a corpus id that has changed since: of those referencing the
    ``moved`` entity nodes, or (None) of the whole store."""
    return stale_views(conn, schema.corpus_report_refs, moved)


def corpus_ids(conn: Connection, doc_pks: Iterable[int] | None = None) -> dict[tuple[int, str], str]:
    """(doc_pk, local entity id) -> its corpus id now (its own node key when it is not resolved), for these
    documents or every one."""
    out: dict[tuple[int, str], str] = {}
    pks = sorted(set(doc_pks)) if doc_pks is not None else None
    parts = ([(_CORPUS_IDS, {})] if pks is None
             else [(_CORPUS_IDS_OF, {"part": pks[i:i + 500]}) for i in range(0, len(pks), 500)])
    for query, values in parts:
        for row in execute(conn, query, values):
            out[(row.doc_pk, row.local_id)] = row.corpus_id or row.global_id
    return out


class DocumentIds:
    """``corpus_ids`` of documents, each document's read once: the corpus events and the claim links of one
    ``Store.add`` both need them, and neither changes an entity's corpus id."""

    def __init__(self) -> None:
        self.read: set[int] = set()
        self.ids: dict[tuple[int, str], str] = {}

    def of(self, conn: Connection, doc_pks: Iterable[int]) -> Mapping[tuple[int, str], str]:
        """(doc_pk, local entity id) -> corpus id, for these documents (and the others read before)."""
        missing = set(doc_pks) - self.read
        if missing:
            self.ids.update(corpus_ids(conn, missing))
            self.read |= missing
        return self.ids


def _views(conn: Connection, doc_pks: set[int],
           ids: Mapping[tuple[int, str], str]) -> dict[str, tuple[int, Placed]]:
    """The refreshed views of these documents' reports: report key -> (doc_pk, view)."""
    by_doc: dict[int, list[Report]] = {}
    pks = sorted(doc_pks)
    for i in range(0, len(pks), 500):
        for row in execute(conn, _DOC_FEATURES, {"part": pks[i:i + 500]}):
            by_doc.setdefault(row.doc_pk, []).append(Report.loads(row.features))
    out: dict[str, tuple[int, Placed]] = {}
    for pk, reports in sorted(by_doc.items()):
        reports.sort(key=lambda r: r.key)
        for view in placed_document(reports, lambda local, pk=pk: ids.get((pk, local))):  # type: ignore[misc]
            out[view.report.key] = (pk, view)
    return out


def refresh(conn: Connection, doc_pks: set[int], known: DocumentIds | None = None) -> None:
    """Recompute the views, keys and links of these documents' reports and recluster what they touch."""
    refs, keys, links = (schema.corpus_report_refs, schema.corpus_report_keys,
                              schema.corpus_report_links)
    ids = (known or DocumentIds()).of(conn, doc_pks)
    fresh = _views(conn, doc_pks, ids)
    if not fresh:
        return
    days = settings().corpus_events.window_days
    old_blocks: set[str] = set()
    for part in chunks(fresh):
        old_blocks.update(execute(conn, _BLOCKS_OF, {"part": part}).scalars())
        for statement in (_DROP_REFS, _DROP_KEYS, _DROP_LINKS_A, _DROP_LINKS_B):
            execute(conn, statement, {"part": part})
    execute(conn, _SET_VIEW, [{"k": k, "v": view.dumps()} for k, (_, view) in fresh.items()])
    ref_rows = [{"report": k, "doc_pk": pk, "local_id": local, "corpus_id": ids[(pk, local)]}
                for k, (pk, view) in fresh.items() for local in view.report.references if (pk, local) in ids]
    key_of = {k: blocking_keys(view, days) for k, (_, view) in fresh.items()}
    _insert(conn, refs, ref_rows)
    _insert(conn, keys, [{"key": key, "report": k} for k, found in key_of.items() for key in sorted(found)])
    sharing = _sharing(conn, key_of)
    partners = set().union(*sharing.values()) if sharing else set()
    views = {k: view for k, (_, view) in fresh.items()} | _load_views(conn, partners - set(fresh))
    pairs = {(min(k, p), max(k, p)) for k, found in key_of.items() for key in found for p in sharing.get(key, ())
             if p != k}
    found_links = [x for a, b in sorted(pairs) if a in views and b in views and (x := compare(views[a], views[b]))]
    found_links += document_links([view for _, view in fresh.values()])
    _insert(conn, links, [_link_row(x) for x in {(x.a, x.b): x for x in found_links}.values()])
    linked = {x.a for x in found_links} | {x.b for x in found_links}
    for part in chunks(linked - set(fresh)):
        old_blocks.update(execute(conn, _BLOCKS_OF, {"part": part}).scalars())
    recluster(conn, old_blocks, set(fresh))


def _sharing(conn: Connection, key_of: Mapping[str, frozenset[str]]) -> dict[str, set[str]]:
    """blocking key -> every report that has it, for the keys of these reports (they included)."""
    sharing: dict[str, set[str]] = {}
    for part in chunks(set().union(*key_of.values()) if key_of else ()):
        for row in execute(conn, _SHARING, {"part": part}):
            sharing.setdefault(row.key, set()).add(row.report)
    return sharing


def _load_views(conn: Connection, report_keys: Iterable[str]) -> dict[str, Placed]:
    out = {}
    for part in chunks(report_keys):
        for row in execute(conn, _VIEWS, {"part": part}):
            out[row.report] = _view(row.features, row.view)
    return out


@lru_cache(maxsize=settings().caches.report_views)
def _view(features: str, view: str) -> Placed:
    """A stored report view; a block's reports are read at every re-clustering, each parsed once per process."""
    return Placed.loads(Report.loads(features), view)


def recluster(conn: Connection, blocks: set[str], also: set[str]) -> None:
    """Split these blocks (and the reports ``also``) into connected components of their links and cluster each."""
    rows: dict[str, Any] = {}
    for part in chunks(blocks):
        rows.update({r.report: r for r in execute(conn, _IN_BLOCKS, {"part": part})})
    for part in chunks(also - set(rows)):
        rows.update({r.report: r for r in execute(conn, _REPORTS, {"part": part})})
    views = {k: _view(r.features, r.view) for k, r in rows.items()}
    found: dict[tuple[str, str], EventLink] = {}
    for part in chunks(views):
        for query in _LINKS_BY:
            for r in execute(conn, query, {"part": part}):
                if r.a in views and r.b in views:
                    found[(r.a, r.b)] = _link(r)
    ids = cluster_views(list(views.values()), found.values())
    labels = _labels(views, found.values())
    changed = [{"k": k, "blk": labels[k], "ev": ids[k]} for k, r in rows.items()
               if r.block != labels[k] or r.corpus_event != ids[k]]
    if changed:
        execute(conn, _SET_BLOCK, changed)


def _labels(views: Mapping[str, Placed], links: Iterable[EventLink]) -> dict[str, str]:
    from newsgraph.resolve.event_cluster import components
    return {k: block[0] for block in components(views, links) for k in block}


def rebuild(conn: Connection, documents: Sequence[tuple[int, Document]],
            corpus_id: Mapping[tuple[int, str], str]) -> int:
    """Resolve every document's events again (``corpus_id``: (doc_pk, local entity id) -> corpus id); returns
    the number of reports."""
    from newsgraph.resolve.events import link_views

    for table in schema.EVENT_TABLES:
        conn.execute(delete(table))
    days = settings().corpus_events.window_days
    views: dict[str, tuple[int, Placed]] = {}
    siblings: list[EventLink] = []
    seen: set[str] = set()
    for pk, doc in documents:
        if doc.text_sha256 in seen:
            continue
        seen.add(doc.text_sha256)
        mine = placed_document(reports_of(doc), lambda local, pk=pk: corpus_id.get((pk, local)))  # type: ignore[misc]
        views.update({v.report.key: (pk, v) for v in mine})
        siblings.extend(document_links(mine))
    plain = [v for _, v in views.values()]
    found = [*link_views(plain), *siblings]
    ids = cluster_views(plain, found)
    labels = _labels({v.report.key: v for v in plain}, found)
    _insert(conn, schema.corpus_reports, [
        {"report": k, "doc_pk": pk, "local_id": v.report.event_id, "features": v.report.dumps(), "view": v.dumps(),
         "block": labels[k], "corpus_event": ids[k]} for k, (pk, v) in views.items()])
    _insert(conn, schema.corpus_report_refs, [
        {"report": k, "doc_pk": pk, "local_id": local, "corpus_id": corpus_id[(pk, local)]}
        for k, (pk, v) in views.items() for local in v.report.references if (pk, local) in corpus_id])
    _insert(conn, schema.corpus_report_keys, [{"key": key, "report": k} for k, (_, v) in views.items()
                                              for key in sorted(blocking_keys(v, days))])
    _insert(conn, schema.corpus_report_links, [_link_row(x) for x in found])
    return len(views)


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    insert_rows(conn, table, rows)


def _link_row(link: EventLink) -> dict[str, Any]:
    return {"a": link.a, "b": link.b, "kind": link.kind, "score": link.score,
            "evidence": json.dumps(list(link.evidence), ensure_ascii=False)}


def _link(row: Any) -> EventLink:
    return EventLink(row.a, row.b, row.score, tuple(json.loads(row.evidence)), row.kind)
