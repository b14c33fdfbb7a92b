"""Fixtures for corpus resolution: the shared FA-KES development articles and our examples, extracted once
by the real pipeline, and a store to resolve them in.

``store_url`` is the one place a store is made: a PostgreSQL parametrisation can be added here
(every store test takes ``store``/``store_url``), the tests are dialect-neutral.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import newsgraph
from newsgraph.model import Document
from newsgraph.store import Store
from tests.shared import shared_articles
from tests.store_backends import BACKENDS, fresh_database

GOLD_DOCS = ("fakes-0042", "fakes-0063", "fakes-0482", "fakes-0495", "fakes-0516")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def fakes_docs(shared_dir: Path) -> dict[str, Document]:
    """The five FA-KES articles with cross-document gold, extracted with their gold publication dates."""
    return {doc_id: newsgraph.extract(text, published, doc_id=doc_id)
            for doc_id, text, published in shared_articles(*GOLD_DOCS)}


@pytest.fixture(scope="session")
def example_docs(examples_dir: Path) -> dict[str, Document]:
    """Our own example articles and the annotated ones."""
    paths = sorted(examples_dir.glob("*.txt")) + sorted((examples_dir / "annotated").glob("*.txt"))
    return {p.stem: newsgraph.extract(p.read_text(encoding="utf-8"), "2025-01-15", doc_id=p.stem) for p in paths}


@pytest.fixture(scope="session")
def write() -> Callable[[str, str], Document]:
    """Extract a text written for a test (real pipeline), cached per text."""
    cache: dict[tuple[str, str], Document] = {}

    def extract(doc_id: str, text: str) -> Document:
        if (doc_id, text) not in cache:
            cache[(doc_id, text)] = newsgraph.extract(text, "2024-05-02", doc_id=doc_id)
        return cache[(doc_id, text)]
    return extract


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return str(tmp_path / "corpus.db")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


@pytest.fixture
def new_store(tmp_path: Path) -> Callable[[str], Store]:
    """Another empty store of the same kind (for comparing two ingests)."""
    def make(name: str) -> Store:
        return Store(str(tmp_path / f"{name}.db"))
    return make


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Makes empty stores of one backend: a SQLite file, or a new PostgreSQL database, per name."""
    if request.param == "sqlite":
        yield lambda name: str(tmp_path / f"{name}.db")
        return
    admin = request.getfixturevalue("pg_admin_url")
    opened = []

    def make(name: str) -> str:
        context = fresh_database(admin)
        opened.append(context)
        return context.__enter__()
    yield make
    for context in opened:
        context.__exit__(None, None, None)
