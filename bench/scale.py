"""Scale, in one run: peak memory of N against 10 x N documents, and 2 local Dask workers against 1.

Usage:  python bench/scale.py [--memory 100] [--workers 2] [--dask 120]

``--memory N``: ingests N and then 10 x N documents (FA-KES articles and the other shared
texts, cycled, each copy with a changed last line so that every text is new), each in a
fresh process with ``--workers`` workers, and prints the peak RSS of the parent and of
the largest worker: flat memory means the two runs peak within 10 %.  ``--memory 0``
skips it.

``--dask N``: N documents ingested through a ``LocalCluster`` of 1 worker and one of 2
workers (both started and warmed first, then used in turn on the same parts, so the
comparison is interleaved); prints wall seconds, the workers' CPU seconds and the
speedup.  ``--dask 0`` skips it.
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


def memory(n: int, workers: int) -> None:
    runs = []
    for count in (n, 10 * n):
        done = subprocess.run([sys.executable, __file__, "--one", str(count), "--workers", str(workers)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"the {count}-document run failed:\n{done.stderr[-2000:]}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"memory, {workers} workers: " + "; ".join(
        f"{r['documents']:.0f} documents in {r['wall']:.0f} s: parent peak {r['parent_mb']:.0f} MB, "
        f"largest worker {r['worker_mb']:.0f} MB" for r in runs))
    small, large = runs
    print(f"  10x the documents: parent peak x{large['parent_mb'] / small['parent_mb']:.3f}, "
          f"worker peak x{large['worker_mb'] / max(1.0, small['worker_mb']):.3f}")


def _worker_cpu(client: object) -> float:
    usage = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF))  # type: ignore[attr-defined]
    return sum(u.ru_utime + u.ru_stime for u in usage.values())


def dask(n: int, rounds: int = 2) -> None:
    from distributed import Client, LocalCluster

    from newsgraph.ingest import ingest_paths
    from newsgraph.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-dask-"))
    docs = real_texts(n)
    clusters = {w: LocalCluster(n_workers=w, threads_per_worker=1, processes=True, dashboard_address=None)
                for w in (1, 2)}
    clients = {w: Client(c) for w, c in clusters.items()}
    for client in clients.values():  # load the model and tables in every worker before timing
        client.run(lambda: __import__("newsgraph.ingest.warm") is not None)
    wall = dict.fromkeys(clusters, 0.0)
    cpu = dict.fromkeys(clusters, 0.0)
    for k in range(rounds):
        source = tmp / f"part{k}.jsonl"
        write_jsonl(docs[k::rounds], source)
        for w, cluster in clusters.items():
            before, start = _worker_cpu(clients[w]), time.perf_counter()
            with Store(tmp / f"d{w}-{k}.db") as store:
                report = ingest_paths([source], store, dask=cluster.scheduler_address)
            wall[w] += time.perf_counter() - start
            cpu[w] += _worker_cpu(clients[w]) - before
            assert report.failed == 0, report.errors[:3]
    for client in clients.values():
        client.close()
    for cluster in clusters.values():
        cluster.close()
    print(f"dask LocalCluster, {len(docs)} documents: 1 worker {wall[1]:.1f} s wall ({cpu[1]:.1f} s worker CPU), "
          f"2 workers {wall[2]:.1f} s wall ({cpu[2]:.1f} s worker CPU); wall speedup {wall[1] / wall[2]:.2f}x, "
          f"CPU 2/1 {cpu[2] / cpu[1]:.2f}x; load average {os.getloadavg()[0]:.1f}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--memory", type=int, default=100)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dask", type=int, default=120)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one_ingest(args.one, args.workers)))
        return 0
    print(f"{os.cpu_count()} cores")
    if args.memory:
        memory(args.memory, args.workers)
    if args.dask:
        dask(args.dask)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
