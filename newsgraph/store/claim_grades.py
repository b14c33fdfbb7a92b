"""Each claim's links and grades, stored when the claim layer changes, so a question reads them (one indexed
query) instead of grading its claims per query.

A stored assessment is exactly what ``claim_assessments.computed_trust`` gives for the claim at the time, and
is worked out again whenever something it was worked out from changes:

- the claim links of some documents are recomputed (``corpus_claims.refresh``: at ingest, after a merge or a
  split, at ``resolve --all``): their claims, the claims linked to them before and after, and the other claims
  of their documents (in-document disputes) are regraded (``regrade_documents``);
- an analyst grades a source (``source grade``): the claims that tried that name for their source, and the
  claims they contradict or corroborate (a better-graded contradiction lowers credibility), are regraded
  (``regrade_source``);
- a corpus entity's name changes (its members' most common name, as documents join): the claims that read
  that name for their speaker or relay, and their partners, are regraded (part of ``regrade_documents``).

Every row carries a stamp of the rules and the sources file it was graded under; a row whose stamp is not the
current one is not used (the reader grades that claim itself), so a changed ``$NEWSGRAPH_SOURCES`` file or new
rules never show stale grades.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, tuple_

from newsgraph.resolve.claim_corpus import ClaimTrust
from newsgraph.resolve.claim_trust import Trust
from newsgraph.resolve.claims import ClaimView
from newsgraph.store import schema
from newsgraph.store.bulk import among, execute, insert_rows
from newsgraph.store.corpus_sync import chunks
from newsgraph.vocab.sources import Sources, fold, load_sources

_STAMPS: dict[int, tuple[Sources, str]] = {}
# the statements of every ingest, built once (``among``: the IN list is given at execution)
_g, _i, _x, _c = (schema.corpus_claim_grades, schema.corpus_claim_grade_inputs, schema.corpus_claim_links,
                  schema.corpus_claims)
_m, _n = schema.corpus_members, schema.corpus_nodes
_DROP_GRADES, _DROP_INPUTS = delete(_g).where(among(_g.c.claim)), delete(_i).where(among(_i.c.claim))
_LINKED_B, _LINKED_A = select(_x.c.b).where(among(_x.c.a)), select(_x.c.a).where(among(_x.c.b))
_SAME_DOCUMENT = select(_c.c.claim).where(_c.c.doc_pk.in_(select(_c.c.doc_pk).where(among(_c.c.claim))
                                                          .scalar_subquery()))
_MEMBER_NODES = select(_m.c.node).distinct().where(among(_m.c.doc_pk))
_PROFILES = select(_n.c.node, _n.c.profile).where(among(_n.c.node))
# the claims graded with another name than their node's now ("now": (node, name) pairs), for these nodes: the
# comparison is in the query, which reads the inputs' primary key (kind, value, name, claim), so only the stale
# claims come back, not every claim ever graded with a node of the document (thousands for a country)
_NAMED_WITH = select(_i.c.claim).where(_i.c.kind == "node", among(_i.c.value),
                                       tuple_(_i.c.value, _i.c.name).not_in(bindparam("now", expanding=True)))


def stamp(sources: Sources | None = None) -> str:
    """The rules and sources file grades are worked out under (changes when either does)."""
    from newsgraph.store.corpus import rules_version
    sources = sources or load_sources()
    known = _STAMPS.get(id(sources))
    if known is None or known[0] is not sources:
        text = rules_version() + repr(sources.entries)
        known = (sources, hashlib.sha256(text.encode()).hexdigest()[:16])
        _STAMPS[id(sources)] = known
    return known[1]


def stored(conn: Connection, keys: Iterable[str]) -> ClaimTrust:
    """The stored assessments of these claims that are current (claims without one are left out)."""
    g = schema.corpus_claim_grades
    current = stamp()
    out: ClaimTrust = {}
    for part in chunks(keys):
        for r in conn.execute(select(g).where(g.c.claim.in_(part), g.c.stamp == current)):
            out[r.claim] = (json.loads(r.corroborated_by), json.loads(r.contradicted_by),
                            Trust(r.source, r.source_grade, r.independent_sources, r.credibility),
                            json.loads(r.independent))
    return out


def regrade(conn: Connection, keys: Iterable[str]) -> None:
    """Work out and store the assessments of these claims (claims without claim-layer rows lose theirs)."""
    from newsgraph.store.claim_assessments import graded_with_inputs
    wanted = set(keys)
    if not wanted:
        return
    sources = load_sources()
    found, views, names = graded_with_inputs(conn, wanted, sources)
    g, i = schema.corpus_claim_grades, schema.corpus_claim_grade_inputs
    for part in chunks(wanted):
        execute(conn, _DROP_GRADES, {"part": part})
        execute(conn, _DROP_INPUTS, {"part": part})
    current = stamp(sources)
    rows = [{"claim": k, "corroborated_by": json.dumps(cor), "contradicted_by": json.dumps(con),
             "independent": json.dumps(groups), "source": t.source, "source_grade": t.source_grade,
             "independent_sources": t.independent_sources, "credibility": t.credibility, "stamp": current}
            for k, (cor, con, t, groups) in sorted(found.items())]
    inputs = [row for k in sorted(found) for row in _inputs(k, views[k], names, sources)]
    insert_rows(conn, g, rows)
    insert_rows(conn, i, inputs)


def _inputs(key: str, view: ClaimView, names: Mapping[str, str], sources: Sources) -> list[dict[str, Any]]:
    """What the grade of a claim was worked out from: the names it tried for its source (folded, and the
    grades file's key of the ones it knows), and the corpus ids whose names it read (with those names)."""
    f = view.features
    nodes = [x for x in (view.speaker, *view.via) if x]
    tried = [f.speaker_text, *(names.get(x) for x in nodes), f.outlet]
    values = {fold(n) for n in tried if n} | {s.key for n in tried if n and (s := sources.find(n))}
    return ([{"kind": "source", "value": v, "name": "", "claim": key} for v in sorted(values - {""})]
            + [{"kind": "node", "value": x, "name": names.get(x) or "", "claim": key} for x in sorted(set(nodes))])


def partners(conn: Connection, keys: set[str]) -> set[str]:
    """The claims linked to these claims, and the other claims of their documents (in-document disputes)."""
    out = set(keys)
    for part in chunks(keys):
        for statement in (_LINKED_B, _LINKED_A, _SAME_DOCUMENT):
            out.update(execute(conn, statement, {"part": part}).scalars())
    return out


def linked(conn: Connection, keys: set[str]) -> set[str]:
    """These claims and the claims linked to them now.  For all the claims of some documents this is their
    ``partners``: the other claims of their documents are among them."""
    out = set(keys)
    for part in chunks(keys):
        for statement in (_LINKED_B, _LINKED_A):
            out.update(execute(conn, statement, {"part": part}).scalars())
    return out


def regrade_documents(conn: Connection, doc_pks: set[int], touched: set[str]) -> None:
    """After the links of these documents' claims were recomputed (``touched``: their claims and the claims
    linked to them before and after): regrade those, and the claims whose speaker's or relay's name changed."""
    regrade(conn, touched | renamed(conn, doc_pks))


def renamed(conn: Connection, doc_pks: set[int]) -> set[str]:
    """Claims graded with the name of a corpus entity that the entities of these documents belong to, when
    that name is no longer its name, and their partners."""
    from newsgraph.resolve.nodes import Node
    pks = sorted(doc_pks)
    nodes = {r for k in range(0, len(pks), 500)
             for r in execute(conn, _MEMBER_NODES, {"part": pks[k:k + 500]}).scalars()}
    stale: set[str] = set()
    for part in chunks(nodes):
        names = {r.node: Node.loads(r.node, r.profile).name for r in execute(conn, _PROFILES, {"part": part})}
        # one statement for the chunk's nodes (it was one per node): the claims graded with another name
        stale.update(execute(conn, _NAMED_WITH, {"part": sorted(names), "now": sorted(names.items())}).scalars())
    return partners(conn, stale) if stale else set()


def regrade_source(conn: Connection, key: str) -> None:
    """After the grade of the source ``key`` (a folded name) changed: regrade the claims that tried it for their
    source and their partners."""
    i = schema.corpus_claim_grade_inputs
    tried = set(conn.execute(select(i.c.claim).where(i.c.kind == "source", i.c.value == key)).scalars())
    regrade(conn, partners(conn, tried) if tried else set())


def regrade_all(conn: Connection) -> None:
    """Every claim's assessment again (a store made before grades were stored)."""
    regrade(conn, conn.execute(select(schema.corpus_claims.c.claim)).scalars())
