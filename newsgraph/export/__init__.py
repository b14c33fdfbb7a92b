"""Exporters: one module per output format.

``json`` the contract's corpus form (``corpus``, ``json``); ``ftm`` FollowTheMoney entities as JSON lines
(``ftm``); ``stix`` a STIX 2.1 bundle (``stix``); ``graphml`` and ``gexf`` the entity graph (``graph``);
``csv`` the events and claims tables (``tables``).  ``write_export`` writes any of them from a store;
``ftm``, ``stix``, ``graphml`` and ``gexf`` need the ``export`` extra (followthemoney, stix2, networkx).
"""

from __future__ import annotations

from newsgraph.export.corpus import build_corpus
from newsgraph.export.json import write_json
from newsgraph.export.run import FORMATS, write_export, write_tables

__all__ = ["FORMATS", "build_corpus", "write_export", "write_json", "write_tables"]
