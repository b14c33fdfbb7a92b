"""What the places tests ask of the real pipeline: the placed entities of a sentence, and how far one lies from a point."""

from __future__ import annotations

from newsgraph import geo
from newsgraph.model import Entity
from newsgraph.pipeline import run


def placed(text: str, published: str = "2016-11-24") -> dict[str, Entity]:
    """The GPE, LOC and FAC entities of ``text`` by name, after the places stage."""
    return {e.name: e for e in run(text, published, until="places").entities if e.type in ("GPE", "LOC", "FAC")}


def km(entity: Entity, point: tuple[float, float]) -> float:
    """The distance of ``entity``'s point from ``point``; fails the test when the entity has none."""
    assert entity.lat is not None and entity.lon is not None, f"{entity.name} has no point"
    return geo.distance_km(entity.lat, entity.lon, *point)
