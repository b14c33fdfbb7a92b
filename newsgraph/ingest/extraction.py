"""A batch of reader items extracted together: one ``nlp.pipe`` over their texts, then the stages per document.

    >>> outcomes = extract_batch(items, published=None, timeout=300)   # one Outcome per item, in order

Batching the parse is what makes spaCy fast (``nlp.pipe`` runs the model on several
documents at once, about 10 % less CPU than one call per document here) and gives the
same parse as ``nlp(doc)`` one document at a time.  The stages after the parse run one
document at a time under the per-document time limit.  Should the batched parse fail
or run out of time (one pathological text), every item of the batch is extracted again
on its own by ``extract_item``, so the failure is reported for that document only.

This is what a worker process of ``--workers N``, a Dask task of ``--dask`` and the
single-process ingest all run, so their results are the same.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest.limits import time_limit
from newsgraph.ingest.run import Outcome, dated, extract_item, extracted, failure, internal_failure
from newsgraph.model import Furniture, SourceDocument
from newsgraph.nlp.dateline import Dateline, read_dateline
from newsgraph.nlp.furniture import find_furniture
from newsgraph.nlp.parse import nlp, prepare
from newsgraph.pipeline import run

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Item", "extract_batch", "take"]

Item = SourceDocument | InputError
Read = tuple[Dateline | None, tuple[Furniture, ...]]  # a text's dateline and page furniture, read before the parse
T = TypeVar("T")


def take(source: Iterator[T], count: int) -> tuple[list[T], bool]:
    """Up to ``count`` more items of ``source``, and whether it ran out: how the ordered maps of the
    worker pool and the Dask runner read a few batches ahead, never the whole input."""
    taken = list(itertools.islice(source, max(count, 0)))
    return taken, len(taken) < count


def extract_batch(items: Sequence[Item], published: str | None = None, timeout: float | None = None,
                  debug: bool = False) -> list[Outcome]:
    """Extract ``items``; one ``Outcome`` per item, in order; never raises for a document."""
    sources = [dated(i, published) for i in items if isinstance(i, SourceDocument)]
    try:
        parses = _parse_all(sources, timeout)
    except Exception as err:  # noqa: BLE001 -- a time limit, a text the parser refuses, a bug: find which document
        return _one_by_one(items, sources, err, published, timeout, debug)
    outcomes, parsed = [], iter(zip(sources, parses, strict=True))
    for item in items:
        if isinstance(item, InputError):
            outcomes.append(Outcome(item.origin, error=str(item)))
            continue
        source, (doc, seconds, read) = next(parsed)
        outcomes.append(_stages(source, doc, seconds, read, timeout, debug))
    return outcomes


def _one_by_one(items: Sequence[Item], sources: list[SourceDocument], err: Exception, published: str | None,
                timeout: float | None, debug: bool) -> list[Outcome]:
    """After a failed batch parse: each item again on its own, unless it was the only document (then it failed)."""
    if len(items) == 1 and len(sources) == 1:
        only = sources[0]
        return [failure(only, err) if isinstance(err, NewsgraphError) else internal_failure(only, err, debug)]
    return [extract_item(i, published, timeout, debug) for i in items]


def _parse_all(sources: list[SourceDocument], timeout: float | None) -> list[tuple[Doc, float, Read]]:
    """The spaCy parse of every text, with its share of the parse's CPU time (by length) and its dateline and
    page furniture (read before the parse, given to the stages so that they are not read twice)."""
    if not sources:
        return []
    start = time.process_time()
    datelines = [read_dateline(s.text) for s in sources]
    reads = [(d, find_furniture(s.text, d)) for s, d in zip(sources, datelines, strict=True)]
    prepared = [prepare(s.text, *r) for s, r in zip(sources, reads, strict=True)]
    model = nlp()
    with time_limit(timeout):
        docs = list(model.pipe(prepared, batch_size=len(prepared)))
    spent = time.process_time() - start
    total = sum(len(s.text) for s in sources) or 1
    return [(doc, spent * len(s.text) / total, r) for doc, s, r in zip(docs, sources, reads, strict=True)]


def _stages(source: SourceDocument, doc: Doc, parse_seconds: float, read: Read, timeout: float | None,
            debug: bool) -> Outcome:
    try:
        with time_limit(timeout):
            trace = run(source.text, source.published, title=source.title, spacy_doc=doc, read=read)
            trace.seconds["parse"] = trace.seconds.get("parse", 0.0) + parse_seconds
            return extracted(source, trace)
    except NewsgraphError as err:
        return failure(source, err)
    except Exception as err:  # noqa: BLE001 -- a bug in a stage must not sink the batch: report it and go on
        return internal_failure(source, err, debug)
