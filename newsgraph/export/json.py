"""Corpus JSON writer."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from newsgraph.export.corpus import build_corpus
from newsgraph.model import Document
from newsgraph.resolve.batch import Resolution
from newsgraph.resolve.claim_corpus import ClaimTrust
from newsgraph.resolve.events import EventResolution


def write_json(documents: Iterable[Document], out: IO[str], indent: int | None = 2,
               resolution: Resolution | None = None, events: EventResolution | None = None,
               claims: ClaimTrust | None = None) -> None:
    """The corpus form; ``resolution`` and ``events``: the store's corpus ids (``Corpus(store).resolution()``,
    ``Corpus(store).event_resolution()``, ``Corpus(store).claim_trust()``)."""
    json.dump(build_corpus(documents, resolution, events, claims), out, ensure_ascii=False, indent=indent)
    out.write("\n")
