"""Batches through the library (``ingest_paths``, ``extract_paths``) and the command line's record options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest import Columns, IngestReport, Progress, ReadOptions, extract_paths, ingest_paths
from newsgraph.store import Store

CSV = ("ref,hed,story,filed\n"
       "1,Border reopens,\"Iraq reopened the Rabia crossing with Syria on Monday, the border authority said.\",3/4/2024\n"
       "2,Empty,,3/5/2024\n"
       "3,Talks,\"Negotiators met in Doha on Tuesday, Qatari officials said.\",someday\n")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "desk.csv").write_text(CSV, encoding="utf-8")
    (folder / "note.txt").write_text("Turkey said on Friday that its drones struck targets near Amuda.")
    (folder / "README.md").write_text("What this folder is.")
    (folder / "chart.png").write_bytes(b"\x89PNG")
    return folder


OPTIONS = ReadOptions(columns=Columns(text="story", title="hed", date="filed", id="ref"))


def test_ingest_paths_counts_reports_and_skips_known_texts(inputs: Path, tmp_path: Path) -> None:
    seen: list[Progress] = []
    with Store(tmp_path / "b.db") as store:
        report = ingest_paths([inputs], store, options=OPTIONS, on_progress=seen.append)
        again = ingest_paths([inputs], store, options=OPTIONS)
        stored = {i.doc_id: i for i in store.infos()}
    assert (report.added, report.already_stored, report.failed) == (3, 0, 1)
    assert report.errors == [f"{inputs / 'desk.csv'}:row 3: the text ('story') is empty"]
    assert report.warnings[0] == (f"{inputs / 'desk.csv'}:row 2: publication date '3/4/2024' is ambiguous; read "
                                  "month-first (2024-03-04), as this input's other ambiguous dates will be unless one "
                                  "shows the order (say which with --month-first or --day-first)")
    assert "publication date 'someday' is not a date form" in report.warnings[1]
    assert report.skipped_line() == "skipped 2 files that are not articles: .png 1, documentation 1 (README.md)"
    assert (again.added, again.already_stored, again.failed) == (0, 3, 1)
    assert stored["desk-1"].published == "2024-03-04" and stored["desk-1"].title == "Border reopens"
    assert stored["desk-3"].published is None  # kept without the unreadable date
    assert seen[0].files_total == 2 and seen[-1].files_done == 2
    assert sum(1 for p in seen if p.outcome is not None) == 4


def test_extract_paths_streams_outcomes_and_fills_a_report(inputs: Path) -> None:
    report = IngestReport()
    outcomes = list(extract_paths([inputs / "desk.csv"], options=OPTIONS, published="2024-03-01", report=report))
    assert [o.doc_id for o in outcomes if o.document] == ["desk-1", "desk-3"]
    assert outcomes[2].document and outcomes[2].document.published == "2024-03-01"  # --published fills the gap
    assert (report.added, report.failed) == (2, 1)


def test_cli_extract_with_columns_and_date_rule(inputs: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(inputs / "desk.csv"), "--format", "jsonl", "--text-column", "story",
                                      "--title-column", "hed", "--date-column", "filed", "--id-column", "ref",
                                      "--day-first"])
    assert result.exit_code == 1  # the empty row
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["doc_id"], d["title"], d["published"]) for d in docs] == [
        ("desk-1", "Border reopens", "2024-04-03"), ("desk-3", "Talks", None)]
    assert "error: " in result.stderr and "row 3: the text ('story') is empty" in result.stderr
    assert "warning: " in result.stderr and "'someday'" in result.stderr


def test_cli_refuses_two_date_rules_and_a_bad_published_date(inputs: Path) -> None:
    runner = CliRunner()
    both = runner.invoke(app, ["extract", str(inputs / "note.txt"), "--day-first", "--month-first"])
    assert both.exit_code == 2 and "not both" in both.stderr
    bad = runner.invoke(app, ["extract", str(inputs / "note.txt"), "--published", "2024-02-30"])
    assert bad.exit_code == 1 and "--published: '2024-02-30' is not a real date" in bad.stderr
    month = runner.invoke(app, ["extract", str(inputs / "note.txt"), "--published", "February 2024"])
    assert month.exit_code == 0 and json.loads(month.stdout)[0]["published"] == "2024-02"
