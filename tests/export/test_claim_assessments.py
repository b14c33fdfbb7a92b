"""Claims across documents in the exports: a gold contradiction of the Ghouta articles (Syria's denial against
the accusations of fakes-0495 and fakes-0516, ``../shared/corpus/corpus-ghouta.json``) reaches claims.csv,
STIX and FollowTheMoney with the claim's source grade and credibility."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from newsgraph.export.run import write_export, write_tables
from newsgraph.store import Store


def _claims_csv(store: Store, tmp_path: Path) -> dict[str, dict[str, str]]:
    write_tables(store, tmp_path)
    with (tmp_path / "claims.csv").open(encoding="utf-8", newline="") as handle:
        return {r["claim_id"]: r for r in csv.DictReader(handle)}


def test_a_gold_contradiction_is_in_claims_csv_with_grades(corpus_store: Store, tmp_path: Path) -> None:
    rows = _claims_csv(corpus_store, tmp_path)
    denial, accusation = (rows[key] for key in _pair(corpus_store))
    assert accusation["claim_id"] in denial["contradicted_by"].split("; ")
    assert denial["claim_id"] in accusation["contradicted_by"].split("; ")
    assert int(denial["contradictions"]) == len(denial["contradicted_by"].split("; "))
    # every claim the claims layer has is graded: a reliability letter and a credibility 1-6
    graded = [r for r in rows.values() if r["source_grade"]]
    assert len(graded) > len(rows) // 2
    assert all(r["source_grade"] in "ABCDEF" and r["credibility"] in {"1", "2", "3", "4", "5", "6"} for r in graded)
    assert denial["credibility"] in {"4", "5"}  # contradicted: doubtful or improbable


def _pair(store: Store) -> tuple[str, str]:
    """The ids of the denial and of the accusation it contradicts."""
    def find(doc_id: str, phrase: str) -> str:
        return next(f"{doc_id}/{c.id}" for c in store.document(doc_id).claims
                    if phrase in f"{c.cue} {c.text}")
    return find("fakes-0482", "denied using chemical weapons"), find("fakes-0516", "Syria had used chemical weapons")


def test_stix_and_ftm_carry_the_assessment(corpus_store: Store) -> None:
    denial, accusation = _pair(corpus_store)
    out = io.StringIO()
    write_export(corpus_store, "stix", out)
    objects = json.loads(out.getvalue())["objects"]
    note = next(o for o in objects if o["type"] == "note"
                and o["external_references"][0]["external_id"] == denial)
    assert any(label.startswith("admiralty:reliability-") for label in note["labels"])
    assert any(label.startswith("admiralty:credibility-") for label in note["labels"])
    assert any(o["type"] == "opinion" and o["opinion"] == "disagree" and o["explanation"] == f"claim {accusation}"
               and note["id"] in o["object_refs"] for o in objects)
    out = io.StringIO()
    write_export(corpus_store, "ftm", out)
    ftm = next(e for line in out.getvalue().splitlines() if (e := json.loads(line))["schema"] == "Note"
               and f"newsgraph claim {denial}" in e["properties"].get("notes", ()))
    description = "\n".join(ftm["properties"]["description"])
    assert "source grade " in description and "contradicted by " in description and accusation in description
