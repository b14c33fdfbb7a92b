"""Phase 3 of clustering: a short name joins the one cluster it can mean.

A surname, a one-word alias, a name that begins one longer name, a place the gazetteer has no point
for (the ``links.SHORT_KINDS``) is not joined by score: of the clusters its links reach, only those of
the strongest kind of evidence count (``_TIERS``: what documents call it, then its name, then a
prefix), and of documents' aliases only the one that dominates.  One candidate left, with no conflict,
and it joins; more than one, and it stays apart (the reasons go to the candidate list).
"""

from __future__ import annotations

from newsgraph.resolve.links import Link
from newsgraph.resolve.partition import MORE_FREQUENT, NOT_CHOSEN, NOT_SHORT, Partition
from newsgraph.settings import settings


def join_short_names(part: Partition, links: list[Link]) -> dict[tuple[str, str], str]:
    """Phase 3: a short name joins its one candidate; returns why the others stayed apart."""
    targets = _short_targets(part, links)
    refused: dict[tuple[str, str], str] = {}
    for source in sorted(targets):
        refused.update(_join_short(part, source, targets[source]))
    return refused


def _short_targets(part: Partition, links: list[Link]) -> dict[str, dict[str, list[Link]]]:
    """Cluster of a short name -> the clusters it may be short for -> the links that say so."""
    targets: dict[str, dict[str, list[Link]]] = {}
    for link in links:
        if not link.short or link.score <= 0:
            continue
        other = link.b if link.short_side == link.a else link.a
        source, target = part.find(link.short_side), part.find(other)
        if source != target:
            targets.setdefault(source, {}).setdefault(target, []).append(link)
    return targets


def _join_short(part: Partition, source: str, options: dict[str, list[Link]]) -> dict[tuple[str, str], str]:
    """Join the cluster ``source`` to the one cluster its short name names, if there is one and nothing
    conflicts; returns why each of its links was not followed."""
    pending = [x for ls in options.values() for x in ls]
    if not part.movable(source):
        return {(x.a, x.b): NOT_SHORT for x in pending}
    chosen = _strongest(options, source, part)
    if not chosen:  # only longer names that are rarer: it is not short for any of them
        return {(x.a, x.b): MORE_FREQUENT for x in pending}
    if len(chosen) != 1:
        return {(x.a, x.b): f"{len(chosen)} clusters it may name" for x in pending}
    (target, found), = chosen.items()
    source_now, target_now = part.find(source), part.find(target)
    prefix_only = all(x.kind == "prefix" for x in found)
    reason = part.conflict(source_now, target_now) or part.soft_conflict(source_now, target_now)
    if reason is None and prefix_only and part.clusters[source_now].members >= part.clusters[target_now].members:
        reason = MORE_FREQUENT
    if reason is None and source_now != target_now:
        part.union(source_now, target_now)
    return {(x.a, x.b): reason or NOT_CHOSEN for x in pending if reason is not None or x not in found}


_TIERS = (("short-alias",), ("placeless", "surname", "qualified"), ("placeless-spelling",), ("prefix",))


def _strongest(options: dict[str, list[Link]], source: str, part: Partition) -> dict[str, list[Link]]:
    """The clusters of the strongest kind of evidence: what documents call it, then its name, then a prefix;
    of the same type as the short name's when there are some (a stray PER typing is the weaker reading)."""
    size = part.clusters[part.find(source)].members
    # a cluster it cannot join is no option: a stray alias of another type must not hide the place it names
    options = {t: ls for t, ls in options.items() if part.hard_conflict(source, t) is None}
    for kinds in _TIERS:
        tier = {t: ls for t, ls in options.items() if any(x.kind in kinds for x in ls)}
        if kinds == ("prefix",):  # a name that begins a rarer one is not short for it ("United Nations ...")
            tier = {t: ls for t, ls in tier.items() if part.clusters[part.find(t)].members > size}
        families = part.clusters[part.find(source)].families
        same_type = {t: ls for t, ls in tier.items() if part.clusters[part.find(t)].families & families}
        tier = same_type or tier
        if tier:
            return _dominant(tier) if kinds == ("short-alias",) else tier
    return {}


def _dominant(backed: dict[str, list[Link]]) -> dict[str, list[Link]]:
    """The clusters documents give a short name for; only the one most of them give it for when one dominates."""
    if len(backed) <= 1:
        return backed
    support = {t: sum(x.support for x in ls if x.kind == "short-alias") for t, ls in backed.items()}
    top, second = sorted(support, key=lambda t: (-support[t], t))[:2]
    if support[top] >= settings().corpus.dominance * support[second]:
        return {top: backed[top]}
    return backed
