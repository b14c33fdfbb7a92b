"""The writer's side of scale: peak memory of storing and resolving N documents from stored extractions.

    .venv/bin/python bench/scale_store.py --cache /tmp/fakes.jsonl --sizes 100,20000

Running the NLP on 20,000 documents takes most of an hour of two cores, and the
extraction worker's memory does not depend on the corpus (``bench/scale.py --memory``
measures it).  What does depend on the corpus is the store and corpus resolution in the
writer process, so this runs exactly that: ``Store.add`` (rows, full-text index, corpus
identity, corpus events, claim links, near-duplicate sketches) on ``Document`` records
made from the 804 FA-KES extractions of ``bench/corpus.py``'s cache.

Copy ``k`` of article ``i`` (``fakes-NNNN~k``) is the article's extraction with
  * its text followed by two shuffles of its own words (twice its length), so its
    SHA-256 differs and its word-shingle MinHash is about 0.33 alike to the original's
    and 0.2 to another copy's, below the near-duplicate threshold (0.5): a new document;
  * every date (publication, date mentions, event dates) 8 years later per copy (FA-KES
    spans 2011-02 to 2018-07), so each copy is another stretch of the same war: claims and
    events are compared within a copy as in the real corpus, not 25 times over in one month;
  * its entities, names, mentions, events and claims as extracted: every copy resolves
    against the same corpus entities (Syria, Assad, Aleppo ... in 25 times the documents).

Each size runs in a fresh process; it prints the process's peak RSS (``ru_maxrss``) and its
RSS after every ``--every`` documents, then, on the stores kept, the peak RSS of a fresh
process exporting each format and asking dossiers, the small store's against the large one's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import cached_documents, document_from_dict  # noqa: E402

from newsgraph.model import Document, Furniture  # noqa: E402

_YEAR = re.compile(r"^(\d{4})")
_WORD = re.compile(r"\w+")
YEARS_PER_COPY = 8
EXPORTS = ("json", "ftm", "stix", "graphml", "csv-events", "csv-claims")
# dossiers asked of each store: the things in most FA-KES documents, and a few less frequent ones
DOSSIERS = ("Syria", "Russia", "Aleppo", "Damascus", "Bashar al-Assad", "United States", "Turkey", "Iran",
            "Syrian Observatory for Human Rights", "Idlib", "Islamic State", "Homs", "United Nations", "Ghouta")


def rss_mb() -> float:
    """This process's resident set size now, MB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _later(value: str | None, years: int) -> str | None:
    """A date value (2013, 2013-08, 2013-08-05, 2015-W08, PAST_REF) ``years`` later, at its precision."""
    if not value or not years or not _YEAR.match(value):
        return value
    shifted = f"{int(value[:4]) + years:04d}{value[4:]}"
    if len(shifted) == 10 and shifted[4] == "-" and shifted[7] == "-":
        try:
            dt.date.fromisoformat(shifted)
        except ValueError:  # 29 February in a year that has none
            shifted = shifted[:8] + "28"
    return shifted.replace("-W53", "-W52")


def copy_of(doc: Document, k: int) -> Document:
    """Copy ``k`` of an extracted document: a new text (hash and sketch), dates ``8 k`` years later."""
    if k == 0:
        return doc
    rng = random.Random(f"{doc.doc_id}~{k}")
    words = _WORD.findall(doc.text)
    tail = []
    for _ in range(2):
        rng.shuffle(words)
        tail.append(" ".join(words))
    text = doc.text + "\n\n" + "\n\n".join(tail)
    years = YEARS_PER_COPY * k
    return replace(doc, doc_id=f"{doc.doc_id}~{k}", text=text,
                   text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                   published=_later(doc.published, years),
                   dates=tuple(replace(d, value=_later(d.value, years)) for d in doc.dates),
                   events=tuple(replace(e, date=_later(e.date, years)) for e in doc.events))


def load_documents(cache: Path) -> list[Document]:
    """The extractions of ``bench/corpus.py``'s cache (made first when missing), with their page furniture."""
    if not cache.is_file():
        cached_documents(cache)
    out = []
    with cache.open(encoding="utf-8") as handle:
        for line in handle:
            d = json.loads(line)
            furniture = tuple(Furniture(f["start"], f["end"], f["kind"], f["text"]) for f in d.get("furniture", ()))
            out.append(replace(document_from_dict(d), furniture=furniture))
    return out


