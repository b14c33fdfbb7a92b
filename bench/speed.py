"""Speed, in one run on the same real texts: bare spaCy, newsgraph extract, newsgraph ingest; 1 and 2 workers.

Usage:  python bench/speed.py [--fakes 200] [--rounds 2]

Texts (bench/texts.py): FA-KES articles with the shared development articles, PolNeAR
and TempEval-3 texts interleaved.  The machine is shared by several agents, so every
figure is measured in one run.  Every phase runs in a fresh process of its own, so none
finds the texts already parsed or the per-string caches (spaCy's vocabulary and string
store, the date parser's, the gazetteer's) filled by another phase: each process loads
its pipeline and warms it on a few FA-KES articles that are not among the timed texts,
then times its phase.  The texts are cut into ``--rounds`` parts; each part goes through
every phase, forwards in even rounds and backwards in odd ones (ABBA), so a load that
drifts through the run weighs on all phases alike.  Ratios are given on CPU seconds
(``process_time``, worker processes included: what a busy neighbour disturbs least) and
on wall seconds; the 1-vs-2-worker speedup can only be a wall-clock figure, printed with
the load average it was measured under.

The steady figure comes first (``bench/paired.py``): in one process per newsgraph side, bare spaCy and
newsgraph take turns on each chunk of 12 texts (ABBA over pairs of chunks), and the ratio is the median of
the per-chunk ratios with its quartiles; two consecutive runs agree where the phase ratios below, taken
minutes apart in separate processes, do not (the parse alone moved by up to 40 % between two such runs).
Thread pools are pinned to one thread (``THREAD_VARIABLES``) in every process of the bench, both sides alike.

Phases: bare spaCy ``nlp.pipe`` with the same model (default batch size); the previous
extraction path, one ``nlp(doc)`` call per document (``extract_item``); ``extract_paths``
(what ``newsgraph extract`` runs: batched ``nlp.pipe`` then the stages); ``ingest_paths``
into SQLite, plus the corpus resolution the store does today (``Store.entities()``, the
cross-document merge), with 1 worker (the phase's process) and 2 worker processes.
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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from texts import fakes_texts, real_texts, write_jsonl

FAKES_TOTAL = 804  # articles in the FA-KES file
WARM_TEXTS = 6

STAGES = ("parse", "dates", "entities", "places", "events", "claims", "quantities", "store", "resolve")
# what the store stage spends resolving the new document against the corpus, inside Store.add's transaction
# (module, function): entities (corpus identity), events (corpus events), claim links
STORE_PARTS = (("store: entities", "newsgraph.store.corpus_sync", "attach_document"),
               ("store: corpus events", "newsgraph.store.corpus_events", "attach_events"),
               ("store: claim links", "newsgraph.store.corpus_claims", "attach_claims"))
_store_parts: Counter[str] = Counter()


def time_store_parts() -> None:
    """Wrap the store's corpus steps (called through their modules by ``Corpus.attach``) with CPU timers."""
    import importlib

    for label, module_name, name in STORE_PARTS:
        module = importlib.import_module(module_name)
        func = getattr(module, name)

        def timed_part(*args: object, _func: Callable[..., object] = func, _label: str = label) -> object:
            start = time.process_time()
            try:
                return _func(*args)
            finally:
                _store_parts[_label] += time.process_time() - start
        setattr(module, name, timed_part)


@dataclass
class Phase:
    name: str
    cpu: float = 0.0
    wall: float = 0.0
    docs: int = 0
    stages: Counter[str] = field(default_factory=Counter)
    rss: float = 0.0  # peak RSS of the phase's own process, MB

    def add(self, other: dict[str, Any]) -> None:
        """Add one part's figures, as a child process reported them."""
        self.cpu += other["cpu"]
        self.wall += other["wall"]
        self.docs += other["docs"]
        stages = other["stages"]
        peak = max(self.stages["_peak_worker_rss"], stages.pop("_peak_worker_rss", 0.0))
        self.stages.update(stages)
        self.stages["_peak_worker_rss"] = peak
        self.rss = max(self.rss, other["rss"])


def timed(phase: Phase, work: Callable[[], int], cpu: Callable[[], float] | None = None) -> None:
    """Run ``work`` (returns documents done, and, through ``cpu``, CPU spent elsewhere, e.g. in workers)."""
    c0, w0 = time.process_time(), time.perf_counter()
    phase.docs += work()
    phase.wall += time.perf_counter() - w0
    phase.cpu += time.process_time() - c0 + (cpu() if cpu else 0.0)


