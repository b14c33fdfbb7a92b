"""The steady speed figure: bare spaCy and newsgraph taking turns on each chunk of texts, in one process.

    python bench/paired.py --side extract [--fakes 200] [--chunk 12]   # prints one JSON object

Run by ``bench/speed.py`` in a fresh process for each newsgraph side (``extract``: what ``newsgraph extract``
runs, ``extract_paths`` with one worker; ``ingest``: ``ingest_paths`` into one SQLite store that grows through
the run, corpus resolution inside ``Store.add`` included).  Why in one process, in turns: two processes timed
one after the other on a shared machine differ by up to 40 % in the *parse* (the same spaCy call), so a ratio of
two such runs moves more than the stages after the parse cost.  Here the texts are cut into chunks (12, one
newsgraph batch); chunk k is parsed by bare spaCy then newsgraph when k is even, newsgraph then bare spaCy when
it is odd (ABBA over pairs of chunks), so both sides meet the same load within seconds of each other.  Each side
has its own model (two ``spacy.load``, two vocabularies and string stores), warmed on texts outside
the timed ones, and meets each timed text once, as a user's process does.  ``--same-model`` runs bare spaCy on
newsgraph's own model object instead (``nlp()`` over spaCy's own tokenizer, without newsgraph's tokenizer wrapper
and line-break component; each chunk goes once through it untimed first, so neither timed side pays for the
chunk's new words): it removes the difference between two copies of one model, but in round 17 it was not
steadier (extract 1.52 and 1.54 against 1.42, 1.45 and 1.46; parse share 1.07 and 1.13 against 1.03-1.06;
``docs/log/round17-speed17.md``), and it measures warm vocabularies, so it is not the default.
The figure is the median of the per-chunk ratios (wall and CPU), with the quartiles as its spread, beside the
ratio of the sums.  The newsgraph side's own parse CPU (its ``nlp.pipe`` with the tokenizer wrapper, dateline and
furniture) is read from the same chunks, so the parse share and the cost of the stages after it are per chunk
too.  Thread pools are pinned to one thread by ``bench/speed.py`` for both sides alike.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from texts import fakes_texts, real_texts, write_jsonl

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FAKES_TOTAL = 804  # articles in the FA-KES file
WARM_TEXTS = 6
Texts = list[tuple[str, str]]


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of ``work()``."""
    c0, w0 = time.process_time(), time.perf_counter()
    work()
    return time.perf_counter() - w0, time.process_time() - c0


def spread(values: list[float]) -> dict[str, float]:
    """Median and quartiles."""
    if len(values) < 2:
        return {"median": values[0], "q1": values[0], "q3": values[0]} if values else {}
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return {"median": median, "q1": q1, "q3": q3}


def bare_spacy(own: Language | None) -> Callable[[list[str]], Iterator[Doc]]:
    """Bare spaCy's ``nlp.pipe``: on a model of its own (``own``), or on newsgraph's own model object
    (``nlp()``) with spaCy's tokenizer, not newsgraph's wrapper, and without the line-break component."""
    if own is not None:
        return own.pipe
    from newsgraph.nlp.parse import nlp

    model = nlp()
    tokenizer = getattr(model.tokenizer, "tokenizer", model.tokenizer)  # ScrapedTextTokenizer wraps spaCy's

    def pipe(texts: list[str]) -> Iterator[Doc]:
        return model.pipe((tokenizer(t) for t in texts), disable=["newsgraph_line_breaks"])
    return pipe


def run(side: str, fakes: int, chunk: int, own_model: bool = False) -> dict[str, Any]:
    import spacy

    import newsgraph.ingest.warm  # noqa: F401  -- what the worker server preloads: no one-off load inside a timing
    from newsgraph.ingest import IngestReport, extract_paths, ingest_paths
    from newsgraph.nlp.parse import MODEL_NAME
    from newsgraph.store import Store

    texts = real_texts(fakes)
    warm = list(fakes_texts(WARM_TEXTS, start=max(fakes, FAKES_TOTAL - WARM_TEXTS)))
    tmp = Path(tempfile.mkdtemp(prefix=f"newsgraph-paired-{side}-"))
    bare_pipe = bare_spacy(spacy.load(MODEL_NAME) if own_model else None)
    list(bare_pipe([t for _, t in warm]))
    write_jsonl(warm, tmp / "warm.jsonl")
    store = Store(tmp / "timed.db") if side == "ingest" else None
    parse_cpu: list[float] = []

    def ours(path: Path, into: Store | None) -> None:
        report = IngestReport()
        if into is None:
            for _ in extract_paths([path], workers=1, report=report):
                pass
        else:
            report = ingest_paths([path], into, workers=1)
        parse_cpu.append(report.seconds["parse"])

    with Store(tmp / "warm.db") as warm_store:
        ours(tmp / "warm.jsonl", warm_store if side == "ingest" else None)
    rows = []
    for k, start in enumerate(range(0, len(texts), chunk)):
        part = texts[start:start + chunk]
        path = tmp / f"chunk-{k}.jsonl"
        write_jsonl(part, path)

        def bare_side(part: Texts = part) -> None:
            for _ in bare_pipe([t for _, t in part]):
                pass

        if not own_model:
            bare_side()  # untimed: the shared vocabulary meets the chunk's words before either timed side

        def our_side(path: Path = path) -> None:
            ours(path, store)

        if k % 2 == 0:
            b, n = timed(bare_side), timed(our_side)
        else:
            n, b = timed(our_side), timed(bare_side)
        rows.append({"texts": len(part), "bare_wall": b[0], "bare_cpu": b[1], "wall": n[0], "cpu": n[1],
                     "parse_cpu": parse_cpu[-1]})
    resolve = 0.0
    if store is not None:
        start = time.process_time()
        store.entities()  # the cross-document merge read of today's store, once at the end
        resolve = time.process_time() - start
        store.close()
    return {"side": side, "chunks": rows, "resolve_cpu": resolve, "model": "own" if own_model else "same"}


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """Per-chunk ratios to bare spaCy (median, quartiles) and the ratio of the sums, wall and CPU."""
    rows = result["chunks"]
    out: dict[str, Any] = {"chunks": len(rows), "texts": sum(r["texts"] for r in rows)}
    for key, bare in (("wall", "bare_wall"), ("cpu", "bare_cpu")):
        out[key] = spread([r[key] / r[bare] for r in rows])
        out[key]["sum"] = sum(r[key] for r in rows) / sum(r[bare] for r in rows)
    out["parse"] = spread([r["parse_cpu"] / r["bare_cpu"] for r in rows])
    out["after_parse"] = spread([(r["cpu"] - r["parse_cpu"]) / r["bare_cpu"] for r in rows])
    out["bare_cpu"] = sum(r["bare_cpu"] for r in rows)
    out["bare_wall"] = sum(r["bare_wall"] for r in rows)
    out["resolve_cpu"] = result["resolve_cpu"]
    out["model"] = result["model"]
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--side", choices=("extract", "ingest"), required=True)
    ap.add_argument("--fakes", type=int, default=200)
    ap.add_argument("--chunk", type=int, default=12)
    ap.add_argument("--same-model", action="store_true",
                    help="bare spaCy on newsgraph's own model object (each chunk's words met once untimed first), "
                         "not on a second spacy.load of the model")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    result = summary(run(args.side, args.fakes, args.chunk, own_model=not args.same_model))
    text = json.dumps(result)
    if args.out:
        args.out.write_text(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
