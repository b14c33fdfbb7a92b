"""Exporters: one module per output format.  ``json``: the contract's corpus form."""

from __future__ import annotations

from newsgraph.export.corpus import build_corpus
from newsgraph.export.json import write_json

__all__ = ["FORMATS", "build_corpus", "write_json"]

FORMATS = ("json",)
