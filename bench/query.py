"""Query speed: the dossier, search and timeline on the 804 FA-KES articles and on a synthetic 100,000-document store.

    .venv/bin/python bench/query.py                      # make bench-query
    .venv/bin/python bench/query.py --documents 20000    # a smaller synthetic store
    .venv/bin/python bench/query.py --cache fakes.jsonl  # the extractions (made when missing, ~8 min)

The articles are extracted once into a JSON Lines cache (bench/corpus.py's, shared with it) and added to a
fresh SQLite store (resolution and indexing included).  The synthetic store is that store copied, then its
extraction rows copied under new document ids (INSERT ... SELECT with shifted keys: documents, entities,
mentions, events, claims, relations, dates, quantities, corpus members and reports, the query indexes and
the full-text index, and the claims layer: claims, their refs and links, the documents' sketches and bands,
the stored claim grades, each claim key rewritten to its copy's doc id) until it holds ``--documents``
documents; no NLP and no resolution run.  Every copy's document entities join the nodes of the originals, so
the most-mentioned entity ends up with about 125 times the members it had; each copy's claims are linked
among themselves as the originals are, so they are graded like them (a part copy's grades are worked out
again, its claims having lost the partners it leaves out).  A store made before grades were stored gets
them first.  Each query runs ``--runs`` times: p50 and p95 in milliseconds; "dossier graded per query" is
the dossier with the stored grades ignored (every claim graded from the claim layer, as before).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import cached_documents  # noqa: E402
from rich.progress import track  # noqa: E402
from sqlalchemy import Column, MetaData, Table, func, insert, literal, select  # noqa: E402

from newsgraph.query import dossier, search, timeline  # noqa: E402
from newsgraph.store import Store, schema  # noqa: E402

SEARCHES = ("chemical weapons", "Aleppo", "ceasefire", "\"Free Syrian Army\"", "killed AND civilians", "hospital*")


def _p50_p95(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * len(times)) - 1)]


def percentiles(run: Callable[[], Any], runs: int) -> tuple[float, float, float, float]:
    """Wall-clock p50 and p95, then this process's CPU-time p50 and p95, in ms (the machine is shared: CPU
    time is what the query costs, wall time what a user waits for under the load of the moment)."""
    run()  # warm: the first call parses node profiles and compiles statements
    wall, cpu = [], []
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        run()
        wall.append(1000 * (time.perf_counter() - started))
        cpu.append(1000 * (time.process_time() - used))
    return (*_p50_p95(wall), *_p50_p95(cpu))


def most_mentioned(store: Store) -> tuple[str, str, int]:
    from newsgraph.store.corpus import Corpus
    top = max(Corpus(store).entities(), key=lambda e: (e.mentions, e.id))
    return top.id, top.name, top.mentions


def measure(store: Store, label: str, entity: str, runs: int) -> dict[str, tuple[float, float, float, float]]:
    queries = iter(range(10**9))
    figures = {
        "dossier": percentiles(lambda: dossier(store, entity), runs),
        "dossier graded per query": percentiles(lambda: graded_per_query(lambda: dossier(store, entity)), runs),
        "search": percentiles(lambda: search(store, SEARCHES[next(queries) % len(SEARCHES)]), runs),
        "timeline": percentiles(lambda: timeline(store, entity=entity, limit=100), runs),
    }
    load = os.getloadavg()[0]
    for name, (p50, p95, cpu50, cpu95) in figures.items():
        print(f"{label}: {name} p50 {p50:.1f} ms, p95 {p95:.1f} ms (CPU time p50 {cpu50:.1f} ms, p95 {cpu95:.1f} ms; "
              f"load average {load:.1f} on {os.cpu_count()} cores)", flush=True)
    return figures


def graded_per_query(run: Callable[[], Any]) -> Any:
    """``run`` with the stored claim grades ignored: every claim graded from the claim layer's rows, as before
    they were stored (the same code: ``claim_assessments.computed_trust``)."""
    from newsgraph.store import claim_grades
    kept = claim_grades.stored
    claim_grades.stored = lambda conn, keys: {}  # type: ignore[assignment]
    try:
        return run()
    finally:
        claim_grades.stored = kept  # type: ignore[assignment]


def backfill_grades(store: Store) -> None:
    """Store the claim grades of a store made before they were stored."""
    from sqlalchemy import func as sql

    from newsgraph.store.claim_grades import regrade_all
    with store.engine.begin() as conn:
        if conn.execute(select(sql.count()).select_from(schema.corpus_claim_grades)).scalar_one():
            return
        started = time.perf_counter()
        regrade_all(conn)
    print(f"claim grades stored in {time.perf_counter() - started:.1f} s (a store made before they were)")


def _rekeyed(column: Any, copy: int) -> Any:
    """Claim keys ("doc_id/c1", alone or in a JSON list) under the copy's doc ids (doc ids hold no "/")."""
    return func.replace(column, "/", f"~{copy}/")


def _column(table: Table, c: Any, offset: int, copy: int) -> Any:
    if c.name in ("doc_pk", "pk"):
        return (c + offset).label(c.name)
    if c.name in ("doc_id", "report"):
        return (c + literal(f"~{copy}")).label(c.name)
    if c.name == "text_sha256":
        return (c.op("||")(literal(f"~{copy}"))).label(c.name)
    if c.name in CLAIM_KEYS.get(table.name, ()):
        return _rekeyed(c, copy).label(c.name)
    if table.name == "corpus_claims" and c.name == "features":  # the features name their document
        return func.json_set(c, "$.key", _rekeyed(table.c.claim, copy),
                             "$.doc_id", func.json_extract(c, "$.doc_id").op("||")(literal(f"~{copy}")),
                             "$.doc_sha", func.json_extract(c, "$.doc_sha").op("||")(literal(f"~{copy}"))
                             ).label(c.name)
    return c


