"""A wrong, unreachable or unauthorised ``--db`` is one error line naming the server, never its password, from every
command that opens a store; the Python API raises ``StoreError`` with the same line."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import make_url
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import StoreError
from newsgraph.store import Store

SECRET = "s3cret-Pa55"
COMMANDS = {
    "ingest": ["ingest", "examples/hezbollah-drones.txt"],
    "summary": ["summary"],
    "export": ["export"],
    "documents": ["documents"],
    "show": ["show", "some-doc"],
    "check": ["check"],
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bad_url(kind: str, request: pytest.FixtureRequest) -> tuple[str, str, str]:
    """(a URL of this kind with SECRET as its password, what the message names, what it says)."""
    if kind == "bad password":  # the only kind that needs a live server
        live = make_url(request.getfixturevalue("pg_admin_url"))
        return (live.set(password=SECRET, database="news").render_as_string(hide_password=False),
                f"postgresql://{live.username}@{live.host}:{live.port}/news",
                f"authentication failed for user {live.username}")
    port = free_port()
    return {
        "malformed": (f"postgresql://ana:{SECRET}@db.example:port/news", "postgresql://ana:***@db.example:port/news",
                      "not a database URL (the port is not a number)"),
        "unsupported": (f"mysql://ana:{SECRET}@db.example/news", "mysql://ana:***@db.example/news",
                        "unsupported database 'mysql'"),
        "unreachable": (f"postgresql://ana:{SECRET}@127.0.0.1:{port}/news", f"postgresql://ana@127.0.0.1:{port}/news",
                        "cannot connect: connection refused"),
        "unknown host": (f"postgresql://ana:{SECRET}@no-such-host.invalid/news",
                         "postgresql://ana@no-such-host.invalid:5432/news", "cannot connect: unknown host no-such-host.invalid"),
    }[kind]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", ["malformed", "unsupported", "unreachable", "unknown host", "bad password"])
def test_every_command_reports_a_bad_store_url_in_one_line(request: pytest.FixtureRequest, command: str,
                                                           kind: str) -> None:
    url, named, reason = bad_url(kind, request)
    result = CliRunner().invoke(app, [*COMMANDS[command], "--db", url])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert lines == [f"error: {named}: {reason}" + lines[0].partition(reason)[2]], result.stderr
    assert SECRET not in result.output + result.stderr


@pytest.mark.parametrize("kind", ["malformed", "unreachable", "bad password"])
def test_the_api_raises_a_store_error_with_the_same_line(request: pytest.FixtureRequest, kind: str) -> None:
    url, named, reason = bad_url(kind, request)
    with pytest.raises(StoreError) as raised:
        Store(url)
    assert str(raised.value).startswith(f"{named}: {reason}") and SECRET not in str(raised.value)


def test_a_real_process_prints_no_traceback(request: pytest.FixtureRequest) -> None:
    url, named, _ = bad_url("bad password", request)
    done = subprocess.run([sys.executable, "-m", "newsgraph.cli", "summary", "--db", url], capture_output=True, check=False,
                          text=True, timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith(f"error: {named}: ") and done.stderr.count("\n") == 1
    assert SECRET not in done.stderr


def test_a_missing_database_and_a_missing_password_say_what_to_do(pg_admin_url: str) -> None:
    live = make_url(pg_admin_url)
    with pytest.raises(StoreError, match=r"/nowhere: there is no database nowhere on this server \(create it"):
        Store(live.set(database="nowhere").render_as_string(hide_password=False))
    with pytest.raises(StoreError, match=r"the server wants a password: put it in the URL"):
        Store(f"postgresql://{live.username}@{live.host}:{live.port}/postgres")


def test_postgres_scheme_and_explicit_driver_are_accepted(pg_url: str) -> None:
    url = make_url(pg_url)
    for form in (url.set(drivername="postgres"), url.set(drivername="postgresql+psycopg")):
        with Store(form.render_as_string(hide_password=False)) as store:
            assert store.url == f"postgresql://{url.username}@{url.host}:{url.port}/{url.database}"
            assert len(store) == 0


def test_a_sqlite_path_in_a_missing_directory_is_named(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["summary", "--db", str(tmp_path / "nope" / "x.db")])
    assert result.exit_code == 1 and "does not exist" in result.stderr and "Traceback" not in result.stderr
