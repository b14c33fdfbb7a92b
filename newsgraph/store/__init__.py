"""The store: documents and everything extracted from them, in SQLite (a file) or PostgreSQL (a team's server).

    >>> from newsgraph.store import Store
    >>> with Store("news.db") as store:          # or Store("postgresql://user:password@host/newsgraph")
    ...     doc_id, added = store.add(newsgraph.extract(text))

Each document is written in one transaction, so a crash never leaves half a
document; the SHA-256 of the text makes adding the same text twice a no-op,
also when several processes add it at once (a unique index, and a retry for
the loser); a new text under a known doc_id or URL is kept as another version
beside the old one.  What differs between SQLite and PostgreSQL is in
``store.engine``; the tables are in ``store.schema``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, func, insert, inspect, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from newsgraph.errors import StoreError
from newsgraph.model import Document
from newsgraph.resolve.entities import CorpusEntity
from newsgraph.settings import settings
from newsgraph.store import engine as dialects
from newsgraph.store import schema, search
from newsgraph.store.bulk import insert_rows
from newsgraph.store.rows import child_rows, document_from_rows

__all__ = ["DocumentInfo", "Store", "default_path"]

T = TypeVar("T")
# a new document's doc_id, then its versions' ids: a clash with another writer's new row is retried this often
_ADD_ATTEMPTS = 8


def default_path() -> str:
    """``$NEWSGRAPH_DB`` or ./newsgraph.db (``settings.StoreSettings``)."""
    return settings().store.url


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document's metadata, without its text or extraction."""

    doc_id: str
    text_sha256: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    author: str | None
    origin: str | None
    ingested_at: str
    chars: int


