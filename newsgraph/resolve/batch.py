"""Resolution of a set of members in memory: what the store's incremental resolution must always equal.

Blocks are the connected components of "shares a blocking key" (and of an analyst's
"same" judgements); each block is clustered on its own (``cluster.cluster_block``).
The store keeps the same blocks up to date one document at a time, so a store and
``resolve_documents`` over the same documents give the same corpus ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain

from newsgraph.model import Document
from newsgraph.resolve.cluster import Candidate, candidate_order, cluster_block
from newsgraph.resolve.components import connected
from newsgraph.resolve.judgements import Applied
from newsgraph.resolve.links import blocking_keys
from newsgraph.resolve.members import Member, members_of
from newsgraph.resolve.nodes import Node, build_nodes, node_of

MemberKey = tuple[str, str]  # (doc_id, local entity id)


@dataclass(frozen=True)
class Resolution:
    """Every member's node and corpus id, keyed by (doc_id, local id), and the candidate pairs."""

    ids: Mapping[MemberKey, str]
    nodes: Mapping[MemberKey, str]
    candidates: tuple[Candidate, ...] = ()
    members: tuple[Member, ...] = field(default=(), repr=False)


def components(nodes: Mapping[str, Node], joined: Iterable[tuple[str, str]] = ()) -> list[list[str]]:
    """Blocks: node keys connected by shared blocking keys or ``joined`` pairs, each sorted."""
    return connected(nodes, chain(_sharing_keys(nodes), joined))


def _sharing_keys(nodes: Mapping[str, Node]) -> Iterator[tuple[str, str]]:
    """Each node paired with the first node (in key order) of each of its blocking keys."""
    first: dict[str, str] = {}
    for key in sorted(nodes):
        for bkey in blocking_keys(nodes[key]):
            yield key, first.setdefault(bkey, key)


def resolve_members(members: Iterable[Member], judged: Applied | None = None) -> Resolution:
    """Resolve members under an analyst's judgements (already turned into node pairs and detachments)."""
    members = tuple(members)
    judged = judged or Applied()
    nodes = build_nodes(members, judged.detached)
    node_ids: dict[str, str] = {}
    candidates: list[Candidate] = []
    for block in components(nodes, judged.same):
        inside = set(block)
        result = cluster_block({k: nodes[k] for k in block}, [p for p in judged.same if p[0] in inside],
                               [p for p in judged.different if p[0] in inside])
        node_ids.update(result.ids)
        candidates.extend(result.candidates)
    where = {(m.doc_id, m.local_id): node_of(m, judged.detached) for m in members}
    return Resolution(ids={k: node_ids[n] for k, n in where.items()}, nodes=where,
                      candidates=tuple(sorted(candidates, key=candidate_order)),
                      members=members)


def resolve_documents(documents: Iterable[Document]) -> Resolution:
    """Corpus ids for the entities of ``documents`` (no analyst judgements: the store keeps those)."""
    seen: set[str] = set()
    members: list[Member] = []
    for doc in documents:
        if doc.text_sha256 not in seen:  # the same text twice is one document
            seen.add(doc.text_sha256)
            members.extend(members_of(doc))
    return resolve_members(members)
