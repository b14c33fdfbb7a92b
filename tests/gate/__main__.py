"""``python -m tests.gate``: compare today's figures with the baseline; ``--update`` pins today's figures.

Exit status 1 when any figure dropped more than the tolerance (without ``--update``).
"""

from __future__ import annotations

import argparse
import sys

from tests.gate.articles import annotated_articles, figures, score_all
from tests.gate.compare import BASELINE, compare, load_baseline, write_baseline


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.gate", description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true",
                        help=f"rewrite {BASELINE.name} with today's figures (commit it saying why)")
    args = parser.parse_args(argv)
    measured = {name: figures(result) for name, result in score_all(annotated_articles()).items()}
    comparison = compare(load_baseline() if BASELINE.is_file() else {}, measured)
    print(comparison.report())
    if args.update:
        write_baseline(measured)
        print(f"wrote {len(measured)} articles to {BASELINE}")
        return 0
    return 1 if comparison.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
