"""TempEval-3 platinum: does an event newsgraph extracts take the date its sentence gives it?

Reads ../shared/benchmarks/dates/*.tml (20 AP/CNN/WSJ/BBC/NYT articles in TimeML, March 2013) and runs
the full pipeline (``newsgraph.extract``) on each TEXT with the document creation time (DCT) as publication
date.  What it counts:

* **gold events**: TimeML EVENTs with a TLINK to a DATE timex that is not the DCT (``t0``), the event
  inside the date: ``IS_INCLUDED``, ``SIMULTANEOUS`` or ``DURING`` from the event to the time, or
  ``INCLUDES`` / ``SIMULTANEOUS`` / ``DURING_INV`` from the time to the event; and the timex's value
  reduces to a contract date (``contract_date``: ``2013-W11`` -> ``2013-03``; ``PAST_REF``, decades and
  weeks across two months give none, and such links are not gold).  An event linked to several such dates
  takes any of them.
* **extracted**: a newsgraph event whose evidence span covers the EVENT token and whose trigger has the
  token's word among its words (``"signed memorandum"`` covers ``signed``; case folded).
* **right**: an extracted gold event whose newsgraph date equals one of its gold values at contract precision.
  A wrong date and no date are both misses.

It prints, for the work half (the 10 files with the lowest names), the check half and all 20:
attachment accuracy (right / extracted gold events), recall over all gold events, date precision (right /
extracted gold events newsgraph dates at all), newsgraph events that match a TimeML event linked to no DATE
but carry a date (not scored: the gold says nothing of such a date), and the same counts per TimeML event
class (newsgraph reads PLOVER events, not every TimeML event: a STATE or an ASPECTUAL verb is rarely one).

Usage: python bench/event_dates.py [--half work|check|all] [--misses]
(``--misses`` lists the gold events of the half named, or of the work half: keep the check half unread.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from common import TEMPEVAL, elements, read_timeml

import newsgraph
from newsgraph.model import Event
from newsgraph.nlp.dates import contract_date

# the event lies inside the time: the link from the event, and the same link read from the time
_FROM_EVENT = frozenset({"IS_INCLUDED", "SIMULTANEOUS", "DURING"})
_FROM_TIME = frozenset({"INCLUDES", "SIMULTANEOUS", "DURING_INV"})


@dataclass(frozen=True)
class TmlEvent:
    eid: str
    cls: str
    start: int
    end: int
    text: str


@dataclass
class TmlDoc:
    name: str
    dct: dt.date
    text: str
    events: dict[str, TmlEvent]
    timexes: dict[str, dict[str, str]]
    gold: dict[str, set[str]] = field(default_factory=dict)  # eid -> the contract dates it lies in


def read_tml(path: Path) -> TmlDoc:
    """The TEXT as plain text with its EVENT spans, its timexes, and the gold event -> date links."""
    tml = read_timeml(path)
    events = {t.attrs["eid"]: TmlEvent(t.attrs["eid"], t.attrs.get("class", ""), t.start, t.end,
                                       tml.text[t.start:t.end]) for t in tml.tagged if t.tag == "EVENT"}
    timexes = {attrs["tid"]: attrs for attrs in elements(tml.raw, "TIMEX3")}
    doc = TmlDoc(tml.name, tml.dct, tml.text, events, timexes)
    instances = {a["eiid"]: a["eventID"] for a in elements(tml.raw, "MAKEINSTANCE")}
    for link in elements(tml.raw, "TLINK"):
        if "eventInstanceID" in link and "relatedToTime" in link and link.get("relType") in _FROM_EVENT:
            eiid, tid = link["eventInstanceID"], link["relatedToTime"]
        elif "timeID" in link and "relatedToEventInstance" in link and link.get("relType") in _FROM_TIME:
            eiid, tid = link["relatedToEventInstance"], link["timeID"]
        else:
            continue
        timex, eid = timexes.get(tid, {}), instances.get(eiid)
        value = contract_date(timex.get("value"))
        if tid != "t0" and timex.get("type") == "DATE" and value and eid in events:
            doc.gold.setdefault(eid, set()).add(value)
    return doc


def linked_event(ev: Event, tml: TmlEvent) -> bool:
    """Whether newsgraph's event ``ev`` is the TimeML event ``tml`` (evidence covers it, trigger has its word)."""
    words = re.findall(r"[\w'-]+", ev.trigger.casefold())
    return ev.evidence.start <= tml.start and tml.end <= ev.evidence.end and tml.text.casefold() in words


