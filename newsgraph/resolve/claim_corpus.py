"""Claim links over a set of documents at once (the export outside a store, ``resolve --all``), and the claim
records with their links and grades that readers get (``CorpusClaim``).

The store keeps the same links up to date at ingest (``newsgraph.store.corpus_claims``); both compare only
claims sharing a blocking key (``claims.blocking_keys``), so they find the same links.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from newsgraph.model import Document
from newsgraph.resolve.claim_copies import band_keys, copy_pairs, signature
from newsgraph.resolve.claim_trust import Trust, claim_source, credibility, independent_groups, origin
from newsgraph.resolve.claims import CONTRADICTS, ClaimLink, ClaimView, blocking_keys, features_of, view_of
from newsgraph.resolve.claims_compare import compare
from newsgraph.vocab.sources import Sources


def document_views(doc: Document, corpus_id: Callable[[str], str | None],
                   corpus_event: Callable[[str], str | None] | None = None) -> list[ClaimView]:
    """The views of a document's claims; ``corpus_id``: local entity id -> corpus id; ``corpus_event``: local
    event id -> corpus event id."""
    countries = {e.id: f"country:{e.country.upper()}" for e in doc.entities if e.country}
    return [view_of(f, corpus_id, countries.get, corpus_event) for f in features_of(doc)]


def link_views(views: Sequence[ClaimView]) -> list[ClaimLink]:
    """Every link between views sharing a blocking key."""
    by_key: dict[str, list[int]] = {}
    for i, v in enumerate(views):
        for key in blocking_keys(v):
            by_key.setdefault(key, []).append(i)
    pairs = {(i, j) for found in by_key.values() for n, i in enumerate(found) for j in found[n + 1:]}
    return sorted((x for i, j in pairs if (x := compare(views[i], views[j]))), key=lambda x: (x.a, x.b))


def copies_of(docs: Iterable[Document]) -> set[tuple[str, str]]:
    """Pairs of document hashes (smaller first) whose texts are one story."""
    sketches = {d.text_sha256: (d.text_sha256, signature(d.text)) for d in docs}
    by_band: dict[str, list[str]] = {}
    for sha, (_, sig) in sketches.items():
        for key in band_keys(sig):
            by_band.setdefault(key, []).append(sha)
    return copy_pairs(by_band, sketches)


@dataclass(frozen=True)
class CorpusClaim:
    """A claim with its links across the corpus and how far to trust it."""

    id: str                          # doc_id/claim id
    doc_id: str
    speaker: str | None              # corpus id
    speaker_text: str | None
    stance: str
    text: str
    corroborated_by: tuple[str, ...]
    contradicted_by: tuple[str, ...]
    trust: Trust
    independent: tuple[tuple[str, ...], ...] = field(default=())  # the corroborating claims, by independent source


def trust_all(views: Mapping[str, ClaimView], links: Iterable[ClaimLink], copies: set[tuple[str, str]],
              disputes: Mapping[str, str], names: Callable[[str], str | None], sources: Sources,
              overrides: Mapping[str, str], only: Collection[str] | None = None,
              ) -> dict[str, tuple[list[str], list[str], Trust, list[list[str]]]]:
    """claim key -> (corroborated_by, contradicted_by, trust, independent groups); ``disputes``: in-document
    ``disputed_by`` links (claim key -> disputing claim key); ``only``: the claims to grade (their partners are
    read, not graded), else every one of ``views``."""
    corroborating: dict[str, set[str]] = {k: set() for k in views}
    contradicting: dict[str, set[str]] = {k: set() for k in views}
    for x in links:
        side = contradicting if x.kind == CONTRADICTS else corroborating
        side[x.a].add(x.b)
        side[x.b].add(x.a)
    for key, other in disputes.items():
        if key in views and other in views:
            contradicting[key].add(other)
            contradicting[other].add(key)

    def copied(a: str, b: str) -> bool:
        return a == b or (min(a, b), max(a, b)) in copies

    # origins and grades are worked out for the claims and partners that need them, once each
    origins: dict[str, str] = {}
    grades: dict[str, tuple[str | None, str]] = {}

    def origin_of(v: ClaimView) -> str:
        if v.key not in origins:
            origins[v.key] = origin(v, names, sources)
        return origins[v.key]

    def graded(k: str) -> tuple[str | None, str]:
        if k not in grades:
            grades[k] = claim_source(views[k], names, sources, overrides)
        return grades[k]

    out = {}
    for key, view in views.items():
        if only is not None and key not in only:
            continue
        groups = independent_groups(view, (views[k] for k in corroborating[key]), origin_of, copied)
        against = independent_groups(view, (views[k] for k in contradicting[key]), origin_of, copied)
        source, own = graded(key)
        better = any(graded(k)[1] < own for g in against for k in g)
        trust = Trust(source, own, len(groups),
                      credibility(len(groups), len(against), better, view.features.stance))
        out[key] = (sorted(corroborating[key]), sorted(contradicting[key]), trust, groups)
    return out


ClaimTrust = dict[str, tuple[list[str], list[str], Trust, list[list[str]]]]


def resolve_claims(docs: Sequence[Document], corpus_id: Callable[[str, str], str | None],
                   names: Callable[[str], str | None], overrides: Mapping[str, str] | None = None,
                   corpus_event: Callable[[str, str], str | None] | None = None) -> ClaimTrust:
    """Links and trust of every claim of ``docs`` (``corpus_id``: (doc_id, local id) -> corpus id;
    ``corpus_event``: (doc_id, local event id) -> corpus event id)."""
    from newsgraph.vocab.sources import load_sources
    views: dict[str, ClaimView] = {}
    disputes: dict[str, str] = {}
    for doc in docs:
        event = partial(corpus_event, doc.doc_id) if corpus_event else None
        for v in document_views(doc, partial(corpus_id, doc.doc_id), event):
            views[v.key] = v
        disputes.update({f"{doc.doc_id}/{c.id}": f"{doc.doc_id}/{c.disputed_by}" for c in doc.claims if c.disputed_by})
    links = link_views(list(views.values()))
    return trust_all(views, links, copies_of(docs), disputes, names, load_sources(), overrides or {})
