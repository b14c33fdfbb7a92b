"""The repeatable speed figure: instructions executed, counted by valgrind's callgrind, newsgraph against bare spaCy.

    python bench/instructions.py [--texts 4] [--sides bare,extract,ingest]    # make bench-instructions

Why instruction counts: on this shared 2-core machine wall and CPU time of one phase move by up to 40 % with the
load (round 17: the steady figure's CPU ratio moved 0.02-0.15 between runs), while the number of instructions a
process executes does not depend on the load.  Each side runs in its own process under
``valgrind --tool=callgrind --instr-atstart=no``: the process loads its model and warms it on six FA-KES articles
outside the counted texts (as ``bench/paired.py`` does) at valgrind's uninstrumented speed, then switches
instrumentation on (a callgrind client request from a small C helper built here with the system's
``valgrind/callgrind.h``), processes the counted texts once, and switches it off, so the count covers exactly the
counted work.  The sides: ``bare`` is spaCy's ``nlp.pipe`` on its own ``spacy.load`` of the model; ``extract``
is ``extract_paths`` with one worker (what ``newsgraph extract`` runs); ``ingest`` is ``ingest_paths`` with one
worker into a SQLite store (corpus resolution inside ``Store.add`` included), after a warm ingest into another
store.  The ratio is counted instructions over bare spaCy's.  Instructions are not time (a cache miss costs more
than an add), so this is the steady figure *beside* the CPU-time one, not instead of it.  Callgrind runs the
counted part about 50x slower than native, so the default set is small: the first ``--texts`` FA-KES articles.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from texts import fakes_texts, write_jsonl

FAKES_TOTAL = 804
WARM_TEXTS = 6
HELPER_SOURCE = r"""
#include <valgrind/callgrind.h>
void newsgraph_start(void) { CALLGRIND_START_INSTRUMENTATION; }
void newsgraph_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }
"""
_TOTALS = re.compile(r"^totals:\s+(\d+)", re.M)  # "summary:" is 0 with --instr-atstart=no


def helper(tmp: Path) -> ctypes.CDLL:
    """The C helper issuing callgrind's start/stop client requests (a no-op outside valgrind)."""
    source, library = tmp / "cg_helper.c", tmp / "cg_helper.so"
    if not library.exists():
        source.write_text(HELPER_SOURCE, encoding="utf-8")
        subprocess.run(["cc", "-O1", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    return ctypes.CDLL(str(library))


def inner(side: str, count: int, tmp: Path) -> None:
    """One side, inside valgrind: load and warm uninstrumented, then the counted texts instrumented."""
    lib = helper(tmp)
    texts = list(fakes_texts(count))
    warm = list(fakes_texts(WARM_TEXTS, start=FAKES_TOTAL - WARM_TEXTS))
    if side == "bare":
        import spacy

        from newsgraph.nlp.parse import MODEL_NAME

        model = spacy.load(MODEL_NAME)
        list(model.pipe([t for _, t in warm]))
        lib.newsgraph_start()
        for _ in model.pipe([t for _, t in texts]):
            pass
        lib.newsgraph_stop()
        return
    import newsgraph.ingest.warm  # noqa: F401  -- what the worker server preloads
    from newsgraph.ingest import extract_paths, ingest_paths
    from newsgraph.store import Store

    write_jsonl(warm, tmp / "warm.jsonl")
    write_jsonl(texts, tmp / "counted.jsonl")
    if side == "extract":
        list(extract_paths([tmp / "warm.jsonl"], workers=1))
        lib.newsgraph_start()
        for _ in extract_paths([tmp / "counted.jsonl"], workers=1):
            pass
        lib.newsgraph_stop()
        return
    with Store(tmp / "warm.db") as warm_store:
        ingest_paths([tmp / "warm.jsonl"], warm_store, workers=1)
    with Store(tmp / "counted.db") as store:
        lib.newsgraph_start()
        ingest_paths([tmp / "counted.jsonl"], store, workers=1)
        lib.newsgraph_stop()


def counted(side: str, count: int) -> int:
    """Instructions of one side's counted part: a fresh process under callgrind."""
    with tempfile.TemporaryDirectory(prefix=f"newsgraph-instr-{side}-") as name:
        tmp = Path(name)
        helper(tmp)
        out = tmp / "callgrind.out"
        env = dict(os.environ, PYTHONHASHSEED="0", OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
                   MKL_NUM_THREADS="1")
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                   sys.executable, __file__, "--inner", side, "--texts", str(count), "--tmp", str(tmp)]
        subprocess.run(command, check=True, env=env, stderr=subprocess.DEVNULL)
        match = _TOTALS.search(out.read_text(encoding="utf-8", errors="replace"))
        if match is None:
            raise SystemExit(f"{side}: no 'totals:' line in callgrind's output {out}")
        return int(match.group(1))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=4, help="FA-KES articles counted (from the first)")
    parser.add_argument("--sides", default="bare,extract,ingest")
    parser.add_argument("--inner", help=argparse.SUPPRESS)
    parser.add_argument("--tmp", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        inner(args.inner, args.texts, args.tmp)
        return 0
    sides = args.sides.split(",")
    counts = {side: counted(side, args.texts) for side in sides}
    bare = counts.get("bare")
    print(f"{args.texts} FA-KES texts; instructions (callgrind Ir) of the counted part")
    for side in sides:
        ratio = f"{counts[side] / bare:.3f}" if bare else "-"
        print(f"{side:<10} {counts[side]:>16,}  ratio {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
