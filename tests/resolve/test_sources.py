"""The sources' grades file and the credibility table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import VocabularyError
from newsgraph.resolve.claim_trust import credibility
from newsgraph.vocab import load
from newsgraph.vocab.sources import load_sources


def test_the_outlets_of_the_fakes_corpus_are_graded(shared_dir: Path) -> None:
    import csv
    with (shared_dir / "benchmarks" / "news" / "FA-KES-Dataset.csv").open(encoding="latin-1", newline="") as f:
        outlets = {row["source"] for row in csv.DictReader(f)}
    sources = load("sources")
    assert all(sources.find(name) for name in outlets), sorted(o for o in outlets if not sources.find(o))
    assert sources.find("SANA").kind == "state agency" and sources.find("SANA").affiliation == "SY"
    assert sources.find("the Observatory") is sources.find("Syrian Observatory for Human Rights")


def test_a_user_file_replaces_the_packaged_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"sources": [{"name": "Local Paper", "aliases": [], "kind": "independent",
                                             "affiliation": None, "grade": "A", "why": "we know them"}]}))
    monkeypatch.setenv("NEWSGRAPH_SOURCES", str(path))
    assert load_sources().find("local paper").grade == "A"
    path.write_text(json.dumps({"sources": [{"name": "X", "aliases": [], "kind": "blog", "affiliation": None,
                                             "grade": "A", "why": ""}]}))
    with pytest.raises(VocabularyError, match="kind"):
        load_sources()


def test_credibility_follows_the_table() -> None:
    assert credibility(2, 0, False, "asserted") == 1
    assert credibility(1, 0, False, "asserted") == 2
    assert credibility(1, 0, False, "hedged") == 3
    assert credibility(2, 1, False, "asserted") == 3
    assert credibility(1, 1, False, "asserted") == 4
    assert credibility(0, 1, True, "asserted") == 5
    assert credibility(0, 1, False, "asserted") == 4
    assert credibility(0, 0, False, "claimed") == 6
