"""Expected errors at the command line: one line naming the input, exit status 1 (2 for usage), no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from newsgraph.cli import app

ARTICLE = ("DAMASCUS, Syria (AP) - Syrian rebels said on Monday that they had shelled an army base near Hama, "
           "and the governor of Hama province, Ali Hassan, denied that the base had been hit.\n")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding one short article, read by the real pipeline."""
    folder = tmp_path_factory.mktemp("stored")
    (folder / "hama.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "store.db"
    result = CliRunner().invoke(app, ["ingest", str(folder / "hama.txt"), "--db", str(db), "--published",
                                      "2017-03-06"])
    assert result.exit_code == 0, result.stderr
    return db


def one_error(result: Result, *named: str) -> str:
    """The error line of a failed command, after checking it names every input in ``named``."""
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    [line] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    for name in named:
        assert name in line, line
    return line


def test_a_missing_file_is_named(runner: CliRunner, tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    one_error(runner.invoke(app, ["extract", missing]), missing)


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_directory_with_no_articles_is_an_error_naming_it(runner: CliRunner, tmp_path: Path, command: str) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "map.png").write_bytes(b"\x89PNG\r\n")
    (folder / "README.md").write_text("About these pictures.\n", encoding="utf-8")
    args = [command, str(folder)] + (["--db", str(tmp_path / "x.db")] if command == "ingest" else [])
    line = one_error(runner.invoke(app, args), str(folder))
    assert "no articles" in line and ".txt" in line


def test_an_empty_directory_beside_an_article_is_no_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "hama.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty"), str(tmp_path / "hama.txt")])
    assert result.exit_code == 0, result.stderr
    assert "Hama" in result.stdout


def test_a_malformed_csv_row_is_named_and_the_good_rows_are_read(runner: CliRunner, tmp_path: Path) -> None:
    table = tmp_path / "reports.csv"
    table.write_text('text,title\n"' + ARTICLE.strip() + '",Shelling\n"an unclosed quote, here,x\n',
                     encoding="utf-8")
    result = runner.invoke(app, ["extract", str(table)])
    line = one_error(result, "reports.csv", "row 3")
    assert "not valid CSV" in line
    assert '"Hama"' in result.stdout, "the good row before the broken one is still extracted"


@pytest.mark.parametrize(("url", "says"), [
    ("mysql://user@host/db", "unsupported database 'mysql'"),
    ("postgresql://nobody@127.0.0.1:1/db", "cannot connect"),
])
def test_a_bad_db_url_is_named(runner: CliRunner, url: str, says: str) -> None:
    line = one_error(runner.invoke(app, ["documents", "--db", url]), url)
    assert says in line


def test_a_db_path_in_a_missing_directory_is_named(runner: CliRunner, tmp_path: Path) -> None:
    one_error(runner.invoke(app, ["documents", "--db", str(tmp_path / "no" / "store.db")]), str(tmp_path / "no"))


def test_a_db_path_that_is_a_directory_is_named(runner: CliRunner, tmp_path: Path) -> None:
    line = one_error(runner.invoke(app, ["summary", "--db", str(tmp_path)]), str(tmp_path))
    assert "is a directory" in line and "SQLite file" in line


def test_an_unknown_entity_is_named(runner: CliRunner, stored: Path) -> None:
    found = runner.invoke(app, ["entity", "Ali Hassan", "--db", str(stored)])
    assert found.exit_code == 0 and "Ali Hassan" in found.stdout, found.stderr
    one_error(runner.invoke(app, ["entity", "Zorbalan Quist", "--db", str(stored)]), "Zorbalan Quist")


@pytest.mark.parametrize("value", ["2017-13-45", "last spring"])
def test_a_bad_from_date_is_a_usage_error_naming_it(runner: CliRunner, stored: Path, value: str) -> None:
    result = runner.invoke(app, ["timeline", "--from", value, "--db", str(stored)])
    assert result.exit_code == 2 and value in result.stderr and "Traceback" not in result.stderr


def test_an_export_into_a_missing_directory_is_named(runner: CliRunner, stored: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "corpus.json"
    line = one_error(runner.invoke(app, ["export", "--db", str(stored), "-o", str(target)]), str(target))
    assert "cannot write" in line and not list(tmp_path.iterdir())


def test_a_csv_export_under_a_file_is_named(runner: CliRunner, stored: Path, tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a file, not a directory\n", encoding="utf-8")
    target = tmp_path / "notes" / "tables"
    line = one_error(runner.invoke(app, ["export", "--db", str(stored), "--format", "csv", "-o", str(target)]),
                     str(target))
    assert "cannot make this directory" in line
