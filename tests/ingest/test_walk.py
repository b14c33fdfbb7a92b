"""Directory walks: what is read, what is left out and reported, and what a named file gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.ingest import Found, IngestReport, Skipped, read_file, walk_inputs
from newsgraph.ingest.walk import documentation

from .helpers import errors


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "story.txt").write_text("Iraq said on Monday that the border was open.")
    (tmp_path / "wire.csv").write_text("title,text\nT,Syria said talks would resume.\n")
    (tmp_path / "README.md").write_text("# About this folder\n\nScraped on Monday.")
    (tmp_path / "LICENSE").write_text("Public domain.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "scan.png").write_bytes(b"\x89PNG")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    (tmp_path / "gold.json").write_text(json.dumps({"doc": "story", "entities": []}))
    (tmp_path / "casualties.csv").write_text("province,killed\nIdlib,4\n")
    return tmp_path


def test_a_walk_reads_articles_and_lists_everything_it_leaves_out(folder: Path) -> None:
    entries = list(walk_inputs([folder]))
    assert sorted(e.path.name for e in entries if isinstance(e, Found)) == [
        "casualties.csv", "gold.json", "story.txt", "wire.csv"]  # data files are found and then judged by content
    skipped = {e.path.name: e.why for e in entries if isinstance(e, Skipped)}
    assert skipped == {"README.md": "documentation", "LICENSE": "documentation", "photo.png": ".png",
                       "scan.png": ".png", "report.pdf": ".pdf", ".DS_Store": "hidden", ".git": "hidden"}


def test_the_skipped_files_line_counts_each_kind() -> None:
    report = IngestReport(skipped=[Skipped(Path("a.png"), ".png"), Skipped(Path("b.png"), ".png"),
                                   Skipped(Path("c.pdf"), ".pdf"), Skipped(Path("README.md"), "documentation")])
    assert report.skipped_line() == "skipped 4 files that are not articles: .png 2, .pdf 1, documentation 1 (README.md)"
    assert IngestReport().skipped_line() is None


def test_named_files_are_always_read(folder: Path) -> None:
    [readme] = list(read_file(folder / "README.md"))  # named: documentation or not, it is tried
    assert readme.origin == str(folder / "README.md")
    [gold] = errors(read_file(folder / "gold.json"))  # a named data file is an error, not silence
    assert "without article text" in gold.reason
    [table] = errors(read_file(folder / "casualties.csv"))
    assert table.reason.startswith("no text column") and "'province', 'killed'" in table.reason


@pytest.mark.parametrize("name,expected", [
    ("README.md", True), ("readme.txt", True), ("README", True), ("README-fr.md", True), ("LICENSE.txt", True),
    ("Licence", True), ("CHANGELOG.md", True), ("CONTRIBUTING.md", True), ("AUTHORS", True), ("NOTICE", True),
    ("notice.txt", False), ("history.txt", False), ("readmeabout-syria.txt", False), ("news.txt", False),
])
def test_documentation_names(name: str, expected: bool) -> None:
    assert documentation(name) is expected


def test_globs_are_filtered_like_walks(folder: Path) -> None:
    entries = list(walk_inputs([str(folder / "*")]))
    assert {e.path.name for e in entries if isinstance(e, Found)} == {"casualties.csv", "gold.json", "story.txt",
                                                                      "wire.csv"}
    assert {e.path.name for e in entries if isinstance(e, Skipped)} >= {"README.md", "photo.png"}
