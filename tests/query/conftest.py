"""A store to ask: the shared development articles (FA-KES rows and the Alma study) and our examples, extracted
once per session by the real pipeline, and one text written for these tests (a second document quoting a
person of the FA-KES articles: after extraction no person is quoted in two of the shared documents).

``asked_url`` builds the store once per module and backend (SQLite, then PostgreSQL): the tests only read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import newsgraph
from newsgraph.model import Document
from newsgraph.store import Store
from tests.shared import shared_articles
from tests.store_backends import BACKENDS, fresh_database

# written for these tests: Laurent Fabius, quoted in fakes-0495, quoted again in another document
FABIUS_AGAIN = (
    "PARIS, Sept 12 (Reuters) - French Foreign Minister Laurent Fabius said on Thursday that the Security Council "
    "must vote within days on a binding resolution to dismantle Syria's chemical arsenal. \"We cannot accept "
    "months of delay,\" Fabius told reporters in Paris after meeting his British counterpart.")


@pytest.fixture(scope="session")
def asked_docs(shared_dir: Path, examples_dir: Path) -> list[Document]:
    docs = [newsgraph.extract(text, published, doc_id=doc_id) for doc_id, text, published in shared_articles()]
    for path in sorted(examples_dir.glob("*.txt")) + sorted((examples_dir / "annotated").glob("*.txt")):
        docs.append(newsgraph.extract(path.read_text(encoding="utf-8"), "2025-01-15", doc_id=path.stem))
    docs.append(newsgraph.extract(FABIUS_AGAIN, "2013-09-12", doc_id="written-fabius", source="Reuters"))
    return docs


@pytest.fixture(scope="module", params=BACKENDS)
def asked_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
              asked_docs: list[Document]) -> Iterator[str]:
    """A store holding ``asked_docs``: a SQLite file, then a PostgreSQL database."""
    def fill(url: str) -> str:
        with Store(url) as store:
            for doc in asked_docs:
                store.add(doc)
        return url
    if request.param == "sqlite":
        yield fill(str(tmp_path_factory.mktemp("asked") / "asked.db"))
        return
    with fresh_database(request.getfixturevalue("pg_admin_url")) as url:
        yield fill(url)


@pytest.fixture
def asked(asked_url: str) -> Iterator[Store]:
    with Store(asked_url) as store:
        yield store
