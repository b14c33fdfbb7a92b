"""Events across documents: the reports of one occurrence in several documents become one corpus event.

    >>> from newsgraph.resolve import resolve_documents
    >>> from newsgraph.resolve.events import resolve_events
    >>> events = resolve_events(docs, resolve_documents(docs))
    >>> events.ids[("fakes-0042", "v1")]          # 'assault:2016-07-05:…', shared with fakes-0063's report

Each document event is a report (``reports``); two reports of two documents are linked when the evidence
says they tell one occurrence (``event_links``); the links' connected components are clustered
(``event_cluster``).  Reports are compared only when they share a blocking key (their place, a
participant, their day, a figure: ``reports.blocking_keys``).  Everything is a function of the reports and
the entity resolution, never of the order documents came in; the store keeps the same result up to date
at each ingest (``newsgraph.store.corpus_events``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsgraph.model import Document
from newsgraph.resolve.batch import Resolution
from newsgraph.resolve.event_cluster import cluster_block, components
from newsgraph.resolve.event_links import EventLink, compare, sibling_link
from newsgraph.resolve.ids import corpus_entity_id
from newsgraph.resolve.reports import Placed, Report, blocking_keys, placed_document, reports_of
from newsgraph.settings import settings


@dataclass(frozen=True)
class EventResolution:
    """Every document event's corpus event, keyed by (doc_id, event id), and the links between reports."""

    ids: Mapping[tuple[str, str], str]
    links: tuple[EventLink, ...] = ()
    reports: Mapping[str, Report] | None = None  # report key -> report


def entity_ids(document: Document, resolution: Resolution) -> Callable[[str], str | None]:
    """local entity id -> corpus id in ``resolution`` (the entity's own node key when it is not resolved)."""
    own = {e.id: corpus_entity_id(e) for e in document.entities}

    def corpus_id(local: str) -> str | None:
        return resolution.ids.get((document.doc_id, local)) or own.get(local)
    return corpus_id


def document_links(views: Sequence[Placed]) -> list[EventLink]:
    """The links between the reports of one document: an undated report and the reports it was dated from."""
    return [sibling_link(v.report.key, other) for v in views for other in v.siblings]


def link_views(views: Sequence[Placed]) -> list[EventLink]:
    """The links between reports that share a blocking key, in key order."""
    by_key: dict[str, list[Placed]] = {}
    days = settings().corpus_events.window_days
    for view in views:
        for key in blocking_keys(view, days):
            by_key.setdefault(key, []).append(view)
    pairs: set[tuple[str, str]] = set()
    found: dict[str, Placed] = {v.report.key: v for v in views}
    for group in by_key.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.report.doc_sha != b.report.doc_sha:
                    pairs.add((min(a.report.key, b.report.key), max(a.report.key, b.report.key)))
    return [link for a, b in sorted(pairs) if (link := compare(found[a], found[b])) is not None]


def cluster_views(views: Sequence[Placed], links: Iterable[EventLink]) -> dict[str, str]:
    """Report key -> corpus event id for these reports and the links between them."""
    by_key = {v.report.key: v for v in views}
    links = list(links)
    out: dict[str, str] = {}
    for block in components(by_key, links):
        inside = set(block)
        out.update(cluster_block({k: by_key[k] for k in block},
                                 [x for x in links if x.a in inside and x.b in inside]))
    return out


def resolve_events(documents: Iterable[Document], resolution: Resolution) -> EventResolution:
    """Corpus events for the events of ``documents`` under the entity ``resolution`` (each text once)."""
    seen: set[str] = set()
    views: list[Placed] = []
    siblings: list[EventLink] = []
    where: dict[str, tuple[str, str]] = {}
    for doc in documents:
        if doc.text_sha256 in seen:
            continue
        seen.add(doc.text_sha256)
        corpus_id = entity_ids(doc, resolution)
        mine = placed_document(reports_of(doc), corpus_id)
        for view in mine:
            views.append(view)
            where[view.report.key] = (doc.doc_id, view.report.event_id)
        siblings.extend(document_links(mine))
    links = sorted([*link_views(views), *siblings], key=lambda x: (x.a, x.b))
    ids = cluster_views(views, links)
    return EventResolution(ids={where[k]: cid for k, cid in ids.items()}, links=tuple(links),
                           reports={v.report.key: v.report for v in views})
