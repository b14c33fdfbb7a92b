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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations

from newsgraph.resolve.keys import possessive_stem
from newsgraph.resolve.links import (
    FAMILY,
    Link,
    blocking_keys,
    compare,
    family,
    given_names_clash,
    persons_kept,
    qualifier_country,
    related_names,
)
from newsgraph.resolve.nodes import Node
from newsgraph.settings import settings

JUDGED_DIFFERENT = "an analyst judged them different"
# reasons that make a pair not even a candidate
MORE_FREQUENT = "the shorter name is the more frequent: a different thing"
NOT_SHORT = "the short name already names a gazetteer place or a person in full"
NOT_CHOSEN = "the short name is another cluster's"
NAMES_A_PERSON = "a name of a person is not retyped into a place the gazetteer does not know"
_FAMILIES = ({"per"}, {"org"}, {"per", "org"}, {"place"}, {"fac"}, {"wea"}, {"veh"}, {"wea", "veh"})


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


@dataclass
class _Cluster:
    nodes: list[Node]
    families: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)  # ISO codes of country nodes
    geo: set[str] = field(default_factory=set)  # GeoNames ids of town/area nodes
    place_countries: set[str] = field(default_factory=set)
    full: dict[str, set[str]] = field(default_factory=dict)  # family -> full-name keys
    main: dict[str, tuple[int, str]] = field(default_factory=dict)  # family -> (-members, key) of its main name
    qualifiers: set[str] = field(default_factory=set)  # countries organisation names begin with ("Russian ...")
    members: int = 0

    @classmethod
    def of(cls, node: Node) -> _Cluster:
        fam = family(node)
        out = cls([node], {fam}, members=node.members)
        if node.kind == "country":
            out.codes.add(node.key.split(":", 1)[1].split("~")[0])
        if node.kind == "geo":
            out.geo |= node.values("geonames")
        if fam in ("place", "fac") and node.country:
            out.place_countries.add(node.country)
        if fam == "org":
            out.qualifiers = {code for k in node.full_names if (code := qualifier_country(k))}
        if node.full_names:
            out.full[fam] = set(node.full_names)
            out.main[fam] = (-node.members, node.name_key if node.name_key in node.full_names
                             else min(node.full_names))
        return out

    def absorb(self, other: _Cluster, retyped: bool = False) -> None:
        """Take in ``other``; a ``retyped`` cluster (a name the NER mistyped) brings its members only."""
        self.nodes += other.nodes
        self.members += other.members
        if retyped:
            return
        self.families |= other.families
        self.codes |= other.codes
        self.geo |= other.geo
        self.place_countries |= other.place_countries
        self.qualifiers |= other.qualifiers
        for fam, names in other.full.items():
            self.full.setdefault(fam, set()).update(names)
        for fam, main in other.main.items():
            self.main[fam] = min(self.main.get(fam, main), main)

    def values(self, field_name: str) -> set[str]:
        return set().union(*(n.values(field_name) for n in self.nodes))


class _Partition:
    def __init__(self, nodes: Mapping[str, Node], different: Iterable[tuple[str, str]], links: list[Link]) -> None:
        self.nodes = nodes
        self.parent = {k: k for k in nodes}
        self.clusters = {k: _Cluster.of(n) for k, n in nodes.items()}
        self.apart: dict[str, set[str]] = {}
        for a, b in different:
            if a in nodes and b in nodes:
                self.apart.setdefault(a, set()).add(b)
                self.apart.setdefault(b, set()).add(a)
        self.linked = {frozenset((link.a, link.b)) for link in links if link.score > 0}
        self.names_linked = {frozenset((x, y)) for link in links if link.score > 0 and link.kind != "short-alias"
                             for x in nodes[link.a].full_names for y in nodes[link.b].full_names}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str, retyped: str = "") -> None:
        """Join the clusters of ``a`` and ``b``; ``retyped``: the node whose cluster was mistyped."""
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra == rb:
            return
        wrong = self.find(retyped) if retyped else ""
        keep, gone = (rb, ra) if wrong == ra else (ra, rb)
        self.parent[gone] = keep
        self.clusters[keep].absorb(self.clusters.pop(gone), retyped=bool(wrong))

    def judged_apart(self, a: str, b: str) -> str | None:
        ca, cb = self.clusters[self.find(a)], self.clusters[self.find(b)]
        keys_b = {n.key for n in cb.nodes}
        if any(self.apart.get(n.key, set()) & keys_b for n in ca.nodes):
            return JUDGED_DIFFERENT
        return None

    def hard_conflict(self, a: str, b: str) -> str | None:
        """Why the clusters of ``a`` and ``b`` cannot be one thing (not even a candidate), or None."""
        if (judged := self.judged_apart(a, b)) is not None:
            return judged
        ca, cb = self.clusters[self.find(a)], self.clusters[self.find(b)]
        if (ca.families | cb.families) not in _FAMILIES:
            return f"different types ({'/'.join(sorted(ca.families | cb.families))})"
        if len(ca.codes | cb.codes) > 1 or len(ca.geo | cb.geo) > 1:
            return "two countries or two gazetteer places"
        if (ca.codes or cb.codes) and (ca.geo or cb.geo):
            return "a town or area is not its country"
        return None

    def conflict(self, a: str, b: str) -> str | None:
        """Why the clusters of ``a`` and ``b`` are not joined: a hard conflict, or one an analyst may overrule."""
        hard = self.hard_conflict(a, b)
        if hard is not None:
            return hard
        ca, cb = self.clusters[self.find(a)], self.clusters[self.find(b)]
        if len(ca.place_countries | cb.place_countries | ca.codes | cb.codes) > 1:
            return "places in different countries"
        if ca.qualifiers and cb.qualifiers and not ca.qualifiers & cb.qualifiers:
            return "organisations of different countries"
        for x in ca.full.get("per", ()):
            for y in cb.full.get("per", ()):
                if given_names_clash(x, y):
                    return f"different given names ({x} / {y})"
        for fam, (_, x) in ca.main.items():
            if fam == "place" and (ca.codes or ca.geo or cb.codes or cb.geo):
                continue  # the gazetteer says what a place is; its names need not resemble each other
            y = cb.main.get(fam, (0, x))[1]
            if x != y and frozenset((x, y)) not in self.names_linked and not related_names(x, y):
                return f"two names nothing relates ('{x}' / '{y}')"
        return None

    def movable(self, key: str) -> bool:
        """May this cluster join another as a short name?  Not when it has a gazetteer place or a full name."""
        cluster = self.clusters[self.find(key)]
        return not (cluster.codes or cluster.geo or cluster.full.get("per"))

    def retype_conflict(self, wrong: str, right: str) -> str | None:
        """A mistyped name joins its namesake with what it has joined of its own type, nothing else."""
        cw = self.clusters[self.find(wrong)]
        fam = family(self.nodes[wrong])
        if cw.codes or cw.geo or cw.full.get("per") or any(family(n) != fam for n in cw.nodes):
            return "the mistyped name already names something else"
        return self.judged_apart(wrong, right)

    def soft_conflict(self, a: str, b: str) -> str | None:
        ca, cb = self.clusters[self.find(a)], self.clusters[self.find(b)]
        for field_name in ("roles", "countries", "affiliations"):
            va, vb = ca.values(field_name), cb.values(field_name)
            if va and vb and not va & vb:
                return f"different {field_name} ({', '.join(sorted(va)[:3])} / {', '.join(sorted(vb)[:3])})"
        return None


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
    if families in _FAMILIES:
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
    part = _Partition(nodes, different, links)
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
    refused.update(_join_short_names(part, links))
    ids = _cluster_ids(part, nodes)
    return BlockResult(ids, _candidates(part, links, refused, ids))


