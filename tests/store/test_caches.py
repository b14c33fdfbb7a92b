"""The writer's per-process caches stay within ``settings().caches`` however many documents it stores.

The caches keyed by the JSON text the store keeps (node profiles, claim features and views, event reports and
views, entity links) get a new entry whenever a stored profile changes, so unbounded (or at 200,000 entries)
they grew the writer by 78 MB per 1,000 documents (``make bench-scale``).
"""

from __future__ import annotations

from pathlib import Path

from newsgraph import extract
from newsgraph.resolve import claims, nodes, reports
from newsgraph.settings import settings
from newsgraph.store import Store, corpus_claims, corpus_events, corpus_sync
from tests.shared import shared_path


def _writer_caches() -> dict[str, tuple[object, int]]:
    limits = settings().caches
    return {"node profiles": (nodes.Node.loads, limits.node_profiles),
            "claim features": (claims._features, limits.claim_features),
            "claim views": (corpus_claims._load_view, limits.claim_views),
            "event reports": (reports._loads, limits.event_reports),
            "report views": (corpus_events._view, limits.report_views),
            "entity links": (corpus_sync._cached_link, limits.entity_links)}


def test_the_writers_caches_of_stored_json_are_bounded_by_the_settings(tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_path() / "corpus").glob("fakes-*.txt"))[:3]]
    assert len(texts) == 3
    with Store(tmp_path / "s.db") as store:
        for i, text in enumerate(texts):
            store.add(extract(text, doc_id=f"doc-{i}"))
    for name, (cache, limit) in _writer_caches().items():
        info = cache.cache_info()  # type: ignore[attr-defined]
        assert info.maxsize == limit, name
        assert info.currsize <= limit, name
    assert sum(cache.cache_info().currsize for cache, _ in _writer_caches().values()) > 0  # type: ignore[attr-defined]
