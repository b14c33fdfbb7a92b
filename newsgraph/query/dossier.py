"""The dossier of a corpus entity: what we know about it, who says so, who disputes it, what it took part in.

    >>> from newsgraph.query import dossier
    >>> d = dossier(store, "Laurent Fabius")           # a name, an alias or a corpus id
    >>> d.entity.name, d.entity.type, d.entity.names   # ('Laurent Fabius', 'PER', (('Laurent Fabius', 3), ...))
    >>> [c.evidence[2] for c in d.claims_by]           # the sentences that report what he says
    >>> d.to_dict()                                    # JSON for scripts and the web

A name that means several corpus entities raises ``names.AmbiguousName``, none ``names.UnknownName``.

Bounded work, whatever the corpus size: names, types and countries come from the entity's node profiles
(counted over every member); claims by and about it are the latest ``limit`` (newest documents first) with
totals counted up to ``count_cap``; roles with their documents, related entities and events are read from
its latest ``sample`` documents (``DossierEntity.sampled`` says how many that was, out of ``documents``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from newsgraph.query.claims import (
    ClaimRecord,
    Named,
    assessed,
    count_capped,
    entity_claim_keys,
    linked_ids,
    load_claims,
    records_by_id,
)
from newsgraph.query.common import floors, member_rows, names, nodes_of, type_of
from newsgraph.query.dates import date_key, precision
from newsgraph.query.names import resolve_in
from newsgraph.resolve.nodes import Node
from newsgraph.store import schema

if TYPE_CHECKING:
    from newsgraph.store import Store

__all__ = ["Dossier", "DossierEntity", "DossierEvent", "Related", "dossier"]


@dataclass(frozen=True)
class DossierEntity:
    id: str
    name: str
    type: str
    names: tuple[tuple[str, int], ...]   # name or alias, and how many of its document entities give it
    roles: tuple[tuple[str, tuple[str, ...]], ...]  # role as written, and the doc ids (of the sample) giving it
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    documents: int                       # document entities resolved to it (about one per document)
    mentions: int                        # mentions in the sampled documents
    sampled: int                         # documents read for roles, related entities and events

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type,
                "names": [{"name": n, "documents": k} for n, k in self.names],
                "roles": [{"role": r, "documents": list(d)} for r, d in self.roles], "country": self.country,
                "lat": self.lat, "lon": self.lon, "geonames_id": self.geonames_id, "documents": self.documents,
                "mentions": self.mentions, "sampled": self.sampled}


@dataclass(frozen=True)
class Related:
    entity: Named
    type: str
    relations: tuple[str, ...]  # predicates linking the two ("member_of", ...)
    relation_count: int
    shared_events: int          # corpus events both take part in (as participant or place)

    def to_dict(self) -> dict[str, Any]:
        return {**self.entity.to_dict(), "type": self.type, "relations": list(self.relations),
                "relation_count": self.relation_count, "shared_events": self.shared_events}


@dataclass(frozen=True)
class DossierEvent:
    id: str                      # corpus event id
    type: str
    date: str | None             # as the reports write it (2013-08 is a month)
    precision: str | None        # "year", "month", "day"
    trigger: str
    place: Named | None
    reports: int
    documents: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "date": self.date, "precision": self.precision,
                "trigger": self.trigger, "place": self.place.to_dict() if self.place else None,
                "reports": self.reports, "documents": self.documents}


@dataclass(frozen=True)
class Dossier:
    entity: DossierEntity
    claims_by: tuple[ClaimRecord, ...]
    claims_about: tuple[ClaimRecord, ...]
    claims_by_total: int         # counted up to count_cap; count_cap + 1 means "more than count_cap"
    claims_about_total: int
    related: tuple[Related, ...]
    events: tuple[DossierEvent, ...]  # in date order
    count_cap: int = field(default=100)
    linked: tuple[ClaimRecord, ...] = ()  # records of claims ``disputes`` names (a few per claim: ``dossier``)

    @property
    def disputes(self) -> tuple[tuple[ClaimRecord, tuple[str, ...], tuple[str, ...]], ...]:
        """Each claim by or about it that others corroborate or contradict: (claim, corroborating ids,
        contradicting ids); inside one document through ``disputed_by``, across documents through the corpus
        claim links (``corroborated_by``, ``contradicted_by``).  ``linked`` holds the records of those ids."""
        out = []
        for claim in (*self.claims_by, *self.claims_about):
            against = tuple(dict.fromkeys((*((claim.disputed_by,) if claim.disputed_by else ()),
                                           *claim.contradicted_by)))
            if claim.corroborated_by or against:
                out.append((claim, claim.corroborated_by, against))
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity.to_dict(),
                "claims_by": {"total": self.claims_by_total, "claims": [c.to_dict() for c in self.claims_by]},
                "claims_about": {"total": self.claims_about_total,
                                 "claims": [c.to_dict() for c in self.claims_about]},
                "disputes": [{"claim": c.id, "corroborated_by": list(f), "contradicted_by": list(a)}
                             for c, f, a in self.disputes],
                "linked": [c.to_dict() for c in self.linked],
                "related": [r.to_dict() for r in self.related], "events": [e.to_dict() for e in self.events],
                "count_cap": self.count_cap}


def dossier(store: Store, entity: str, limit: int = 20, sample: int = 100, count_cap: int = 100,
            linked: int = 1) -> Dossier:
    """The dossier of ``entity`` (a corpus id, a name or an alias); lists hold at most ``limit`` items, roles,
    related entities and events come from its ``sample`` latest documents, totals are counted to ``count_cap``;
    ``linked``: the records of that many corroborating and contradicting claims per claim (best scored)."""
    with store.engine.connect() as conn:
        corpus_id = resolve_in(conn, entity)
        nodes = nodes_of(conn, corpus_id)
        latest = floors(conn, [n.key for n in nodes], sample)
        by = load_claims(conn, entity_claim_keys(conn, corpus_id, "by", limit), assess=False)
        about = load_claims(conn, entity_claim_keys(conn, corpus_id, "about", limit), assess=False)
        own = {c.id for c in (*by, *about)}
        # the claims the layer links to these, a few of each kind per claim, graded in the same call as them
        # (the grading reads each claim's links and partners: one call shares what the lists have in common)
        disputing = {c.disputed_by for c in (*by, *about) if c.disputed_by}
        partners = records_by_id(conn, sorted({*linked_ids(conn, own, linked), *disputing} - own), assess=False)
        graded = {c.id: c for c in assessed(conn, [*by, *about, *partners])}
        by, about = [graded[c.id] for c in by], [graded[c.id] for c in about]
        named = {x for c in (*by, *about) for x in (*c.corroborated_by, *c.contradicted_by)} | disputing
        linked_records = [graded[c.id] for c in partners if c.id in named]
        shared, events = _events(conn, corpus_id, latest, limit)
        return Dossier(
            entity=_entity(conn, corpus_id, nodes, latest),
            claims_by=tuple(sorted(by, key=lambda c: (date_key(c.published), c.id))),
            claims_about=tuple(sorted(about, key=lambda c: (date_key(c.published), c.id))),
            claims_by_total=count_capped(conn, corpus_id, "by", count_cap),
            claims_about_total=count_capped(conn, corpus_id, "about", count_cap),
            related=_related(conn, corpus_id, latest, shared, limit), events=events, count_cap=count_cap,
            linked=tuple(sorted(linked_records, key=lambda c: c.id)))


def _top(counter: Counter[Any]) -> Any:
    """The most frequent value; the smallest among ties (never the order rows came in)."""
    return min(counter, key=lambda v: (-counter[v], v)) if counter else None


@dataclass
class _Sampled:
    roles: dict[str, set[str]] = field(default_factory=dict)
    aliases: Counter[str] = field(default_factory=Counter)
    points: Counter[tuple[float, float, int]] = field(default_factory=Counter)
    mentions: int = 0
    documents: int = 0


def _sampled(conn: Connection, latest: Mapping[str, int]) -> _Sampled:
    """Roles (with their documents), aliases, points and mentions of the sampled document entities."""
    e, men, d, m = schema.entities, schema.mentions, schema.documents, schema.corpus_members
    out = _Sampled()
    docs = set()
    for r in member_rows(conn, latest, e.join(d, d.c.pk == e.c.doc_pk),
                     [d.c.doc_id, e.c.roles, e.c.aliases, e.c.lat, e.c.lon, e.c.geonames_id],
                     on=(e.c.doc_pk == m.c.doc_pk) & (e.c.local_id == m.c.local_id)):
        docs.add(r.doc_id)
        for role in r.roles:
            out.roles.setdefault(role, set()).add(r.doc_id)
        out.aliases.update(r.aliases)
        if r.lat is not None and r.lon is not None:
            out.points[(r.lat, r.lon, r.geonames_id or 0)] += 1
    for node, floor in latest.items():
        out.mentions += int(conn.execute(
            select(func.count()).select_from(m)
            .join(men, (men.c.doc_pk == m.c.doc_pk) & (men.c.entity_id == m.c.local_id))
            .where(m.c.node == node, m.c.doc_pk >= floor)).scalar_one())
    out.documents = len(docs)
    return out


def _entity(conn: Connection, corpus_id: str, nodes: Sequence[Node], latest: Mapping[str, int]) -> DossierEntity:
    counted: Counter[str] = Counter()
    types: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for node in nodes:
        counted.update(dict(node.names))
        types.update({t: k * (2 if node.key == corpus_id else 1) for t, k in node.types})
        countries.update(dict(node.countries))
    sampled = _sampled(conn, latest)
    for alias, k in sampled.aliases.items():  # aliases a document gives beside the name (not in the profiles)
        counted[alias] = max(counted[alias], k)
    own = next((n for n in nodes if n.key == corpus_id), nodes[0] if nodes else None)
    name = own.name if own else corpus_id
    point = _top(sampled.points)
    return DossierEntity(
        id=corpus_id, name=name, type=_top(types) or "",
        names=tuple(sorted(counted.items(), key=lambda kv: (kv[0] != name, -kv[1], kv[0]))),
        roles=tuple(sorted(((r, tuple(sorted(d))) for r, d in sampled.roles.items()),
                           key=lambda x: (-len(x[1]), x[0]))),
        country=_top(countries), lat=point[0] if point else None, lon=point[1] if point else None,
        geonames_id=(point[2] or None) if point else None, documents=sum(n.members for n in nodes),
        mentions=sampled.mentions, sampled=sampled.documents)


def _events(conn: Connection, corpus_id: str, latest: Mapping[str, int],
            limit: int) -> tuple[Counter[str], tuple[DossierEvent, ...]]:
    """(corpus id -> corpus events shared with the entity, the entity's events in date order)."""
    refs, rep = schema.corpus_report_refs, schema.corpus_reports
    m = schema.corpus_members
    shared: dict[str, set[str]] = {}
    mine: Counter[str] = Counter()
    sampled: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    rows = member_rows(conn, latest, refs.join(rep, rep.c.report == refs.c.report),
                       [rep.c.report, rep.c.corpus_event, rep.c.view],
                       on=(refs.c.doc_pk == m.c.doc_pk) & (refs.c.local_id == m.c.local_id))
    for r in rows:  # the entity's own reports: its events, and who else takes part in them
        view = json.loads(r.view)
        mine[r.corpus_event] += 1
        sampled.setdefault(r.corpus_event, []).append((r.report, view))
        for other in {*view["participants"], *([view["place"]] if view["place"] else [])} - {corpus_id}:
            shared.setdefault(other, set()).add(r.corpus_event)
    chosen = sorted(mine, key=lambda ev: (-mine[ev], ev))[:limit]
    read = {key: view for ev in chosen for key, view in sampled[ev][:8]}  # enough to read type, date, place
    features = {r.report: json.loads(r.features) for r in conn.execute(
        select(rep.c.report, rep.c.features).where(rep.c.report.in_(sorted(read))))} if read else {}
    views = {ev: [(features[key], view) for key, view in sampled[ev][:8] if key in features] for ev in chosen}
    counts = {r.corpus_event: (int(r.n), int(r.docs)) for r in conn.execute(
        select(rep.c.corpus_event, func.count().label("n"), func.count(func.distinct(rep.c.doc_pk)).label("docs"))
        .where(rep.c.corpus_event.in_(chosen)).group_by(rep.c.corpus_event))}
    label = names(conn, {v["place"] for found in views.values() for _, v in found if v["place"]})
    out = [_event(ev, views.get(ev, []), counts[ev], label) for ev in chosen]
    return (Counter({k: len(v) for k, v in shared.items()}),
            tuple(sorted(out, key=lambda x: (date_key(x.date), x.id))))


def _event(corpus_event: str, views: Sequence[tuple[dict[str, Any], dict[str, Any]]], count: tuple[int, int],
           label: dict[str, str]) -> DossierEvent:
    types = Counter(f.get("type", "") for f, _ in views)
    dates = Counter(v["date"] for _, v in views if v["date"])
    places = Counter(v["place"] for _, v in views if v["place"])
    triggers = Counter(f.get("trigger", "") for f, _ in views)
    # the date most reports give; among ties the most precise, then the earliest
    date = min(dates, key=lambda d: (-dates[d], -len(d), d)) if dates else None
    place = min(places, key=lambda p: (p.startswith("country:"), -places[p], p)) if places else None
    return DossierEvent(id=corpus_event, type=min(types, key=lambda t: (-types[t], t)) if types else "",
                        date=date, precision=precision(date),
                        trigger=min(triggers, key=lambda t: (-triggers[t], t)) if triggers else "",
                        place=Named(place, label.get(place, place)) if place else None,
                        reports=count[0], documents=count[1])


def _related(conn: Connection, corpus_id: str, latest: Mapping[str, int], shared: Counter[str],
             limit: int) -> tuple[Related, ...]:
    from newsgraph.query.common import corpus_ids

    rel, m = schema.relations, schema.corpus_members
    predicates: dict[str, Counter[str]] = {}
    pairs: list[tuple[int, str, str]] = []
    for r in member_rows(conn, latest, rel, [rel.c.subject, rel.c.object, rel.c.predicate],
                     on=(rel.c.doc_pk == m.c.doc_pk)
                     & ((rel.c.subject == m.c.local_id) | (rel.c.object == m.c.local_id))):
        pairs.append((r.member_doc, r.object if r.subject == r.member else r.subject, r.predicate))
    ids = corpus_ids(conn, {(pk, other) for pk, other, _ in pairs})
    for pk, other, predicate in pairs:
        cid = ids.get((pk, other))
        if cid and cid != corpus_id:
            predicates.setdefault(cid, Counter())[predicate] += 1
    scored = {cid: (sum(predicates.get(cid, Counter()).values()), shared.get(cid, 0))
              for cid in {*predicates, *shared}}
    chosen = sorted(scored, key=lambda c: (-scored[c][0] - scored[c][1], c))[:limit]
    label = names(conn, chosen)
    n = schema.corpus_nodes
    types = {r.node: r.type for r in conn.execute(select(n.c.node, n.c.type).where(n.c.node.in_(chosen)))}
    return tuple(Related(entity=Named(c, label[c]), type=types.get(c) or type_of(c),
                         relations=tuple(sorted(predicates.get(c, Counter()))),
                         relation_count=scored[c][0], shared_events=scored[c][1]) for c in chosen)

