"""Flat memory: what a batch of extraction leaves behind (issue 15).

spaCy's parser leaves each batch's step models (which hold the batch's token vectors)
in reference cycles; Python's own collector would free them only hundreds of documents
later, so ``extract_batch`` collects them itself.  Real inputs: the shared development
articles.
"""

from __future__ import annotations

import gc

from newsgraph.ingest.extraction import extract_batch
from newsgraph.model import SourceDocument
from tests.shared import shared_path


def test_a_batch_leaves_no_garbage_for_the_collector() -> None:
    articles = sorted((shared_path() / "corpus").glob("*.txt"))[:6]
    batch = [SourceDocument(text=p.read_text(encoding="utf-8"), origin=p.name) for p in articles]
    extract_batch(batch[:1])  # the model loaded and warm
    gc.collect()
    outcomes = extract_batch(batch)
    assert gc.collect() == 0  # the batch freed its own cycles: nothing was left unreachable
    assert [o.origin for o in outcomes] == [p.name for p in articles]
    assert all(o.document is not None and o.document.entities for o in outcomes)  # real extractions