def corpus_stream(docs: list[Document], total: int) -> Iterator[Document]:
    """``total`` documents: the articles in order, then copy 1 of each, copy 2 ..."""
    for n in range(total):
        yield copy_of(docs[n % len(docs)], n // len(docs))


def lru_caches() -> dict[str, int]:
    """Entries held by each ``functools.lru_cache`` of newsgraph's modules loaded now (functions, methods)."""
    import functools
    out = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("newsgraph"):
            continue
        for attr, value in list(vars(module).items()):
            inner = list(vars(value).values()) if isinstance(value, type) else []
            for f in (value, *inner, *(getattr(x, "__func__", None) for x in inner)):
                if isinstance(f, functools._lru_cache_wrapper):  # each once, named where it is defined
                    out[f"{f.__module__}.{getattr(f, '__qualname__', attr)}"] = f.cache_info().currsize
    return out


def probe(n: int, last: dict[str, Any], jumps: list[tuple[int, float]]) -> None:
    """What grew since the last probe: ``lru_cache`` entries, live objects by type, the largest RSS steps."""
    import gc
    from collections import Counter
    caches = lru_caches()
    objects = Counter(type(o).__name__ for o in gc.get_objects())
    grown = {k: v - last.get("caches", {}).get(k, 0) for k, v in caches.items()}
    more = {k: v - last.get("objects", Counter()).get(k, 0) for k, v in objects.items()}
    print(f"  probe at {n}: caches " + ", ".join(f"{k.split('.', 1)[1]} +{v} ({caches[k]})"
                                                 for k, v in sorted(grown.items(), key=lambda x: -x[1])[:8] if v)
          + "; objects " + ", ".join(f"{k} +{v}" for k, v in sorted(more.items(), key=lambda x: -x[1])[:8])
          + "; RSS steps " + ", ".join(f"doc {k} +{mb:.1f} MB" for k, mb in sorted(jumps, key=lambda x: -x[1])[:5]),
          file=sys.stderr, flush=True)
    last.update(caches=caches, objects=objects)
    jumps.clear()


def ingest(cache: Path, count: int, db: Path, every: int, probing: bool = False) -> dict[str, Any]:
    """Store ``count`` documents into a new store at ``db`` in this process; its memory as it went
    (``probing``: what grew, at every ``every`` documents)."""
    from newsgraph.store import Store

    docs = load_documents(cache)
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    loaded = rss_mb()
    curve: list[tuple[int, float]] = []
    start, cpu = time.perf_counter(), time.process_time()
    added = 0
    last: dict[str, Any] = {}
    jumps: list[tuple[int, float]] = []
    before = rss_mb()
    with Store(db) as store:
        for n, doc in enumerate(corpus_stream(docs, count), 1):
            added += store.add(doc)[1]
            if probing:
                now = rss_mb()
                if now - before > 0.5:
                    jumps.append((n, now - before))
                before = now
                if n % every == 0:
                    probe(n, last, jumps)
            if n % every == 0 or n == count:
                curve.append((n, round(rss_mb(), 1)))
                print(f"  {n} documents stored in {time.perf_counter() - start:.0f} s "
                      f"({time.process_time() - cpu:.0f} s CPU), RSS {curve[-1][1]:.0f} MB", file=sys.stderr, flush=True)
    return {"documents": added, "wall": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "loaded_mb": loaded, "peak_mb": peak_mb(), "curve": curve}


def ask(db: Path, what: str) -> dict[str, Any]:
    """One read of the store at ``db`` in this process (an export to /dev/null, or dossiers); its peak RSS."""
    from newsgraph.export.run import write_export
    from newsgraph.store import Store

    start = time.perf_counter()
    with Store(db) as store:
        before = peak_mb()
        if what == "dossiers":
            from newsgraph.errors import NewsgraphError
            from newsgraph.query import dossier
            for name in DOSSIERS:
                try:
                    dossier(store, name)
                except (NewsgraphError, LookupError):  # a name the small store does not hold
                    continue
        else:
            fmt, _, table = what.partition("-")
            with open(os.devnull, "w", encoding="utf-8") as out:
                write_export(store, fmt, out, table or None)
    return {"what": what, "wall": time.perf_counter() - start, "peak_mb": peak_mb(), "before_mb": before}


def _child(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench/scale_store.py {' '.join(args)} failed (status {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(cache: Path, sizes: list[int], workdir: Path, every: int, reads: tuple[str, ...]) -> None:
    """Each size in a fresh process, then each read of the smallest and the largest store."""
    # the gazetteer (corpus resolution reads it) is built first, so no run's peak includes building it
    subprocess.run([sys.executable, "-m", "newsgraph.geo", "--quiet"], check=True)
    runs = {n: _child("--cache", str(cache), "--one", str(n), "--db", str(workdir / f"scale-{n}.db"),
                      "--every", str(every)) for n in sizes}
    for r in runs.values():
        print(f"writer, {r['documents']} documents stored from extractions: {r['wall']:.0f} s wall, "
              f"{r['cpu']:.0f} s CPU ({1000 * r['cpu'] / max(1, r['documents']):.0f} ms per document); "
              f"RSS {r['loaded_mb']:.0f} MB with the extractions loaded, peak {r['peak_mb']:.0f} MB")
        if len(r["curve"]) > 2:
            print("  RSS by documents stored: " + ", ".join(f"{k:,} {mb:.0f} MB" for k, mb in r["curve"]))
    small, large = runs[min(sizes)], runs[max(sizes)]
    print(f"  {max(sizes):,} over {min(sizes):,} documents: writer peak x{large['peak_mb'] / small['peak_mb']:.3f}")
    for what in reads:
        a, b = (_child("--ask", what, "--db", str(workdir / f"scale-{n}.db")) for n in (min(sizes), max(sizes)))
        print(f"{what:>11}: {min(sizes):,}-document store peak {a['peak_mb']:.0f} MB ({a['wall']:.1f} s), "
              f"{max(sizes):,}-document store {b['peak_mb']:.0f} MB ({b['wall']:.1f} s): x{b['peak_mb'] / a['peak_mb']:.3f}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newsgraph-scale-fakes.jsonl"),
                    help="bench/corpus.py's JSON Lines cache of the FA-KES extractions (made when missing, ~4 min)")
    ap.add_argument("--sizes", default="100,20000", help="comma-separated document counts")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/newsgraph-scale"), help="where the stores are kept")
    ap.add_argument("--every", type=int, default=1000, help="print the RSS after this many documents")
    ap.add_argument("--reads", default=",".join((*EXPORTS, "dossiers")), help="reads of the stores ('' for none)")
    ap.add_argument("--probe", action="store_true",
                    help="with --one: at every --every documents, what grew (caches, objects by type, RSS steps)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--ask", help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(ingest(args.cache, args.one, args.db, args.every, args.probe)))
        return 0
    if args.ask:
        print(json.dumps(ask(args.db, args.ask)))
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    run(args.cache, [int(s) for s in args.sizes.split(",")], args.workdir, args.every,
        tuple(r for r in args.reads.split(",") if r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
