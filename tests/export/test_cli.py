"""``newsgraph export``: every format to a file and to stdout, byte-identical twice, an existing file replaced
whole, an empty or unresolved store exported without a traceback, clear errors for what cannot be done."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
import stix2
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export.common import ExportError, require
from newsgraph.store import Store, schema

FORMATS = ["json", "ftm", "stix", "graphml", "gexf"]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_store_same_bytes_file_and_stdout(runner: CliRunner, corpus_db: Path, tmp_path: Path, fmt: str) -> None:
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for path in (first, second):
        result = runner.invoke(app, ["export", "--db", str(corpus_db), "-f", fmt, "-o", str(path)])
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    assert not list(tmp_path.glob("*.part"))
    result = runner.invoke(app, ["export", "--db", str(corpus_db), "-f", fmt])
    assert result.exit_code == 0
    assert result.stdout_bytes == first.read_bytes()


def test_csv_to_a_folder_or_one_table(runner: CliRunner, corpus_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(corpus_db), "-f", "csv", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["claims.csv", "events.csv"]
    again = runner.invoke(app, ["export", "--db", str(corpus_db), "-f", "csv", "--table", "claims"])
    assert again.stdout_bytes == (tmp_path / "out" / "claims.csv").read_bytes()
    refused = runner.invoke(app, ["export", "--db", str(corpus_db), "-f", "csv"])
    assert refused.exit_code == 1 and "--table events" in refused.stderr


def test_an_existing_file_is_replaced_whole(runner: CliRunner, corpus_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "corpus.ftm"
    path.write_text("old\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "--db", str(corpus_db), "-f", "ftm", "-o", str(path)])
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") != "old\n" and not (tmp_path / "corpus.ftm.part").exists()
    refused = runner.invoke(app, ["export", "--db", str(corpus_db), "-f", "ftm", "-o", str(tmp_path)])
    assert refused.exit_code == 1 and "is a directory" in refused.stderr


def _every_format(runner: CliRunner, db: Path, folder: Path) -> dict[str, Path]:
    out = {}
    for fmt in [*FORMATS, "csv"]:
        path = folder / (f"tables-{db.stem}" if fmt == "csv" else f"{db.stem}.{fmt}")
        result = runner.invoke(app, ["export", "--db", str(db), "-f", fmt, "-o", str(path)])
        assert result.exit_code == 0, (fmt, result.output)
        out[fmt] = path
    return out


def test_an_empty_store_exports_empty_files(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(str(db)).close()
    files = _every_format(runner, db, tmp_path)
    assert files["ftm"].read_text(encoding="utf-8") == ""
    bundle = json.loads(files["stix"].read_text(encoding="utf-8"))
    assert "objects" not in bundle  # optional in STIX 2.1, and an empty list is not allowed
    # stix2.parse cannot read a bundle without objects (it takes the spec version from them): build it directly
    stix2.v21.Bundle(**bundle, allow_custom=False)
    assert nx.read_graphml(files["graphml"]).number_of_nodes() == 0
    assert (files["csv"] / "events.csv").read_text(encoding="utf-8").count("\n") == 1  # the header


def test_a_store_without_resolution_exports_what_it_has(runner: CliRunner, corpus_db: Path, tmp_path: Path) -> None:
    """A store from before corpus resolution (no corpus members or reports): document entities by their own ids."""
    db = tmp_path / "unresolved.db"
    shutil.copy(corpus_db, db)
    with Store(str(db)) as store:
        with store.engine.begin() as conn:
            for table in (schema.corpus_members, schema.corpus_nodes, schema.corpus_reports):
                conn.execute(table.delete())
        documents = len(store)
    files = _every_format(runner, db, tmp_path)
    ftm = [json.loads(line) for line in files["ftm"].read_text(encoding="utf-8").splitlines()]
    assert sum(r["schema"] == "Article" for r in ftm) == documents
    assert not [r for r in ftm if r["schema"] == "Event"]  # no corpus events without resolution
    assert nx.read_gexf(files["gexf"]).number_of_nodes() > 0


def test_a_missing_library_is_named_with_the_extra() -> None:
    with pytest.raises(ExportError, match=r"newsgraph\[export\]"):
        require("followthemoney_not_installed", "ftm")
