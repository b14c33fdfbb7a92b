"""Where the tests find ../shared, and the one message they give when something in it is missing.

../shared is on every machine and in CI by policy: a missing folder or file fails loudly, naming
the path looked at, instead of skipping the tests that need it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_path() -> Path:
    """$NEWSGRAPH_SHARED, else ../shared beside the project."""
    return Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT / ".." / "shared").resolve()


def missing(what: str, path: Path) -> str:
    return (f"{what} is not at {path}. The tests read the shared folder (../shared beside the project) at run "
            f"time; put it there, or set NEWSGRAPH_SHARED to where it is.")


def shared_file(*parts: str) -> Path:
    """A file under the shared folder; fails the calling test, naming the path, when it is not there."""
    path = shared_path().joinpath(*parts)
    if not path.is_file():
        pytest.fail(missing(f"the shared file {'/'.join(parts)}", path), pytrace=False)
    return path


def shared_articles(*doc_ids: str) -> list[tuple[str, str, str | None]]:
    """(doc id, text, publication date from its gold file) of the shared corpus articles named, or of all of them
    in name order."""
    corpus = shared_path() / "corpus"
    names = doc_ids or tuple(sorted(p.stem for p in corpus.glob("*.txt")))
    out = []
    for doc_id in names:
        gold = json.loads(shared_file("corpus", f"{doc_id}.gold.json").read_text(encoding="utf-8"))
        out.append((doc_id, shared_file("corpus", f"{doc_id}.txt").read_text(encoding="utf-8"), gold.get("published")))
    return out
