"""Corpus events: reports joined by links, clustered block by block, each cluster with an id from its content.

A *block* is a connected component of the links.  Each block is clustered on its own, as a function of its
reports and links alone (so any order of documents gives the same clusters): links strongest first (ties
by report keys), two groups of reports join when no pair of them conflicts (``event_links.conflict``:
two reports of one document included) and at least ``linked_share`` of their pairs from two documents are
linked, so a chain of links cannot pull far-apart reports into one event; or when the two groups'
representatives (each its most precisely dated report) are dated to one day and linked.  A corpus event's id comes from
its representative report (the most precisely dated, placed, then by key): ``assault:2016-07-05:1f2e3d4c5b``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from newsgraph.resolve.components import connected
from newsgraph.resolve.event_links import EventLink, compare, conflict
from newsgraph.resolve.reports import Placed, corpus_event_id
from newsgraph.settings import settings


def components(keys: Iterable[str], links: Iterable[EventLink]) -> list[list[str]]:
    """Blocks: report keys connected by links, each sorted, ordered by their first key."""
    return connected(keys, ((link.a, link.b) for link in links))


def cluster_block(views: Mapping[str, Placed], links: Sequence[EventLink]) -> dict[str, str]:
    """Report key -> corpus event id, for the reports of one block."""
    share = settings().corpus_events.linked_share
    partners: dict[str, set[str]] = {k: set() for k in views}
    for x in links:
        if x.a in partners and x.b in partners:
            partners[x.a].add(x.b)
            partners[x.b].add(x.a)
    member: dict[str, list[str]] = {k: [k] for k in sorted(views)}
    group_of = {k: k for k in member}
    for link in sorted(links, key=lambda x: (-x.score, x.a, x.b)):
        ga, gb = group_of.get(link.a), group_of.get(link.b)
        if ga is None or gb is None or ga == gb:
            continue
        if not _may_join(member[ga], member[gb], views, partners, share):
            continue
        keep, gone = sorted((ga, gb))
        member[keep].extend(member.pop(gone))
        for k in member[keep]:
            group_of[k] = keep
    out = {}
    for keys in member.values():
        rep = representative([views[k] for k in keys])
        for k in keys:
            out[k] = corpus_event_id(rep)
    return out


def _may_join(xs: list[str], ys: list[str], views: Mapping[str, Placed], partners: Mapping[str, set[str]],
              share: float) -> bool:
    """No pair conflicts (two reports of one document included), and enough pairs of documents, one from each
    group, are linked by the reports of the two groups together."""
    if any(conflict(views[x], views[y]) is not None for x in xs for y in ys):
        return False
    doc = {k: views[k].report.doc_sha for k in (*xs, *ys)}
    pairs = {(a, b) for a in {doc[x] for x in xs} for b in {doc[y] for y in ys} if a != b}
    if not pairs or _representatives_agree(xs, ys, views) or _vaguer_group_agrees(xs, ys, views, partners, share):
        return True
    inside = set(doc)
    linked = {frozenset((doc[k], doc[p])) for k in inside for p in partners[k] if p in inside}
    return sum(frozenset(pair) in linked for pair in pairs) >= share * len(pairs)


def _representatives_agree(xs: list[str], ys: list[str], views: Mapping[str, Placed]) -> bool:
    """The two groups' representatives are dated to one day and linked: one occurrence told by outlets that
    date it at different precision ("earlier this week" in one group, "on Tuesday" in the other)."""
    rx, ry = representative(views[x] for x in xs), representative(views[y] for y in ys)
    if rx.date is None or len(rx.date) != 10 or rx.date != ry.date or rx.report.doc_sha == ry.report.doc_sha:
        return False
    return compare(rx, ry) is not None


def _vaguer_group_agrees(xs: list[str], ys: list[str], views: Mapping[str, Placed],
                         partners: Mapping[str, set[str]], share: float) -> bool:
    """A group none of whose reports is dated to a day ("earlier this week", undated) joins a group dated to
    days when ``share`` of its documents have a report linked to that group: the documents of the dated
    group cannot link to reports that vague, so the share of pairs would keep one occurrence apart."""
    def dated(keys: list[str]) -> bool:
        return any(len(views[k].date or "") == 10 for k in keys)

    for vague, precise in ((xs, ys), (ys, xs)):
        if dated(vague) or not dated(precise):
            continue
        inside = set(precise)
        docs = {views[k].report.doc_sha for k in vague}
        reached = {views[k].report.doc_sha for k in vague if partners[k] & inside}
        return len(reached) >= share * len(docs)
    return False


def representative(views: Iterable[Placed]) -> Placed:
    """The report a corpus event takes its id from: the most precise own date, then placed, then by key."""
    def rank(v: Placed) -> tuple[int, int, int, str]:
        precision = {10: 0, 7: 1, 4: 2}.get(len(v.date or ""), 3)
        return precision, int(v.inferred), int(v.place is None), v.report.key
    return min(views, key=rank)
