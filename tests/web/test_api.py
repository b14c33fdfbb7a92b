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


def test_every_claim_shows_its_grade_in_the_dossier_document_and_search_pages(client: Any) -> None:
    claim = a_graded_claim(client)
    grade = claim["credibility"]
    local = claim["id"].split("/")[-1]
    shown = re.compile(rf'class="grade" data-grade="{grade}"[^>]*>{grade}<')
    document = client.get(f"/document/{claim['doc_id']}").text
    item = re.search(rf'<li id="claim-{local}".*?</li>', document, re.S)
    assert item and shown.search(item.group(0))
    holder = claim["speaker"] or (claim["about"] or [None])[0]
    assert holder, "a graded claim with neither a speaker nor a subject"
    dossier = client.get(f"/entity/{holder['id']}").text
    row = re.search(rf'<tr class="claim"[^>]*data-claim="{re.escape(claim["id"])}".*?</tr>', dossier, re.S)
    assert row and shown.search(row.group(0))
    word = max(re.findall(r"[A-Za-z]{6,}", claim["evidence"]["text"]), key=len)
    hits = client.get("/", params={"q": word, "kind": "claim"}).text
    hit = re.search(rf'<li class="hit hit-claim">(?:(?!</li>).)*#claim-{local}".*?</li>', hits, re.S)
    if hit:  # the claim is among the hits shown: its grade is beside it
        assert shown.search(hit.group(0))
    graded = re.findall(r'<li class="hit hit-claim">.*?</li>', hits, re.S)
    assert graded and all('class="grade' in h for h in graded)


def test_the_dossier_shows_contradicting_claims_beside_the_claim(client: Any) -> None:
    # corpus-ghouta.json: Syria's denial (fakes-0482) against Moshe Yaalon's accusation (fakes-0516)
    found = client.get("/api/claims", params={"contradicted": True, "limit": 500}).json()["claims"]
    denial = next(c for c in found if c["doc_id"] == "fakes-0482" and c["cue"] == "denied"
                  and "using chemical" in c["text"])
    holder = denial["speaker"] or denial["about"][0]
    page = client.get(f"/entity/{holder['id']}").text
    section = page.split('<section id="disputes">')[1].split("</section>")[0]
    rows = section.split('<div class="dispute">')[1:]
    row = next(r for r in rows if f'data-claim="{denial["id"]}"' in r.split('class="side corroborating"')[0])
    against = row.split('class="side contradicting"')[1]
    cards = re.findall(r'<div class="claim-card" data-claim="([^"]+)">(.*?)</div>', against, re.S)
    assert {cid for cid, _ in cards} == set(denial["contradicted_by"])
    linked = {c["id"]: c for c in client.get(f"/api/entities/{holder['id']}").json()["linked"]}
    shown = [(cid, body) for cid, body in cards if cid in linked]
    assert shown, "the contradicting claims the dossier has records of are shown with their evidence"
    for cid, body in shown:
        assert "evidence-text" in body and f'data-grade="{linked[cid]["credibility"]}"' in body


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


def a_graded_claim(client: Any) -> dict[str, Any]:
    """A claim of a document with an outlet, that the claims layer grades (through the API)."""
    found = client.get("/api/claims", params={"limit": 500}).json()["claims"]
    return next(c for c in found if c["outlet"] and c["credibility"] and c["doc_id"] != "hostile-page")


def test_source_grade_with_the_token_changes_the_grade_its_claims_show(writable: Any) -> None:
    claim = a_graded_claim(writable)
    new = "E" if claim["source_grade"] != "E" else "B"
    url = f"/api/sources/{claim['outlet']}/grade"
    got = writable.post(url, json={"grade": new.lower(), "note": "test"}, headers={"X-Newsgraph-Token": TOKEN})
    assert got.status_code == 200, got.text
    assert got.json()["grade"] == new and got.json()["overridden"] is True
    listed = {s["name"]: s for s in writable.get("/api/sources").json()["sources"]}
    assert listed[got.json()["name"]]["grade"] == new
    regraded = next(c for c in writable.get("/api/claims", params={"limit": 500}).json()["claims"]
                    if c["id"] == claim["id"])
    assert regraded["source_grade"] == new and regraded["credibility"][0] == new
    document = writable.get(f"/api/documents/{claim['doc_id']}").json()
    assert document["claim_records"][claim["id"].split("/")[-1]]["source_grade"] == new


