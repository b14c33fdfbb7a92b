"""Web UI speed on the 804 FA-KES articles: p50/p95 of the dossier page and the dossier API.

    .venv/bin/python bench/web.py                    # make bench-web
    .venv/bin/python bench/web.py --requests 100 --entities 10 --cache /tmp/web-fakes.jsonl

The articles' extractions come from bench/corpus.py's JSON Lines cache (made when missing, ~4 min), stored
once into a resolved SQLite store (kept at --db, reused when it holds the 804 documents).  Then, through
FastAPI's TestClient (the whole app: middleware, routing, rendering; no network), ``--requests`` requests
each of /entity/<id> and /api/entities/<id>, cycling over the ``--entities`` corpus entities in most
documents.  The target is p95 <= 300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import cached_documents, timed_store  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, help="JSON Lines of the extracted articles (bench/corpus.py's)")
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-web-fakes.db"))
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--entities", type=int, default=10)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from newsgraph.store import Store
    from newsgraph.web.app import create_app

    with Store(args.db) as store:
        have = len(store)
    if have != 804:
        documents = cached_documents(args.cache)
        seconds, _ = timed_store(documents, resolve=True, keep=args.db)
        print(f"stored {len(documents)} extractions in {seconds:.0f} s into {args.db}")
    from sqlalchemy import func, select

    from newsgraph.store import schema
    with Store(args.db) as store, store.engine.connect() as conn:
        n = schema.corpus_nodes
        m = schema.corpus_members
        rows = conn.execute(select(n.c.corpus_id, func.count(func.distinct(m.c.doc_pk)).label("docs"))
                            .join(m, m.c.node == n.c.node).group_by(n.c.corpus_id)
                            .order_by(func.count(func.distinct(m.c.doc_pk)).desc(), n.c.corpus_id).limit(args.entities))
        top = [(r.corpus_id, int(r.docs)) for r in rows]
    print(f"{len(top)} entities in most documents: " + ", ".join(f"{i} ({d})" for i, d in top))
    with TestClient(create_app(str(args.db))) as client:
        for label, template in (("dossier page", "/entity/{}"), ("dossier API ", "/api/entities/{}")):
            client.get(template.format(quote(top[0][0], safe="")))  # warm: first connection, templates
            times, cpu = [], []
            for i in range(args.requests):
                url = template.format(quote(top[i % len(top)][0], safe=""))
                started, used = time.perf_counter(), time.process_time()
                response = client.get(url)
                times.append(1000 * (time.perf_counter() - started))
                cpu.append(1000 * (time.process_time() - used))  # the app runs in this process (TestClient)
                assert response.status_code == 200, (url, response.status_code, response.text[:200])
            print(f"{label}: {args.requests} requests, p50 {statistics.median(times):.0f} ms, "
                  f"p95 {percentile(times, 95):.0f} ms, max {max(times):.0f} ms (target p95 <= 300 ms); CPU time "
                  f"p50 {statistics.median(cpu):.0f} ms, p95 {percentile(cpu, 95):.0f} ms; load average "
                  f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)


if __name__ == "__main__":
    main()
