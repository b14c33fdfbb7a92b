"""The store's query indexes: full-text search over documents and claims, claims by entity, entity names.

Kept in step with ingestion: ``index_document`` runs inside ``Store.add``'s transaction, so a document is
searchable exactly when it is stored.  A store made before these indexes existed gets them when it is
opened (``ensure``, inside the schema transaction): nothing ever silently finds nothing.

The full-text index is the one dialect-specific part, kept here in one place:

- SQLite: an FTS5 table ``search_fts`` (porter stemming, accents folded), ranked by ``bm25``, snippets by
  FTS5's ``snippet``; the query is FTS5 syntax (words, "phrases", AND/OR/NOT, prefix*), and a syntax error
  is a ``SearchSyntaxError`` naming the query;
- PostgreSQL: a table ``search_text`` with a stored ``tsvector`` column (English configuration) and a GIN
  index, queried with ``websearch_to_tsquery`` (words, "phrases", OR, -word: it never fails to parse),
  ranked by ``ts_rank``, snippets by ``ts_headline``.

Snippets come back with the matches between ``MARK_START`` and ``MARK_END`` (private-use characters, never
in a text), for ``newsgraph.query.search`` to turn into offsets, markup or ``<mark>``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.exc import DBAPIError

from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.store import schema
from newsgraph.store.bulk import insert_rows

__all__ = ["MARK_END", "MARK_START", "RawHit", "SearchSyntaxError", "ensure", "fold", "index_document", "run"]

INDEX_VERSION = "1"  # bump when what is indexed changes: stores are indexed again when opened
INDEXES_VERSION = "3"  # bump when schema.QUERY_INDEXES changes: they are created when a store is opened
MARK_START, MARK_END = "\ue000", "\ue001"
_META_KEY = "search_index"
_INDEXES_KEY = "query_indexes"
_SNIPPET_WORDS = 16
_BATCH = 2000
# what SQLite says of a MATCH it cannot parse ("col:" is a column filter in FTS5, hence "no such column")
_SYNTAX_WORDS = ("fts5", "unterminated string", "syntax error", "no such column", "unknown special query")


class SearchSyntaxError(InputError):
    """A full-text query the database cannot parse."""


@dataclass(frozen=True)
class RawHit:
    kind: str  # "document" or "claim"
    doc_id: str
    item: str  # the document's id or the claim's local id
    outlet: str | None
    published: str | None
    title: str | None
    snippet: str  # matches between MARK_START and MARK_END
    score: float  # higher is better on both backends


def fold(name: str) -> str:
    """A name as ``entity NAME`` compares it: accents removed, case folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("’", "'").split())


# -- the index ---------------------------------------------------------------------------------------------
def _create_fts(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(kind UNINDEXED, doc_pk UNINDEXED, "
                          "item UNINDEXED, title, body, tokenize='porter unicode61 remove_diacritics 2')"))
        return
    conn.execute(text(
        "CREATE TABLE IF NOT EXISTS search_text (pk BIGSERIAL PRIMARY KEY, "
        "doc_pk INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE, kind TEXT NOT NULL, item TEXT NOT NULL, "
        "title TEXT, body TEXT NOT NULL, tsv TSVECTOR GENERATED ALWAYS AS ("
        "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('english', body), 'B')) STORED)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_search_text_tsv ON search_text USING GIN (tsv)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_search_text_doc ON search_text (doc_pk)"))


def _fts_table(conn: Connection) -> str:
    return "search_fts" if conn.dialect.name == "sqlite" else "search_text"


def ensure(conn: Connection) -> int:
    """Create the indexes if missing and fill them from the stored documents when they were made by an older
    version (or never); the number of documents indexed now.  Runs in the caller's (exclusive) transaction."""
    _create_fts(conn)
    meta = schema.meta
    for index in schema.QUERY_INDEXES:
        index.create(conn, checkfirst=True)
    conn.execute(meta.delete().where(meta.c.key == _INDEXES_KEY))
    conn.execute(insert(meta).values(key=_INDEXES_KEY, value=INDEXES_VERSION))
    if conn.execute(select(meta.c.value).where(meta.c.key == _META_KEY)).scalar() == INDEX_VERSION:
        return 0
    conn.execute(text(f"DELETE FROM {_fts_table(conn)}"))
    for table in schema.QUERY_TABLES:
        conn.execute(table.delete())
    done = 0
    for batch in _stored_documents(conn):
        _write(conn, batch)
        done += len(batch)
    conn.execute(meta.delete().where(meta.c.key == _META_KEY))
    conn.execute(insert(meta).values(key=_META_KEY, value=INDEX_VERSION))
    return done


def index_complete(conn: Connection) -> bool:
    """Whether the store has this version's query indexes and full-text content (else ``ensure`` runs)."""
    meta = schema.meta
    found = dict(conn.execute(select(meta.c.key, meta.c.value).where(meta.c.key.in_((_META_KEY, _INDEXES_KEY)))).all())
    return found.get(_META_KEY) == INDEX_VERSION and found.get(_INDEXES_KEY) == INDEXES_VERSION


