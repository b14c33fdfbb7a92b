"""Reader output to extraction (and optionally the store), one item at a time, failures reported not raised."""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest.limits import time_limit
from newsgraph.model import Document, SourceDocument
from newsgraph.pipeline import extract_source, text_sha256

if TYPE_CHECKING:
    from newsgraph.store import Store

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Outcome:
    """What happened to one input item."""

    origin: str
    doc_id: str | None = None
    added: bool = False
    error: str | None = None
    document: Document | None = None
    warnings: tuple[str, ...] = ()  # kept anyway: an unreadable publication date, an assumed day/month order

    @property
    def failed(self) -> bool:
        return self.error is not None


def doc_id_for(origin: str) -> str:
    """A readable document id from where the text came from: the file stem, plus line, row, index or entry."""
    numbered = re.search(r"(?::(?:row )?(\d+)|\[(\d+)\])$", origin)
    path, line = (origin[:numbered.start()], numbered.group(1) or numbered.group(2)) if numbered else (origin, "")
    path, _, entry = path.partition("#entry") if "#entry" in path else (path, "", "")
    stem = _UNSAFE.sub("-", Path(path).stem).strip("-.")[:100] or "doc"
    return "-".join(part for part in (stem, line, entry) if part)


def extract_item(item: SourceDocument | InputError, published: str | None = None,
                 timeout: float | None = None, debug: bool = False) -> Outcome:
    """Extract one reader item; any failure becomes ``Outcome.error`` (a one-line message)."""
    if isinstance(item, InputError):
        return Outcome(item.origin, error=str(item))
    if published and not item.published:
        item = replace(item, published=published)
    try:
        with time_limit(timeout):
            doc = extract_source(item, doc_id=item.doc_id or doc_id_for(item.origin))
    except NewsgraphError as err:
        return Outcome(item.origin, error=f"{item.origin}: {getattr(err, 'reason', err)}", warnings=item.warnings)
    except Exception as err:  # noqa: BLE001 -- a bug in a stage must not sink the batch: report it and go on
        detail = traceback.format_exc() if debug else f"{type(err).__name__}: {err}"
        return Outcome(item.origin, error=f"{item.origin}: internal error during extraction ({detail})")
    return Outcome(item.origin, doc_id=doc.doc_id, document=doc, warnings=item.warnings)


def ingest_item(store: Store, item: SourceDocument | InputError, published: str | None = None,
                timeout: float | None = None, debug: bool = False) -> Outcome:
    """Extract and store one item; a text already stored is skipped before extraction."""
    if isinstance(item, SourceDocument):
        known = store.find_text(text_sha256(item.text))
        if known is not None:
            return Outcome(item.origin, doc_id=known, added=False)
    outcome = extract_item(item, published, timeout, debug)
    if outcome.document is None:
        return outcome
    try:
        doc_id, added = store.add(outcome.document, origin=item.origin if isinstance(item, SourceDocument) else None)
    except NewsgraphError as err:
        return Outcome(outcome.origin, error=str(err))
    return Outcome(outcome.origin, doc_id=doc_id, added=added, warnings=outcome.warnings)
