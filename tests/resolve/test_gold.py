"""The shared cross-document gold (../shared/corpus/corpus-*.json) on the real pipeline's extractions.

Scored as ``bench/corpus.py --score`` scores it: gold names are found in each document by their
offsets, then the corpus ids are compared.  What today's extraction misses (a name it does not
extract at all) cannot be merged by resolution; every pair whose documents both have the entity must be.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsgraph.model import Document
from newsgraph.resolve import resolve_documents

ROOT = Path(__file__).resolve().parents[2]


def _scorer():  # bench/ is not a package: load the scorer the bench uses
    spec = importlib.util.spec_from_file_location("corpus_gold", ROOT / "bench" / "corpus_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_gold", module)
    spec.loader.exec_module(module)
    return module.score_gold


@pytest.mark.parametrize("gold", ["corpus-ghouta.json", "corpus-hasakeh.json"])
def test_same_entity_sets_merge_and_distinct_pairs_do_not(gold: str, shared_dir: Path,
                                                         fakes_docs: dict[str, Document]) -> None:
    resolution = resolve_documents(fakes_docs.values())
    docs = {d: doc.to_dict(include_text=True) for d, doc in fakes_docs.items()}
    score = _scorer()(shared_dir / "corpus" / gold, docs, dict(resolution.ids))
    assert score.distinct_merged == []
    assert score.merged == score.pairs - score.missed_pairs, score.split  # everything extraction found
    assert score.recall >= (0.95 if gold == "corpus-ghouta.json" else 0.7), score.split
