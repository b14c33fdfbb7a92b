"""Score newsgraph on every annotated article with the shared scorer, one row per article.

Usage:  python bench/score_articles.py [--details]

Articles are the development article (``../shared/corpus/*.txt`` with its ``.gold.json``)
and our own hand-annotated articles (``examples/annotated/*.txt``), which were annotated
before newsgraph was run on them: they stand in for the held-out articles we do not have.
Each article is extracted through the CLI (``newsgraph extract``) exactly as a user would,
then scored by ``../shared/eval/score.py --json``.  ``--details`` also prints what each
article missed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = (  # (score key, column title)
    ("entity_f1", "ent F1"), ("role_accuracy", "roles"), ("affiliation_accuracy", "affil"),
    ("geo_accuracy_25km", "geo25"), ("country_accuracy", "country"), ("relation_recall", "rel"),
    ("event_recall_dated", "ev dated"), ("event_type_accuracy", "ev type"), ("event_date_precision", "ev date"),
    ("event_recall_undated", "ev undated"), ("claim_recall", "cl recall"),
    ("claim_precision_speaker", "speaker P"), ("claim_via_accuracy", "via"),
)
DETAILS = ("missed_entities", "false_positive_entities", "missed_places", "missed_events", "missed_claims", "problems")


def shared_dir() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    return Path(env) if env else ROOT / ".." / "shared"


def articles() -> list[tuple[str, Path, Path]]:
    found = []
    for folder, label in ((shared_dir() / "corpus", "dev"), (ROOT / "examples" / "annotated", "own")):
        for gold in sorted(folder.glob("*.gold.json")):
            text = gold.with_name(gold.name.removesuffix(".gold.json") + ".txt")
            if text.exists():
                found.append((label, text, gold))
    return found


def score(text: Path, gold: Path, workdir: Path) -> dict:
    out = workdir / (text.stem + ".json")
    cli = Path(sys.executable).parent / "newsgraph"
    command = [str(cli)] if cli.exists() else [sys.executable, "-m", "newsgraph.cli"]
    with out.open("w", encoding="utf-8") as sink:
        extraction = subprocess.run([*command, "extract", str(text), "--format", "json"], stdout=sink,
                                    stderr=subprocess.PIPE, text=True)
    if extraction.returncode != 0:
        return {"problems": [f"extraction failed: {extraction.stderr.strip()}"]}
    scorer = shared_dir() / "eval" / "score.py"
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(out), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def cell(value: object) -> str:
    return "-" if value is None else f"{value:.2f}"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="print what each article missed")
    args = ap.parse_args(argv)
    found = articles()
    if not found:
        print(f"no annotated articles found (shared dir: {shared_dir()}); set NEWSGRAPH_SHARED")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        rows = [(label, text.stem, score(text, gold, Path(tmp))) for label, text, gold in found]
    width = max(len(name) for _, name, _ in rows) + 6
    print(f"{'article':{width}}" + "".join(f"{title:>11}" for _, title in COLUMNS))
    for label, name, result in rows:
        print(f"{label + ' ' + name:{width}}" + "".join(f"{cell(result.get(key)):>11}" for key, _ in COLUMNS))
    means = []
    for key, _ in COLUMNS:
        values = [r.get(key) for _, _, r in rows if r.get(key) is not None]
        means.append(sum(values) / len(values) if values else None)
    print(f"{'mean':{width}}" + "".join(f"{cell(m):>11}" for m in means))
    if args.details:
        for _, name, result in rows:
            misses = {k: result[k] for k in DETAILS if result.get(k)}
            if misses:
                print(f"\n{name}:")
                for key, items in misses.items():
                    print(f"  {key}: {json.dumps(items, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
