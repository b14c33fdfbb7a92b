"""Store backends for the tests: ``store_url`` runs a test once on SQLite and once on PostgreSQL.

    def test_something(store_url: str) -> None:     # a SQLite path, then a postgresql:// URL
        with Store(store_url) as store: ...

Each PostgreSQL case gets a database of its own, created for it and dropped after it, on the server
named by ``$NEWSGRAPH_TEST_PG`` (a URL of a user who may create databases; ``.ci/run`` starts a
throwaway server with ``tests/pgserver.py`` and sets it).  Without that variable: under CI
(``$CI`` or ``$NEWSGRAPH_TEST_PG_REQUIRED`` set) the PostgreSQL cases fail; elsewhere they start a
throwaway server of their own when PostgreSQL's binaries are installed, and are skipped otherwise.

Loaded from tests/conftest.py as a plugin, so every test package can use the fixtures.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests import pgserver

PG_ENV = "NEWSGRAPH_TEST_PG"
BACKENDS = ("sqlite", "postgresql")


def pg_required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("NEWSGRAPH_TEST_PG_REQUIRED"))


def _unavailable(reason: str) -> None:
    if pg_required():
        pytest.fail(f"PostgreSQL cases cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL cases skipped: {reason}")


def _check_driver() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (make install installs the postgres extra)")


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """A URL of a PostgreSQL server on which the tests may create and drop databases."""
    _check_driver()
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    if pg_required():
        _unavailable(f"${PG_ENV} is not set (.ci/run starts a server with tests/pgserver.py and sets it)")
    bindir = pgserver.binaries()
    if bindir is None:
        _unavailable(f"${PG_ENV} is not set and PostgreSQL is not installed (apt-get install postgresql)")
    server = pgserver.create(bindir)
    try:
        yield server.url
    finally:
        server.remove()


@pytest.fixture
def pg_server() -> Iterator[pgserver.Server]:
    """A private throwaway server this test may stop and start (binaries needed; ~2 s)."""
    _check_driver()
    bindir = pgserver.binaries()
    if bindir is None:
        _unavailable("PostgreSQL is not installed (apt-get install postgresql; tests/pgserver.py installs it as root)")
    server = pgserver.create(bindir)
    try:
        yield server
    finally:
        server.remove()


def with_database(url: str, database: str) -> str:
    from sqlalchemy import make_url
    return make_url(url).set(database=database).render_as_string(hide_password=False)


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new empty database on the server of ``admin_url``, dropped afterwards; yields its URL."""
    import psycopg
    name = f"newsgraph_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(admin_url, name)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store: a SQLite file path, or the URL of a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    with fresh_database(request.getfixturevalue("pg_admin_url")) as url:
        yield url


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database (for tests about PostgreSQL alone)."""
    with fresh_database(pg_admin_url) as url:
        yield url
