"""Attribution benchmark: newsgraph's claims against PolNeAR's Source/Cue/Content spans.

Usage:  python bench/attribution.py [--split test|dev] [--limit N] [--misses FILE]

``--misses FILE`` writes, for error analysis on the dev split, the gold
attributions whose cue no system cue overlaps (MISS), the system
attributions whose cue overlaps no gold cue (FALSE), and sources found with
different boundaries (SOURCE gold | system).

PolNeAR (Newell et al., LREC 2018) is political news with brat standoff
annotation of attributions.  Articles with several annotators' files are
scored against one of them, chosen deterministically (the first file name in
sorted order).  For each role, gold and system spans are compared as sets:

* exact    a system span counts when its offsets equal a gold span's after
           trimming whitespace and edge punctuation (quote marks, commas);
* overlap  one-to-one greedy pairing of spans that share at least one character.

"all" pools the three roles.  The published figures beside ours are BBC
Citron's on PARC 3.0 test (models/en_2021-11-15/README.md), a different
corpus with similar span conventions: they are a reference point, not a
same-data comparison.  What is scored is exactly what newsgraph stores as
claims: the attributions ``pipeline.run(text, until="claims")`` made them from
(``Trace.attributions``), after every stage ``extract`` runs.  Nested attributions
(inside another one's content) are left out of the system side because PolNeAR
annotates each token once.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from common import SHARED

Offsets = tuple[int, int]
ROLES = ("Source", "Cue", "Content")
EDGE = " \t\n,.;:\"'“”‘’«»()[]—–-"
MODES = ("claims",)  # what newsgraph stores as claims (statements and attributed positions)
CITRON_PARC3 = {  # exact-span F1 / overlap F1, PARC 3.0 test
    "Source": (82.0, None), "Cue": (82.3, None), "Content": (59.3, 83.3), "all": (56.7, 83.2),
}


@dataclass
class Article:
    name: str
    text: str
    gold: dict[str, set[Offsets]]
    events: list[dict[str, Offsets]]  # one dict per gold attribution: role -> span


def load_split(split: str) -> list[Article]:
    root = SHARED / "benchmarks" / "attribution" / "data" / split
    anns = sorted((root / "attributions").glob("*.ann"))
    chosen: dict[str, Path] = {}
    for ann in anns:  # "<article>_<annotator>.ann": keep the first annotator in sorted order
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles = []
    for name, ann in sorted(chosen.items()):
        text_path = root / "text" / f"{name}.txt"
        if text_path.exists():
            text = text_path.read_text(encoding="utf-8")
            articles.append(Article(name, text, *read_ann(ann, text)))
    return articles


def read_ann(path: Path, text: str) -> tuple[dict[str, set[Offsets]], list[dict[str, Offsets]]]:
    spans: dict[str, tuple[str, Offsets]] = {}
    gold: dict[str, set[Offsets]] = {role: set() for role in ROLES}
    events: list[dict[str, Offsets]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            cuts = [tuple(int(x) for x in frag.split()) for frag in where.split(";")]
            spans[parts[0]] = (label, (min(c[0] for c in cuts), max(c[1] for c in cuts)))
        elif line.startswith("E") and len(parts) >= 2:
            event: dict[str, Offsets] = {}
            for arg in parts[1].split()[1:]:
                role, _, tid = arg.partition(":")
                if role in gold and tid in spans:
                    event[role] = trim(text, spans[tid][1])
                    gold[role].add(event[role])
            events.append(event)
    return gold, events


def trim(text: str, span: Offsets) -> Offsets:
    s, e = span
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return (s, e) if s < e else span


def system_spans(text: str) -> tuple[dict[str, dict[str, set[Offsets]]], Timing, dict[str, list]]:
    """newsgraph's spans per mode and role from the real pipeline (``pipeline.run``, every stage up to
    claims), the time it took, and the claims-mode records."""
    from newsgraph.nlp.claims import find_attributions
    from newsgraph.nlp.parse import parse
    from newsgraph.pipeline import run

    t0 = time.perf_counter()
    doc = parse(text).doc
    t1 = time.perf_counter()
    trace = run(text, until="claims", spacy_doc=doc)
    t2 = time.perf_counter()
    # the claims stage alone, timed again on the pipeline's own input (what the trace's records came from)
    find_attributions(trace.parsed, trace.index)
    t3 = time.perf_counter()
    found = {mode: trace.attributions for mode in MODES}
    out: dict[str, dict[str, set[Offsets]]] = {}
    for mode, attributions in found.items():
        spans: dict[str, set[Offsets]] = out.setdefault(mode, {role: set() for role in ROLES})
        for a in attributions:
            if a.nested:
                continue
            for role, span in (("Source", a.source), ("Cue", a.cue), ("Content", a.content)):
                if span is not None:
                    spans[role].add(trim(text, span))
    timing = Timing(parse=t1 - t0, stages=t2 - t1, claims=t3 - t2)
    return out, timing, {m: [a for a in f if not a.nested] for m, f in found.items()}


@dataclass
class Timing:
    parse: float = 0.0   # spaCy
    stages: float = 0.0  # entities, places, dates, events and claims
    claims: float = 0.0  # the claims stage alone

    def add(self, other: Timing) -> None:
        self.parse += other.parse
        self.stages += other.stages
        self.claims += other.claims


def _overlaps(span: Offsets | None, others) -> bool:
    return span is not None and any(min(span[1], o[1]) > max(span[0], o[0]) for o in others if o is not None)


def write_misses(out, art: Article, found: list) -> None:
    """Error-analysis lines for one article (see the module docstring)."""
    text = art.text

    def show(span: Offsets | None, width: int = 0) -> str:
        if span is None:
            return "-"
        words = " ".join(text[span[0]:span[1]].split())
        return words[:width] + "…" if width and len(words) > width else words

    sys_cues = [a.cue for a in found]
    for ev in art.events:
        if "Cue" in ev and not _overlaps(ev["Cue"], sys_cues):
            out.write(f"MISS\t{art.name}\t{show(ev['Cue'])}\t{show(ev.get('Source'))}\t{show(ev.get('Content'), 90)}\n")
    gold_cues = [ev.get("Cue") for ev in art.events]
    for a in found:
        if a.cue is not None and not _overlaps(a.cue, gold_cues):
            out.write(f"FALSE\t{art.name}\t{show(a.cue)}\t{show(a.source)}\t{show(a.content, 90)}\n")
        elif a.source is not None:
            src = trim(text, a.source)
            golds = [ev["Source"] for ev in art.events if "Source" in ev and _overlaps(src, [ev["Source"]])]
            if golds and src not in golds:
                out.write(f"SOURCE\t{art.name}\t{show(a.cue)}\t{show(golds[0])}\t{show(src)}\n")


def overlap_matches(gold: set[Offsets], system: set[Offsets]) -> int:
    pairs = sorted(((min(g[1], s[1]) - max(g[0], s[0]), g, s) for g in gold for s in system
                    if min(g[1], s[1]) > max(g[0], s[0])), reverse=True)
    used_g: set[Offsets] = set()
    used_s: set[Offsets] = set()
    for _, g, s in pairs:
        if g not in used_g and s not in used_s:
            used_g.add(g)
            used_s.add(s)
    return len(used_g)


def prf(hit: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = hit / n_sys if n_sys else 0.0
    r = hit / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=("test", "dev"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--misses", help="write misses, false cues and source boundary differences here")
    args = ap.parse_args(argv)
    if not (SHARED / "benchmarks" / "attribution").exists():
        print(f"PolNeAR not found under {SHARED}; set NEWSGRAPH_SHARED")
        return 1
    articles = load_split(args.split)[: args.limit or None]
    counts = {mode: {role: {"gold": 0, "sys": 0, "exact": 0, "overlap": 0} for role in ROLES} for mode in MODES}
    timing = Timing()
    tokens = 0
    with open(args.misses, "w", encoding="utf-8") if args.misses else contextlib.nullcontext() as misses:
        for art in articles:
            system, took, found = system_spans(art.text)
            if misses:
                write_misses(misses, art, found["claims"])
            timing.add(took)
            tokens += len(art.text.split())
            for mode in MODES:
                for role in ROLES:
                    c = counts[mode][role]
                    c["gold"] += len(art.gold[role])
                    c["sys"] += len(system[mode][role])
                    c["exact"] += len(art.gold[role] & system[mode][role])
                    c["overlap"] += overlap_matches(art.gold[role], system[mode][role])
    for mode in MODES:
        counts[mode]["all"] = {k: sum(counts[mode][r][k] for r in ROLES) for k in ("gold", "sys", "exact", "overlap")}
    first = counts["claims"]
    print(f"PolNeAR {args.split}: {len(articles)} articles, {first['Source']['gold']} gold sources, "
          f"{first['Content']['gold']} gold contents (one annotator per article)")
    print("mode claims: what newsgraph stores as claims (reporting verbs, and intentions/evaluations/beliefs "
          "of a person or organisation)")
    print()
    print(f"{'mode':7} {'span':8} {'gold':>5} {'sys':>5} | {'exact P':>7} {'R':>5} {'F1':>5} | "
          f"{'overlap P':>9} {'R':>5} {'F1':>5} | {'Citron PARC3 exact F1':>21} {'overlap F1':>10}")
    for mode in MODES:
        for role in (*ROLES, "all"):
            c = counts[mode][role]
            ep, er, ef = prf(c["exact"], c["sys"], c["gold"])
            op, orr, of = prf(c["overlap"], c["sys"], c["gold"])
            ce, co = CITRON_PARC3[role]
            print(f"{mode:7} {role:8} {c['gold']:5d} {c['sys']:5d} | {100 * ep:7.1f} {100 * er:5.1f} {100 * ef:5.1f} | "
                  f"{100 * op:9.1f} {100 * orr:5.1f} {100 * of:5.1f} | {ce if ce is not None else '-':>21} "
                  f"{co if co is not None else '-':>10}")
    print()
    share = 100 * timing.claims / timing.parse if timing.parse else 0
    print(f"time: spaCy parse {timing.parse:.1f} s, the other stages {timing.stages:.1f} s, of which claims "
          f"{timing.claims:.2f} s ({share:.1f} % of parse) for {tokens:,} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
