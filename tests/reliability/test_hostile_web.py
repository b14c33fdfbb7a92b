"""Hostile article text in the web UI: every page escapes it (server side, here) and the browser runs none of
it (tests/web/test_browser.py::test_hostile_article_renders_inert_in_every_page, in headless Chromium)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest

from tests.web.conftest import build_store
from tests.web.hostile import HOSTILE_TEXT, MARKERS


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    folder = tmp_path_factory.mktemp("hostile-web")
    (folder / "hostile-page.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    db = build_store(folder / "hostile.db", [folder / "hostile-page.txt"])
    with TestClient(create_app(str(db), token="t")) as client:
        yield client


def pages(client: Any) -> list[str]:
    ids = sorted(set(client.get("/api/documents/hostile-page").json()["corpus_ids"].values()))
    return ["/document/hostile-page", "/?q=Haddad", "/?q=alert", *(f"/entity/{quote(i, safe='')}" for i in ids)]


def test_every_page_escapes_the_markup_of_the_text(hostile_client: Any) -> None:
    for url in pages(hostile_client):
        html = hostile_client.get(url).text
        assert hostile_client.get(url).status_code == 200, url
        tags = re.findall(r"<[a-zA-Z][^>]*>", html)  # every tag the page really has
        assert not [t for t in tags if re.search(r"\bon[a-z]+\s*=|javascript:", t, re.I)], url
        assert not [m for m in MARKERS if re.search(rf"<script[^>]*>[^<]*{m}", html)], url
        assert "&lt;script&gt;" in html or url.startswith("/entity/"), url


def test_the_api_returns_the_text_as_data(hostile_client: Any) -> None:
    body = hostile_client.get("/api/documents/hostile-page")
    assert body.headers["content-type"].startswith("application/json")
    assert '<script>alert("script-in-text")</script>' in body.json()["text"]  # kept as written: data, not markup


def test_a_script_cannot_ride_in_a_search_query(hostile_client: Any) -> None:
    html = hostile_client.get("/", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
