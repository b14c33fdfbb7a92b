"""Clustering one block of nodes into corpus entities, as a function of the block's nodes alone.

Nothing here depends on the order documents came in: links are computed for every
pair of nodes sharing a blocking key and applied in a fixed order (strongest
first, then by node key), so the same nodes always give the same clusters and ids.

1. An analyst's judgements first: nodes judged the same are joined (transitively);
   nodes judged different, and everything joined to them, are never joined.
2. Links of at least ``settings().corpus.merge`` join two clusters unless they
   conflict: two countries, two GeoNames places, a town and its country, places in
   two countries, types that cannot be one thing, persons with different given
   names, or two full names that nothing relates (so "Syrian" as an alias of two
   organisations cannot chain them).
3. Short names join the one cluster they can mean: a surname, a one-word alias, a
   name that begins one longer name, a place the gazetteer has no point for.  When
   documents give the short name as an alias of some clusters, only those count (and
   of those only the one most documents give, when it has ``dominance`` times the
   documents of the next: extraction noise gives a stray alias now and then).
   More than one candidate, or a different role, country or affiliation, and it
   stays apart.
Every link that did not end inside one cluster, with nothing ruling it out, is a
``Candidate`` for an analyst.

The clusters under way and their conflicts are ``newsgraph.resolve.partition``; phase 3 is
``newsgraph.resolve.short_joins``; what a pair of nodes has for and against is
``newsgraph.resolve.links``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from newsgraph.resolve.keys import possessive_stem
from newsgraph.resolve.links import FAMILY, Link, blocking_keys, compare, persons_kept
from newsgraph.resolve.nodes import Node
from newsgraph.resolve.partition import FAMILIES, MORE_FREQUENT, NAMES_A_PERSON, NOT_CHOSEN, NOT_SHORT, Partition
from newsgraph.resolve.short_joins import join_short_names
from newsgraph.settings import settings


@dataclass(frozen=True)
class Candidate:
    """Two corpus entities that may be one: below the threshold, or stopped by a softer conflict."""

    left: str
    right: str
    score: float
    kind: str
    evidence_for: tuple[str, ...]
    evidence_against: tuple[str, ...]
    members: int = 0  # document entities of the smaller side: how much a decision on the pair settles


@dataclass(frozen=True)
class BlockResult:
    ids: Mapping[str, str]  # node key -> corpus id
    candidates: tuple[Candidate, ...]


def block_links(nodes: Mapping[str, Node]) -> list[Link]:
    """Links between every pair of nodes that share a blocking key, in the order they are applied."""
    index: dict[str, list[str]] = {}
    for key in sorted(nodes):
        for bkey in blocking_keys(nodes[key]):
            index.setdefault(bkey, []).append(key)
    pairs = {(a, b) for keys in index.values() for a, b in combinations(keys, 2)}
    return sort_links(link for a, b in sorted(pairs) if (link := compare(nodes[a], nodes[b])) is not None)


def compatible_types(a: str, b: str) -> str | None:
    """Why entities of types ``a`` and ``b`` cannot be one thing ('a person is not a place'), or None."""
    families = {FAMILY.get(a, a.lower()), FAMILY.get(b, b.lower())}
    if families in FAMILIES:
        return None
    return f"a {_KIND_WORDS.get(a, a)} is not a {_KIND_WORDS.get(b, b)}"


_KIND_WORDS = {"PER": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "facility",
               "WEA": "weapon", "VEH": "vehicle"}


def sort_links(links: Iterable[Link]) -> list[Link]:
    """Links in the order they are applied: strongest first, then by kind and node keys."""
    return sorted(links, key=lambda x: (-x.score, -x.support, x.kind, x.a, x.b))


def cluster_block(nodes: Mapping[str, Node], same: Iterable[tuple[str, str]] = (),
                  different: Iterable[tuple[str, str]] = (), links: Iterable[Link] | None = None) -> BlockResult:
    """Corpus ids for the nodes of one block, and the candidate pairs left apart.

    ``same``/``different``: node-key pairs an analyst judged; ``links``: the block's links when
    the caller keeps them (the store does), else they are computed here.
    """
    cfg = settings().corpus
    links = block_links(nodes) if links is None else sort_links(x for x in links if x.a in nodes and x.b in nodes)
    part = Partition(nodes, different, links)
    kept = persons_kept(nodes, links)
    for a, b in sorted(tuple(sorted(p)) for p in same):
        if a in nodes and b in nodes and part.find(a) != part.find(b) and part.judged_apart(a, b) is None:
            part.union(a, b)
    refused: dict[tuple[str, str], str] = {}
    for link in links:
        if link.short or link.score < cfg.merge or part.find(link.a) == part.find(link.b):
            continue
        if link.kind == "mistyped":
            reason = NAMES_A_PERSON if (link.a, link.b) in kept else part.retype_conflict(
                link.short_side, link.b if link.short_side == link.a else link.a)
        else:
            reason = part.conflict(link.a, link.b)
        if reason is None:
            part.union(link.a, link.b, retyped=link.short_side if link.kind == "mistyped" else "")
        else:
            refused[(link.a, link.b)] = reason
    refused.update(join_short_names(part, links))
    ids = _cluster_ids(part, nodes)
    return BlockResult(ids, _candidates(part, links, refused, ids))


def _cluster_ids(part: Partition, nodes: Mapping[str, Node]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for root, cluster in part.clusters.items():
        cid = cluster_id(cluster.nodes)
        for node in cluster.nodes:
            ids[node.key] = cid
        del root
    return {k: ids[k] for k in sorted(nodes)}


def cluster_id(nodes: Iterable[Node]) -> str:
    """The id of a cluster from its content: its country, its GeoNames place, else its best-attested full name.

    "Best-attested" is by members only up to ``id_dominance``: of the names with at least
    1/``id_dominance`` of the top one's members, the one of most words, then the longest, then
    the first key.  Two spellings of one thing cited about equally often (a corpus growing with
    both) would otherwise swap the id each time their counts cross, and every document citing
    the entity is refreshed at each swap.  Members are compared by their power of two
    (``_magnitude``): two names cited at a steady ratio near ``id_dominance`` (the Syrian army
    and the Syrian Arab Army, about 2.1 to 1 in FA-KES) crossed that line at nearly every copy of
    an article citing either; counted in powers of two, each name's count crosses a line only
    when it doubles.
    """
    nodes = list(nodes)
    for kind in ("country", "geo"):
        keys = sorted(n.key for n in nodes if n.kind == kind)
        if keys:
            return keys[0]
    names: set[str] = set().union(*(n.values("keys") for n in nodes))

    def rank(node: Node) -> tuple[bool, bool, bool]:  # "Bashar al-Assads" is not the name to call him by
        return "~" in node.key, not node.full_names, any(possessive_stem(k) in names for k in node.values("keys"))

    best = min(rank(n) for n in nodes)
    eligible = [n for n in nodes if rank(n) == best]
    top = max(_magnitude(n.members) for n in eligible)
    near = [n for n in eligible if _magnitude(n.members) * settings().corpus.id_dominance >= top]
    return min(near, key=_name_order).key


def _magnitude(members: int) -> int:
    """The largest power of two not above ``members`` (1 for none): a count that moves only when it doubles."""
    return 1 << max(0, members.bit_length() - 1)


def _name_order(node: Node) -> tuple[int, int, str]:
    """Most words, then longest name, then key: a count-free order among names attested about equally."""
    name = node.key.partition(":")[2]
    return -name.count("-"), -len(name), node.key


def _candidates(part: Partition, links: list[Link], refused: Mapping[tuple[str, str], str],
                ids: Mapping[str, str]) -> tuple[Candidate, ...]:
    cfg = settings().corpus
    best: dict[tuple[str, str], Candidate] = {}
    for link in links:
        left, right = sorted((ids[link.a], ids[link.b]))
        if left == right or link.evidence_against:
            continue
        reason = refused.get((link.a, link.b))
        if reason in (MORE_FREQUENT, NOT_SHORT, NOT_CHOSEN) or (
                reason is not None and part.hard_conflict(link.a, link.b)):
            continue  # two countries, a town and its country, an analyst's "different": not a candidate
        score = link.score if reason is None else min(link.score, cfg.merge - 0.01)
        if score < cfg.candidate:
            continue
        against = (reason,) if reason else ("below the merge threshold",)
        size = min(part.clusters[part.find(link.a)].members, part.clusters[part.find(link.b)].members)
        found = Candidate(left, right, round(score, 3), link.kind, link.evidence_for, against, size)
        if (left, right) not in best or found.score > best[(left, right)].score:
            best[(left, right)] = found
    return tuple(sorted(best.values(), key=candidate_order))


def candidate_order(c: Candidate) -> tuple[float, int, str, str]:
    """Best first: the strongest evidence, then the pairs whose decision settles most document entities."""
    return (-c.score, -c.members, c.left, c.right)
