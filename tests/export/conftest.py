"""A store built through the real pipeline from the shared development articles (the six FA-KES ones with their
outlet, title and gold publication date, and the Alma study) and our examples, once per session; each test
exports it into its own temporary folder."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsgraph
from newsgraph.store import Store
from tests.shared import shared_file

ROOT = Path(__file__).resolve().parents[2]


def _fakes_rows() -> list[dict[str, str]]:
    with shared_file("benchmarks", "news", "FA-KES-Dataset.csv").open(encoding="latin-1", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path, examples_dir: Path) -> Path:
    """The SQLite store of 18 articles (7 shared, 11 of ours), resolved at ingest as always."""
    rows = _fakes_rows()
    path = tmp_path_factory.mktemp("export") / "corpus.db"
    with Store(str(path)) as store:
        for txt in sorted((shared_dir / "corpus").glob("*.txt")):
            gold = json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))
            row = rows[gold["source_row"]] if "source_row" in gold else {}
            store.add(newsgraph.extract(txt.read_text(encoding="utf-8"), gold.get("published"), doc_id=txt.stem,
                                        title=row.get("article_title"), source=row.get("source"),
                                        url=f"https://example.org/fa-kes/{txt.stem}" if row else None))
        for txt in sorted(examples_dir.glob("*.txt")) + sorted((examples_dir / "annotated").glob("*.txt")):
            store.add(newsgraph.extract(txt.read_text(encoding="utf-8"), "2025-01-15", doc_id=txt.stem,
                                        source="newsgraph examples"))
    return path


@pytest.fixture
def corpus_store(corpus_db: Path) -> Iterator[Store]:
    with Store(str(corpus_db)) as store:
        yield store
