"""The HTML pages: search, entity dossier, document, link chart, map, timeline, and the token login.

Each renders one library call's records (the same calls as the API and the CLI) with Jinja2, autoescaped.
The link chart, map and timeline pages are shells whose scripts (static/*.js) read the JSON API.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from newsgraph import query
from newsgraph.query import Segment
from newsgraph.store import schema
from newsgraph.store.corpus import Corpus
from newsgraph.store.source_grades import grade_source
from newsgraph.web.api import DATE, checked_id, store_of, stored_document
from newsgraph.web.security import MAX_ID, MAX_NOTE, MAX_PARAM, SESSION_COOKIE
from newsgraph.web.views import search_results

router = APIRouter(include_in_schema=False)

Text = Annotated[str | None, Query(max_length=MAX_PARAM)]
Date = Annotated[str | None, Query(pattern=DATE)]
Kind = Annotated[str | None, Query(pattern="^(document|claim|entity)$")]


def render(request: Request, name: str, page: str, status: int = 200, **context: Any) -> HTMLResponse:
    guard = request.app.state.guard
    session = guard.session_of(request)
    html = request.app.state.templates.get_template(name).render(
        page=page, logged_in=session is not None, csrf=guard.csrf(session) if session else None, **context)
    return HTMLResponse(html, status_code=status)


def _outlets(request: Request) -> list[str]:
    d = schema.documents
    with store_of(request).engine.connect() as conn:
        return sorted(x for x in conn.execute(select(d.c.source).distinct()).scalars() if x)


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, q: Text = None, kind: Kind = None, outlet: Text = None, date_from: Date = None,
                date_to: Date = None) -> HTMLResponse:
    result = search_results(store_of(request), q, kind, outlet, date_from, date_to, 30) if q and q.strip() else None
    chosen = {"q": q, "kind": kind, "outlet": outlet, "date_from": date_from, "date_to": date_to}

    def facet_link(name: str, value: str) -> str:
        if name == "month":
            wanted = {"date_from": value, "date_to": value} if value != "undated" else {}
        else:
            wanted = {name: value}
        return "/?" + urlencode({k: v for k, v in {**chosen, **wanted}.items() if v})

    def snippet_parts(hit: dict[str, Any]) -> list[tuple[str, bool]]:
        text, at, out = hit["snippet"], 0, []
        for a, b in hit["marks"]:
            out += [(text[at:a], False), (text[a:b], True)]
            at = b
        return [*out, (text[at:], False)]

    return render(request, "search.html", "search", q=q, result=result, documents=len(store_of(request)),
                  facet_link=facet_link, snippet_parts=snippet_parts)


@router.get("/entity/{entity_id:path}", response_class=HTMLResponse)
def dossier_page(request: Request, entity_id: str) -> HTMLResponse:
    store = store_of(request)
    found = query.dossier(store, checked_id(entity_id, "entity"))
    d = found.to_dict()
    # the events' per-source figures and documents are filled in by static/dossier.js from /api/timeline:
    # DossierEvent has neither (yet), and a timeline() here would double the page's time
    claim_index = {c["id"]: c for c in (*d["claims_by"]["claims"], *d["claims_about"]["claims"], *d["linked"])}
    cap = found.count_cap

    def total(n: int) -> str:
        return f"more than {cap}" if n > cap else str(n)

    return render(request, "dossier.html", "dossier", d=d, claim_index=claim_index, total=total)


@router.get("/document/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    view = stored_document(request, doc_id)
    doc = view.document
    info = {}
    for e in doc.entities:
        cid = view.corpus.get(e.id)
        info[e.id] = {"id": cid or e.id, "name": view.labels.get(cid, e.name) if cid else e.name, "type": e.type,
                      "href": f"/entity/{quote(cid, safe='')}" if cid else "#"}

    def entity_name(local: str | None) -> str:
        return info[local]["name"] if local and local in info else (local or "")

    def seg_class(s: Segment) -> str:
        return " ".join(x for x in ("seg", "ev" if s.claims else "", "furniture" if s.furniture else "") if x)

    ev_starts = {c.evidence.start: c.id for c in reversed(doc.claims)}
    return render(request, "document.html", "document", doc=doc, view=view, entity_info=info,
                  entity_name=entity_name, seg_class=seg_class, ev_starts=ev_starts,
                  source_grade=_grade_of(request, doc.source))


def _grade_of(request: Request, outlet: str | None) -> str | None:
    """The reliability letter the store or the grades file gives this outlet, if either does."""
    from newsgraph.store.source_grades import graded_sources
    from newsgraph.vocab.sources import fold, load_sources

    if not outlet:
        return None
    known = load_sources().find(outlet)
    key = known.key if known else fold(outlet)
    return next((s.grade for s in graded_sources(store_of(request)) if fold(s.name) == key), None)


def _filters(types: list[str] | None = None, **given: str | None) -> dict[str, Any]:
    return {"types": types or [], **given}


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, type: Annotated[list[str] | None, Query(max_length=10)] = None,
               date_from: Date = None, date_to: Date = None, outlet: Text = None, focus: Text = None) -> HTMLResponse:
    f = _filters(type, date_from=date_from, date_to=date_to, outlet=outlet, focus=focus)
    return render(request, "graph.html", "graph", f=f, outlets=_outlets(request))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, date_from: Date = None, date_to: Date = None, outlet: Text = None,
             focus: Text = None) -> HTMLResponse:
    f = _filters(date_from=date_from, date_to=date_to, outlet=outlet, focus=focus)
    return render(request, "map.html", "map", f=f, outlets=_outlets(request))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, entity: Text = None, place: Text = None, date_from: Date = None,
                  date_to: Date = None) -> HTMLResponse:
    f = _filters(entity=entity, place=place, date_from=date_from, date_to=date_to)
    return render(request, "timeline.html", "timeline", f=f, outlets=[])


# -- corrections through forms: a token login gives a session; each form carries its CSRF token ----------
@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    return render(request, "login.html", "login")


@router.post("/login")
def login(request: Request, token: Annotated[str, Form(max_length=200)]) -> Response:
    guard = request.app.state.guard
    if not guard.check_token(token):
        return render(request, "login.html", "login", status=403, failed=True)
    response = RedirectResponse("/login", status_code=303)
    response.set_cookie(SESSION_COOKIE, guard.login(), httponly=True, samesite="strict", path="/")
    return response


def _form_guard(request: Request, csrf: str | None) -> None:
    if not request.app.state.guard.form_allowed(request, csrf):
        raise HTTPException(403, "corrections need a logged-in session (/login) and the form's CSRF token")


@router.post("/entity/{entity_id:path}/merge")
def merge_form(request: Request, entity_id: str, other: Annotated[str, Form(max_length=MAX_ID)],
               csrf: Annotated[str | None, Form(max_length=200)] = None,
               note: Annotated[str | None, Form(max_length=MAX_NOTE)] = None) -> Response:
    _form_guard(request, csrf)
    merged = Corpus(store_of(request)).merge(entity_id, other, author="web", note=note or None)
    return RedirectResponse(f"/entity/{quote(merged.id, safe='')}", status_code=303)


@router.post("/entity/{entity_id:path}/split")
def split_form(request: Request, entity_id: str, doc_id: Annotated[str, Form(max_length=MAX_ID)],
               csrf: Annotated[str | None, Form(max_length=200)] = None,
               note: Annotated[str | None, Form(max_length=MAX_NOTE)] = None) -> Response:
    _form_guard(request, csrf)
    Corpus(store_of(request)).split(entity_id, doc_id, author="web", note=note or None)
    return RedirectResponse(f"/entity/{quote(entity_id, safe='')}", status_code=303)


@router.post("/source/{outlet:path}/grade")
def grade_form(request: Request, outlet: str, grade: Annotated[str, Form(pattern="^[A-Fa-f]$")],
               back: Annotated[str, Form(max_length=MAX_ID)] = "",
               csrf: Annotated[str | None, Form(max_length=200)] = None,
               note: Annotated[str | None, Form(max_length=MAX_NOTE)] = None) -> Response:
    _form_guard(request, csrf)
    grade_source(store_of(request), checked_id(outlet, "source"), grade, note=note or None)
    target = f"/document/{quote(back, safe='')}" if back else "/"
    return RedirectResponse(target, status_code=303)
