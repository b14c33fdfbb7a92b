"""The demo: ``newsgraph ingest examples`` then ``newsgraph summary``, as ``make demo`` runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.summary import shorten


@pytest.fixture(scope="module")
def demo(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    runner = CliRunner()
    ingest = runner.invoke(app, ["ingest", str(examples_dir), "--db", str(db), "--timeout", "120"])
    text = runner.invoke(app, ["summary", "--db", str(db)])
    as_json = runner.invoke(app, ["summary", "--db", str(db), "--format", "json"])
    assert ingest.exit_code == 0 and text.exit_code == 0 and as_json.exit_code == 0, ingest.stderr
    return {"ingest": ingest.stderr, "text": text.stdout, "json": json.loads(as_json.stdout)}


def test_the_demo_ingests_only_articles_and_says_what_it_left_out(demo: dict[str, Any], examples_dir: Path) -> None:
    origins = {Path(d["origin"].split(":")[0]).name for d in demo["json"]["documents"]}
    assert "README.md" not in origins and not any(o.endswith(".gold.json") for o in origins)
    assert {"wire-briefs.csv", "feed-items.jsonl", "red-sea-shipping.html", "turkey-amuda-strikes.txt"} <= origins
    n_py = len(list(examples_dir.rglob("*.py")))
    n_gold = len(list(examples_dir.rglob("*.gold.json")))
    line = demo["ingest"].strip().splitlines()[-1]
    assert line.startswith("skipped ") and f".py {n_py}" in line and f".json without article text {n_gold}" in line
    assert "documentation 1 (README.md)" in line


def test_documents_are_listed_with_dates_titles_and_sources(demo: dict[str, Any]) -> None:
    rows = demo["text"].splitlines()
    jaber = next(r for r in rows if "Jordan reopens Jaber border crossing" in r)
    assert jaber.startswith("2024-03-05") and "newsgraph examples" in jaber  # from the CSV example
    dated = [r[:10] for r in rows if re.match(r"\d{4}-\d{2}-\d{2}  ", r)]
    assert dated[:3] == sorted(dated[:3])
    undated = next(r for r in rows if "Israeli army says Hezbollah drone unit" in r)
    assert undated.startswith("—") and "hezbollah-drones" in undated  # no source: the document id


def test_entities_show_roles_and_place_coordinates(demo: dict[str, Any]) -> None:
    entities = demo["json"]["entities"]
    places = [e for e in entities if e["type"] == "GPE"]
    assert places and all(e["lat"] is not None for e in places[:3])
    syria = next(e for e in places if e["name"] == "Syria")
    row = next(r for r in demo["text"].splitlines() if re.search(r"\bSyria\s+\d", r))
    assert f"SY {syria['lat']:.3f}, {syria['lon']:.3f}" in row
    person = next(e for e in entities if e["type"] == "PER" and e["roles"])
    assert any(person["name"] in r and person["roles"][0][:15] in r for r in demo["text"].splitlines())
    assert not any(len(e["name"]) < 2 for e in entities)


def test_events_and_claims_are_dated_and_attributed(demo: dict[str, Any]) -> None:
    data = demo["json"]
    assert data["events"] and all(v["date"] and v["actors"] for v in data["events"])
    assert len({v["type"] for v in data["events"]}) == len(data["events"])  # one of each type before any second
    assert data["claims"] and all(c["speaker"] for c in data["claims"])
    assert {c["stance"] for c in data["claims"]} >= {"asserted", "denied"}
    via = next(c for c in data["claims"] if c["via"])
    assert any(f"{via['speaker']}, via {via['via'][0]}" in r for r in demo["text"].splitlines())
    assert sum(data["events_by_type"].values()) == data["counts"]["events"]


def test_the_summary_fits_two_screens_and_cuts_only_at_word_boundaries(demo: dict[str, Any]) -> None:
    lines = demo["text"].splitlines()
    assert len(lines) <= 100 and max(len(line) for line in lines[1:]) <= 100  # line 0 names the store
    for doc in demo["json"]["documents"]:
        title = doc["title"] or doc["doc_id"]
        row = next(r for r in lines if title[:25] in r)
        cut = re.search(re.escape(title[:25]) + r"[^…]*…", row)
        if cut:  # a shortened title ends where a word of the full title ends
            shown = cut.group(0)[:-1]
            assert title.startswith(shown) and title[len(shown)] in " ,;:—–", (shown, title)


def test_shorten_cuts_at_a_word_boundary() -> None:
    assert shorten("Turkish strikes knock out power station near Syria's Amuda", 30) == "Turkish strikes knock out…"
    assert shorten("iran-russia-missile-sanctions", 22) == "iran-russia-missile-…"
    assert shorten("short", 30) == "short"
