"""Reader output to extraction (and optionally the store), one item at a time, failures reported not raised."""

from __future__ import annotations

import re
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest.limits import time_limit
from newsgraph.model import Document, SourceDocument
from newsgraph.pipeline import text_sha256, to_document, trace_source

if TYPE_CHECKING:
    from newsgraph.pipeline import Trace
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
    # CPU seconds per stage (pipeline.Trace.seconds; "store" when stored): for timing reports, not compared
    seconds: dict[str, float] = field(default_factory=dict, compare=False)

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
    item = dated(item, published)
    try:
        with time_limit(timeout):
            return extracted(item, trace_source(item))
    except NewsgraphError as err:
        return failure(item, err)
    except Exception as err:  # noqa: BLE001 -- a bug in a stage must not sink the batch: report it and go on
        return internal_failure(item, err, debug)


def dated(item: SourceDocument, published: str | None) -> SourceDocument:
    """``item`` with ``published`` as its date when it carries none."""
    return replace(item, published=published) if published and not item.published else item


def extracted(item: SourceDocument, trace: Trace) -> Outcome:
    """The outcome of a full run of the stages on ``item``."""
    doc = to_document(trace, item.published, doc_id=item.doc_id or doc_id_for(item.origin), source=item.source,
                      url=item.url, author=item.author)
    note = trace.anchor_note
    warnings = (*item.warnings, f"{item.origin}: {note}") if note else item.warnings
    return Outcome(item.origin, doc_id=doc.doc_id, document=doc, warnings=warnings, seconds=trace.seconds)


def failure(item: SourceDocument, err: NewsgraphError) -> Outcome:
    return Outcome(item.origin, error=f"{item.origin}: {getattr(err, 'reason', err)}", warnings=item.warnings)


def internal_failure(item: SourceDocument, err: Exception, debug: bool) -> Outcome:
    detail = traceback.format_exc() if debug else f"{type(err).__name__}: {err}"
    return Outcome(item.origin, error=f"{item.origin}: internal error during extraction ({detail})")


def ingest_item(store: Store, item: SourceDocument | InputError, published: str | None = None,
                timeout: float | None = None, debug: bool = False) -> Outcome:
    """Extract and store one item; a text already stored is skipped before extraction."""
    if isinstance(item, SourceDocument):
        known = known_outcome(store, item)
        if known is not None:
            return known
    return store_outcome(store, extract_item(item, published, timeout, debug))


def known_outcome(store: Store, item: SourceDocument) -> Outcome | None:
    """The outcome "already stored" when the store holds ``item``'s text, else None (it is to be extracted)."""
    known = store.find_text(text_sha256(item.text))
    return None if known is None else Outcome(item.origin, doc_id=known, added=False)


def store_outcome(store: Store, outcome: Outcome) -> Outcome:
    """Store the document of an extraction outcome (a failed one is returned as it is)."""
    if outcome.document is None:
        return outcome
    start = time.process_time()
    try:
        doc_id, added = store.add(outcome.document, origin=outcome.origin)
    except NewsgraphError as err:
        return Outcome(outcome.origin, error=str(err))
    seconds = {**outcome.seconds, "store": time.process_time() - start}
    return Outcome(outcome.origin, doc_id=doc_id, added=added, warnings=outcome.warnings, seconds=seconds)
