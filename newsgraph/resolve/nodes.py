"""Nodes: the members that share a node key, summed up for clustering.

A node's profile is a sum of counts over its members (names, alias keys, role
heads, countries, affiliations, types), so adding members in any order gives the
same profile, and the store can keep it up to date one document at a time.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from newsgraph.resolve.keys import is_acronym, is_full_name
from newsgraph.resolve.members import Member
from newsgraph.settings import settings

Counts = tuple[tuple[str, int], ...]
_FIELDS = ("names", "keys", "alias_keys", "roles", "countries", "affiliations", "types", "geonames")


def _counts(counter: Mapping[str, int]) -> Counts:
    return tuple(sorted((k, v) for k, v in counter.items() if v > 0))


def _most_common(counts: Counts) -> str:
    """The most frequent value; the smallest one among ties, so the choice never depends on order."""
    return min(counts, key=lambda kv: (-kv[1], kv[0]))[0] if counts else ""


@dataclass(frozen=True)
class Node:
    key: str
    kind: str  # "country", "geo", "place", "name" (members.Member.kind)
    members: int
    names: Counts = ()  # surface names of the members
    keys: Counts = ()  # name keys of those names
    alias_keys: Counts = ()
    roles: Counts = ()  # role heads
    countries: Counts = ()
    affiliations: Counts = ()
    types: Counts = ()
    geonames: Counts = ()

    # derived values are computed once per node (a frozen dataclass keeps cached_property's __dict__ writes)
    @cached_property
    def type(self) -> str:
        return _most_common(self.types)

    @cached_property
    def name_key(self) -> str:
        return _most_common(self.keys)

    @cached_property
    def name(self) -> str:
        return _most_common(self.names)

    @cached_property
    def country(self) -> str:
        """The country most of its members give ('' for none): one stray country tag does not make two places."""
        return _most_common(self.countries)

    def values(self, field: str) -> frozenset[str]:
        """The distinct values of one profile field (computed once)."""
        sets: dict[str, frozenset[str]] = self.__dict__.setdefault("_values", {})
        if field not in sets:
            sets[field] = frozenset(k for k, _ in getattr(self, field))
        return sets[field]

    @cached_property
    def full_names(self) -> frozenset[str]:
        """Keys of this node's names that say which one is meant (two words or more, not an acronym)."""
        return frozenset(k for k in self.values("keys") if is_full_name(k))

    @cached_property
    def acronym(self) -> bool:
        return bool(self.names) and all(is_acronym(n) for n, _ in self.names)

    def to_json(self) -> dict[str, Any]:
        """The profile as the store keeps it: each field a sorted list of [value, count]."""
        out: dict[str, Any] = {"kind": self.kind, "members": self.members}
        out.update({f: [list(kv) for kv in getattr(self, f)] for f in _FIELDS})
        return out

    @classmethod
    def from_json(cls, key: str, data: Mapping[str, Any]) -> Node:
        return cls(key=key, kind=data["kind"], members=int(data["members"]),
                   **{f: tuple((k, v) for k, v in data.get(f, ())) for f in _FIELDS})

    def dumps(self) -> str:
        """The profile as JSON text (what the store keeps)."""
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    @lru_cache(maxsize=settings().caches.node_profiles)
    def loads(key: str, text: str) -> Node:
        """A node from its stored profile; the same text is parsed once per process (blocks are read often)."""
        return Node.from_json(key, json.loads(text))


FAMILY = {"PER": "per", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "fac", "WEA": "wea", "VEH": "veh"}


def family(node: Node) -> str:
    """What a node is compared as: per, org, place (countries and gazetteer places too), fac, wea, veh."""
    return "place" if node.kind in ("country", "geo") else FAMILY.get(node.type, node.type.lower())


def add_members(node: Node | None, key: str, members: Iterable[Member]) -> Node:
    """``node`` (or a new node ``key``) with ``members`` added."""
    totals: dict[str, Counter[str]] = {f: Counter(dict(getattr(node, f))) if node else Counter() for f in _FIELDS}
    count = node.members if node else 0
    kind = node.kind if node else ""
    for member in members:
        count += 1
        kind = kind or member.kind
        _tally(totals, member, add=True)
    return Node(key=key, kind=kind, members=count, **{f: _counts(totals[f]) for f in _FIELDS})


def remove_members(node: Node, members: Iterable[Member]) -> Node:
    """``node`` without ``members`` (profiles are sums: taking members out is exact)."""
    totals: dict[str, Counter[str]] = {f: Counter(dict(getattr(node, f))) for f in _FIELDS}
    count = node.members
    for member in members:
        count -= 1
        _tally(totals, member, add=False)
    return Node(key=node.key, kind=node.kind, members=max(count, 0), **{f: _counts(totals[f]) for f in _FIELDS})


def _tally(totals: dict[str, Counter[str]], member: Member, *, add: bool) -> None:
    """``totals`` with ``member``'s values added (or taken out), in place: the one place a member's counts are
    made. In place because the writer adds members to a node for every document that names it, and a Counter
    per field per member cost more than the adding."""
    step = 1 if add else -1
    totals["names"][member.name] += step
    if member.key:
        totals["keys"][member.key] += step
    for field, values in (("alias_keys", member.alias_keys), ("roles", member.role_heads),
                          ("countries", member.countries), ("affiliations", member.affiliations)):
        counter = totals[field]
        for value in values:
            counter[value] += step
    totals["types"][member.type] += step
    if member.geonames_id is not None:
        totals["geonames"][str(member.geonames_id)] += step


def node_of(member: Member, detached: Collection[tuple[str, str]] = ()) -> str:
    """The member's node: its node key, or a node of its own when an analyst split it off."""
    if (member.doc_sha, member.local_id) in detached:
        return f"{member.node}~{member.doc_sha[:12]}"
    return member.node


def build_nodes(members: Iterable[Member], detached: Collection[tuple[str, str]] = ()) -> dict[str, Node]:
    """Nodes of ``members`` keyed by node key; ``detached`` (doc hash, entity id) members get nodes of their own."""
    grouped: dict[str, list[Member]] = {}
    for member in members:
        grouped.setdefault(node_of(member, detached), []).append(member)
    return {key: add_members(None, key, group) for key, group in sorted(grouped.items())}
