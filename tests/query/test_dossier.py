"""The dossier: what we know about an entity, who says so, who disputes it (on both store backends)."""

from __future__ import annotations

import pytest

from newsgraph.query import AmbiguousName, UnknownName, dossier, find
from newsgraph.store import Store


def test_a_person_quoted_in_two_documents_has_the_claims_of_both_with_their_evidence(asked: Store) -> None:
    d = dossier(asked, "Laurent Fabius")
    by_doc = {c.doc_id for c in d.claims_by}
    assert {"fakes-0495", "written-fabius"} <= by_doc
    for claim in d.claims_by:
        start, end, sentence = claim.evidence
        assert claim.speaker is not None and claim.speaker.id == d.entity.id
        assert sentence and end > start
        assert claim.text.strip(" .\"") in sentence or claim.text[:30] in sentence
    written = [c for c in d.claims_by if c.doc_id == "written-fabius"]
    assert any("months of delay" in c.evidence[2] or "must vote" in c.evidence[2] for c in written)
    assert d.claims_by_total >= len(d.claims_by)


def test_the_dossier_gives_names_roles_with_documents_and_events_in_date_order(asked: Store) -> None:
    d = dossier(asked, "Laurent Fabius")
    assert d.entity.names[0][0] == d.entity.name
    assert "Fabius" in {name for name, _ in d.entity.names}
    assert any("Foreign Minister" in role and "fakes-0495" in docs for role, docs in d.entity.roles)
    syria = dossier(asked, "Syria")
    assert syria.entity.type == "GPE" and syria.entity.country == "SY" and syria.entity.lat is not None
    dated = [e.date for e in syria.events if e.date]
    assert dated and dated == sorted(dated)
    assert all(e.reports >= e.documents >= 1 for e in syria.events)
    assert any(r.shared_events or r.relation_count for r in syria.related)


def test_an_alias_finds_the_entity_and_accents_and_case_are_folded(asked: Store) -> None:
    fabius = dossier(asked, "Laurent Fabius").entity.id
    assert dossier(asked, "LAURENT FABIUS").entity.id == fabius
    assert dossier(asked, fabius).entity.id == fabius
    assert [m.id for m in find(asked, "laurent fabiús")] == [fabius]


def test_an_unknown_name_suggests_the_closest(asked: Store) -> None:
    with pytest.raises(UnknownName) as caught:
        dossier(asked, "Laurent Fabios")
    assert "no entity named 'Laurent Fabios'" in str(caught.value)
    assert "laurent fabius" in caught.value.closest


def test_a_name_of_several_entities_lists_them(asked: Store) -> None:
    # a name two corpus entities share: find one in the store rather than assume it
    from sqlalchemy import func, select

    from newsgraph.store import schema
    m, n, en = schema.corpus_members, schema.corpus_nodes, schema.entity_names
    with asked.engine.connect() as conn:
        shared = conn.execute(select(en.c.folded).join(m, (m.c.doc_pk == en.c.doc_pk) & (m.c.local_id == en.c.local_id))
                              .join(n, n.c.node == m.c.node).group_by(en.c.folded)
                              .having(func.count(func.distinct(n.c.corpus_id)) > 1).order_by(en.c.folded)).scalar()
    assert shared is not None, "the store has no name shared by two corpus entities"
    with pytest.raises(AmbiguousName) as caught:
        dossier(asked, shared)
    assert len(caught.value.matches) > 1
    assert "pass one of their ids" in str(caught.value)
    assert len({m.id for m in caught.value.matches}) == len(caught.value.matches)


def test_the_dossier_json_carries_its_fields(asked: Store) -> None:
    import json

    data = json.loads(json.dumps(dossier(asked, "Laurent Fabius").to_dict()))
    assert set(data) >= {"entity", "claims_by", "claims_about", "disputes", "related", "events"}
    claim = data["claims_by"]["claims"][0]
    assert set(claim) >= {"speaker", "via", "stance", "credibility", "source_grade", "evidence", "corroborated_by",
                          "contradicted_by"}


def test_corroborating_and_contradicting_claims_come_with_their_records(asked: Store) -> None:
    # corpus-ghouta.json: Syria's denial (fakes-0482) against Moshe Yaalon's accusation (fakes-0516)
    from newsgraph.query import claims

    denial = next(c for c in claims(asked, contradicted=True, limit=1000)
                  if c.doc_id == "fakes-0482" and c.cue == "denied" and "using chemical" in c.text)
    holder = denial.speaker or denial.about[0]  # its speaker, or what it is about: a dossier that lists it
    d = dossier(asked, holder.id, limit=1000, linked=1000)
    row = next(r for r in d.disputes if r[0].id == denial.id)
    linked = {c.id: c for c in d.linked}
    shown = {c.id for c in (*d.claims_by, *d.claims_about)}
    records = {**linked, **{c.id: c for c in (*d.claims_by, *d.claims_about)}}
    against = [records[x] for x in row[2]]  # every contradicting claim has its record, to show beside
    assert {c.id for c in against} == set(row[2])
    assert all(denial.id in c.contradicted_by for c in against if c.id in denial.contradicted_by)
    accusation = next(c for c in against if "Syria had used chemical weapons" in c.text)
    assert accusation.doc_id == "fakes-0516"
    assert accusation.credibility and accusation.credibility[0] == accusation.source_grade
    assert not shown & set(linked), "linked holds only claims the dossier does not list already"
    assert d.to_dict()["linked"] == [c.to_dict() for c in d.linked]
    bounded = dossier(asked, holder.id, limit=1000)  # by default, the best of each kind per claim
    few = {c.id for c in bounded.linked}
    assert few and few <= set(linked)
    listed = (*bounded.claims_by, *bounded.claims_about)
    assert len(few) <= 3 * len(listed)  # one corroborating, one contradicting, one disputing per claim at most
    assert all({*c.corroborated_by, *c.contradicted_by} & (few | shown) for c in listed
               if c.corroborated_by or c.contradicted_by)
