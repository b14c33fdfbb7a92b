"""CSV: events.csv and claims.csv read with the csv module; one row per corpus event and per claim; known rows."""

from __future__ import annotations

import csv
from pathlib import Path

from newsgraph.export.run import write_tables
from newsgraph.export.tables import CLAIM_COLUMNS, EVENT_COLUMNS
from newsgraph.store import Store
from newsgraph.store.corpus import Corpus


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_events_table(corpus_store: Store, tmp_path: Path) -> None:
    write_tables(corpus_store, tmp_path / "tables")
    path = tmp_path / "tables" / "events.csv"
    assert path.read_bytes().count(b"\r\n") >= 2  # RFC 4180 line ends
    rows = _read(path)
    assert tuple(rows[0]) == EVENT_COLUMNS
    events = Corpus(corpus_store).events()
    assert sorted(r["event_id"] for r in rows) == sorted(e.id for e in events)
    # the Hasakeh bombing of 5 July 2016, told by two FA-KES articles
    bombing = next(r for r in rows if r["event_type"] == "ASSAULT" and r["event_date"] == "2016-07-05"
                   and {"fakes-0042", "fakes-0063"} <= set(r["source_url"].replace("https://example.org/fa-kes/", "")
                                                               .split("; ")))
    # the most precise place its reports give: Hasakah, or its Salihiah neighbourhood at the town's point
    assert bombing["location"] in ("Hasakah", "Salihiah") and bombing["country"] == "SY"
    assert bombing["geo_precision"] == "1"
    assert 36 < float(bombing["latitude"]) < 37 and 40 < float(bombing["longitude"]) < 41
    assert bombing["time_precision"] == "1"
    assert (bombing["fatalities_low"], bombing["fatalities_high"]) == ("16", "16")
    assert bombing["documents"] == "2" and int(bombing["reports"]) >= 2
    assert "motorcycle bomber" in bombing["notes"]


def test_claims_table(corpus_store: Store, tmp_path: Path) -> None:
    write_tables(corpus_store, tmp_path)
    rows = _read(tmp_path / "claims.csv")
    assert tuple(rows[0]) == CLAIM_COLUMNS
    documents = list(corpus_store.documents())
    assert len(rows) == sum(len(d.claims) for d in documents)
    by_id = {r["claim_id"]: r for r in rows}
    doc = corpus_store.document("fakes-0482")
    for claim in doc.claims:  # every field as the store has it
        row = by_id[f"fakes-0482/{claim.id}"]
        assert (row["cue"], row["stance"], row["text"], row["evidence"]) == (
            claim.cue, claim.stance, claim.text, claim.evidence.text)
        assert doc.text[int(row["evidence_start"]):int(row["evidence_end"])] == row["evidence"]
    france = next(r for r in rows if r["document"] == "fakes-0482" and "immediate access to the site" in r["text"])
    assert (france["speaker"], france["speaker_id"], france["stance"], france["outlet"]) == (
        "France", "country:FR", "asserted", "reuters")
    # a claim disputed in its own document lists its disputer among its contradictions (others may follow)
    for d in documents:
        for c in d.claims:
            if c.disputed_by:
                assert f"{d.doc_id}/{c.disputed_by}" in by_id[f"{d.doc_id}/{c.id}"]["contradicted_by"].split("; ")
    contradicted = [r for r in rows if r["contradicted_by"]]
    assert all(int(r["contradictions"]) == len(r["contradicted_by"].split("; ")) for r in contradicted)
    assert all(x in by_id for r in contradicted for x in r["contradicted_by"].split("; "))
