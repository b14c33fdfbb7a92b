"""The corpus form of ``../shared/eval/CONTRACT.md``: documents plus corpus-wide entities.

Per-document entity ids ("e1") become corpus ids (``newsgraph.export.ids``)
everywhere they are referenced, so an entity mentioned in five documents is
one record listing those five documents.  Event and claim ids are prefixed
with their document id to stay unique.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.model import Document, Entity
from newsgraph.export.ids import corpus_entity_id


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


def build_corpus(documents: Iterable[Document]) -> dict[str, Any]:
    """The contract's corpus JSON object for ``documents``."""
    docs: list[dict[str, Any]] = []
    pairs: list[tuple[str, Entity]] = []
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for doc in documents:
        gid = {e.id: corpus_entity_id(e) for e in doc.entities}

        def ref(local: str | None, gid: dict[str, str] = gid) -> str | None:
            return gid.get(local, local) if local is not None else None

        def refs(locals_: Iterable[str], gid: dict[str, str] = gid) -> list[str]:
            return [gid.get(x, x) for x in locals_]

        docs.append({"doc_id": doc.doc_id, "title": doc.title, "published": doc.published, "source": doc.source,
                     "url": doc.url, "author": doc.author, "text_sha256": doc.text_sha256})
        pairs.extend((doc.doc_id, e) for e in doc.entities)
        for v in doc.events:
            events.append({"id": f"{doc.doc_id}/{v.id}", "doc_id": doc.doc_id, "type": v.type, "trigger": v.trigger,
                           "date": v.date, "date_text": v.date_text, "actors": refs(v.actors),
                           "targets": refs(v.targets), "location": ref(v.location), "evidence": _span(v.evidence)})
        for c in doc.claims:
            claims.append({"id": f"{doc.doc_id}/{c.id}", "doc_id": doc.doc_id, "speaker": ref(c.speaker),
                           "speaker_text": c.speaker_text, "via": refs(c.via), "cue": c.cue, "stance": c.stance,
                           "text": c.text, "about": refs(c.about), "evidence": _span(c.evidence),
                           "corroborated_by": [],
                           "contradicted_by": [f"{doc.doc_id}/{c.disputed_by}"] if c.disputed_by else []})
        for r in doc.relations:
            relations.append({"subject": ref(r.subject), "predicate": r.predicate, "object": ref(r.object),
                              "doc_id": doc.doc_id, "evidence": _span(r.evidence)})
    return {"documents": docs, "entities": [e.to_dict() for e in merge_entities(pairs)],
            "events": events, "claims": claims, "relations": relations}


def _span(span: Any) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}
