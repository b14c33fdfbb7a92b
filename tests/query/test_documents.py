"""A document as a reader sees it: segments that join to the text, highlights at the claims' offsets,
corpus ids of its entities and the grades of its claims (on both store backends)."""

from __future__ import annotations

import re

import pytest

from newsgraph.query import claims, document_view
from newsgraph.store import Store


def test_the_segments_join_to_the_text_and_cover_each_claims_evidence_exactly(asked: Store) -> None:
    view = document_view(asked, "fakes-0495")
    text = view.document.text
    assert "".join(s.text for s in view.segments) == text
    assert all(text[s.start:s.end] == s.text for s in view.segments)
    assert view.document.claims
    for claim in view.document.claims:
        covered = [s for s in view.segments if claim.id in s.claims]
        assert (covered[0].start, covered[-1].end) == (claim.evidence.start, claim.evidence.end)


def test_mentions_carry_their_corpus_entity_and_its_name(asked: Store) -> None:
    view = document_view(asked, "fakes-0495")
    fabius = next(e for e in view.document.entities if e.name == "Laurent Fabius")
    corpus_id = view.corpus[fabius.id]
    assert corpus_id.startswith("per:") and view.labels[corpus_id] == "Laurent Fabius"
    assert any(s.entity == fabius.id and s.text in ("Laurent Fabius", "Fabius") for s in view.segments)


def test_each_claim_has_its_record_with_the_source_grade_and_credibility(asked: Store) -> None:
    # corpus-ghouta.json: Syria's denial in fakes-0482, contradicted by the accusation in fakes-0516
    view = document_view(asked, "fakes-0482")
    assert set(view.claims) == {c.id for c in view.document.claims}
    denial = next(r for r in view.claims.values() if r.cue == "denied" and "using chemical" in r.text)
    assert denial.credibility and re.fullmatch(r"[A-F][1-6]", denial.credibility)
    assert denial.credibility[0] == denial.source_grade
    assert any(x.startswith("fakes-0516/") for x in denial.contradicted_by)
    assert view.to_dict()["claim_records"][denial.id.split("/")[1]]["credibility"] == denial.credibility
    assert denial == next(c for c in claims(asked, contradicted=True, limit=1000) if c.id == denial.id)


def test_an_unknown_document_is_a_key_error(asked: Store) -> None:
    with pytest.raises(KeyError):
        document_view(asked, "no-such-document")
