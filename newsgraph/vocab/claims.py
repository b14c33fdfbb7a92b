"""Typed views of the claims stage's vocabularies: reporting_verbs, attitude_verbs, claims_sources, hedges, relays."""

from __future__ import annotations

from newsgraph.vocab.loader import Entries, vocabulary  # noqa: F401