PHASES = ("spacy", "before", "extract", "ingest1", "ingest2")
# the BLAS and OpenMP pools numpy and thinc may start: one thread each, the same for bare spaCy and newsgraph
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fakes", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=12, help="texts per turn of the steady figure")
    ap.add_argument("--steady-only", action="store_true", help="only the steady figure (bench/paired.py)")
    ap.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)  # a child: time one phase on one part
    ap.add_argument("--part", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        args.out.write_text(json.dumps(run_phase(args.phase, args.fakes, args.rounds, args.part)))
        return 0
    for variable in THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")
    docs = real_texts(args.fakes)
    words = sum(len(t.split()) for _, t in docs)
    print_steady({side: steady(side, args.fakes, args.chunk) for side in ("extract", "ingest")})
    if args.steady_only:
        return 0
    phases = {k: Phase(k) for k in PHASES}
    loads: list[float] = []
    out = Path(tempfile.mkdtemp(prefix="newsgraph-bench-")) / "phase.json"
    for part in range(args.rounds):
        # ABBA order: the phases run forwards in even rounds and backwards in odd ones, so a load that
        # rises or falls through the run weighs on every phase alike
        for name in PHASES if part % 2 == 0 else PHASES[::-1]:
            loads.append(os.getloadavg()[0])
            subprocess.run([sys.executable, __file__, "--phase", name, "--part", str(part),
                                    "--fakes", str(args.fakes), "--rounds", str(args.rounds), "--out", str(out)],
                           check=True)
            phases[name].add(json.loads(out.read_text()))
    print_table(phases, len(docs), words, loads)
    return 0


def steady(side: str, fakes: int, chunk: int) -> dict[str, Any]:
    """``bench/paired.py`` for one newsgraph side, in a fresh process, with the load average around it."""
    out = Path(tempfile.mkdtemp(prefix="newsgraph-paired-")) / "steady.json"
    load = os.getloadavg()[0]
    subprocess.run([sys.executable, str(Path(__file__).with_name("paired.py")), "--side", side,
                    "--fakes", str(fakes), "--chunk", str(chunk), "--out", str(out)], check=True)
    result: dict[str, Any] = json.loads(out.read_text())
    result["load"] = (load, os.getloadavg()[0])
    return result


def print_steady(results: dict[str, dict[str, Any]]) -> None:
    """The steady figure: newsgraph over bare spaCy, per chunk of texts in one process (``bench/paired.py``)."""
    first = next(iter(results.values()))
    print(f"steady figure: {first['texts']} texts in {first['chunks']} chunks, bare spaCy and newsgraph taking "
          "turns on each chunk in one process; median of the per-chunk ratios [quartiles], ratio of the sums")
    labels = {"extract": "newsgraph extract (batched)", "ingest": "newsgraph ingest, 1 worker"}

    def fig(d: dict[str, float]) -> str:
        return f"{d['median']:.2f} [{d['q1']:.2f}-{d['q3']:.2f}]"

    print(f"{'':30}{'wall ratio':>20}{'sum':>6}{'CPU ratio':>20}{'sum':>6}{'parse':>20}{'after parse':>20}"
          f"{'load':>11}")
    for side, r in results.items():
        print(f"{labels[side]:30}{fig(r['wall']):>20}{r['wall']['sum']:6.2f}{fig(r['cpu']):>20}"
              f"{r['cpu']['sum']:6.2f}{fig(r['parse']):>20}{fig(r['after_parse']):>20}"
              f"{r['load'][0]:5.1f}-{r['load'][1]:.1f}")
    ingest = results.get("ingest")
    if ingest:
        print(f"  (ingest: bare spaCy {ingest['bare_cpu']:.1f} s CPU, {ingest['bare_wall']:.1f} s wall; the store's "
              f"cross-document merge read once at the end, Store.entities(), {ingest['resolve_cpu']:.2f} s CPU "
              f"more: {ingest['resolve_cpu'] / ingest['bare_cpu']:.3f} of bare spaCy)")
    print()


def run_phase(name: str, fakes: int, rounds: int, part: int) -> dict[str, object]:
    """In a fresh process: warm up on texts outside the benchmark, then time one phase on one part."""
    import spacy

    from newsgraph.ingest import IngestReport, extract_paths, ingest_paths
    from newsgraph.ingest.run import extract_item
    from newsgraph.model import SourceDocument
    from newsgraph.nlp.parse import MODEL_NAME
    from newsgraph.store import Store

    texts = real_texts(fakes)[part::rounds]
    # warm-up texts from the far end of FA-KES, never among the timed ones: the model, vocabularies,
    # gazetteer and worker server get loaded, but no per-string cache holds a timed text
    warm = list(fakes_texts(WARM_TEXTS, start=max(fakes, FAKES_TOTAL - WARM_TEXTS)))
    tmp = Path(tempfile.mkdtemp(prefix=f"newsgraph-bench-{name}-"))
    source, warm_source = tmp / "part.jsonl", tmp / "warm.jsonl"
    write_jsonl(texts, source)
    write_jsonl(warm, warm_source)
    phase = Phase(name)
    if name != "spacy":
        # what the worker server preloads (model, vocabularies, gazetteer, lazily built tables), so that no
        # phase pays a one-off load inside its timing that another's workers were spared
        import newsgraph.ingest.warm  # noqa: F401
    if name == "spacy":
        bare = spacy.load(MODEL_NAME)
        list(bare.pipe(t for _, t in warm))
        timed(phase, lambda: sum(1 for _ in bare.pipe(t for _, t in texts)))
    elif name == "before":
        list(extract_item(SourceDocument(text=t, origin=o)) for o, t in warm)
        items = [SourceDocument(text=t, origin=o) for o, t in texts]
        timed(phase, lambda: sum(1 for i in items if extract_item(i).document))
    elif name == "extract":
        list(extract_paths([warm_source], workers=1))
        report = IngestReport()
        timed(phase, lambda: sum(1 for o in extract_paths([source], workers=1, report=report) if o.document))
        phase.stages.update(report.seconds)
    else:
        workers = int(name[-1])
        time_store_parts()
        with Store(tmp / "warm.db") as store:  # loads the model here and, for 2, starts the worker server
            ingest_paths([warm_source], store, workers=workers)
        ingest(phase, source, tmp / "timed.db", workers)
    phase.rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"cpu": phase.cpu, "wall": phase.wall, "docs": phase.docs, "stages": dict(phase.stages), "rss": phase.rss}


