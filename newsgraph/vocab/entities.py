"""Typed views of the entities stage's vocabularies: organizations, weapons, vehicles, facilities, furniture."""

from __future__ import annotations

from newsgraph.vocab.loader import Entries, vocabulary  # noqa: F401