def _stored_documents(conn: Connection) -> Iterator[list[tuple[int, Document]]]:
    """The stored documents as (pk, Document), in batches (only the fields the indexes read)."""
    from newsgraph.store.rows import document_from_rows

    d = schema.documents
    pks = list(conn.execute(select(d.c.pk).order_by(d.c.pk)).scalars())
    for i in range(0, len(pks), 200):
        part = pks[i:i + 200]
        docs = {r["pk"]: r for r in conn.execute(select(d).where(d.c.pk.in_(part))).mappings()}
        children: dict[int, dict[str, list[Any]]] = {pk: {t.name: [] for t in schema.CHILD_TABLES} for pk in part}
        for table in schema.CHILD_TABLES:
            for row in conn.execute(select(table).where(table.c.doc_pk.in_(part))).mappings():
                children[row["doc_pk"]][table.name].append(row)
        ordered = {pk: {k: sorted(v, key=lambda r: r["seq"]) for k, v in found.items()}
                   for pk, found in children.items()}
        yield [(pk, document_from_rows(dict(docs[pk]), ordered[pk])) for pk in part if pk in docs]


def index_document(conn: Connection, doc_pk: int, document: Document) -> None:
    """Index a document ``Store.add`` has just written (inside its transaction)."""
    _write(conn, [(doc_pk, document)])


def _write(conn: Connection, documents: Iterable[tuple[int, Document]]) -> None:
    texts: list[dict[str, Any]] = []
    refs: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    for pk, doc in documents:
        texts.append({"kind": "document", "doc_pk": pk, "item": doc.doc_id, "title": doc.title or "", "body": doc.text})
        for claim in doc.claims:
            texts.append({"kind": "claim", "doc_pk": pk, "item": claim.id, "title": "", "body": claim.evidence.text})
            refs.extend({"doc_pk": pk, "claim_id": claim.id, "role": role, "entity_id": entity}
                        for role, entity in _claim_entities(claim))
        for entity in doc.entities:
            names.extend({"doc_pk": pk, "local_id": entity.id, "folded": f}
                         for f in sorted({fold(n) for n in (entity.name, *entity.aliases)} - {""}))
    fts = _fts_table(conn)
    for i in range(0, len(texts), _BATCH):
        conn.execute(text(f"INSERT INTO {fts} (kind, doc_pk, item, title, body) "
                          "VALUES (:kind, :doc_pk, :item, :title, :body)"), texts[i:i + _BATCH])
    for table, rows in ((schema.claim_refs, refs), (schema.entity_names, names)):
        insert_rows(conn, table, rows)


def _claim_entities(claim: Any) -> set[tuple[str, str]]:
    found = {("about", x) for x in claim.about} | {("via", x) for x in claim.via}
    if claim.speaker:
        found.add(("by", claim.speaker))
    return found


# -- querying ----------------------------------------------------------------------------------------------
# ranked by FTS5's ``rank`` set to the weighted bm25 and read in a subquery: FTS5 then sorts the matches itself
# and works out snippets (and the join) for the ``limit`` best only, not for every match (same hits, in order)
_SQLITE_QUERY = (
    "SELECT f.kind, d.doc_id, f.item, d.source, d.published, d.title, f.snippet, f.score FROM ("
    f"SELECT kind, doc_pk, item, snippet(search_fts, -1, :start, :end, ' … ', {_SNIPPET_WORDS}) AS snippet, "
    "-rank AS score, rank FROM search_fts WHERE search_fts MATCH :q AND rank MATCH 'bm25(0, 0, 0, 2.0, 1.0)' "
    "{kind} ORDER BY rank LIMIT :limit) f JOIN documents d ON d.pk = f.doc_pk ORDER BY f.rank")
_PG_QUERY = (
    "WITH q AS (SELECT websearch_to_tsquery('english', :q) AS tsq), hits AS ("
    "SELECT s.kind, s.doc_pk, s.item, s.body, ts_rank(s.tsv, q.tsq) AS score FROM search_text s, q "
    "WHERE s.tsv @@ q.tsq {kind} ORDER BY score DESC LIMIT :limit) "
    "SELECT h.kind, d.doc_id, h.item, d.source, d.published, d.title, h.score, "
    "ts_headline('english', h.body, q.tsq, :options) AS snippet "
    "FROM hits h JOIN documents d ON d.pk = h.doc_pk, q ORDER BY h.score DESC, d.doc_id, h.item")


def run(conn: Connection, query: str, kind: str | None = None, limit: int = 20) -> list[RawHit]:
    """The best ``limit`` hits of ``query`` (of one ``kind``, "document" or "claim", if given), best first."""
    params: dict[str, Any] = {"q": query, "limit": limit, "start": MARK_START, "end": MARK_END}
    where = " AND {col} = :kind" if kind else ""
    if kind:
        params["kind"] = kind
    if conn.dialect.name == "sqlite":
        sql = _SQLITE_QUERY.format(kind=where.format(col="kind"))
    else:
        sql = _PG_QUERY.format(kind=where.format(col="s.kind"))
        params["options"] = (f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={_SNIPPET_WORDS + 8}, "
                             f"MinWords={_SNIPPET_WORDS // 2}, MaxFragments=2, FragmentDelimiter=\" … \"")
    try:
        rows = conn.execute(text(sql), params).mappings().all()
    except DBAPIError as err:
        if conn.dialect.name == "sqlite" and any(w in str(err.orig) for w in _SYNTAX_WORDS):
            raise SearchSyntaxError(f"search {query!r}", _syntax_reason(str(err.orig))) from None
        raise
    return [RawHit(kind=r["kind"], doc_id=r["doc_id"], item=r["item"], outlet=r["source"], published=r["published"],
                   title=r["title"], snippet=r["snippet"] or "", score=float(r["score"])) for r in rows]


def _syntax_reason(message: str) -> str:
    detail = message.split("fts5:", 1)[-1].strip()
    return (f"not a valid full-text query ({detail}); use words, \"quoted phrases\", AND, OR, NOT between "
            f"words, or word* for a prefix")