def ingest(phase: Phase, source: Path, db: Path, workers: int) -> None:
    from newsgraph.ingest import ingest_paths
    from newsgraph.store import Store

    reports = []

    def work() -> int:
        _store_parts.clear()
        with Store(db) as store:
            report = ingest_paths([source], store, workers=workers)
            start = time.process_time()
            store.entities()  # the corpus resolution of today's store: entities merged across documents
            report.seconds["resolve"] += time.process_time() - start
        reports.append(report)
        return report.added

    timed(phase, work, cpu=lambda: reports[-1].usage.cpu if reports[-1].usage else 0.0)
    phase.stages.update(reports[-1].seconds)
    phase.stages.update(_store_parts)
    usage = reports[-1].usage
    if usage is not None:
        phase.stages["_peak_worker_rss"] = max(phase.stages["_peak_worker_rss"], usage.peak_rss)
        phase.stages["_busiest"] += usage.busiest
        phase.stages["_workers_cpu"] += usage.cpu


def print_table(phases: dict[str, Phase], n: int, words: int, loads: list[float]) -> None:
    s = phases["spacy"]
    print(f"{n} documents, {words:,} words (FA-KES, shared development articles, PolNeAR, TempEval-3); "
          f"{os.cpu_count()} cores; load average at the start of each phase {min(loads):.1f}-{max(loads):.1f}")
    print(f"{'':34}{'CPU s':>8}{'wall s':>8}{'docs/s':>8}{'CPU ratio':>11}{'wall ratio':>11}")
    labels = {"spacy": "bare spaCy nlp.pipe", "before": "extract, one nlp() per doc (before)",
              "extract": "newsgraph extract (batched)", "ingest1": "newsgraph ingest, 1 worker",
              "ingest2": "newsgraph ingest, 2 workers"}
    for key, label in labels.items():
        p = phases[key]
        print(f"{label:34}{p.cpu:8.1f}{p.wall:8.1f}{p.docs / p.wall:8.2f}{p.cpu / s.cpu:11.2f}{p.wall / s.wall:11.2f}")
    one, two = phases["ingest1"], phases["ingest2"]
    # on two free cores the run takes at least its busiest process's CPU time, and at least half of all of it
    bound = max(two.stages["_busiest"], two.cpu - two.stages["_workers_cpu"], two.cpu / 2)
    print(f"2 workers vs 1: measured wall speedup {one.wall / two.wall:.2f}x; CPU of all processes {two.cpu / one.cpu:.2f}x"
          f" one worker's; bound on 2 free cores (1-worker CPU / max(busiest process, all CPU / 2)) "
          f"{one.cpu / bound:.2f}x")
    # CPU per document, by where it is spent: what a second worker can share out and what stays in the parent
    workers_cpu = two.stages["_workers_cpu"]
    writer = sum(one.stages[k] for k in ("store", "resolve"))
    print(f"CPU per document: 1 worker {one.cpu / one.docs * 1e3:.0f} ms (extraction "
          f"{(one.cpu - writer) / one.docs * 1e3:.0f}, store and resolution {writer / one.docs * 1e3:.0f}); "
          f"2 workers {workers_cpu / two.docs * 1e3:.0f} ms in the workers, "
          f"{(two.cpu - workers_cpu) / two.docs * 1e3:.0f} ms in the parent (reading, storing, resolution)")
    for key in ("extract", "ingest1", "ingest2"):
        stages = phases[key].stages
        total = sum(stages[k] for k in STAGES)
        print(f"per-stage CPU, {labels[key]}: " + ", ".join(
            f"{k} {stages[k]:.1f} s ({stages[k] / total:.0%})" for k in STAGES if k in stages))
    for key in ("ingest1", "ingest2"):
        stages = phases[key].stages
        print(f"of the store stage, {labels[key]}: " + ", ".join(
            f"{label} {stages[label]:.1f} s ({stages[label] / stages['store']:.0%})" for label, _, _ in STORE_PARTS))
    worker = phases["ingest2"].stages["_peak_worker_rss"] / 2**20
    print(f"peak RSS: bare spaCy process {phases['spacy'].rss:.0f} MB; newsgraph extract process "
          f"{phases['extract'].rss:.0f} MB; 1-worker ingest process {phases['ingest1'].rss:.0f} MB; "
          f"2-worker ingest: parent {phases['ingest2'].rss:.0f} MB, largest worker process {worker:.0f} MB")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