def test_bad_grades_are_clear_400s_and_change_nothing(writable: Any) -> None:
    claim = a_graded_claim(writable)
    url = f"/api/sources/{claim['outlet']}/grade"
    for body in ({"grade": "Z"}, {"grade": "B2"}, {"grade": ""}, {}, {"grade": "B", "note": "x" * 3000}):
        assert error_of(writable.post(url, json=body, headers={"X-Newsgraph-Token": TOKEN}), 400)
    bad_name = writable.post("/api/sources/%20/grade", json={"grade": "B"}, headers={"X-Newsgraph-Token": TOKEN})
    assert "needs a name" in error_of(bad_name, 400)
    again = next(c for c in writable.get("/api/claims", params={"limit": 500}).json()["claims"] if c["id"] == claim["id"])
    assert again["source_grade"] == claim["source_grade"]


def test_split_with_the_token(writable: Any, web_db: Path) -> None:
    claim = a_person(web_db)
    person = claim.speaker.id
    before = writable.get(f"/api/entities/{person}").json()["entity"]["documents"]
    body = {"entity": person, "doc_id": claim.doc_id, "note": "test"}
    assert error_of(writable.post("/api/corrections/split", json=body), 403)
    got = writable.post("/api/corrections/split", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    if before < 2:  # a split of an entity's only document is refused by the corpus layer, with a reason
        assert error_of(got, 400)
        return
    assert got.status_code == 200, got.text
    split_off = got.json()["id"]
    assert split_off != person
    assert writable.get(f"/api/entities/{person}").json()["entity"]["documents"] < before
    assert error_of(writable.post("/api/corrections/split", json={"entity": person, "doc_id": "no-such-doc"},
                                  headers={"X-Newsgraph-Token": TOKEN}), 400)


def test_the_generated_token_is_the_only_one_accepted(web_db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    copy = tmp_path / "copy.db"
    with sqlite3.connect(web_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    app = create_app(str(copy))
    assert app.state.guard.generated and len(app.state.guard.token) >= 24
    with TestClient(app) as client:
        claim = a_graded_claim(client)
        url = f"/api/sources/{claim['outlet']}/grade"
        assert error_of(client.post(url, json={"grade": "C"}, headers={"X-Newsgraph-Token": TOKEN}), 403)
        done = client.post(url, json={"grade": "C"}, headers={"X-Newsgraph-Token": app.state.guard.token})
        assert done.status_code == 200
    monkeypatch.setenv("NEWSGRAPH_TOKEN", "from-the-environment")
    assert create_app(str(copy)).state.guard.token == "from-the-environment"


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


def test_the_grade_form_needs_a_session_and_its_csrf_token(writable: Any) -> None:
    claim = a_graded_claim(writable)
    url = f"/source/{claim['outlet']}/grade"
    assert writable.post(url, data={"grade": "F", "csrf": "guess"}).status_code == 403
    writable.post("/login", data={"token": TOKEN})
    page = writable.get(f"/document/{claim['doc_id']}").text
    assert '<select name="grade">' in page
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert csrf
    assert writable.post(url, data={"grade": "F", "csrf": csrf.group(1)},
                         headers={"Origin": "http://evil.example"}).status_code == 403
    assert writable.post(url, data={"grade": "Q", "csrf": csrf.group(1)}).status_code == 400
    done = writable.post(url, data={"grade": "F", "csrf": csrf.group(1), "back": claim["doc_id"]},
                         follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].startswith("/document/")
    shown = writable.get(f"/document/{claim['doc_id']}").text
    local = claim["id"].split("/")[-1]
    item = re.search(rf'<li id="claim-{local}".*?</li>', shown, re.S)
    assert item and re.search(r'class="grade"[^>]*>F\d<', item.group(0))


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


def test_a_misspelt_stance_is_a_400_naming_it_and_the_stances(client: Any) -> None:
    message = error_of(client.get("/api/claims", params={"stance": "denyed"}), 400)
    assert "denyed" in message and "denied" in message and "hedged" in message
    assert client.get("/api/claims", params={"stance": "denied"}).status_code == 200
