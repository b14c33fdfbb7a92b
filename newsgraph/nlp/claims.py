"""Attributed statements (placeholder: filled by issue 3)."""

from __future__ import annotations

from newsgraph.model import Claim
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import Parsed


def extract_claims(parsed: Parsed, index: EntityIndex) -> list[Claim]:
    return []
