"""Connected components of keys joined by pairs: the blocks both entity and event resolution cluster one by one."""

from __future__ import annotations

from collections.abc import Iterable


def connected(keys: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The keys in groups joined by ``pairs`` (a pair naming a key outside ``keys`` is passed over): each group
    sorted, the groups ordered by their first key, so any order of keys and pairs gives the same blocks."""
    parent = {k: k for k in keys}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]  # path halving: chains stay short on large blocks
            key = parent[key]
        return key

    for a, b in pairs:
        if a in parent and b in parent:
            low, high = sorted((find(a), find(b)))
            parent[high] = low  # a group's root is its smallest key
    groups: dict[str, list[str]] = {}
    for key in sorted(parent):
        groups.setdefault(find(key), []).append(key)
    return [groups[k] for k in sorted(groups)]
