"""Corpus entities: one record per real-world thing, merged from every document that mentions it.

Documents are joined by the corpus id of ``newsgraph.resolve.ids``: places by GeoNames id,
countries by ISO code, everything else by type and normalised name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.model import Entity
from newsgraph.resolve.ids import corpus_entity_id


@dataclass
class CorpusEntity:
    """One real-world thing across the corpus, merged from every document that mentions it."""

    id: str
    type: str
    names: Counter[str] = field(default_factory=Counter)
    aliases: dict[str, None] = field(default_factory=dict)  # ordered set
    roles: dict[str, None] = field(default_factory=dict)
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    documents: dict[str, None] = field(default_factory=dict)
    mentions: int = 0

    @property
    def name(self) -> str:
        # the most frequent name; Counter keeps first-seen order among ties, so this is deterministic
        return self.names.most_common(1)[0][0]

    def add(self, doc_id: str, entity: Entity, mentions: int | None = None) -> None:
        """Merge one document's entity; ``mentions`` overrides ``len(entity.mentions)`` (counts from SQL)."""
        self.names[entity.name] += 1
        for alias in (entity.name, *entity.aliases):
            self.aliases.setdefault(alias)
        for role in entity.roles:
            self.roles.setdefault(role)
        if self.country is None:
            self.country = entity.country
        if self.lat is None and entity.lat is not None:
            self.lat, self.lon = entity.lat, entity.lon
        if self.geonames_id is None:
            self.geonames_id = entity.geonames_id
        self.documents.setdefault(doc_id)
        self.mentions += len(entity.mentions) if mentions is None else mentions

    def to_dict(self) -> dict[str, Any]:
        name = self.name
        return {"id": self.id, "name": name, "type": self.type,
                "aliases": [a for a in self.aliases if a != name], "roles": list(self.roles),
                "country": self.country, "lat": self.lat, "lon": self.lon, "geonames_id": self.geonames_id,
                "documents": list(self.documents), "mentions": self.mentions}


def merge_entities(pairs: Iterable[tuple[str, Entity] | tuple[str, Entity, int]]) -> list[CorpusEntity]:
    """Corpus entities from (doc_id, entity[, mention count]) tuples, sorted by id."""
    merged: dict[str, CorpusEntity] = {}
    for doc_id, entity, *count in pairs:
        gid = corpus_entity_id(entity)
        merged.setdefault(gid, CorpusEntity(gid, entity.type)).add(doc_id, entity, count[0] if count else None)
    return [merged[k] for k in sorted(merged)]
