"""The real texts the speed and scale benchmarks run on, read from ../shared at run time.

A mix for variety: FA-KES Syrian-war news (short wire and web articles), the shared
development articles, PolNeAR political news (longer, quote-heavy) and TempEval-3
news (the TEXT sections of the TimeML files).  Nothing is copied into the project.

    >>> from texts import real_texts, write_jsonl
    >>> docs = real_texts(fakes=200)          # [(origin, text), ...] in a fixed order
    >>> write_jsonl(docs, tmp / "in.jsonl")   # an ingest input: one article per line
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from common import FAKES, SHARED

_TAG = re.compile(r"<[^>]+>")


def fakes_texts(limit: int | None = None, start: int = 0) -> Iterator[tuple[str, str]]:
    """FA-KES articles ``start`` to ``start + limit``, streamed from the CSV (latin-1)."""
    with FAKES.open(encoding="latin-1", newline="") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            if i < start:
                continue
            if limit is not None and i >= start + limit:
                return
            if row["article_content"].strip():
                yield f"fakes:{i}", row["article_content"]


def other_texts(polnear: int = 12, tempeval: int = 8) -> list[tuple[str, str]]:
    """The shared development articles, the first PolNeAR test texts and TempEval-3 TEXT sections."""
    out = [(f"corpus:{p.stem}", p.read_text(encoding="utf-8")) for p in sorted((SHARED / "corpus").glob("*.txt"))]
    polnear_dir = SHARED / "benchmarks" / "attribution" / "data" / "test" / "text"
    out += [(f"polnear:{p.stem}", p.read_text(encoding="utf-8")) for p in sorted(polnear_dir.glob("*.txt"))[:polnear]]
    for path in sorted((SHARED / "benchmarks" / "dates").glob("*.tml"))[:tempeval]:
        raw = path.read_text(encoding="utf-8")
        body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
        out.append((f"tempeval:{path.stem}", html.unescape(_TAG.sub("", body)).strip()))
    return out


def real_texts(fakes: int = 200, polnear: int = 12, tempeval: int = 8) -> list[tuple[str, str]]:
    """The benchmark mix: ``fakes`` FA-KES articles with the other corpora interleaved for variety."""
    main = list(fakes_texts(fakes))
    others = other_texts(polnear, tempeval)
    step = max(1, len(main) // max(1, len(others)))
    mixed: list[tuple[str, str]] = []
    for i, item in enumerate(main):
        mixed.append(item)
        if i % step == step - 1 and others:
            mixed.append(others.pop(0))
    return mixed + others


def variants(texts: list[tuple[str, str]], total: int) -> Iterator[tuple[str, str]]:
    """``total`` documents made from ``texts`` by cycling them; every copy after the first gets a one-line
    note appended, so its SHA-256 differs and the store keeps it (the flat-memory benchmark)."""
    for i in range(total):
        origin, text = texts[i % len(texts)]
        copy = i // len(texts)
        yield (f"{origin}~{copy}", text if copy == 0 else f"{text}\n\n(Copy {copy} for the memory benchmark.)")


def write_jsonl(docs: Iterable[tuple[str, str]], path: Path) -> int:
    """Write ``docs`` as JSON Lines (id, text), streaming; the number written."""
    n = 0
    with path.open("w", encoding="utf-8") as handle:
        for origin, text in docs:
            handle.write(json.dumps({"id": origin.replace(":", "-"), "text": text}, ensure_ascii=False) + "\n")
            n += 1
    return n
