"""The ``newsgraph`` command end to end, in-process (the spaCy model loads once): every command on real inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

CONTRACT_KEYS = {"doc_id", "title", "published", "text_sha256", "entities", "events", "claims", "relations"}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_extract_json_follows_the_contract(runner: CliRunner, dev_article_path: Path, dev_article: str) -> None:
    result = runner.invoke(app, ["extract", str(dev_article_path), "--format", "json", "--published", "2023-05-20", "--timeout", "120"])
    assert result.exit_code == 0, result.stderr
    [doc] = json.loads(result.stdout)
    assert doc.keys() >= CONTRACT_KEYS
    assert doc["doc_id"] == "alma-cers-study" and doc["published"] == "2023-05-20"
    assert doc["entities"], "the development article mentions many entities"
    for entity in doc["entities"]:
        for m in entity["mentions"]:
            assert dev_article[m["start"]:m["end"]] == m["text"]
    for item in doc["claims"] + doc["events"]:
        ev = item["evidence"]
        assert dev_article[ev["start"]:ev["end"]] == ev["text"]


def test_extract_jsonl_prints_one_document_per_line(runner: CliRunner, examples_dir: Path) -> None:
    files = sorted(examples_dir.glob("*.jsonl"))
    assert files, f"no .jsonl example in {examples_dir}"
    result = runner.invoke(app, ["extract", str(files[0]), "--format", "jsonl", "--timeout", "120"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    expected = sum(1 for line in files[0].read_text().splitlines() if line.strip())
    assert len(lines) == expected and all(json.loads(line).keys() >= CONTRACT_KEYS for line in lines)


def test_extract_rejects_a_bad_published_date(runner: CliRunner, dev_article_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(dev_article_path), "--published", "2023-02-30"])
    assert result.exit_code == 1
    assert "2023-02-30" in result.stderr and "Traceback" not in result.stderr


def test_ingest_summary_export_and_reingest(runner: CliRunner, examples_dir: Path, db_path: Path) -> None:
    # the example files of every format, by a glob (examples/annotated/ is the evaluation gate's)
    pattern = str(examples_dir / "*.*")
    result = runner.invoke(app, ["ingest", pattern, "--db", str(db_path), "--timeout", "120"])
    assert result.exit_code == 0, result.stderr
    assert " 0 failed" in result.stderr
    added = int(result.stderr.split(" added")[0].split()[-1])
    assert added >= 3

    again = runner.invoke(app, ["ingest", pattern, "--db", str(db_path), "--timeout", "120"])
    assert again.exit_code == 0 and again.stderr.strip().startswith("0 added")

    summary = runner.invoke(app, ["summary", "--db", str(db_path)])
    assert summary.exit_code == 0
    assert f"{added} documents" in summary.stdout and "GPE" in summary.stdout

    export = runner.invoke(app, ["export", "--format", "json", "--db", str(db_path)])
    corpus = json.loads(export.stdout)
    assert set(corpus) == {"documents", "entities", "events", "claims", "relations", "corpus_events"}
    assert len(corpus["documents"]) == added
    doc_ids = {d["doc_id"] for d in corpus["documents"]}
    assert all(set(e["documents"]) <= doc_ids for e in corpus["entities"])

    listing = runner.invoke(app, ["documents", "--db", str(db_path)])
    assert listing.exit_code == 0 and corpus["documents"][0]["doc_id"][:10] in listing.stdout
    shown = runner.invoke(app, ["show", corpus["documents"][0]["doc_id"], "--db", str(db_path)])
    assert json.loads(shown.stdout)["doc_id"] == corpus["documents"][0]["doc_id"]
    assert runner.invoke(app, ["check", "--db", str(db_path)]).exit_code == 0


def test_ingest_reports_each_bad_input_and_keeps_going(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Iraq and Iran signed a border security agreement in Baghdad on Sunday.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "latin.txt").write_bytes("Le ministre a déclaré à Beyrouth.".encode("cp1252"))
    (tmp_path / "items.jsonl").write_text('{"text": "Russia said it would deliver S-400 parts to Iran."}\n{oops\n')
    result = runner.invoke(app, ["ingest", str(tmp_path), str(tmp_path / "missing.txt"), "--db", str(db_path)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 5, result.stderr
    for name in ("empty.txt", "binary.txt", "latin.txt", "items.jsonl:2", "missing.txt"):
        assert sum(name in line for line in errors) == 1, name
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("2 added")
