"""`newsgraph ingest --dask local` with 2 workers against 1, on the same FA-KES texts, in one run.

    .venv/bin/python bench/dask_workers.py [--texts 150] [--rounds 2]

Each ingest is the command a user runs, ``newsgraph ingest IN.jsonl --db NEW.db --dask local
--workers W``, in a fresh process, timed from start to exit (so the wall includes starting
the ``LocalCluster`` and loading the model in its workers).  The runs take turns
(1, 2, then 2, 1 for the next round ...) so a change of the machine's load falls on both.
Prints each run, the wall and documents per second of each worker count, the speedup, and
whether every store is the same: the SHA-256 of ``newsgraph export --format json`` (documents,
entities, corpus ids, corpus events, claim links) of each.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from texts import fakes_texts, write_jsonl

NEWSGRAPH = Path(sys.executable).with_name("newsgraph")


def ingest(source: Path, db: Path, workers: int) -> tuple[float, float]:
    """Seconds of wall and of CPU (user + sys) for one ``newsgraph ingest --dask local`` into a new store.

    The CPU is of the command and the processes it waited for (the cluster's nanny and worker
    processes, which it shuts down and reaps before it exits): what the run cost the machine, so a
    speedup in wall that comes from load elsewhere shows as the same CPU.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(NEWSGRAPH), "ingest", str(source), "--db", str(db), "--dask", "local",
                           "--workers", str(workers)], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"newsgraph ingest --dask local --workers {workers} failed:\n{done.stderr[-2000:]}")
    return wall, cpu


def export_hash(db: Path) -> str:
    done = subprocess.run([str(NEWSGRAPH), "export", "--db", str(db), "--format", "json"],
                          capture_output=True, check=True)
    return hashlib.sha256(done.stdout).hexdigest()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=int, default=150, help="FA-KES articles to ingest")
    ap.add_argument("--rounds", type=int, default=2, help="runs of each worker count, taking turns")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-dask-"))
    source = tmp / "in.jsonl"
    count = write_jsonl(fakes_texts(args.texts), source)
    print(f"{os.cpu_count()} cores; {count} FA-KES texts; load average {os.getloadavg()[0]:.1f} at the start")
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    hashes: dict[str, str] = {}
    for k in range(args.rounds):
        for workers in ((1, 2) if k % 2 == 0 else (2, 1)):
            db = tmp / f"w{workers}-{k}.db"
            wall, cpu = ingest(source, db, workers)
            walls[workers].append(wall)
            cpus[workers].append(cpu)
            hashes[db.name] = export_hash(db)
            print(f"  round {k + 1}, {workers} worker{'s' if workers > 1 else ''}: {wall:.1f} s "
                  f"({count / wall:.2f} docs/s), CPU {cpu:.1f} s, load average {os.getloadavg()[0]:.1f}", flush=True)
    one, two = sum(walls[1]), sum(walls[2])
    runs = args.rounds
    print(f"dask local, {count} documents x {runs} run{'s' if runs > 1 else ''} each: 1 worker {one / runs:.1f} s "
          f"({count * runs / one:.2f} docs/s), 2 workers {two / runs:.1f} s ({count * runs / two:.2f} docs/s); "
          f"2 workers over 1: {one / two:.2f}x wall; CPU 1 worker {sum(cpus[1]) / runs:.1f} s, "
          f"2 workers {sum(cpus[2]) / runs:.1f} s ({sum(cpus[2]) / sum(cpus[1]):.2f}x)")
    same = len(set(hashes.values())) == 1
    print(f"stores identical (export --format json): {'yes' if same else 'NO'} ({len(hashes)} stores, "
          f"sha256 {next(iter(hashes.values()))[:12]}{'' if same else ' ...: ' + repr(hashes)})")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