@dataclass
class Tally:
    gold: Counter[str] = field(default_factory=Counter)
    extracted: Counter[str] = field(default_factory=Counter)
    dated: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    dated_ungold: int = 0  # newsgraph dates a TimeML event that no DATE includes

    def add(self, cls: str, found: list[Event], values: set[str] | None) -> str:
        """Count one TimeML event; the outcome word for the misses list."""
        if values is None:
            self.dated_ungold += any(e.date for e in found)
            return ""
        self.gold[cls] += 1
        if not found:
            return "not extracted"
        self.extracted[cls] += 1
        dates = {e.date for e in found if e.date}
        self.dated[cls] += bool(dates)
        if dates & values:
            self.right[cls] += 1
            return "right"
        return f"dated {sorted(dates)}" if dates else "undated"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else f"- (0/{b})"


def report(label: str, tally: Tally) -> None:
    g, x, d, r = (sum(c.values()) for c in (tally.gold, tally.extracted, tally.dated, tally.right))
    print(f"\n{label}")
    rows = [
        ("gold events (in a DATE other than the DCT)", f"{g}"),
        ("extracted by newsgraph", _ratio(x, g)),
        ("attachment accuracy (right / extracted)", _ratio(r, x)),
        ("recall over all gold events", _ratio(r, g)),
        ("date precision (right / dated)", _ratio(r, d)),
        ("dated where TimeML links no DATE (unscored)", f"{tally.dated_ungold}"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")
    print("  per class: gold / extracted / dated / right")
    for cls in sorted(tally.gold, key=lambda c: -tally.gold[c]):
        print(f"    {cls:<12} {tally.gold[cls]:>3} / {tally.extracted[cls]:>3} / {tally.dated[cls]:>3} / {tally.right[cls]:>3}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("work", "check", "all"), default="all")
    parser.add_argument("--misses", action="store_true", help="list the gold events of --half (work when all)")
    args = parser.parse_args(argv)
    files = sorted(TEMPEVAL.glob("*.tml"), key=lambda p: p.name)
    if not files:
        print("no TempEval-3 files; set NEWSGRAPH_SHARED")
        return 1
    halves = {"work": files[:len(files) // 2], "check": files[len(files) // 2:]}
    chosen = files if args.half == "all" else halves[args.half]
    shown = set(halves["work"] if args.half == "all" else chosen)
    tallies = {"work": Tally(), "check": Tally()}
    misses: list[str] = []
    started = time.perf_counter()
    for path in chosen:
        doc = read_tml(path)
        tally = tallies["work" if path in halves["work"] else "check"]
        events = newsgraph.extract(doc.text, doc.dct).events
        for eid, tml in doc.events.items():
            found = [e for e in events if linked_event(e, tml)]
            outcome = tally.add(tml.cls, found, doc.gold.get(eid))
            if outcome and path in shown and args.misses:
                sentence = doc.text[max(0, tml.start - 70):tml.end + 50].replace("\n", " ")
                misses.append(f"  {outcome:<14} {doc.name} {tml.text!r} gold={sorted(doc.gold[eid])}: …{sentence}…")
    print("TempEval-3 platinum: events dated by their sentence's DATE (DCT as publication date)")
    for name in ("work", "check"):
        if args.half in (name, "all"):
            report(f"{name} half ({len(halves[name])} files: {halves[name][0].stem} .. {halves[name][-1].stem})",
                   tallies[name])
    if args.half == "all":
        both = Tally()
        for t in tallies.values():
            for attr in ("gold", "extracted", "dated", "right"):
                getattr(both, attr).update(getattr(t, attr))
            both.dated_ungold += t.dated_ungold
        report("all 20 files", both)
    print(f"\ntime: {time.perf_counter() - started:.1f} s")
    if misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
