"""The clusters of one block while it is being clustered, and what keeps two of them apart.

``Partition`` is a union-find over the block's nodes whose every root carries a ``Cluster``: the
families, countries, GeoNames places, full names and main names of what it has joined, so a join is
checked against the whole cluster and not only the two nodes of the link (a chain of aliases cannot
join two countries).  The reasons a pair stays apart are worded for the analyst's candidate list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsgraph.resolve.links import Link, family, given_names_clash, qualifier_country, related_names
from newsgraph.resolve.nodes import Node

JUDGED_DIFFERENT = "an analyst judged them different"
# reasons that make a pair not even a candidate
MORE_FREQUENT = "the shorter name is the more frequent: a different thing"
NOT_SHORT = "the short name already names a gazetteer place or a person in full"
NOT_CHOSEN = "the short name is another cluster's"
NAMES_A_PERSON = "a name of a person is not retyped into a place the gazetteer does not know"
FAMILIES = ({"per"}, {"org"}, {"per", "org"}, {"place"}, {"fac"}, {"wea"}, {"veh"}, {"wea", "veh"})


@dataclass
class Cluster:
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
    def of(cls, node: Node) -> Cluster:
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

    def absorb(self, other: Cluster, retyped: bool = False) -> None:
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


class Partition:
    def __init__(self, nodes: Mapping[str, Node], different: Iterable[tuple[str, str]], links: list[Link]) -> None:
        self.nodes = nodes
        self.parent = {k: k for k in nodes}
        self.clusters = {k: Cluster.of(n) for k, n in nodes.items()}
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
        if (ca.families | cb.families) not in FAMILIES:
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
