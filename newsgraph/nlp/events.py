"""PLOVER-typed events (placeholder: filled by issue 4)."""

from __future__ import annotations

from newsgraph.model import DateMention, Event
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import Parsed


def extract_events(parsed: Parsed, index: EntityIndex, dates: list[DateMention]) -> list[Event]:
    return []
