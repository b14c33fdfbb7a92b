"""The embedded store: documents and everything extracted from them, in SQLite (WAL) via SQLAlchemy.

    >>> from newsgraph.store import Store
    >>> with Store("news.db") as store:
    ...     doc_id, added = store.add(newsgraph.extract(text))

Each document is written in one transaction, so a crash never leaves half a
document; the SHA-256 of the text makes adding the same text twice a no-op;
a new text under a known URL is kept as another version beside the old one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from newsgraph.errors import StoreError
from newsgraph.model import Document, Entity
from newsgraph.resolve.entities import CorpusEntity, merge_entities
from newsgraph.settings import settings
from newsgraph.store import schema
from newsgraph.store.rows import child_rows, document_from_rows

__all__ = ["DocumentInfo", "Store", "default_path"]

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
    def __init__(self, path: str | Path | None = None) -> None:
        target = str(path if path is not None else default_path())
        self.url = target if "://" in target else f"sqlite:///{target}"
        self.path = None if "://" in target else Path(target)
        if self.path is not None and self.path.parent and not self.path.parent.is_dir():
            raise StoreError(f"{target}: the directory {str(self.path.parent)!r} does not exist")
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._create_schema()

    # -- lifecycle -------------------------------------------------------------
    def _create_schema(self) -> None:
        for attempt in range(3):  # two processes creating the schema at once: the loser retries
            try:
                schema.metadata.create_all(self.engine)
                with self.engine.begin() as conn:
                    if conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
                                    ).scalar() is None:
                        conn.execute(insert(schema.meta).values(key="schema_version", value=schema.SCHEMA_VERSION))
                return
            except IntegrityError:
                return
            except OperationalError as err:
                if attempt == 2 or "already exists" not in str(err):
                    raise _store_error(self.url, err) from None
            except DBAPIError as err:
                raise _store_error(self.url, err) from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------
    def add(self, document: Document, origin: str | None = None) -> tuple[str, bool]:
        """Store ``document``; (its doc_id, True) or, when the same text is stored already, (that doc_id, False)."""
        existing = self.find_text(document.text_sha256)
        if existing is not None:
            return existing, False
        d = schema.documents
        try:
            with self.engine.begin() as conn:  # one transaction: all of the document or none of it
                doc_id = document.doc_id
                if conn.execute(select(d.c.pk).where(d.c.doc_id == doc_id)).first() is not None:
                    doc_id = f"{doc_id}-{document.text_sha256[:8]}"  # same name, different text: a new version
                pk = conn.execute(insert(d).values(
                    doc_id=doc_id, text_sha256=document.text_sha256, text=document.text, title=document.title,
                    published=document.published, source=document.source, url=document.url,
                    author=document.author, origin=origin,
                    ingested_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                )).inserted_primary_key[0]
                rows = child_rows(document, pk)
                for table in (schema.entities, schema.mentions, schema.events, schema.claims,
                              schema.relations, schema.dates, schema.furniture):
                    if rows.get(table.name):
                        conn.execute(insert(table), rows[table.name])
        except IntegrityError:
            # another process stored the same text between our check and our insert
            existing = self.find_text(document.text_sha256)
            if existing is not None:
                return existing, False
            raise
        except DBAPIError as err:
            raise _store_error(self.url, err) from None
        return doc_id, True

    # -- reading ---------------------------------------------------------------
    def find_text(self, text_sha256: str) -> str | None:
        """The doc_id of the stored document with this text, if any."""
        d = schema.documents
        with self._read() as conn:
            return conn.execute(select(d.c.doc_id).where(d.c.text_sha256 == text_sha256)).scalar()

    def __len__(self) -> int:
        with self._read() as conn:
            return conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()

    def infos(self, url: str | None = None) -> list[DocumentInfo]:
        """Metadata of every stored document (or of every version of ``url``), oldest first."""
        d = schema.documents
        query = select(d.c.doc_id, d.c.text_sha256, d.c.title, d.c.published, d.c.source, d.c.url, d.c.author,
                       d.c.origin, d.c.ingested_at, func.length(d.c.text).label("chars")).order_by(d.c.pk)
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
                if row is not None:
                    yield self._load(conn, row)

    def _load(self, conn: Any, row: Any) -> Document:
        children = {t.name: conn.execute(select(t).where(t.c.doc_pk == row["pk"])).mappings().all()
                    for t in schema.CHILD_TABLES}
        return document_from_rows(row, children)

    def entities(self, type: str | None = None) -> list[CorpusEntity]:
        """Corpus entities (merged across documents), optionally of one type, most documents first."""
        d, e, m = schema.documents, schema.entities, schema.mentions
        mention_counts = (select(m.c.doc_pk, m.c.entity_id, func.count().label("n"))
                          .group_by(m.c.doc_pk, m.c.entity_id).subquery())
        query = (select(d.c.doc_id, e, mention_counts.c.n).join(d, d.c.pk == e.c.doc_pk)
                 .outerjoin(mention_counts, (mention_counts.c.doc_pk == e.c.doc_pk)
                            & (mention_counts.c.entity_id == e.c.local_id))
                 .order_by(e.c.doc_pk, e.c.seq))
        if type is not None:
            query = query.where(e.c.type == type.upper())
        with self._read() as conn:
            rows = conn.execute(query).mappings().all()
        pairs: list[tuple[str, Entity, int]] = []
        for r in rows:
            # summaries need how often an entity is mentioned, not where: the count comes from SQL
            entity = Entity(id=r["local_id"], name=r["name"], type=r["type"], aliases=tuple(r["aliases"]),
                            roles=tuple(r["roles"]), country=r["country"], lat=r["lat"], lon=r["lon"],
                            geonames_id=r["geonames_id"])
            pairs.append((r["doc_id"], entity, r["n"] or 0))
        merged = merge_entities(pairs)
        return sorted(merged, key=lambda c: (-len(c.documents), -c.mentions, c.name))

    def counts(self) -> dict[str, Any]:
        """How many documents, entities (per type), events (per type) and claims (per stance) are stored."""
        with self._read() as conn:
            def grouped(table: Any, column: str) -> dict[str, int]:
                col = table.c[column]
                return dict(conn.execute(select(col, func.count()).group_by(col).order_by(col)).all())
            return {"documents": len(self), "entity_mentions_by_type": grouped(schema.entities, "type"),
                    "events_by_type": grouped(schema.events, "type"), "claims_by_stance": grouped(schema.claims, "stance"),
                    "relations": conn.execute(select(func.count()).select_from(schema.relations)).scalar_one()}

    def check(self) -> list[str]:
        """Integrity problems (orphan rows, offsets that do not match the text); empty when consistent."""
        problems: list[str] = []
        d = schema.documents
        with self._read() as conn:
            if self.engine.dialect.name == "sqlite":
                result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
                if result != "ok":
                    problems.append(f"sqlite integrity_check: {result}")
                for row in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
                    problems.append(f"orphan row in {row[0]} (rowid {row[1]})")
            for table in schema.CHILD_TABLES:
                orphans = conn.execute(select(func.count()).select_from(table).where(
                    table.c.doc_pk.not_in(select(d.c.pk)))).scalar_one()
                if orphans:
                    problems.append(f"{orphans} orphan rows in {table.name}")
        for doc in self.documents():
            for e in doc.entities:
                problems.extend(f"{doc.doc_id}: mention {m} does not match the text"
                                for m in e.mentions if doc.text[m.start:m.end] != m.text)
        return problems

    def _read(self) -> Any:
        try:
            return self.engine.connect()
        except DBAPIError as err:
            raise _store_error(self.url, err) from None

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


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers work while an ingest writes; busy_timeout makes a second writer wait, not fail."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: durable across process crashes
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _store_error(url: str, err: Exception) -> StoreError:
    reason = getattr(err, "orig", None) or err
    return StoreError(f"{url}: {reason}")
