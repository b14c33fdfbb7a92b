"""Extraction snapshot: write every record the pipeline gives on a fixed set of texts, or compare with one.

A refactoring must not change what newsgraph extracts. ``--write DIR`` stores the
contract JSON of each text; ``--check DIR`` extracts again and prints every document
whose extraction differs (entities, events, claims, relations, dates), with the first
differing records. Texts: the shared development articles, our examples and annotated
articles, and a fixed sample of FA-KES articles.

    python bench/snapshot.py --write /tmp/snap      # before the change
    python bench/snapshot.py --check /tmp/snap      # after it: exit 1 when anything differs
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

from common import FAKES, ROOT, SHARED


def texts(sample: int) -> list[tuple[str, str, str | None]]:
    """(name, text, published) for every text of the snapshot."""
    out: list[tuple[str, str, str | None]] = []
    for gold in sorted((SHARED / "corpus").glob("*.gold.json")):
        published = json.loads(gold.read_text(encoding="utf-8")).get("published")
        out.append((gold.name[:-10], gold.with_name(gold.name[:-10] + ".txt").read_text(encoding="utf-8"), published))
    for path in sorted((ROOT / "examples").rglob("*.txt")):
        gold = path.with_name(path.stem + ".gold.json")
        published = json.loads(gold.read_text(encoding="utf-8")).get("published") if gold.is_file() else None
        out.append((path.stem, path.read_text(encoding="utf-8"), published))
    with FAKES.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for i in sorted(random.Random(7).sample(range(len(rows)), sample)):
        out.append((f"fakes-row-{i}", rows[i]["article_content"], None))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--check", type=Path)
    parser.add_argument("--sample", type=int, default=60, help="FA-KES articles in the snapshot")
    args = parser.parse_args()

    import newsgraph

    folder: Path = args.write or args.check
    if args.write:
        folder.mkdir(parents=True, exist_ok=True)
    changed = 0
    items = texts(args.sample)
    for name, text, published in items:
        got = newsgraph.extract(text, published=published, doc_id=name).to_dict()
        path = folder / f"{name}.json"
        if args.write:
            path.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
            continue
        want = json.loads(path.read_text(encoding="utf-8"))
        if want != got:
            changed += 1
            print(f"{name}: differs")
            for key in ("entities", "events", "claims", "relations", "dates"):
                if want[key] != got[key]:
                    before = [json.dumps(r, sort_keys=True) for r in want[key]]
                    after = [json.dumps(r, sort_keys=True) for r in got[key]]
                    gone = [r for r in before if r not in after][:2]
                    new = [r for r in after if r not in before][:2]
                    print(f"  {key}: {len(before)} -> {len(after)}")
                    for r in gone:
                        print(f"    - {r[:300]}")
                    for r in new:
                        print(f"    + {r[:300]}")
    if args.check:
        print(f"{changed} of {len(items)} documents differ")
    else:
        print(f"wrote {len(items)} documents to {folder}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
