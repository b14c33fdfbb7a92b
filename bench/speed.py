"""Extraction speed: newsgraph.extract() against bare spaCy on the same texts, in one run.

Texts: the project's examples, the shared development article and the first
N articles of the FA-KES Syrian-war news corpus (../shared/benchmarks/news).
Prints docs/s for both and the ratio newsgraph/spaCy (the machine is shared,
so only the ratio measured in one run means much).
"""

from __future__ import annotations

import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT / ".." / "shared").resolve()


def texts(limit: int) -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    dev = SHARED / "corpus" / "alma-cers-study.txt"
    if dev.is_file():
        out.append(dev.read_text(encoding="utf-8"))
    news = SHARED / "benchmarks" / "news" / "FA-KES-Dataset.csv"
    if news.is_file():
        with news.open(encoding="latin-1", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if i >= limit:
                    break
                out.append(row["article_content"])
    return out


def main() -> int:
    import newsgraph
    from newsgraph.nlp.parse import nlp

    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    docs = texts(limit)
    words = sum(len(t.split()) for t in docs)
    model = nlp()
    newsgraph.extract(docs[0])  # warm-up: model, gazetteers, vocabularies
    t0 = time.perf_counter()
    for text in docs:
        model(text)
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text in docs:
        newsgraph.extract(text)
    ours_s = time.perf_counter() - t0
    print(f"{len(docs)} documents, {words:,} words (examples, development article, FA-KES)")
    print(f"{'':22}{'seconds':>10}{'docs/s':>10}{'words/s':>10}")
    print(f"{'bare spaCy':22}{spacy_s:10.2f}{len(docs) / spacy_s:10.2f}{words / spacy_s:10.0f}")
    print(f"{'newsgraph.extract':22}{ours_s:10.2f}{len(docs) / ours_s:10.2f}{words / ours_s:10.0f}")
    print(f"ratio newsgraph / spaCy: {ours_s / spacy_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
