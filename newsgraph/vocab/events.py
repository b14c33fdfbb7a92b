"""Typed views of the events stage's vocabularies: events_triggers."""

from __future__ import annotations

from newsgraph.vocab.loader import Entries, vocabulary  # noqa: F401
