"""PLOVER gold-standard records: event-type accuracy and actor-text recall.

Reads ../shared/benchmarks/events/PLOVER_GSR_CAMEO.txt (a JSON list; the DOCUMENT
record is documentation and is skipped) and runs every coded sentence through the
real pipeline up to its events stage (``pipeline.run(text, until="events")``).  Figures:

- type accuracy (main event): the type of our event whose trigger sits highest in the
  sentence's dependency tree (closest to the root) equals the gold type.  A sentence with
  no event counts as wrong.
- type accuracy (any event): one of our events in the sentence has the gold type.
- ceiling: the share of gold actor texts that match any entity of the sentence (what the
  entity stage found), linked to an event or not.
- actor-text recall: a gold source/target ``actorText`` counts as found when the name, an
  alias or a mention text of an entity among our events' actors/targets equals it or one
  contains the other as whole words, after case folding, dropping punctuation, a
  possessive "'s" and a leading "the".  Reported for the main event and for all events.

The gold file predates PLOVER's renaming of four categories; its types are mapped to the
contract's: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT.

Usage: python bench/events.py [--limit N] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from typing import Any

from common import SHARED

from newsgraph import pipeline
from newsgraph.model import Event
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import Parsed

OLD_TO_NEW = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def norm(text: str) -> str:
    text = text.casefold().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def contains(a: str, b: str) -> bool:
    """a == b, or one is a whole-word run inside the other."""
    if not a or not b:
        return False
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def depth(parsed: Parsed, event: Event) -> int:
    """How far the event's trigger word is from its sentence root (large when not found)."""
    word = event.trigger.split()[0]
    at = parsed.text.find(word, event.evidence.start)
    span = parsed.doc.char_span(at, at + len(word), alignment_mode="expand") if at >= 0 else None
    if span is None or not len(span):
        return 99
    tok, steps = span[0], 0
    while tok.head.i != tok.i:
        tok, steps = tok.head, steps + 1
    return steps


def names_of(index: EntityIndex, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for eid in ids:
        entity = index[eid]
        out.add(norm(entity.name))
        out.update(norm(a) for a in entity.aliases)
        out.update(norm(m.text) for m in entity.mentions)
    out.discard("")
    return out


def gold_actors(record: dict[str, Any]) -> list[str]:
    out = []
    for key in ("source", "target"):
        value = record.get(key)
        if isinstance(value, list):
            out.extend(a.get("actorText", "") for a in value if isinstance(a, dict) and a.get("actorText"))
    return out


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--limit", type=int, default=0)
    args.add_argument("--show-misses", action="store_true")
    opts = args.parse_args(argv)
    path = SHARED / "benchmarks" / "events" / "PLOVER_GSR_CAMEO.txt"
    if not path.exists():
        print(f"skipped: {path} not found (set NEWSGRAPH_SHARED)")
        return 0
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    if opts.limit:
        records = records[:opts.limit]
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    misses = []
    started = time.perf_counter()
    for record in records:
        gold = OLD_TO_NEW.get(record["event"], record["event"])
        trace = pipeline.run(record["text"], until="events")
        parsed, index, found = trace.parsed, trace.index, trace.events
        main_event = min(found, key=lambda e: depth(parsed, e)) if found else None
        ok_main = main_event is not None and main_event.type == gold
        ok_any = any(e.type == gold for e in found)
        per_type[gold]["n"] += 1
        per_type[gold]["main"] += ok_main
        per_type[gold]["any"] += ok_any
        totals["n"] += 1
        totals["main"] += ok_main
        totals["any"] += ok_any
        totals["with_event"] += bool(found)
        main_names = names_of(index, list(main_event.actors + main_event.targets)) if main_event else set()
        all_names = names_of(index, [x for e in found for x in e.actors + e.targets])
        doc_names = names_of(index, list(index.entities))
        for actor in gold_actors(record):
            wanted = norm(actor)
            totals["actors"] += 1
            totals["actor_main"] += any(contains(wanted, n) for n in main_names)
            totals["actor_any"] += any(contains(wanted, n) for n in all_names)
            totals["actor_entity"] += any(contains(wanted, n) for n in doc_names)
        if not ok_main:
            misses.append((record["id"], gold, main_event.type if main_event else "-",
                           main_event.trigger if main_event else "-", record["text"][:110]))
    seconds = time.perf_counter() - started
    n = totals["n"]
    print(f"PLOVER gold-standard records: {n} sentences, {totals['actors']} gold actor texts, {seconds:.1f} s")
    print()
    print(f"{'figure':44} {'value':>7}")
    print(f"{'sentences with at least one event':44} {totals['with_event'] / n:7.3f}")
    print(f"{'type accuracy (main event)':44} {totals['main'] / n:7.3f}")
    print(f"{'type accuracy (any event in sentence)':44} {totals['any'] / n:7.3f}")
    if totals["actors"]:
        print(f"{'actor-text recall (main event)':44} {totals['actor_main'] / totals['actors']:7.3f}")
        print(f"{'actor-text recall (any event)':44} {totals['actor_any'] / totals['actors']:7.3f}")
        print(f"{'  ceiling: actor text is an entity at all':44} {totals['actor_entity'] / totals['actors']:7.3f}")
    print()
    print(f"{'gold type':12} {'n':>4} {'main':>6} {'any':>6}")
    for kind, c in sorted(per_type.items(), key=lambda kv: -kv[1]["n"]):
        print(f"{kind:12} {c['n']:4d} {c['main'] / c['n']:6.2f} {c['any'] / c['n']:6.2f}")
    if opts.show_misses:
        print()
        for row in misses:
            print(" | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
