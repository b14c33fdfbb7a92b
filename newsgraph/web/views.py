"""What the pages and the API both show, put together from library calls (no queries of its own)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from newsgraph import query
from newsgraph.query.dates import overlaps

if TYPE_CHECKING:
    from newsgraph.query import SearchHit
    from newsgraph.store import Store

_FETCHED = 5  # hits read per hit shown, so the outlet and date facets have something to narrow


def search_results(store: Store, q: str, kind: str | None, outlet: str | None, date_from: str | None,
                   date_to: str | None, limit: int) -> dict[str, Any]:
    """Search hits (documents, claims) and entities named ``q``, with facet counts over every hit read; each
    claim hit carries its record (``claim``: speaker, stance, source grade and credibility, links)."""
    hits = [] if kind == "entity" else query.search(store, q, kind=kind, limit=min(500, limit * _FETCHED))
    entities = query.find(store, q) if kind in (None, "entity") else []
    kept = [h for h in hits if (outlet is None or _outlet(h) == outlet)
            and overlaps(h.published, date_from, date_to)][:limit]
    records = {c.id: c.to_dict() for c in query.claims_by_id(store, [h.id for h in kept if h.kind == "claim"])}
    return {"query": q, "kind": kind, "outlet": outlet, "from": date_from, "to": date_to,
            "hits": [{**h.to_dict(), **({"claim": records.get(h.id)} if h.kind == "claim" else {})} for h in kept],
            "entities": [e.to_dict() for e in entities[:limit]],
            "facets": _facets(hits, len(entities))}


def _outlet(hit: SearchHit) -> str:
    return hit.outlet or "(none)"


def _facets(hits: list[SearchHit], entities: int) -> dict[str, list[dict[str, Any]]]:
    """Per facet (kind, outlet, month) its values over every hit read, most hits first."""
    facets = {"kind": Counter(h.kind for h in hits), "outlet": Counter(_outlet(h) for h in hits),
              "month": Counter((h.published or "undated")[:7] for h in hits)}
    if entities:
        facets["kind"]["entity"] = entities
    return {name: [{"value": v, "count": n} for v, n in sorted(c.items(), key=lambda x: (-x[1], x[0]))]
            for name, c in facets.items()}
