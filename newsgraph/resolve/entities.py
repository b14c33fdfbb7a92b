"""Corpus entities: one record per real-world thing, gathered from every document entity resolved to it.

Names, aliases and roles are kept with the documents that gave them; every
member is kept as (doc_id, local entity id), so each mention still points at its
document and offsets.  Everything is ordered by content (most documents first,
then alphabetically), never by the order documents were added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsgraph.model import Entity


@dataclass(frozen=True)
class CorpusEntity:
    """One real-world thing across the corpus."""

    id: str
    name: str
    type: str
    names: tuple[str, ...]  # the name first, then every alias, most documents first
    roles: tuple[str, ...]
    documents: tuple[str, ...]  # doc ids, sorted
    mentions: int
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    name_documents: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # name/alias -> doc ids
    role_documents: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    members: tuple[tuple[str, str], ...] = ()  # (doc_id, local entity id), sorted

    @property
    def aliases(self) -> tuple[str, ...]:
        return self.names[1:]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "aliases": list(self.aliases),
                "roles": list(self.roles), "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonames_id": self.geonames_id, "documents": list(self.documents), "mentions": self.mentions,
                "attested": {"names": {n: list(d) for n, d in self.name_documents.items()},
                             "roles": {r: list(d) for r, d in self.role_documents.items()}}}


@dataclass
class _Gathered:
    names: dict[str, set[str]] = field(default_factory=dict)
    own_names: Counter[str] = field(default_factory=Counter)  # names of the members of the id node
    roles: dict[str, set[str]] = field(default_factory=dict)
    types: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    points: Counter[tuple[float, float, int | None]] = field(default_factory=Counter)  # of the id node's members
    other_points: Counter[tuple[float, float, int | None]] = field(default_factory=Counter)  # of the others
    members: set[tuple[str, str]] = field(default_factory=set)
    mentions: int = 0


def _ranked(values: Mapping[str, set[str]]) -> list[str]:
    return sorted(values, key=lambda v: (-len(values[v]), v))


def _top(counter: Counter[Any]) -> Any:
    return min(counter, key=lambda v: (-counter[v], str(v))) if counter else None


class EntityBuilder:
    """Gathers (corpus id, node, doc id, entity, mention count) rows into ``CorpusEntity`` records."""

    def __init__(self) -> None:
        self._by_id: dict[str, _Gathered] = {}

    def add(self, corpus_id: str, node: str, doc_id: str, entity: Entity, mentions: int | None = None) -> None:
        g = self._by_id.setdefault(corpus_id, _Gathered())
        for name in (entity.name, *entity.aliases):
            g.names.setdefault(name, set()).add(doc_id)
        for role in entity.roles:
            g.roles.setdefault(role, set()).add(doc_id)
        if node == corpus_id:
            g.own_names[entity.name] += 1
            g.types[entity.type] += 2  # the id node's type outweighs a stray typing elsewhere
        else:
            g.types[entity.type] += 1
        if entity.country:
            g.countries[entity.country] += 1
        if entity.lat is not None and entity.lon is not None:
            (g.points if node == corpus_id else g.other_points)[(entity.lat, entity.lon, entity.geonames_id)] += 1
        g.members.add((doc_id, entity.id))
        g.mentions += len(entity.mentions) if mentions is None else mentions

    def build(self) -> list[CorpusEntity]:
        """The corpus entities, most documents first, then by id."""
        out = []
        for cid, g in self._by_id.items():
            name = _top(g.own_names) or _ranked(g.names)[0]
            names = [name, *(n for n in _ranked(g.names) if n != name)]
            # the id node's point; when it has none, its spellings' (which spelling is the id must not decide
            # whether the thing has a place on the map), never for a country
            point = _top(g.points) or (None if cid.startswith("country:") else _top(g.other_points))
            out.append(CorpusEntity(
                id=cid, name=name, type=_top(g.types), names=tuple(names), roles=tuple(_ranked(g.roles)),
                documents=tuple(sorted({d for d, _ in g.members})), mentions=g.mentions,
                country=_top(g.countries), lat=point[0] if point else None, lon=point[1] if point else None,
                geonames_id=point[2] if point else None,
                name_documents={n: tuple(sorted(g.names[n])) for n in names},
                role_documents={r: tuple(sorted(g.roles[r])) for r in _ranked(g.roles)},
                members=tuple(sorted(g.members))))
        return sorted(out, key=lambda e: (-len(e.documents), -e.mentions, e.id))


def gather(rows: Iterable[tuple[str, str, str, Entity]]) -> list[CorpusEntity]:
    """Corpus entities from (corpus id, node, doc id, entity) rows."""
    builder = EntityBuilder()
    for corpus_id, node, doc_id, entity in rows:
        builder.add(corpus_id, node, doc_id, entity)
    return builder.build()
