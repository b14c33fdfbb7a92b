"""Score newsgraph on every annotated article with the shared scorer, one row per article.

Usage:  python bench/score_articles.py [--details]

Articles (found and scored by ``tests/gate/articles.py``, the code the evaluation gate uses):
the Alma development article and six FA-KES development articles (``../shared/corpus/``,
read and tuned on), and our own articles (``examples/annotated/``), annotated blind before
newsgraph was run on them. Each is extracted with ``newsgraph.extract`` in this process, as
``newsgraph extract FILE.txt`` does, and scored by ``score()`` of ``../shared/eval/score.py``.
The FA-KES and own articles each get their macro mean. ``--details`` also prints what each
article missed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.gate, when run as a script

from tests.gate.articles import GROUPS, Article, annotated_articles, score_all, shared_dir

COLUMNS = (  # (score key, column title)
    ("entity_f1", "ent F1"), ("role_accuracy", "roles"), ("affiliation_accuracy", "affil"),
    ("geo_accuracy_25km", "geo25"), ("country_accuracy", "country"), ("relation_recall", "rel"),
    ("event_recall_dated", "ev dated"), ("event_type_accuracy", "ev type"), ("event_date_precision", "ev date"),
    ("event_recall_undated", "ev undated"), ("claim_recall", "cl recall"),
    ("claim_precision_speaker", "speaker P"), ("claim_via_accuracy", "via"),
)
DETAILS = ("missed_entities", "false_positive_entities", "missed_places", "missed_events", "missed_claims", "problems")


def cell(value: object) -> str:
    return "-" if value is None else f"{value:.2f}"


def row(label: str, values: dict[str, Any], width: int) -> str:
    return f"{label:{width}}" + "".join(f"{cell(values.get(key)):>11}" for key, _ in COLUMNS)


def macro_mean(results: list[dict[str, Any]]) -> dict[str, float | None]:
    """Per figure, the mean over the articles that have it (None where none has)."""
    means: dict[str, float | None] = {}
    for key, _ in COLUMNS:
        values = [r[key] for r in results if r.get(key) is not None]
        means[key] = sum(values) / len(values) if values else None
    return means


def table(found: list[Article], results: dict[str, dict[str, Any]]) -> list[str]:
    width = max(len(a.name) for a in found) + 4
    lines = [f"{'article':{width}}" + "".join(f"{title:>11}" for _, title in COLUMNS)]
    for group, title in GROUPS.items():
        members = [a for a in found if a.group == group]
        if not members:
            continue
        lines.append(title)
        lines += [row("  " + a.name, results[a.name], width) for a in members]
        if len(members) > 1:
            lines.append(row(f"  mean of {len(members)}", macro_mean([results[a.name] for a in members]), width))
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--details", action="store_true", help="print what each article missed")
    args = parser.parse_args(argv)
    found = annotated_articles()
    if not found:
        print(f"no annotated articles found (shared dir: {shared_dir()}); set NEWSGRAPH_SHARED")
        return 1
    results = score_all(found)
    print("\n".join(table(found, results)))
    if args.details:
        for article in found:
            misses = {key: results[article.name][key] for key in DETAILS if results[article.name].get(key)}
            if misses:
                print(f"\n{article.name}:")
                for key, items in misses.items():
                    print(f"  {key}: {json.dumps(items, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