def _shifted(table: Table, offset: int, copy: int, last: int | None) -> tuple[list[str], Any]:
    """The columns and a SELECT of the source store's rows of documents 1..``last`` (None: all; the attached ``src``)
    with the keys of copy ``copy``.  Reading the source, not the growing target, keeps every copy's cost
    that of the first: a SELECT over the target would scan the rows of all earlier copies of the tables
    keyed by claim."""
    src = _source(table)
    kept = [c for c in src.columns if not (c.name == "pk" and table.name != "documents")]  # autoincrement
    columns = [_column(src, c, offset, copy) for c in kept]
    names = [c.name for c in kept]
    if last is None:
        return names, select(*columns)
    if table.name == "documents":
        where = src.c.pk <= last
    elif "doc_pk" in src.c:
        where = src.c.doc_pk <= last
    else:  # keyed by claim: the claims of those documents (a link: when both its claims are)
        c = _source(schema.corpus_claims)
        copied = select(c.c.claim).where(c.c.doc_pk <= last)
        where = (src.c.a.in_(copied) & src.c.b.in_(copied) if table.name == "corpus_claim_links"
                 else src.c.claim.in_(copied))
    return names, select(*columns).where(where)


def _source(table: Table) -> Table:
    """``table`` in the attached source store (``src.<name>``)."""
    return Table(table.name, MetaData(), *(Column(c.name, c.type) for c in table.columns), schema="src")


COPIED = (schema.documents, schema.entities, schema.mentions, schema.events, schema.claims, schema.relations,
          schema.dates, schema.quantities, schema.corpus_members, schema.corpus_reports, schema.corpus_report_refs,
          schema.claim_refs, schema.entity_names,
          # the claims layer and what grading reads: each copy's claims are linked and graded as the originals
          schema.corpus_claims, schema.corpus_claim_refs, schema.corpus_claim_links, schema.corpus_doc_sketches,
          schema.corpus_doc_bands, schema.corpus_claim_grades, schema.corpus_claim_grade_inputs)
# columns holding claim keys
CLAIM_KEYS = {"corpus_claims": ("claim",), "corpus_claim_refs": ("claim",), "corpus_claim_links": ("a", "b"),
              "corpus_claim_grades": ("claim", "corroborated_by", "contradicted_by", "independent"),
              "corpus_claim_grade_inputs": ("claim",)}


def synthetic(source: Path, target: Path, documents: int) -> Path:
    """A copy of the store at ``source`` grown to ``documents`` documents by copying its rows under new ids."""
    import sqlite3

    from sqlalchemy.dialects import sqlite

    shutil.copy(source, target)
    with Store(str(target)):
        pass  # the schema and indexes are complete (the copy is of a store this code made)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")  # a scratch copy: no journal, no syncing
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-400000")
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        original = int(conn.execute("SELECT max(pk) FROM documents").fetchone()[0])
        copies = max(0, -(-documents // original) - 1)
        for copy in track(range(1, copies + 1), description=f"Copying {original} documents {copies} times"):
            offset = original * copy
            last = min(original, documents - offset)
            conn.execute("BEGIN")
            for table in COPIED if last == original else COPIED[:-2]:  # a part copy's grades: below
                names, query = _shifted(table, offset, copy, None if last == original else last)
                statement = insert(table).from_select(names, query)
                conn.execute(str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})))
            conn.execute("INSERT INTO search_fts (kind, doc_pk, item, title, body) SELECT kind, doc_pk + ?, "
                         "CASE kind WHEN 'document' THEN item || ? ELSE item END, title, body FROM src.search_fts "
                         "WHERE doc_pk <= ?", (offset, f"~{copy}", last))
            conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    if documents % original:  # the last copy holds part of the documents: its claims lost some partners
        from newsgraph.store.claim_grades import regrade
        with Store(str(target)) as store, store.engine.begin() as sql:
            c = schema.corpus_claims
            regrade(sql, sql.execute(select(c.c.claim).where(c.c.doc_pk > documents - documents % original))
                    .scalars())
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, help="JSON Lines of the extracted articles (made when missing)")
    parser.add_argument("--documents", type=int, default=100_000, help="Size of the synthetic store")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="Keep the stores in this directory")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsgraph-query-"))
    work.mkdir(parents=True, exist_ok=True)
    small = work / "fakes.db"
    if not small.exists():
        docs = cached_documents(args.cache)
        started = time.perf_counter()
        with Store(str(small)) as store:
            for doc in track(docs, description="Storing the FA-KES articles"):
                store.add(doc)
        print(f"{len(docs)} articles stored (resolved and indexed) in {time.perf_counter() - started:.0f} s")
    with Store(str(small)) as store:
        backfill_grades(store)
        entity, name, mentions = most_mentioned(store)
        print(f"most-mentioned entity: {entity} ({name}, {mentions} mentions)", flush=True)
        measure(store, f"{len(store)} documents", entity, args.runs)
    big = work / "synthetic.db"
    if not big.exists():
        started = time.perf_counter()
        synthetic(small, big, args.documents)
        print(f"synthetic store of {args.documents} documents built in {time.perf_counter() - started:.0f} s "
              f"({big.stat().st_size / 1e9:.1f} GB)")
    with Store(str(big)) as store:
        measure(store, f"{len(store)} documents", entity, args.runs)
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
