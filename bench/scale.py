"""Scale of extraction, in one run: peak memory of ingesting N against M documents with worker processes.

Usage:  python bench/scale.py [--memory 100,2000] [--workers 2]

``--memory N,M``: ingests N and then M documents (FA-KES articles and the other shared
texts, cycled, each copy with a changed last line so that every text is new), each in a
fresh process with ``--workers`` workers, and prints the peak RSS of the parent and of
the largest worker: flat memory means the two runs peak within 10 %.  A worker holds one
batch at a time, so its memory does not depend on the corpus; the writer's side (the
store and corpus resolution, which does) is ``bench/scale_store.py``, on 20,000 documents
made from stored extractions; 2 Dask workers against 1 is ``bench/dask_workers.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from texts import real_texts, variants, write_jsonl


def one_ingest(count: int, workers: int) -> dict[str, float]:
    """Ingest ``count`` documents into a new store in this process; what it used."""
    from newsgraph.ingest import ingest_paths
    from newsgraph.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-scale-"))
    source = tmp / "in.jsonl"
    write_jsonl(variants(real_texts(200), count), source)
    start = time.perf_counter()
    with Store(tmp / "s.db") as store:
        report = ingest_paths([source], store, workers=workers)
    usage = report.usage
    return {"documents": report.added, "failed": report.failed, "wall": time.perf_counter() - start,
            "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_mb": (usage.peak_rss / 2**20) if usage else 0.0}


def memory(sizes: list[int], workers: int) -> None:
    runs = []
    for count in sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(count), "--workers", str(workers)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"the {count}-document run failed:\n{done.stderr[-2000:]}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"memory, {workers} workers: " + "; ".join(
        f"{r['documents']:.0f} documents in {r['wall']:.0f} s: parent peak {r['parent_mb']:.0f} MB, "
        f"largest worker {r['worker_mb']:.0f} MB" for r in runs))
    small, large = runs[0], runs[-1]
    print(f"  {large['documents'] / small['documents']:.0f}x the documents: parent peak x{large['parent_mb'] / small['parent_mb']:.3f}, "
          f"worker peak x{large['worker_mb'] / max(1.0, small['worker_mb']):.3f}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--memory", default="100,2000", help="comma-separated document counts")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one_ingest(args.one, args.workers)))
        return 0
    print(f"{os.cpu_count()} cores")
    memory([int(n) for n in args.memory.split(",")], args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
