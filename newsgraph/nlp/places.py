"""Coordinates and countries for places (placeholder: filled under issues 2 and 5)."""

from __future__ import annotations

from newsgraph.model import Entity
from newsgraph.nlp.parse import Parsed


def resolve_places(entities: list[Entity], parsed: Parsed) -> list[Entity]:
    return entities
