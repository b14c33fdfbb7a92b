"""The server keeps serving while an ingest writes to the same store (SQLite WAL)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.shared import shared_file
from tests.web.conftest import TOKEN


def test_pages_and_api_answer_while_an_ingest_writes(web_db: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    copy = tmp_path / "busy.db"
    with sqlite3.connect(web_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    articles = shared_file("benchmarks", "news", "FA-KES-Dataset.csv")
    ingest = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "ingest", str(articles), "--db", str(copy),
                               "--encoding", "latin-1", "--text-column", "article_content",
                               "--title-column", "article_title"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    statuses: list[tuple[str, int]] = []
    counts: list[int] = []
    try:
        with TestClient(create_app(str(copy), token=TOKEN)) as client:
            first = client.get("/api/health").json()["documents"]
            # The loop ends as soon as three documents are in; the long limit only matters on a loaded
            # machine, where the ingest's model load and first batch can take minutes.
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and (not counts or counts[-1] < first + 3):
                for url in ("/api/health", "/", "/api/graph", "/api/places", "/timeline", "/api/search?q=Syria"):
                    response: Any = client.get(url)
                    statuses.append((url, response.status_code))
                    if url == "/api/health" and response.status_code == 200:
                        counts.append(response.json()["documents"])
                assert ingest.poll() in (None, 0), "the ingest stopped with an error"
    finally:
        ingest.terminate()
        ingest.wait(timeout=30)
    assert [s for s in statuses if s[1] != 200] == []
    assert counts[-1] >= first + 3, "the ingest did not write while the pages were read"