def _join_short_names(part: _Partition, links: list[Link]) -> dict[tuple[str, str], str]:
    """Phase 3: a short name joins its one candidate; returns why the others stayed apart."""
    targets: dict[str, dict[str, list[Link]]] = {}
    for link in links:
        if not link.short or link.score <= 0:
            continue
        other = link.b if link.short_side == link.a else link.a
        source, target = part.find(link.short_side), part.find(other)
        if source != target:
            targets.setdefault(source, {}).setdefault(target, []).append(link)
    refused: dict[tuple[str, str], str] = {}
    for source in sorted(targets):
        options = targets[source]
        pending = [x for ls in options.values() for x in ls]
        if not part.movable(source):
            refused.update({(x.a, x.b): NOT_SHORT for x in pending})
            continue
        chosen = _strongest(options, source, part)
        if not chosen:  # only longer names that are rarer: it is not short for any of them
            refused.update({(x.a, x.b): MORE_FREQUENT for x in pending})
            continue
        if len(chosen) != 1:
            for x in pending:
                refused[(x.a, x.b)] = f"{len(chosen)} clusters it may name"
            continue
        (target, found), = chosen.items()
        source_now, target_now = part.find(source), part.find(target)
        prefix_only = all(x.kind == "prefix" for x in found)
        reason = part.conflict(source_now, target_now) or part.soft_conflict(source_now, target_now)
        if reason is None and prefix_only and part.clusters[source_now].members >= part.clusters[target_now].members:
            reason = MORE_FREQUENT
        if reason is None and source_now != target_now:
            part.union(source_now, target_now)
        for x in pending:
            if reason is not None or x not in found:
                refused[(x.a, x.b)] = reason or NOT_CHOSEN
    return refused


_TIERS = (("short-alias",), ("placeless", "surname", "qualified"), ("placeless-spelling",), ("prefix",))


def _strongest(options: dict[str, list[Link]], source: str, part: _Partition) -> dict[str, list[Link]]:
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


def _cluster_ids(part: _Partition, nodes: Mapping[str, Node]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for root, cluster in part.clusters.items():
        cid = cluster_id(cluster.nodes)
        for node in cluster.nodes:
            ids[node.key] = cid
        del root
    return {k: ids[k] for k in sorted(nodes)}


def cluster_id(nodes: Iterable[Node]) -> str:
    """The id of a cluster from its content: its country, its GeoNames place, else its best-attested full name."""
    nodes = list(nodes)
    for kind in ("country", "geo"):
        keys = sorted(n.key for n in nodes if n.kind == kind)
        if keys:
            return keys[0]
    names: set[str] = set().union(*(n.values("keys") for n in nodes))

    def possessive(node: Node) -> bool:  # "Bashar al-Assads" is not the name to call him by
        return any(possessive_stem(k) in names for k in node.values("keys"))

    return min(nodes, key=lambda n: ("~" in n.key, not n.full_names, possessive(n), -n.members, n.key)).key


def _candidates(part: _Partition, links: list[Link], refused: Mapping[tuple[str, str], str],
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
