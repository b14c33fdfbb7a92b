"""Expected errors at the command line: one line naming the input, exit status 1 (2 for usage), no traceback."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
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


@pytest.mark.parametrize("command", [["summary"], ["documents"], ["export", "-f", "json"], ["entity", "Hama"],
                                     ["search", "Hama"], ["resolve"], ["events"]])
def test_a_read_command_on_a_store_that_is_not_there_is_named_and_makes_none(runner: CliRunner, tmp_path: Path,
                                                                            command: list[str]) -> None:
    typo = tmp_path / "stroe.db"  # a misspelt --db would otherwise open an empty store and answer with nothing
    line = one_error(runner.invoke(app, [*command, "--db", str(typo)]), str(typo))
    assert "newsgraph ingest" in line
    assert not typo.exists()


def test_a_read_command_on_a_store_that_is_there_reads_it(runner: CliRunner, stored: Path) -> None:
    result = runner.invoke(app, ["documents", "--db", str(stored)])
    assert result.exit_code == 0, result.stderr
    assert "hama" in result.stdout


def test_an_unknown_entity_is_named(runner: CliRunner, stored: Path) -> None:
    found = runner.invoke(app, ["entity", "Ali Hassan", "--db", str(stored)])
    assert found.exit_code == 0 and "Ali Hassan" in found.stdout, found.stderr
    one_error(runner.invoke(app, ["entity", "Zorbalan Quist", "--db", str(stored)]), "Zorbalan Quist")


@pytest.mark.parametrize("value", ["2017-13-45", "last spring"])
def test_a_bad_from_date_is_a_usage_error_naming_it(runner: CliRunner, stored: Path, value: str) -> None:
    result = runner.invoke(app, ["timeline", "--from", value, "--db", str(stored)])
    assert result.exit_code == 2 and value in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("start", "end"), [("2017", "2016"), ("2016-06", "2016-05-31"), ("2016-05-02", "2016-05-01")])
def test_a_timeline_from_after_its_to_is_a_usage_error(runner: CliRunner, stored: Path, start: str, end: str) -> None:
    result = runner.invoke(app, ["timeline", "--from", start, "--to", end, "--db", str(stored)])
    assert result.exit_code == 2 and start in result.stderr and end in result.stderr, result.stderr


@pytest.mark.parametrize(("start", "end"), [("2017", "2017-03"), ("2017-03", "2017"), ("2017-03-06", "2017-03-06")])
def test_a_timeline_range_that_meets_itself_is_read(runner: CliRunner, stored: Path, start: str, end: str) -> None:
    # a month inside its year, and one day, are ranges with days in them; the stored article is of 2017-03-06
    result = runner.invoke(app, ["timeline", "--from", start, "--to", end, "--db", str(stored), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert [item["date"] for item in json.loads(result.stdout)["items"]][:1] == ["2017-03-06"]


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


@pytest.mark.parametrize(("db", "says"), [
    ("", "--db is empty"),
    ("no-such-folder/", "the directory 'no-such-folder/' does not exist"),  # not a file called no-such-folder
])
def test_an_empty_db_or_one_naming_a_missing_folder_is_named(runner: CliRunner, db: str, says: str,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert says in one_error(runner.invoke(app, ["documents", "--db", db]))
    assert not list(tmp_path.iterdir())


def test_a_misspelt_stance_is_a_usage_error_listing_the_stances(runner: CliRunner, stored: Path) -> None:
    result = runner.invoke(app, ["claims", "--stance", "denyed", "--db", str(stored)])
    assert result.exit_code == 2 and "'denyed' is not a stance" in result.stderr and "hedged" in result.stderr
    assert runner.invoke(app, ["claims", "--stance", "denied", "--db", str(stored)]).exit_code == 0


@pytest.mark.parametrize("option", [["--max-chars", "0"], ["--timeout", "-1"]])
def test_a_limit_below_its_range_is_a_usage_error(runner: CliRunner, tmp_path: Path, option: list[str]) -> None:
    (tmp_path / "hama.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "hama.txt"), "--db", str(tmp_path / "s.db"), *option])
    assert result.exit_code == 2 and option[0] in result.stderr and "Traceback" not in result.stderr


def test_a_dask_address_of_an_unknown_kind_is_named(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    (tmp_path / "hama.txt").write_text(ARTICLE, encoding="utf-8")
    line = one_error(runner.invoke(app, ["ingest", str(tmp_path / "hama.txt"), "--db", str(tmp_path / "s.db"),
                                         "--dask", "udp://127.0.0.1:8786"]), "--dask udp://127.0.0.1:8786")
    assert "cannot reach the Dask scheduler" in line and "unknown address scheme" in line


def test_an_export_to_a_named_pipe_is_written_into_it(runner: CliRunner, stored: Path, tmp_path: Path) -> None:
    # "-o /dev/stdout" or a pipe: written in place, never renamed over (that put a file where the device was)
    pipe = tmp_path / "export.pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    result = runner.invoke(app, ["export", "--db", str(stored), "-o", str(pipe)])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode) and not (tmp_path / "export.pipe.part").exists()
    assert '"Hama"' in received[0] and json.loads(received[0])["documents"]


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="no /dev/full on this system")
def test_output_the_system_refuses_is_one_error(stored: Path) -> None:
    # a full disk under standard output: one line, not a traceback from the first write and another at exit
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "newsgraph.cli", "export", "--db", str(stored)],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=300, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert result.stderr.strip() == "error: standard output: cannot write (no space left on device)"


def test_serving_on_a_port_in_use_is_one_error_naming_it(runner: CliRunner, stored: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(stored), "--port", str(port)])
    line = one_error(result, f"127.0.0.1:{port}")
    assert "address already in use" in line and "serving" not in result.stderr  # no banner, no token


@pytest.mark.parametrize("args", [["candidates", "--limit", "-1"], ["events", "--limit", "0"],
                                  ["events", "--min-documents", "0"], ["summary", "--rows", "-3"],
                                  ["claims", "--limit", "0"]])
def test_a_count_below_one_is_a_usage_error_naming_the_option(runner: CliRunner, stored: Path,
                                                              args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", str(stored)])
    assert result.exit_code == 2
    assert args[1] in result.stderr
