"""Typed views of the dates stage's vocabularies: dates."""

from __future__ import annotations

from newsgraph.vocab.loader import Entries, vocabulary  # noqa: F401
