"""TempEval-3 platinum: how well newsgraph finds and normalises DATE expressions.

Reads ../shared/benchmarks/dates/*.tml (20 news articles in TimeML, March 2013),
runs the real pipeline up to its dates stage (``pipeline.run(text, dct, until="dates")``) with
each document's creation time (DCT) as publication date, and prints:

* normalisation accuracy on the gold DATE spans (oracle recognition: isolates the normaliser);
* recognition recall / precision of DATE timexes (a mention matches a gold span it overlaps);
* value accuracy over the recognised gold timexes and over all gold DATE timexes;
* the contract-precision view (values reduced by ``contract_date``) of the same.

Usage: python bench/dates.py [--misses]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from common import TEMPEVAL, read_timeml

from newsgraph import pipeline
from newsgraph.nlp.dates import contract_date, normalize_date


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TmlDoc:
    name: str
    dct: dt.date
    text: str
    timexes: tuple[Timex, ...]


def read_tml(path: Path) -> TmlDoc:
    """The TEXT section as plain text with the TIMEX3 spans in it, and the DCT."""
    tml = read_timeml(path)
    timexes = tuple(Timex(t.start, t.end, tml.text[t.start:t.end], t.attrs.get("type", ""), t.attrs.get("value", ""))
                    for t in tml.tagged if t.tag == "TIMEX3")
    return TmlDoc(tml.name, tml.dct, tml.text, timexes)


def main(argv: list[str]) -> int:
    files = sorted(TEMPEVAL.glob("*.tml"))
    if not files:
        print(f"no TempEval-3 files under {TEMPEVAL}; set NEWSGRAPH_SHARED")
        return 1
    show = "--misses" in argv
    docs = [read_tml(f) for f in files]
    n_gold = oracle_ok = oracle_contract_ok = 0
    tp_pred = n_pred = recognised = value_ok = contract_ok = other_type = 0
    misses: list[str] = []
    started = time.perf_counter()
    chars = 0
    for doc in docs:
        gold = [t for t in doc.timexes if t.type == "DATE"]
        n_gold += len(gold)
        previous = None
        for t in gold:  # oracle spans: the normaliser alone
            value = normalize_date(t.text, doc.dct, previous)
            oracle_ok += value == t.value
            oracle_contract_ok += contract_date(value) == contract_date(t.value)
            if value != t.value:
                misses.append(f"  oracle {doc.name}: {t.text!r} gold={t.value} got={value}")
            if value and re.match(r"^\d{4}", value):
                previous = value
        chars += len(doc.text)
        mentions = pipeline.run(doc.text, doc.dct, until="dates").dates
        n_pred += len(mentions)
        for m in mentions:
            if any(_overlaps(m.start, m.end, t) for t in gold):
                tp_pred += 1
            elif any(_overlaps(m.start, m.end, t) for t in doc.timexes):
                other_type += 1
            else:
                misses.append(f"  false  {doc.name}: {m.text!r} -> {m.value}")
        for t in gold:
            hits = [m for m in mentions if _overlaps(m.start, m.end, t)]
            if not hits:
                misses.append(f"  missed {doc.name}: {t.text!r} gold={t.value}")
                continue
            recognised += 1
            best = hits[0]
            value_ok += best.value == t.value
            contract_ok += contract_date(best.value) == contract_date(t.value)
            if best.value != t.value:
                misses.append(f"  value  {doc.name}: {t.text!r} as {best.text!r} gold={t.value} got={best.value}")
    elapsed = time.perf_counter() - started
    recall, precision = recognised / n_gold, tp_pred / n_pred if n_pred else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    rows = [
        ("documents", f"{len(docs)}"),
        ("gold DATE timexes (excluding DCT)", f"{n_gold}"),
        ("normalisation accuracy on gold spans", f"{oracle_ok / n_gold:.3f} ({oracle_ok}/{n_gold})"),
        ("  same, at contract precision", f"{oracle_contract_ok / n_gold:.3f} ({oracle_contract_ok}/{n_gold})"),
        ("recognition recall (overlap)", f"{recall:.3f} ({recognised}/{n_gold})"),
        ("recognition precision vs DATE gold", f"{precision:.3f} ({tp_pred}/{n_pred})"),
        ("  predicted on gold TIME/DURATION/SET", f"{other_type}"),
        ("recognition F1", f"{f1:.3f}"),
        ("value accuracy over recognised", f"{value_ok / max(recognised, 1):.3f} ({value_ok}/{recognised})"),
        ("value accuracy over all gold DATE", f"{value_ok / n_gold:.3f} ({value_ok}/{n_gold})"),
        ("  contract precision, over all gold", f"{contract_ok / n_gold:.3f} ({contract_ok}/{n_gold})"),
        ("time (parse + find_dates)", f"{elapsed:.1f} s for {chars:,} chars"),
    ]
    width = max(len(k) for k, _ in rows)
    print("TempEval-3 platinum, DATE timexes, DCT as anchor")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    if show:
        print("\n".join(misses))
    return 0


def _overlaps(start: int, end: int, t: Timex) -> bool:
    return start < t.end and t.start < end


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
