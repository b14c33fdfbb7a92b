"""Shared fixtures: the read-only ../shared folder, the development article, example inputs, a temp store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared import ROOT, missing, shared_file, shared_path


def pytest_sessionstart(session: pytest.Session) -> None:
    """No run at all without the shared folder: some test files check for it themselves and would skip."""
    path = shared_path()
    if not path.is_dir():
        raise pytest.UsageError(missing("the shared data folder", path))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (or $NEWSGRAPH_SHARED)."""
    path = shared_path()
    if not path.is_dir():
        pytest.fail(missing("the shared data folder", path), pytrace=False)
    return path


@pytest.fixture(scope="session")
def dev_article_path() -> Path:
    return shared_file("corpus", "alma-cers-study.txt")


@pytest.fixture(scope="session")
def dev_article(dev_article_path: Path) -> str:
    return dev_article_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    path = ROOT / "examples"
    if not any(path.glob("*.txt")):
        pytest.fail(f"there are no example articles in {path}: the checkout is incomplete", pytrace=False)
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


# -- store backends ---------------------------------------------------------------------------------
# store_url (each test on SQLite and on PostgreSQL), pg_url, pg_server: see tests/store_backends.py
pytest_plugins = ["tests.store_backends"]
