"""Typed views of the places stage's vocabularies: countries_news, region_demonyms, regions, places_abbreviations, places_stopwords."""

from __future__ import annotations

from newsgraph.vocab.loader import Entries, vocabulary  # noqa: F401
