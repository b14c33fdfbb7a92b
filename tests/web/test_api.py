"""The JSON API and the pages through FastAPI's test client: every endpoint, its errors, its limits."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsgraph.query import claims, dossier, timeline
from newsgraph.store import Store
from newsgraph.web import assets
from newsgraph.web.security import CSP, MAX_BODY, MAX_QUERY
from tests.web.conftest import TOKEN


def error_of(response: Any, status: int) -> str:
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()["error"]
    assert body["status"] == status
    return str(body["message"])


def a_person(web_db: Path) -> Any:
    with Store(web_db) as store:
        found = [c for c in claims(store, limit=500) if c.speaker and c.speaker.id.startswith("per:")
                 and c.doc_id != "hostile-page"]
    return found[0]


def test_health_counts_the_documents(client: Any, web_db: Path) -> None:
    with Store(web_db) as store:
        assert client.get("/api/health").json() == {"documents": len(store)}


def test_dossier_is_the_library_dossier(client: Any, web_db: Path) -> None:
    claim = a_person(web_db)
    with Store(web_db) as store:
        expected = dossier(store, claim.speaker.id).to_dict()
    got = client.get(f"/api/entities/{claim.speaker.id}").json()
    assert got == expected
    assert claim.id in {c["id"] for c in got["claims_by"]["claims"]}


def test_unknown_entity_is_a_json_404_with_the_closest_names(client: Any) -> None:
    response = client.get("/api/entities/per:nobody-at-all")
    assert "nobody-at-all" in error_of(response, 404)
    assert "closest" in response.json()["error"]


def test_entity_name_lookup(client: Any, web_db: Path) -> None:
    claim = a_person(web_db)
    matches = client.get("/api/entities", params={"q": claim.speaker.name}).json()["matches"]
    assert claim.speaker.id in [m["id"] for m in matches]
    assert "q" in error_of(client.get("/api/entities"), 400)


def test_document_has_text_extraction_and_corpus_ids(client: Any, web_db: Path) -> None:
    claim = a_person(web_db)
    body = client.get(f"/api/documents/{claim.doc_id}").json()
    start, end, sentence = claim.evidence
    assert body["text"][start:end] == sentence
    assert claim.speaker.id in body["corpus_ids"].values()
    assert "no document" in error_of(client.get("/api/documents/no-such-doc"), 404)


def test_search_finds_documents_claims_and_entities_with_facets(client: Any, web_db: Path) -> None:
    claim = a_person(web_db)
    body = client.get("/api/search", params={"q": claim.speaker.name.split()[-1]}).json()
    assert body["hits"] and {f["value"] for f in body["facets"]["kind"]} >= {"claim"}
    assert all(set(h) >= {"kind", "id", "doc_id", "snippet", "marks"} for h in body["hits"])
    only_claims = client.get("/api/search", params={"q": claim.speaker.name.split()[-1], "kind": "claim"}).json()
    assert {h["kind"] for h in only_claims["hits"]} == {"claim"}


def test_search_syntax_error_is_a_clear_400(client: Any) -> None:
    assert "full-text" in error_of(client.get("/api/search", params={"q": '"unbalanced'}), 400)
    assert "kind" in error_of(client.get("/api/search", params={"q": "x", "kind": "video"}), 400)
    assert error_of(client.get("/api/search", params={"q": "   "}), 400)


def test_claims_filters(client: Any, web_db: Path) -> None:
    claim = a_person(web_db)
    got = client.get("/api/claims", params={"by": claim.speaker.id}).json()["claims"]
    assert got and all(c["speaker"]["id"] == claim.speaker.id for c in got)
    error_of(client.get("/api/claims", params={"about": "per:nobody-at-all"}), 404)
    error_of(client.get("/api/claims", params={"limit": 0}), 400)


def test_timeline_keeps_date_precision(client: Any, web_db: Path) -> None:
    with Store(web_db) as store:
        expected = timeline(store).to_dict()
    body = client.get("/api/timeline").json()
    assert body == expected
    assert "month" in {i["precision"] for i in body["items"]}
    assert "date_from" in error_of(client.get("/api/timeline", params={"date_from": "August"}), 400)


def test_graph_edges_join_listed_nodes_and_types_filter(client: Any) -> None:
    body = client.get("/api/graph").json()
    ids = {n["id"] for n in body["nodes"]}
    assert body["edges"] and all(e["source"] in ids and e["target"] in ids and e["weight"] >= 1 for e in body["edges"])
    people = client.get("/api/graph", params=[("type", "PER"), ("type", "ORG")]).json()
    assert people["nodes"] and {n["type"] for n in people["nodes"]} <= {"PER", "ORG"}
    assert "types" in error_of(client.get("/api/graph", params={"type": "DOG"}), 400)
    later = client.get("/api/graph", params={"date_from": "2099"}).json()
    assert later["nodes"] == [] and later["documents"] == 0


def test_places_have_coordinates_precision_and_counts(client: Any) -> None:
    found = client.get("/api/places").json()["places"]
    assert found and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["reports"] >= 1 for p in found)
    assert {p["precision"] for p in found} >= {"town", "country"}
    assert all(p["precision"] == "country" for p in found if p["id"].startswith("country:"))


def test_oversize_requests_get_clear_errors(client: Any) -> None:
    assert "query string" in error_of(client.get("/api/search?q=" + "a" * (MAX_QUERY + 1)), 414)
    assert "body" in error_of(client.post("/api/corrections/merge", content=b"x" * (MAX_BODY + 1),
                                          headers={"content-type": "application/json"}), 413)
    assert "q" in error_of(client.get("/api/search", params={"q": "a" * 600}), 400)


def test_unknown_route_and_method(client: Any) -> None:
    error_of(client.get("/api/nothing-here"), 404)
    error_of(client.delete("/api/health"), 405)


def test_every_reply_carries_the_csp(client: Any) -> None:
    for url in ("/", "/api/health", "/api/entities/per:nobody", "/static/newsgraph.css", "/graph"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CSP
        assert headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self';" in CSP and "unsafe-inline" not in CSP


def test_openapi_docs(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/entities/{entity_id}", "/api/search", "/api/graph", "/api/places", "/api/timeline"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_pages_render_and_unknown_ids_get_an_html_404(client: Any, web_db: Path) -> None:
    claim = a_person(web_db)
    for url in ("/", f"/?q={claim.speaker.name}", f"/entity/{claim.speaker.id}", f"/document/{claim.doc_id}",
                "/graph", "/map", "/timeline", "/login"):
        response = client.get(url)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html"), url
    page = client.get(f"/entity/{claim.speaker.id}").text
    assert claim.evidence[2].replace("'", "&#39;").replace('"', "&#34;") in page
    missing = client.get("/document/no-such-doc")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert client.get("/?q=%22unbalanced").status_code == 400


def test_pages_have_no_inline_script(client: Any, web_db: Path) -> None:
    claim = a_person(web_db)
    for url in ("/", f"/entity/{claim.speaker.id}", f"/document/{claim.doc_id}", "/graph", "/map", "/timeline"):
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", client.get(url).text, re.S)
        assert all('src="/static/' in attrs and not body.strip() for attrs, body in scripts), url


# -- corrections ---------------------------------------------------------------------------------------
@pytest.fixture
def writable(web_db: Path, tmp_path: Path) -> Any:
    """A TestClient over a copy of the store, for the tests that change it."""
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    copy = tmp_path / "copy.db"
    with sqlite3.connect(web_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with TestClient(create_app(str(copy), token=TOKEN)) as test_client:
        yield test_client


def two_places(client: Any) -> tuple[str, str]:
    """Two corpus entities of one type that resolution left apart (from the graph)."""
    nodes = [n for n in client.get("/api/graph").json()["nodes"] if n["type"] == "ORG"]
    return nodes[0]["id"], nodes[1]["id"]


def test_corrections_without_the_token_are_refused(writable: Any) -> None:
    a, b = two_places(writable)
    assert "token" in error_of(writable.post("/api/corrections/merge", json={"a": a, "b": b}), 403)
    error_of(writable.post("/api/corrections/merge", json={"a": a, "b": b},
                           headers={"Authorization": "Bearer wrong"}), 403)
    error_of(writable.post("/api/corrections/split", json={"entity": a, "doc_id": "x"}), 403)
    error_of(writable.post("/api/sources/Reuters/grade", json={"grade": "B"}), 403)
    assert writable.get(f"/api/entities/{b}").status_code == 200  # nothing was merged


def test_merge_with_the_token(writable: Any) -> None:
    a, b = two_places(writable)
    merged = writable.post("/api/corrections/merge", json={"a": a, "b": b}, headers={"X-Newsgraph-Token": TOKEN})
    assert merged.status_code == 200, merged.text
    assert writable.get(f"/api/entities/{merged.json()['id']}").json()["entity"]["documents"] >= 2
    assert "merged with itself" in error_of(writable.post(
        "/api/corrections/merge", json={"a": a, "b": a}, headers={"Authorization": f"Bearer {TOKEN}"}), 400)


def test_source_grade_says_it_is_not_kept_yet(writable: Any) -> None:
    got = writable.post("/api/sources/Reuters/grade", json={"grade": "B"}, headers={"X-Newsgraph-Token": TOKEN})
    assert "not kept" in error_of(got, 501)
    error_of(writable.post("/api/sources/Reuters/grade", json={"grade": "Z"}, headers={"X-Newsgraph-Token": TOKEN}), 400)


def test_form_corrections_need_a_session_and_its_csrf_token(writable: Any) -> None:
    a, b = two_places(writable)
    assert writable.post(f"/entity/{a}/merge", data={"other": b, "csrf": "guess"}).status_code == 403
    assert writable.post("/login", data={"token": "wrong"}).status_code == 403
    logged = writable.post("/login", data={"token": TOKEN}, follow_redirects=False)
    assert logged.status_code == 303
    cookie = logged.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    page = writable.get(f"/entity/{a}").text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert csrf
    assert writable.post(f"/entity/{a}/merge", data={"other": b, "csrf": "0" * 64}).status_code == 403
    assert writable.post(f"/entity/{a}/merge", data={"other": b, "csrf": csrf.group(1)},
                         headers={"Origin": "http://evil.example"}).status_code == 403
    done = writable.post(f"/entity/{a}/merge", data={"other": b, "csrf": csrf.group(1)}, follow_redirects=False)
    assert done.status_code == 303


def test_the_app_refuses_to_start_without_its_assets(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                    web_db: Path) -> None:
    from newsgraph.web.app import create_app

    monkeypatch.setattr(assets, "VENDOR", tmp_path / "vendor")
    with pytest.raises(assets.AssetsMissing, match="make install"):
        create_app(str(web_db))


def test_assets_are_built_from_node_modules_with_licences(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "web" / "node_modules"
    if not source.is_dir():
        pytest.skip("web/node_modules is absent (make install runs npm ci there)")
    copied = assets.build(source, tmp_path)
    assert set(copied) == set(assets.FILES)
    licences = (tmp_path / "LICENSES").read_text(encoding="utf-8")
    assert all(f"== {name} " in licences for name in ("cytoscape", "leaflet", "vis-timeline", "world-atlas"))
