"""An analyst's judgements, and how they bind the clustering (as nomenklatura's resolver does).

Three kinds, all kept in the store and applied on every (re-)resolution:

- ``same`` (``newsgraph merge A B``): the nodes ``left`` and ``right`` are one thing.
  Applied transitively: everything joined to either is joined to the other.
- ``different``: ``left`` and ``right`` are never in one cluster, nor is anything
  joined to them (a negative judgement holds between whole clusters).
- ``detach`` (``newsgraph split ENTITY --doc DOC``): one document's member leaves
  its node for a node of its own (``nodes.node_of``); ``different`` judgements
  between that node and the entity's other nodes keep it apart.

Judgements name nodes by key (content-derived, so they survive re-ingestion and
re-resolution) and detached members by document hash, entity id and name (the name
finds the member again if a new extraction renumbered its entities).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsgraph.resolve.members import Member

SAME, DIFFERENT, DETACH = "same", "different", "detach"
KINDS = (SAME, DIFFERENT, DETACH)


@dataclass(frozen=True)
class Judgement:
    kind: str  # one of KINDS
    left: str  # node key (for detach: the member's node when it was detached)
    right: str = ""  # node key (same, different)
    doc_sha: str = ""  # detach: the member's document, entity id and name
    local_id: str = ""
    name: str = ""
    author: str | None = None
    note: str | None = None
    created_at: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Applied:
    """Judgements as the clustering takes them: node pairs, and the members that have a node of their own."""

    same: tuple[tuple[str, str], ...] = ()
    different: tuple[tuple[str, str], ...] = ()
    detached: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # (doc_sha, local_id)


def locate(judgement: Judgement, members: Iterable[Member]) -> Member | None:
    """The member a detach judgement names: same document and entity id with that name, else that name."""
    in_doc = [m for m in members if m.doc_sha == judgement.doc_sha]
    exact = next((m for m in in_doc if m.local_id == judgement.local_id and m.name == judgement.name), None)
    return exact or next((m for m in in_doc if m.name == judgement.name), None)


def apply(judgements: Iterable[Judgement], members: Iterable[Member]) -> Applied:
    """Turn judgements into what ``cluster_block`` takes; judgements naming nothing that exists are ignored."""
    members = list(members)
    same: list[tuple[str, str]] = []
    different: list[tuple[str, str]] = []
    detached: set[tuple[str, str]] = set()
    for judgement in judgements:
        if judgement.kind == SAME:
            same.append((judgement.left, judgement.right))
        elif judgement.kind == DIFFERENT:
            different.append((judgement.left, judgement.right))
        elif (member := locate(judgement, members)) is not None:
            detached.add((member.doc_sha, member.local_id))
    pairs = {tuple(sorted(p)) for p in different}
    return Applied(same=tuple(sorted({(min(a, b), max(a, b)) for a, b in same})),
                   different=tuple(sorted((a, b) for a, b in pairs)), detached=frozenset(detached))
