"""How far to trust some stored claims, read for them alone: what the exports and the questions show per
document or per claim (``newsgraph.export.stream.assessments``, ``newsgraph.query.claims``).

``Corpus.claim_trust`` grades every claim at once; this reads only the links of the claims asked for, the
views of the claims they link to, and the near-duplicate pairs among those claims' documents, so a per-document
reader does not scan the store.  Both give the same grades: ``trust_all`` sees, for each claim asked for, its
links, its partners and their copies, which is all it reads of a claim.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, select

from newsgraph.resolve.claim_copies import copy_pairs
from newsgraph.resolve.claim_corpus import ClaimTrust, trust_all
from newsgraph.resolve.claims import ClaimLink, ClaimView
from newsgraph.store import schema
from newsgraph.store.bulk import among, execute
from newsgraph.store.corpus_claims import load_views, overrides
from newsgraph.store.corpus_sync import chunks
from newsgraph.vocab.sources import Sources

# the statements of every ingest's regrading, built once (``among``: the IN list is given at execution)
_x, _c, _n = schema.corpus_claim_links, schema.corpus_claims, schema.corpus_nodes
_s, _b, _claims, _d = schema.corpus_doc_sketches, schema.corpus_doc_bands, schema.claims, schema.documents
_LINKS_BY = (select(_x).where(among(_x.c.a)), select(_x).where(among(_x.c.b)))
_DOC_PKS = select(_c.c.doc_pk).where(among(_c.c.claim))
_PROFILES = select(_n.c.node, _n.c.profile).where(among(_n.c.node))
_BANDS = select(_b.c.key, _b.c.doc_pk).where(among(_b.c.doc_pk))
_SKETCHES = select(_s).where(among(_s.c.doc_pk))
_DISPUTES = (select(_d.c.doc_id, _claims.c.local_id, _claims.c.disputed_by).join(_d, _d.c.pk == _claims.c.doc_pk)
             .where(_claims.c.disputed_by.is_not(None), among(_claims.c.doc_pk)))


def trust_of(conn: Connection, keys: Iterable[str]) -> ClaimTrust:
    """claim key ("doc_id/c1") -> (corroborated_by, contradicted_by, trust, independent groups), for the keys
    the store has claim rows of (a document whose text is stored twice has them once): the stored assessments
    (``claim_grades``), and for claims without a current one (a store from before they were stored), worked
    out here."""
    from newsgraph.store.claim_grades import stored
    wanted = set(keys)
    found = stored(conn, wanted)
    missing = wanted - set(found)
    return found | computed_trust(conn, missing) if missing else found


def computed_trust(conn: Connection, keys: Iterable[str]) -> ClaimTrust:
    """``trust_of`` worked out from the claim layer's rows, not read from the stored assessments."""
    from newsgraph.vocab.sources import load_sources
    return graded_with_inputs(conn, set(keys), load_sources())[0]


def graded_with_inputs(conn: Connection, wanted: set[str], sources: Sources
                       ) -> tuple[ClaimTrust, dict[str, ClaimView], dict[str, str]]:
    """The assessments of these claims, with the views and the names of speakers and relays they were worked
    out from."""
    from newsgraph.resolve.nodes import Node
    links = _links(conn, wanted)
    disputes = _disputes(conn, _doc_pks(conn, wanted))
    involved = (wanted | {k for x in links for k in (x.a, x.b)} | {disputes[k] for k in wanted if k in disputes}
                | {k for k, other in disputes.items() if other in wanted})  # a dispute contradicts both ways
    views = load_views(conn, involved)
    if not wanted & set(views):
        return {}, views, {}
    pks = _doc_pks(conn, views)
    speakers = {v.speaker for v in views.values() if v.speaker} | {x for v in views.values() for x in v.via}
    names = {r.node: Node.loads(r.node, r.profile).name for part in chunks(speakers)
             for r in execute(conn, _PROFILES, {"part": part})}
    found = trust_all(views, links, _copies(conn, pks), disputes, names.get, sources, overrides(conn), only=wanted)
    return {k: v for k, v in found.items() if k in wanted}, views, names


def _links(conn: Connection, keys: set[str]) -> list[ClaimLink]:
    found: dict[tuple[str, str], ClaimLink] = {}
    for part in chunks(keys):
        for statement in _LINKS_BY:
            for r in execute(conn, statement, {"part": part}):
                found[(r.a, r.b)] = ClaimLink(r.a, r.b, r.kind, r.score, tuple(json.loads(r.evidence)))
    return [found[k] for k in sorted(found)]


def _doc_pks(conn: Connection, keys: Iterable[str]) -> set[int]:
    return {pk for part in chunks(keys) for pk in execute(conn, _DOC_PKS, {"part": part}).scalars()}


def _copies(conn: Connection, pks: set[int]) -> set[tuple[str, str]]:
    """Pairs of document hashes (smaller first) among these documents that carry one story."""
    by_band: dict[str, list[int]] = {}
    sigs: dict[int, tuple[str, list[int]]] = {}
    for part in _parts(pks):
        for r in execute(conn, _BANDS, {"part": part}):
            by_band.setdefault(r.key, []).append(r.doc_pk)
        sigs.update({r.doc_pk: (r.text_sha256, json.loads(r.signature))
                     for r in execute(conn, _SKETCHES, {"part": part})})
    return copy_pairs(by_band, sigs)


def _disputes(conn: Connection, pks: set[int]) -> dict[str, str]:
    """In-document ``disputed_by`` links of these documents: claim key -> disputing claim key."""
    out = {}
    for part in _parts(pks):
        out.update({f"{r.doc_id}/{r.local_id}": f"{r.doc_id}/{r.disputed_by}"
                    for r in execute(conn, _DISPUTES, {"part": part})})
    return out


def _parts(pks: set[int], size: int = 500) -> list[list[int]]:
    ordered = sorted(pks)
    return [ordered[i:i + size] for i in range(0, len(ordered), size)]
