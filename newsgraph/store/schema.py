"""The store's tables, in dialect-neutral SQLAlchemy Core (the same tables on SQLite and PostgreSQL).

One row per document version (keyed by the SHA-256 of its text), and per
document its entities, mentions, events, claims, relations, dates and page furniture, keyed
by (document, local id) so a ``Document`` round-trips exactly.  Every child
row references its document with ON DELETE CASCADE: no orphans.

Dialect-neutral means: strings are ``Text``, because PostgreSQL enforces
``VARCHAR(n)`` lengths and SQLite does not (a value that fits one backend
must fit the other); only the SHA-256 and the meta key have a length.  Lists
are ``JSON`` (JSONB on PostgreSQL, which keeps a list's order).
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
from sqlalchemy.dialects.postgresql import JSONB

SCHEMA_VERSION = "1"
metadata = MetaData()
JsonList = JSON().with_variant(JSONB(), "postgresql")


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
    Column("doc_id", Text, nullable=False, unique=True),
    Column("text_sha256", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text), Column("published", Text), Column("source", Text),
    Column("url", Text), Column("author", Text),
    Column("origin", Text),
    Column("ingested_at", Text, nullable=False),
    Index("ix_documents_url", "url"),
)

entities = Table(
    "entities", metadata,
    _doc_fk(), Column("local_id", Text, nullable=False), Column("seq", Integer, nullable=False),
    Column("global_id", Text, nullable=False),
    Column("name", Text, nullable=False), Column("type", Text, nullable=False),
    Column("aliases", JsonList, nullable=False), Column("roles", JsonList, nullable=False),
    Column("country", Text), Column("lat", Float), Column("lon", Float), Column("geonames_id", Integer),
    Index("ix_entities_global", "global_id"), Index("ix_entities_type", "type"),
)
entities.append_constraint(PrimaryKeyConstraint("doc_pk", "local_id", name="pk_entities"))

mentions = Table(
    "mentions", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, nullable=False), Column("entity_id", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("start_offset", Integer, nullable=False), Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
    ForeignKeyConstraint(["doc_pk", "entity_id"], ["entities.doc_pk", "entities.local_id"], ondelete="CASCADE"),
    Index("ix_mentions_doc", "doc_pk"),
)

events = Table(
    "events", metadata,
    _doc_fk(), Column("local_id", Text, nullable=False), Column("seq", Integer, nullable=False),
    Column("type", Text, nullable=False), Column("trigger", Text, nullable=False),
    Column("date", Text), Column("date_text", Text),
    Column("actors", JsonList, nullable=False), Column("targets", JsonList, nullable=False), Column("location", Text),
    *_evidence(), Index("ix_events_doc", "doc_pk"),
)

claims = Table(
    "claims", metadata,
    _doc_fk(), Column("local_id", Text, nullable=False), Column("seq", Integer, nullable=False),
    Column("speaker", Text), Column("speaker_text", Text), Column("cue", Text, nullable=False),
    Column("stance", Text, nullable=False), Column("text", Text, nullable=False),
    Column("via", JsonList, nullable=False), Column("about", JsonList, nullable=False), Column("disputed_by", Text),
    *_evidence(), Index("ix_claims_doc", "doc_pk"),
)

relations = Table(
    "relations", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(), Column("seq", Integer, nullable=False),
    Column("subject", Text, nullable=False), Column("predicate", Text, nullable=False),
    Column("object", Text, nullable=False), *_evidence(), Index("ix_relations_doc", "doc_pk"),
)

dates = Table(
    "dates", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(), Column("seq", Integer, nullable=False),
    Column("start_offset", Integer, nullable=False), Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("value", Text), Index("ix_dates_doc", "doc_pk"),
)

furniture = Table(
    "furniture", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(), Column("seq", Integer, nullable=False),
    Column("start_offset", Integer, nullable=False), Column("end_offset", Integer, nullable=False),
    Column("kind", String(16), nullable=False), Column("text", Text, nullable=False),
    Index("ix_furniture_doc", "doc_pk"),
)

# counts events and claims state (nlp/quantities): ``owner`` is "event" or "claim", ``owner_id`` its local id
quantities = Table(
    "quantities", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(), Column("owner", String(8), nullable=False), Column("owner_id", Text, nullable=False),
    Column("seq", Integer, nullable=False), Column("counted", Text, nullable=False), Column("unit", Text),
    Column("low", Integer), Column("high", Integer), Column("qualifier", Text),
    Column("start_offset", Integer, nullable=False), Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("speaker", Text), Column("speaker_text", Text),
    Index("ix_quantities_doc", "doc_pk"),
)

CHILD_TABLES = (mentions, entities, events, claims, relations, dates, furniture, quantities)


# --- corpus resolution (newsgraph.resolve; written by newsgraph.store.corpus) --------------------------
# A member is a document entity's place in the corpus: the node it belongs to (see resolve/ids.py).
# Nodes carry their summed profile, their block (nodes that share a blocking key) and the corpus id
# their cluster has; links cache the evidence between node pairs that share a blocking key.  Corpus
# ids are node keys, so later tables (events and claims across documents) can reference them.
corpus_members = Table(
    "corpus_members", metadata,
    Column("doc_pk", Integer, nullable=False), Column("local_id", String(64), nullable=False),
    Column("node", String(200), nullable=False),
    PrimaryKeyConstraint("doc_pk", "local_id", name="pk_corpus_members"),
    ForeignKeyConstraint(["doc_pk", "local_id"], ["entities.doc_pk", "entities.local_id"], ondelete="CASCADE"),
    Index("ix_corpus_members_node", "node"),
)

corpus_nodes = Table(
    "corpus_nodes", metadata,
    Column("node", String(200), primary_key=True),
    Column("block", String(200), nullable=False), Column("corpus_id", String(200), nullable=False),
    Column("type", String(8), nullable=False), Column("members", Integer, nullable=False),
    Column("profile", Text, nullable=False),  # JSON text (Node.dumps): read often, parsed once per process
    Index("ix_corpus_nodes_block", "block"), Index("ix_corpus_nodes_corpus_id", "corpus_id"),
)

corpus_keys = Table(
    "corpus_keys", metadata,
    Column("key", String(200), nullable=False), Column("node", String(200), nullable=False),
    PrimaryKeyConstraint("key", "node", name="pk_corpus_keys"), Index("ix_corpus_keys_node", "node"),
)

corpus_links = Table(
    "corpus_links", metadata,
    Column("a", String(200), nullable=False), Column("b", String(200), nullable=False),
    Column("kind", String(32), nullable=False), Column("score", Float, nullable=False),
    Column("support", Integer, nullable=False), Column("short_side", String(200), nullable=False),
    Column("evidence", Text, nullable=False),  # JSON text: parsed once per process
    PrimaryKeyConstraint("a", "b", name="pk_corpus_links"), Index("ix_corpus_links_b", "b"),
)

corpus_candidates = Table(
    "corpus_candidates", metadata,
    Column("block", String(200), nullable=False),
    Column("left_id", String(200), nullable=False), Column("right_id", String(200), nullable=False),
    Column("score", Float, nullable=False), Column("kind", String(32), nullable=False),
    Column("members", Integer, nullable=False), Column("evidence", JSON, nullable=False),
    PrimaryKeyConstraint("left_id", "right_id", name="pk_corpus_candidates"),
    Index("ix_corpus_candidates_block", "block"),
)

corpus_judgements = Table(
    "corpus_judgements", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("left_node", String(200), nullable=False), Column("right_node", String(200), nullable=False),
    Column("doc_sha", String(64), nullable=False), Column("local_id", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("author", Text), Column("note", Text), Column("created_at", String(32), nullable=False),
    Index("ix_corpus_judgements_left", "left_node"), Index("ix_corpus_judgements_right", "right_node"),
)

CORPUS_TABLES = (corpus_members, corpus_nodes, corpus_keys, corpus_links, corpus_candidates)


# --- corpus events (newsgraph.resolve.events; written by newsgraph.store.corpus_events) ----------------
# A report is one document event as corpus event resolution sees it: its content (``features``, JSON of
# resolve.reports.Report) and its view under the current entity resolution (``view``: corpus ids of its
# place and participants, its date).  ``refs`` are the corpus ids the view was made with (a changed one
# makes the report stale); ``keys`` its blocking keys; ``links`` the evidence between reports; ``block``
# the connected component of links it is in and ``corpus_event`` its cluster's id.
corpus_reports = Table(
    "corpus_reports", metadata,
    Column("report", String(200), primary_key=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(64), nullable=False),
    Column("features", Text, nullable=False), Column("view", Text, nullable=False),
    Column("block", String(200), nullable=False), Column("corpus_event", String(200), nullable=False),
    Index("ix_corpus_reports_doc", "doc_pk"), Index("ix_corpus_reports_block", "block"),
    Index("ix_corpus_reports_event", "corpus_event"),
)

corpus_report_refs = Table(
    "corpus_report_refs", metadata,
    Column("report", String(200), nullable=False), Column("doc_pk", Integer, nullable=False),
    Column("local_id", String(64), nullable=False), Column("corpus_id", String(200), nullable=False),
    PrimaryKeyConstraint("report", "local_id", name="pk_corpus_report_refs"),
    Index("ix_corpus_report_refs_member", "doc_pk", "local_id"),
)

corpus_report_keys = Table(
    "corpus_report_keys", metadata,
    Column("key", String(300), nullable=False), Column("report", String(200), nullable=False),
    PrimaryKeyConstraint("key", "report", name="pk_corpus_report_keys"),
    Index("ix_corpus_report_keys_report", "report"),
)

corpus_report_links = Table(
    "corpus_report_links", metadata,
    Column("a", String(200), nullable=False), Column("b", String(200), nullable=False),
    Column("kind", String(16), nullable=False), Column("score", Float, nullable=False),
    Column("evidence", Text, nullable=False),  # JSON list
    PrimaryKeyConstraint("a", "b", name="pk_corpus_report_links"), Index("ix_corpus_report_links_b", "b"),
)

EVENT_TABLES = (corpus_reports, corpus_report_refs, corpus_report_keys, corpus_report_links)


# --- claims across documents (newsgraph.resolve.claims; written by newsgraph.store.corpus_claims) ----------
# A claim's ``features`` (JSON of resolve.claims.ClaimFeatures) and ``view`` (its corpus ids); ``refs`` the
# corpus ids its view was made with (a changed one makes it stale), ``keys`` its blocking keys, ``links``
# corroborations and contradictions between claims.  Each document's MinHash signature and LSH bands find
# its near-duplicates (one wire story in several outlets).  Claim keys hold doc ids, which have no length
# limit: they are Text (PostgreSQL enforces VARCHAR lengths).
corpus_claims = Table(
    "corpus_claims", metadata,
    Column("claim", Text, primary_key=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False),
    Column("features", Text, nullable=False), Column("view", Text, nullable=False),
    Index("ix_corpus_claims_doc", "doc_pk"),
)

corpus_claim_refs = Table(
    "corpus_claim_refs", metadata,
    Column("claim", Text, nullable=False), Column("doc_pk", Integer, nullable=False),
    Column("local_id", Text, nullable=False), Column("corpus_id", Text, nullable=False),
    PrimaryKeyConstraint("claim", "local_id", name="pk_corpus_claim_refs"),
    Index("ix_corpus_claim_refs_member", "doc_pk", "local_id"),
)

corpus_claim_keys = Table(
    "corpus_claim_keys", metadata,
    Column("key", Text, nullable=False), Column("claim", Text, nullable=False),
    PrimaryKeyConstraint("key", "claim", name="pk_corpus_claim_keys"), Index("ix_corpus_claim_keys_claim", "claim"),
)

corpus_claim_links = Table(
    "corpus_claim_links", metadata,
    Column("a", Text, nullable=False), Column("b", Text, nullable=False),
    Column("kind", Text, nullable=False), Column("score", Float, nullable=False),
    Column("evidence", Text, nullable=False),  # JSON list
    PrimaryKeyConstraint("a", "b", name="pk_corpus_claim_links"), Index("ix_corpus_claim_links_b", "b"),
)

corpus_doc_sketches = Table(
    "corpus_doc_sketches", metadata,
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), primary_key=True),
    Column("text_sha256", Text, nullable=False), Column("signature", Text, nullable=False),  # JSON list
)

corpus_doc_bands = Table(
    "corpus_doc_bands", metadata,
    Column("key", Text, nullable=False), Column("doc_pk", Integer, nullable=False),
    PrimaryKeyConstraint("key", "doc_pk", name="pk_corpus_doc_bands"), Index("ix_corpus_doc_bands_doc", "doc_pk"),
)

# an analyst's reliability grade for a source (folded name), over the packaged and user grades files
source_grades = Table(
    "source_grades", metadata,
    Column("name", Text, primary_key=True), Column("shown", Text, nullable=False),
    Column("grade", Text, nullable=False), Column("note", Text), Column("created_at", Text, nullable=False),
)

# each claim's links and grades as ``resolve.claim_corpus.trust_all`` gives them, kept in step by
# newsgraph.store.claim_grades so a question reads them instead of grading per query; ``inputs``: the names a
# grade was worked out from (kind "source": a folded source name or grades-file key it tried; "node": a corpus
# id whose name it read, with that name), so a changed grade or name regrades only the claims that used it
corpus_claim_grades = Table(
    "corpus_claim_grades", metadata,
    Column("claim", Text, primary_key=True),
    Column("corroborated_by", Text, nullable=False), Column("contradicted_by", Text, nullable=False),  # JSON
    Column("independent", Text, nullable=False),  # JSON list of lists of claim keys
    Column("source", Text), Column("source_grade", String(1), nullable=False),
    Column("independent_sources", Integer, nullable=False), Column("credibility", Integer, nullable=False),
    Column("stamp", String(16), nullable=False),  # the rules and grades file it was worked out under
)

corpus_claim_grade_inputs = Table(
    "corpus_claim_grade_inputs", metadata,
    Column("kind", String(8), nullable=False), Column("value", Text, nullable=False),
    Column("name", Text, nullable=False), Column("claim", Text, nullable=False),  # name: "" for a source
    PrimaryKeyConstraint("kind", "value", "name", "claim", name="pk_corpus_claim_grade_inputs"),
    Index("ix_corpus_claim_grade_inputs_claim", "claim"),
)

CLAIM_TABLES = (corpus_claims, corpus_claim_refs, corpus_claim_keys, corpus_claim_links, corpus_doc_sketches,
                corpus_doc_bands, corpus_claim_grades, corpus_claim_grade_inputs)


# --- asking the corpus (newsgraph.query; written by newsgraph.store.search at ingest) -------------------
# ``claim_refs``: the document entities a claim names, by ``role`` ("by" its speaker, "via" a relay, "about"),
# so a dossier finds an entity's claims through its members' index instead of reading every claim's JSON.
# ``entity_names``: every name and alias of a document entity, folded (case and accents), for ``entity NAME``.
# The full-text index itself is dialect-specific (an FTS5 table on SQLite, a tsvector column on PostgreSQL)
# and lives in store/search.py.
claim_refs = Table(
    "claim_refs", metadata,
    _doc_fk(), Column("claim_id", String(64), nullable=False), Column("role", String(8), nullable=False),
    Column("entity_id", String(64), nullable=False),
    PrimaryKeyConstraint("doc_pk", "entity_id", "role", "claim_id", name="pk_claim_refs"),
)

entity_names = Table(
    "entity_names", metadata,
    _doc_fk(), Column("local_id", String(64), nullable=False), Column("folded", Text, nullable=False),
    PrimaryKeyConstraint("folded", "doc_pk", "local_id", name="pk_entity_names"),
)

QUERY_TABLES = (claim_refs, entity_names)
# indexes the queries need on the tables above them; created by store/search.ensure on stores made before
QUERY_INDEXES = (
    # a corpus entity's members newest document first (a dossier reads its latest ones, never all of them)
    Index("ix_corpus_members_node_doc", corpus_members.c.node, corpus_members.c.doc_pk),
    # a claim's row from its document and local id (claim_refs point at it)
    Index("ix_claims_doc_local", claims.c.doc_pk, claims.c.local_id),
    # the reports and documents of a corpus event, counted from the index alone
    Index("ix_corpus_reports_event_doc", corpus_reports.c.corpus_event, corpus_reports.c.doc_pk),
    # a document entity's mentions counted from the index alone
    Index("ix_mentions_doc_entity", mentions.c.doc_pk, mentions.c.entity_id),
)
