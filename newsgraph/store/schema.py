"""The store's tables, in dialect-neutral SQLAlchemy Core (SQLite now, PostgreSQL later).

One row per document version (keyed by the SHA-256 of its text), and per
document its entities, mentions, events, claims, relations, dates and page furniture, keyed
by (document, local id) so a ``Document`` round-trips exactly.  Every child
row references its document with ON DELETE CASCADE: no orphans.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = "1"
metadata = MetaData()


def _doc_fk() -> Column:
    return Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False)


def _evidence() -> list[Column]:
    return [Column("ev_start", Integer, nullable=False), Column("ev_end", Integer, nullable=False),
            Column("ev_text", Text, nullable=False)]


meta = Table("newsgraph_meta", metadata,
             Column("key", String(64), primary_key=True), Column("value", Text, nullable=False))

documents = Table(
    "documents", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(128), nullable=False, unique=True),
    Column("text_sha256", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text), Column("published", String(10)), Column("source", Text),
    Column("url", Text), Column("author", Text),
    Column("origin", Text),
    Column("ingested_at", String(32), nullable=False),
    Index("ix_documents_url", "url"),
)

entities = Table(
    "entities", metadata,
    _doc_fk(), Column("local_id", String(64), nullable=False), Column("seq", Integer, nullable=False),
    Column("global_id", String(200), nullable=False),
    Column("name", Text, nullable=False), Column("type", String(8), nullable=False),
    Column("aliases", JSON, nullable=False), Column("roles", JSON, nullable=False),
    Column("country", String(8)), Column("lat", Float), Column("lon", Float), Column("geonames_id", Integer),
    Index("ix_entities_global", "global_id"), Index("ix_entities_type", "type"),
)
entities.append_constraint(PrimaryKeyConstraint("doc_pk", "local_id", name="pk_entities"))

mentions = Table(
    "mentions", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, nullable=False), Column("entity_id", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("start_offset", Integer, nullable=False), Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
    ForeignKeyConstraint(["doc_pk", "entity_id"], ["entities.doc_pk", "entities.local_id"], ondelete="CASCADE"),
    Index("ix_mentions_doc", "doc_pk"),
)

events = Table(
    "events", metadata,
    _doc_fk(), Column("local_id", String(64), nullable=False), Column("seq", Integer, nullable=False),
    Column("type", String(16), nullable=False), Column("trigger", Text, nullable=False),
    Column("date", String(10)), Column("date_text", Text),
    Column("actors", JSON, nullable=False), Column("targets", JSON, nullable=False), Column("location", String(64)),
    *_evidence(), Index("ix_events_doc", "doc_pk"),
)

claims = Table(
    "claims", metadata,
    _doc_fk(), Column("local_id", String(64), nullable=False), Column("seq", Integer, nullable=False),
    Column("speaker", String(64)), Column("speaker_text", Text), Column("cue", Text, nullable=False),
    Column("stance", String(16), nullable=False), Column("text", Text, nullable=False),
    Column("via", JSON, nullable=False), Column("about", JSON, nullable=False), Column("disputed_by", String(64)),
    *_evidence(), Index("ix_claims_doc", "doc_pk"),
)

relations = Table(
    "relations", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(), Column("seq", Integer, nullable=False),
    Column("subject", String(64), nullable=False), Column("predicate", String(64), nullable=False),
    Column("object", String(64), nullable=False), *_evidence(), Index("ix_relations_doc", "doc_pk"),
)

dates = Table(
    "dates", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(), Column("seq", Integer, nullable=False),
    Column("start_offset", Integer, nullable=False), Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("value", String(10)), Index("ix_dates_doc", "doc_pk"),
)

furniture = Table(
    "furniture", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(), Column("seq", Integer, nullable=False),
    Column("start_offset", Integer, nullable=False), Column("end_offset", Integer, nullable=False),
    Column("kind", String(16), nullable=False), Column("text", Text, nullable=False),
    Index("ix_furniture_doc", "doc_pk"),
)

CHILD_TABLES = (mentions, entities, events, claims, relations, dates, furniture)
