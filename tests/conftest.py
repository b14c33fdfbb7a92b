"""Shared fixtures: the read-only ../shared folder, the development article, example inputs, a temp store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_path() -> Path:
    return Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (or $NEWSGRAPH_SHARED); tests needing it are skipped when it is absent."""
    path = shared_path()
    if not path.is_dir():
        pytest.skip(f"shared data folder not found at {path}")
    return path


@pytest.fixture(scope="session")
def dev_article_path(shared_dir: Path) -> Path:
    path = shared_dir / "corpus" / "alma-cers-study.txt"
    if not path.is_file():
        pytest.skip(f"development article not found at {path}")
    return path


@pytest.fixture(scope="session")
def dev_article(dev_article_path: Path) -> str:
    return dev_article_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    path = ROOT / "examples"
    if not any(path.glob("*")):
        pytest.skip("examples/ is empty")
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


# -- store backends ---------------------------------------------------------------------------------
# store_url (each test on SQLite and on PostgreSQL), pg_url, pg_server: see tests/store_backends.py
pytest_plugins = ["store_backends"]
