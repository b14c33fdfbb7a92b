"""Keeping the store's claim links equal to ``newsgraph.resolve.claim_corpus`` over its documents.

Runs inside the caller's transaction (``Store.add`` through ``Corpus.attach``, after the document's entities
and events are resolved; ``Corpus.resolve_all``), in SQLAlchemy Core only.  At ingest the new document's claims
get their features, views, refs and blocking keys; their links are computed against the claims sharing a key
(never a scan), and so are those of every document whose claim views used a corpus id the entity resolution
just changed.  The document's MinHash signature and bands are stored for its near-duplicates.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from newsgraph.model import Document
from newsgraph.resolve.claim_copies import band_keys, copy_pairs, signature
from newsgraph.resolve.claims import ClaimFeatures, ClaimLink, ClaimView, blocking_keys, features_of, view_of
from newsgraph.resolve.claims_compare import compare
from newsgraph.settings import settings
from newsgraph.store import claim_grades, schema
from newsgraph.store.bulk import among, execute, insert_rows
from newsgraph.store.corpus_events import DocumentIds
from newsgraph.store.corpus_sync import chunks, stale_views

# the statements of every ingest, built once (``among``: the IN list is given at execution)
_c, _refs, _keys, _links = (schema.corpus_claims, schema.corpus_claim_refs, schema.corpus_claim_keys,
                            schema.corpus_claim_links)
_rep, _e, _d = schema.corpus_reports, schema.entities, schema.documents
_DOC_ID = select(_d.c.doc_id).where(_d.c.pk == bindparam("pk"))
_STALE_EVENTS = (select(_refs.c.doc_pk).distinct()
                 .join(_rep, (_rep.c.doc_pk == _refs.c.doc_pk) & (_rep.c.local_id == _refs.c.local_id))
                 .where(_rep.c.corpus_event != _refs.c.corpus_id))
_STALE_EVENTS_NEAR = _STALE_EVENTS.where(_rep.c.block.in_(
    select(_rep.c.block).where(_rep.c.doc_pk == bindparam("pk")).scalar_subquery()))
_EVENTS = select(_rep.c.doc_pk, _rep.c.local_id, _rep.c.corpus_event).where(among(_rep.c.doc_pk))
_COUNTRIES = select(_e.c.doc_pk, _e.c.local_id, _e.c.country).where(among(_e.c.doc_pk))
_VIEWS = select(_c.c.claim, _c.c.features, _c.c.view)
_VIEWS_OF = _VIEWS.where(among(_c.c.claim))
_FEATURES = select(_c.c.claim, _c.c.doc_pk, _c.c.features, _c.c.view).where(among(_c.c.doc_pk))
_DROP_REFS = delete(_refs).where(among(_refs.c.claim))
_DROPS = (delete(_keys).where(among(_keys.c.claim)), delete(_links).where(among(_links.c.a)),
          delete(_links).where(among(_links.c.b)))
# the claims sharing a blocking key with some claims, each pair once (SQLite joins the key rows; reading them
# all into Python cost more than comparing the pairs)
_other = _keys.alias("other")
_SHARING = (select(_keys.c.claim, _other.c.claim.label("partner")).distinct()
            .join(_other, _other.c.key == _keys.c.key)
            .where(among(_keys.c.claim), _other.c.claim != _keys.c.claim))
_OVERRIDES = select(schema.source_grades.c.name, schema.source_grades.c.grade)
_SET_VIEW = update(_c).where(_c.c.claim == bindparam("k")).values(view=bindparam("v"))


def attach_claims(conn: Connection, doc_pk: int, document: Document, moved: Iterable[str],
                  known: DocumentIds | None = None) -> None:
    """Store and link the claims of a document just stored (``moved``: entity nodes whose corpus id changed;
    ``known``: the corpus ids read so far in this transaction)."""
    document = _as_stored(conn, doc_pk, document)
    features = features_of(document)
    rows = [{"claim": f.key, "doc_pk": doc_pk, "features": f.dumps(), "view": "{}"} for f in features]
    _insert(conn, schema.corpus_claims, rows)
    sig = signature(document.text)
    conn.execute(insert(schema.corpus_doc_sketches).values(doc_pk=doc_pk, text_sha256=document.text_sha256,
                                                           signature=json.dumps(sig)))
    _insert(conn, schema.corpus_doc_bands, [{"key": k, "doc_pk": doc_pk} for k in sorted(set(band_keys(sig)))])
    stale = stale_documents(conn, moved) | stale_event_documents(conn, doc_pk)
    refresh(conn, {doc_pk} | stale if rows else stale, known, {doc_pk: features})


def _as_stored(conn: Connection, doc_pk: int, document: Document) -> Document:
    """The document under the doc_id the store gave it (a new version of a doc_id gets its own)."""
    doc_id = execute(conn, _DOC_ID, {"pk": doc_pk}).scalar_one()
    return document if doc_id == document.doc_id else replace(document, doc_id=doc_id)


def stale_documents(conn: Connection, moved: Iterable[str] | None = None) -> set[int]:
    """Documents with a claim view made with a corpus id that has changed (of the ``moved`` nodes, or all)."""
    return stale_views(conn, schema.corpus_claim_refs, moved)


def stale_event_documents(conn: Connection, doc_pk: int | None = None) -> set[int]:
    """Documents with a claim view made with a corpus event id that has changed since: among the reports of the
    blocks the document ``doc_pk``'s reports are in now (where reclustering after its ingest moved reports), or
    (None) of the whole store.  A claim's event refs have the event's local id ("v1")."""
    if doc_pk is None:
        return set(execute(conn, _STALE_EVENTS).scalars())
    return set(execute(conn, _STALE_EVENTS_NEAR, {"pk": doc_pk}).scalars())


def _events(conn: Connection, doc_pks: Iterable[int]) -> dict[tuple[int, str], str]:
    """(doc_pk, local event id) -> its corpus event id now."""
    pks = sorted(set(doc_pks))
    out = {}
    for i in range(0, len(pks), 500):
        out.update({(row.doc_pk, row.local_id): row.corpus_event
                    for row in execute(conn, _EVENTS, {"part": pks[i:i + 500]}) if row.corpus_event})
    return out


def _countries(conn: Connection, doc_pks: Iterable[int]) -> dict[tuple[int, str], str]:
    pks = sorted(set(doc_pks))
    out = {}
    for i in range(0, len(pks), 500):
        out.update({(r.doc_pk, r.local_id): f"country:{r.country.upper()}"
                    for r in execute(conn, _COUNTRIES, {"part": pks[i:i + 500]}) if r.country})
    return out


def _view_json(view: ClaimView) -> str:
    return json.dumps({"speaker": view.speaker, "via": list(view.via), "subjects": sorted(view.subjects),
                       "named": sorted(view.named), "events": sorted(view.events), "specific": sorted(view.specific),
                       "named_specific": sorted(view.named_specific), "party": sorted(view.party),
                       "mentions": sorted(view.mentions)})


@lru_cache(maxsize=settings().caches.claim_views)
def _load_view(features: str, view: str) -> ClaimView:
    """A stored view; the partners of a claim are read at every ingest, each view parsed once per process (and
    its figures for ``compare`` computed once)."""
    v = json.loads(view)
    return ClaimView(ClaimFeatures.loads(features), v["speaker"], tuple(v["via"]), frozenset(v["subjects"]),
                     frozenset(v["named"]), frozenset(v.get("events", ())), frozenset(v.get("specific", ())),
                     frozenset(v.get("named_specific", ())), frozenset(v.get("party", ())),
                     frozenset(v.get("mentions", ())))


def load_views(conn: Connection, keys: Iterable[str] | None = None) -> dict[str, ClaimView]:
    """Stored claim views (of these claim keys, or all)."""
    parts = [(_VIEWS, {})] if keys is None else [(_VIEWS_OF, {"part": part}) for part in chunks(keys)]
    return {r.claim: _load_view(r.features, r.view) for query, values in parts for r in execute(conn, query, values)}


def refresh(conn: Connection, doc_pks: set[int], known: DocumentIds | None = None,
            given: Mapping[int, list[ClaimFeatures]] | None = None) -> None:
    """Recompute the views, keys and links of these documents' claims (``given``: the features of some of them,
    just stored, which need not be read back), ``settings().store.refresh_documents`` documents at a time.

    Groups give the same links and grades as one pass: a group links its claims to every claim sharing a key,
    with the views stored then, and a later group drops and recomputes every link of its own claims, so a link
    between two groups is made last with both views fresh; each group regrades what its links touched."""
    pks, size = sorted(doc_pks), settings().store.refresh_documents
    for i in range(0, len(pks), size):
        group = set(pks[i:i + size])
        _refresh_group(conn, group, known, {k: v for k, v in (given or {}).items() if k in group})


def _refresh_group(conn: Connection, doc_pks: set[int], known: DocumentIds | None,
                   given: Mapping[int, list[ClaimFeatures]]) -> None:
    if not doc_pks:
        return
    ids = (known or DocumentIds()).of(conn, doc_pks)
    countries, events = _countries(conn, doc_pks), _events(conn, doc_pks)
    fresh: dict[str, tuple[int, ClaimView]] = {}
    changed: set[str] = set()  # the claims whose view is not the one stored (a new claim's is "{}")
    for pk, f, stored_view in _stored_features(conn, doc_pks, given):
        view = view_of(f, lambda x, pk=pk: ids.get((pk, x)),  # type: ignore[misc]
                       lambda x, pk=pk: countries.get((pk, x)),  # type: ignore[misc]
                       lambda x, pk=pk: events.get((pk, x)))  # type: ignore[misc]
        fresh[f.key] = (pk, view)
        if _view_json(view) != stored_view:
            changed.add(f.key)
    graded_before = claim_grades.linked(conn, set(fresh))  # fresh: every claim of these documents
    _store_views(conn, fresh, changed, ids, events)
    # a link is a function of the two views (``compare``): the links of a claim whose view is the stored one
    # with partners whose views are stored are the stored ones; only pairs with a changed claim are compared
    # again (most claims of a document refreshed for one moved id do not use it in their view)
    pairs: set[tuple[str, str]] = set()
    for part in chunks(changed):
        pairs.update((r.claim, r.partner) if r.claim < r.partner else (r.partner, r.claim)
                     for r in execute(conn, _SHARING, {"part": part}))
    found_links = _compare_pairs(conn, pairs, {k: v for k, (_, v) in fresh.items()})
    _insert(conn, schema.corpus_claim_links, [_link_row(x) for x in found_links.values()])
    # the links of these claims now are the ones just found and the unchanged ones kept
    claim_grades.regrade_documents(conn, doc_pks, graded_before | set(fresh)
                                   | {k for x in found_links.values() for k in (x.a, x.b)})


def _store_views(conn: Connection, fresh: Mapping[str, tuple[int, ClaimView]], changed: set[str],
                 ids: Mapping[tuple[int, str], str], events: Mapping[tuple[int, str], str]) -> None:
    """Store the ``changed`` views with their blocking keys (dropping their links), and every fresh claim's refs
    (the corpus ids its view read now: a ref may move without changing the view, and a stale ref would make its
    document stale again at every ingest)."""
    refs, keys = schema.corpus_claim_refs, schema.corpus_claim_keys
    for part in chunks(fresh):
        execute(conn, _DROP_REFS, {"part": part})
    for part in chunks(changed):
        for statement in _DROPS:
            execute(conn, statement, {"part": part})
    if changed:
        execute(conn, _SET_VIEW, [{"k": k, "v": _view_json(fresh[k][1])} for k in sorted(changed)])
    _insert(conn, refs, [{"claim": k, "doc_pk": pk, "local_id": local, "corpus_id": ids[(pk, local)]}
                         for k, (pk, v) in fresh.items() for local in sorted(v.features.references)
                         if (pk, local) in ids]
                 + [{"claim": k, "doc_pk": pk, "local_id": local, "corpus_id": events[(pk, local)]}
                    for k, (pk, v) in fresh.items() for local in sorted(set(v.features.events))
                    if (pk, local) in events])
    key_of = {k: blocking_keys(v) for k, (_, v) in fresh.items() if k in changed}
    _insert(conn, keys, [{"key": key, "claim": k} for k, found in key_of.items() for key in sorted(found)])


def _compare_pairs(conn: Connection, pairs: set[tuple[str, str]], fresh: Mapping[str, ClaimView]
                   ) -> dict[tuple[str, str], ClaimLink]:
    """The links among these pairs (each with a ``fresh`` claim), in the order of the sorted pairs.  The partners'
    stored views are read and compared a chunk at a time: a refresh of the documents citing a changed id meets
    thousands of partners (3,078 for 29 documents), and holding all their views at once was the writer's
    largest one-document working set, which the allocator keeps."""
    both: list[tuple[str, str]] = []  # the pairs of two fresh claims; the others by their stored partner
    by_partner: dict[str, list[tuple[str, str]]] = {}
    for pair in pairs:
        other = [k for k in pair if k not in fresh]
        if other:
            by_partner.setdefault(other[0], []).append(pair)
        else:
            both.append(pair)
    found = [(pair, x) for pair in both if (x := compare(fresh[pair[0]], fresh[pair[1]]))]
    for part in chunks(by_partner):
        views = {**fresh, **load_views(conn, part)}
        found.extend((pair, x) for k in part for pair in by_partner[k]
                     if (x := compare(views[pair[0]], views[pair[1]])))
    return {(x.a, x.b): x for _, x in sorted(found, key=lambda item: item[0])}


def _stored_features(conn: Connection, doc_pks: set[int], given: Mapping[int, list[ClaimFeatures]]
                     ) -> Iterator[tuple[int, ClaimFeatures, str]]:
    """(doc_pk, features, stored view) of these documents' stored claims, in the order they were stored: those
    read from the store first, then the ``given`` ones (the document just stored: the highest doc_pk, its rows
    the last; their views not made yet, "{}")."""
    pks = sorted(doc_pks - set(given))
    for i in range(0, len(pks), 500):
        for r in execute(conn, _FEATURES, {"part": pks[i:i + 500]}):
            yield r.doc_pk, ClaimFeatures.loads(r.features), r.view
    for pk in sorted(doc_pks & set(given)):
        yield from ((pk, f, "{}") for f in given[pk])


def rebuild(conn: Connection, documents: Iterable[tuple[int, Document]]) -> None:
    """Every claim link again (``resolve --all``)."""
    for table in schema.CLAIM_TABLES:
        conn.execute(delete(table))
    pks = []
    for pk, given in documents:
        doc = _as_stored(conn, pk, given)
        attach_rows = [{"claim": f.key, "doc_pk": pk, "features": f.dumps(), "view": "{}"} for f in features_of(doc)]
        _insert(conn, schema.corpus_claims, attach_rows)
        sig = signature(doc.text)
        conn.execute(insert(schema.corpus_doc_sketches).values(doc_pk=pk, text_sha256=doc.text_sha256,
                                                               signature=json.dumps(sig)))
        _insert(conn, schema.corpus_doc_bands, [{"key": k, "doc_pk": pk} for k in sorted(set(band_keys(sig)))])
        pks.append(pk)
    refresh(conn, set(pks))


def copies(conn: Connection) -> set[tuple[str, str]]:
    """Pairs of document hashes (smaller first) that carry one story, from the stored bands."""
    s, b = schema.corpus_doc_sketches, schema.corpus_doc_bands
    sigs = {r.doc_pk: (r.text_sha256, json.loads(r.signature)) for r in conn.execute(select(s))}
    by_band: dict[str, list[int]] = {}
    for r in conn.execute(select(b.c.key, b.c.doc_pk)):
        by_band.setdefault(r.key, []).append(r.doc_pk)
    return copy_pairs(by_band, sigs)


def load_links(conn: Connection) -> list[ClaimLink]:
    x = schema.corpus_claim_links
    return [ClaimLink(r.a, r.b, r.kind, r.score, tuple(json.loads(r.evidence)))
            for r in conn.execute(select(x).order_by(x.c.a, x.c.b))]


def disputes(conn: Connection) -> dict[str, str]:
    """In-document ``disputed_by`` links: claim key -> disputing claim key."""
    c, d = schema.claims, schema.documents
    query = select(d.c.doc_id, c.c.local_id, c.c.disputed_by).join(d, d.c.pk == c.c.doc_pk).where(
        c.c.disputed_by.is_not(None))
    return {f"{r.doc_id}/{r.local_id}": f"{r.doc_id}/{r.disputed_by}" for r in conn.execute(query)}


def overrides(conn: Connection) -> Mapping[str, str]:
    return {r.name: r.grade for r in execute(conn, _OVERRIDES)}


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    insert_rows(conn, table, rows)


def _link_row(link: ClaimLink) -> dict[str, Any]:
    return {"a": link.a, "b": link.b, "kind": link.kind, "score": link.score,
            "evidence": json.dumps(list(link.evidence), ensure_ascii=False)}
