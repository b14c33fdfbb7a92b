"""Find the entity behind a stretch of text: the bridge from entities to events and claims."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from newsgraph.model import Entity


class EntityIndex:
    """Entity mentions sorted by offset, for lookups by character span."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = {e.id: e for e in entities}
        self._spans = sorted((m.start, m.end, e.id) for e in self.entities.values() for m in e.mentions)
        self._starts = [s for s, _, _ in self._spans]

    def __getitem__(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def mentions_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every mention lying wholly inside [start, end)."""
        lo, spans = bisect.bisect_left(self._starts, start), self._spans
        out = []
        for k in range(lo, len(spans)):  # not a slice: no copy of the rest of the list per lookup
            s, e, eid = spans[k]
            if s >= end:
                break
            if e <= end:
                out.append((s, e, eid))
        return out

    def entities_within(self, start: int, end: int) -> list[str]:
        """Ids of the entities mentioned inside [start, end), in order of first mention, no repeats."""
        return list(dict.fromkeys(eid for _, _, eid in self.mentions_within(start, end)))

    def entity_at(self, start: int, end: int) -> str | None:
        """The entity whose mention overlaps [start, end) the most (None when none does)."""
        lo = max(0, bisect.bisect_left(self._starts, start) - 8)
        best, best_overlap, spans = None, 0, self._spans
        for k in range(lo, len(spans)):
            s, e, eid = spans[k]
            if s >= end:
                break
            if e <= start:
                continue  # no overlap (and no min/max calls for the mentions before it)
            overlap = (e if e < end else end) - (s if s > start else start)
            if overlap > best_overlap:
                best, best_overlap = eid, overlap
        return best

    def last_before(self, offset: int, types: Iterable[str]) -> str | None:
        """The entity of the given types mentioned last before ``offset``."""
        wanted = set(types)
        hi = bisect.bisect_left(self._starts, offset)
        for _, e, eid in reversed(self._spans[:hi]):
            if e <= offset and self.entities[eid].type in wanted:
                return eid
        return None