class Store:
    """A store at a SQLite path or a database URL (``postgresql://user:password@host[:port]/db``).

    ``url`` is where it is, without any password (what messages print); ``name`` is the path for a
    SQLite file, else ``url``.  The schema is created on first use.  Once open, a store whose
    PostgreSQL server goes away retries for ``reconnect_seconds`` (default
    ``settings().store.reconnect_seconds``) before raising ``StoreError``.
    """

    def __init__(self, path: str | Path | None = None, *, reconnect_seconds: float | None = None) -> None:
        store_settings = settings().store
        spec = str(path if path is not None else default_path())
        where = dialects.target(spec)
        self.url = where.shown
        self.name = spec if where.path is not None and "://" not in spec else where.shown
        self.path = where.path
        self.reconnect_seconds = store_settings.reconnect_seconds if reconnect_seconds is None else reconnect_seconds
        self.engine = dialects.create(where, store_settings)
        try:
            self._create_schema()
        except DBAPIError as err:
            self.engine.dispose()
            raise dialects.store_error(self.url, err) from None

    @classmethod
    def existing(cls, path: str | Path | None = None) -> Store:
        """Open a store that must be there already: the read commands' way in, since opening a SQLite path that
        has no file would make an empty store there and answer every question with nothing (a misspelt --db)."""
        spec = str(path if path is not None else default_path())
        where = dialects.target(spec)
        if where.path is not None and not where.path.exists():
            raise StoreError(f"{spec}: no store there; `newsgraph ingest FILES --db {spec}` makes one")
        return cls(spec)

    # -- lifecycle -------------------------------------------------------------
    def _create_schema(self) -> None:
        """Create missing tables, once: the first of several processes opening a new store creates them."""
        with self.engine.connect() as conn:
            if _schema_complete(conn):
                return
        with self._transaction(exclusive=True) as conn:  # the others wait here, then find the tables made
            schema.metadata.create_all(conn)
            if conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).first() is None:
                conn.execute(insert(schema.meta).values(key="schema_version", value=schema.SCHEMA_VERSION))
            search.ensure(conn)  # a store from before the query indexes gets them now, filled from its documents

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------
    @contextmanager
    def writer_lock(self) -> Iterator[Connection]:
        """One writer at a time: a transaction that no other writer of this store runs beside.

            with store.writer_lock() as conn:     # e.g. resolving the corpus
                ...                               # reads and writes through conn; committed at the end

        Other ``writer_lock`` holders and ``add`` wait until this one commits (or rolls back on an
        exception); readers go on.  On SQLite it is the database's write lock (BEGIN IMMEDIATE), on
        PostgreSQL an advisory transaction lock of this database.  A writer waits at most
        ``settings().store.lock_timeout`` seconds for it, then gets a ``StoreError``.  Not reentrant.
        """
        try:
            with self._transaction(exclusive=True) as conn:
                yield conn
        except DBAPIError as err:
            raise dialects.store_error(self.url, err) from None

    @contextmanager
    def _transaction(self, exclusive: bool) -> Iterator[Connection]:
        with self.engine.connect() as conn, dialects.writing(conn).begin():
            dialects.lock_writers(conn, exclusive)
            yield conn

    def add(self, document: Document, origin: str | None = None) -> tuple[str, bool]:
        """Store ``document``; (its doc_id, True) or, when the same text is stored already, (that doc_id, False)."""
        return self._retrying(lambda: self._add(document, origin))

    def _add(self, document: Document, origin: str | None) -> tuple[str, bool]:
        clash: IntegrityError | None = None
        for _ in range(_ADD_ATTEMPTS):
            existing = self._find_text(document.text_sha256)
            if existing is not None:
                return existing, False
            try:
                # one transaction: all of the document or none; exclusive, because resolving the document's
                # entities against the corpus reads and rewrites corpus rows other writers also touch
                with self._transaction(exclusive=True) as conn:
                    doc_id = _free_doc_id(conn, document)
                    pk = conn.execute(insert(schema.documents).values(
                        doc_id=doc_id, text_sha256=document.text_sha256, text=document.text, title=document.title,
                        published=document.published, source=document.source, url=document.url,
                        author=document.author, origin=origin,
                        ingested_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    ).returning(schema.documents.c.pk)).scalar_one()
                    rows = child_rows(document, pk)
                    for table in (schema.entities, schema.mentions, schema.events, schema.claims,
                                  schema.relations, schema.dates, schema.furniture, schema.quantities):
                        insert_rows(conn, table, rows.get(table.name, []))
                    search.index_document(conn, pk, document)  # searchable exactly when stored
                    from newsgraph.store.corpus import Corpus  # resolve its entities against the stored corpus
                    Corpus(self).attach(conn, pk, document)
                return doc_id, True
            except IntegrityError as err:
                # another writer stored this text, or took this doc_id, after we looked: look again
                clash = err
        reason = dialects.store_error(self.url, clash) if clash is not None else StoreError(self.url)
        raise StoreError(f"{reason} (storing {document.doc_id}, after {_ADD_ATTEMPTS} tries)")

    def _retrying(self, operation: Callable[[], T]) -> T:
        """Run ``operation``; while the server is away (a restart), retry it for up to ``reconnect_seconds``."""
        deadline: float | None = None
        pause = 0.2
        while True:
            try:
                return operation()
            except DBAPIError as err:
                now = time.monotonic()
                deadline = deadline or now + self.reconnect_seconds
                if not dialects.is_transient(err) or now >= deadline:
                    raise dialects.store_error(self.url, err) from None
                time.sleep(min(pause, deadline - now))
                pause = min(pause * 2, 2.0)

    # -- reading ---------------------------------------------------------------
    def find_text(self, text_sha256: str) -> str | None:
        """The doc_id of the stored document with this text, if any."""
        return self._retrying(lambda: self._find_text(text_sha256))

    def _find_text(self, text_sha256: str) -> str | None:
        d = schema.documents
        with self.engine.connect() as conn:
            return conn.execute(select(d.c.doc_id).where(d.c.text_sha256 == text_sha256)).scalar()

    def __len__(self) -> int:
        def count() -> int:
            with self.engine.connect() as conn:
                return int(conn.execute(select(func.count()).select_from(schema.documents)).scalar_one())
        return self._retrying(count)

    def infos(self, url: str | None = None) -> list[DocumentInfo]:
        """Metadata of every stored document (or of every version of ``url``), oldest first."""
        d = schema.documents
        query = select(d.c.doc_id, d.c.text_sha256, d.c.title, d.c.published, d.c.source, d.c.url, d.c.author,
                       d.c.origin, d.c.ingested_at, func.char_length(d.c.text).label("chars")).order_by(d.c.pk)
        if url is not None:
            query = query.where(d.c.url == url)
        with self._read() as conn:
            return [DocumentInfo(**row._mapping) for row in conn.execute(query)]

    def versions(self, url: str) -> list[DocumentInfo]:
        """Every stored version of the document at ``url``, oldest first."""
        return self.infos(url=url)

    def document(self, doc_id: str) -> Document:
        """The stored ``Document``, exactly as it was added; KeyError when there is none."""
        d = schema.documents
        with self._read() as conn:
            row = conn.execute(select(d).where(d.c.doc_id == doc_id)).mappings().first()
            if row is None:
                raise KeyError(doc_id)
            return self._load(conn, row)

    def documents(self) -> Iterator[Document]:
        """Every stored document, in the order they were added (one at a time, to bound memory)."""
        d = schema.documents
        with self._read() as conn:
            pks = conn.execute(select(d.c.pk).order_by(d.c.pk)).scalars().all()
        for pk in pks:
            with self._read() as conn:
                row = conn.execute(select(d).where(d.c.pk == pk)).mappings().first()
                document = self._load(conn, row) if row is not None else None
            if document is not None:
                yield document

    def _load(self, conn: Connection, row: Any) -> Document:
        children: dict[str, Any] = {t.name: conn.execute(select(t).where(t.c.doc_pk == row["pk"])).mappings().all()
                    for t in schema.CHILD_TABLES}
        return document_from_rows(row, children)

    def entities(self, type: str | None = None) -> list[CorpusEntity]:
        """Corpus entities (resolved across documents), optionally of one type, most documents first."""
        from newsgraph.store.corpus import Corpus
        return Corpus(self).entities(type)

    def counts(self) -> dict[str, Any]:
        """How many documents, entities (per type), events (per type) and claims (per stance) are stored."""
        with self._read() as conn:
            def grouped(table: Any, column: str) -> dict[str, int]:
                col = table.c[column]
                return dict(conn.execute(select(col, func.count()).group_by(col).order_by(col)).all())
            return {"documents": len(self), "entity_mentions_by_type": grouped(schema.entities, "type"),
                    "events_by_type": grouped(schema.events, "type"),
                    "claims_by_stance": grouped(schema.claims, "stance"),
                    "relations": conn.execute(select(func.count()).select_from(schema.relations)).scalar_one()}

    def check(self) -> list[str]:
        """Integrity problems; empty when consistent.

        Both backends: every table present, no orphan rows, no text or doc_id stored twice, every text
        equal to its hash, every mention equal to its text.  SQLite adds its ``integrity_check`` and
        ``foreign_key_check``; PostgreSQL (which checks its own pages) that every index is valid and
        every child table has its foreign key.
        """
        d = schema.documents
        with self._read() as conn:
            present = set(inspect(conn).get_table_names())
            problems = [f"table {t} is missing" for t in schema.metadata.tables if t not in present]
            if problems:
                return problems
            problems += dialects.dialect_problems(conn, [t.name for t in schema.CHILD_TABLES])
            for table in schema.CHILD_TABLES:
                orphans = conn.execute(select(func.count()).select_from(table).where(
                    table.c.doc_pk.not_in(select(d.c.pk)))).scalar_one()
                if orphans:
                    problems.append(f"{orphans} orphan rows in {table.name}")
            for column in (d.c.doc_id, d.c.text_sha256):
                problems.extend(f"{value} is stored {n} times ({column.name})" for value, n in conn.execute(
                    select(column, func.count()).group_by(column).having(func.count() > 1)))
        for doc in self.documents():
            if hashlib.sha256(doc.text.encode("utf-8")).hexdigest() != doc.text_sha256:
                problems.append(f"{doc.doc_id}: the text does not match its SHA-256")
            for e in doc.entities:
                problems.extend(f"{doc.doc_id}: mention {m} does not match the text"
                                for m in e.mentions if doc.text[m.start:m.end] != m.text)
        return problems

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as err:
            raise dialects.store_error(self.url, err) from None

    def rows(self, table: str) -> list[dict[str, Any]]:
        """Every row of one extraction table (entities, events, claims, relations, dates, mentions),
        with its document's ``doc_id``, in document order: read-only, for summaries and reports."""
        tables = {t.name: t for t in schema.CHILD_TABLES}
        if table not in tables:
            raise KeyError(f"no table {table!r}; the tables are {', '.join(sorted(tables))}")
        t, d = tables[table], schema.documents
        query = select(d.c.doc_id, t).join(d, d.c.pk == t.c.doc_pk).order_by(t.c.doc_pk, t.c.seq)
        with self._read() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]


def _schema_complete(conn: Connection) -> bool:
    present = set(inspect(conn).get_table_names())
    if not set(schema.metadata.tables) <= present:
        return False
    meta = schema.meta
    if conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first() is None:
        return False
    return search.index_complete(conn)


def _free_doc_id(conn: Connection, document: Document) -> str:
    """``document.doc_id``, or when another text has it, a version id: ``doc_id-`` and the start of its hash."""
    sha = document.text_sha256
    candidates = [document.doc_id, *(f"{document.doc_id}-{sha[:n]}" for n in (8, 16, 64))]
    d = schema.documents
    taken = set(conn.execute(select(d.c.doc_id).where(d.c.doc_id.in_(candidates))).scalars())
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    raise StoreError(f"{document.doc_id}: every version id is taken")
