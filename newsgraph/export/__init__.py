"""Exporters: one module per output format.  ``json``: the contract's corpus form."""

from __future__ import annotations

from newsgraph.export.corpus import CorpusEntity, build_corpus, merge_entities
from newsgraph.export.json import write_json

__all__ = ["build_corpus", "merge_entities", "CorpusEntity", "write_json", "FORMATS"]

FORMATS = ("json",)
