"""The JSON API under /api: each route is one library call (``newsgraph.query``, ``Corpus``,
``store.source_grades``) and its ``to_dict()``.  Bad parameters give 400, unknown ids 404, an ambiguous name
409 (with the matches), missing token 403; every error is ``{"error": {"status", "message"}}`` (``errors``)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Query, Request
from pydantic import BaseModel, Field

from newsgraph import query
from newsgraph.model import STANCES
from newsgraph.store import Store
from newsgraph.store.corpus import Corpus
from newsgraph.store.source_grades import grade_source
from newsgraph.web.security import MAX_ID, MAX_NOTE, MAX_PARAM

router = APIRouter(prefix="/api", tags=["api"])

Text = Annotated[str | None, Query(max_length=MAX_PARAM)]
Limit = Annotated[int, Query(ge=1, le=500)]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Date = Annotated[str | None, Query(pattern=DATE, description="2013, 2013-08 or 2013-08-21")]
_ID = re.compile(rf"^[^\x00-\x1f]{{1,{MAX_ID}}}$")


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def checked_id(value: str, what: str) -> str:
    if not _ID.match(value):
        raise HTTPException(400, f"{what} {value[:40]!r}: not an id (1-{MAX_ID} printable characters)")
    return value


def stored_document(request: Request, doc_id: str) -> query.DocumentView:
    """The document ``doc_id`` of the server's store with its extraction, for the API and the page alike;
    404 when the store has none."""
    try:
        return query.document_view(store_of(request), checked_id(doc_id, "document"))
    except KeyError:
        raise HTTPException(404, f"no document {doc_id!r} in the store") from None


def require_token(request: Request) -> None:
    guard = request.app.state.guard
    if not guard.check_token(guard.header_token(request)):
        raise HTTPException(403, "corrections need the server's token (Authorization: Bearer <token> or "
                                 "X-Newsgraph-Token; newsgraph serve prints it, or set NEWSGRAPH_TOKEN)")


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    """How many documents the store holds."""
    return {"documents": len(store_of(request))}


@router.get("/entities")
def entities(request: Request, q: Annotated[str, Query(min_length=1, max_length=MAX_PARAM)]) -> dict[str, Any]:
    """The corpus entities a name may mean (its id, else names and aliases), most documents first."""
    return {"query": q, "matches": [m.to_dict() for m in query.find(store_of(request), q)]}


@router.get("/entities/{entity_id}")
def entity_dossier(request: Request, entity_id: str, limit: Annotated[int, Query(ge=1, le=200)] = 20,
                   linked: Annotated[int, Query(ge=0, le=20)] = 1) -> dict[str, Any]:
    """The dossier of a corpus entity (an id, or a name that means one entity); ``linked``: the records of
    that many corroborating and contradicting claims per claim (``linked`` in the reply)."""
    return query.dossier(store_of(request), checked_id(entity_id, "entity"), limit=limit, linked=linked).to_dict()


@router.get("/documents/{doc_id}")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    """A stored document with its text and extraction (contract form), its entities' corpus ids, and its
    claims' records (``claim_records``: source grade, credibility, corroborating and contradicting claims)."""
    return stored_document(request, doc_id).to_dict()


@router.get("/search")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=MAX_PARAM)],
           kind: Annotated[str | None, Query(pattern="^(document|claim|entity)$")] = None,
           outlet: Text = None, date_from: Date = None, date_to: Date = None, limit: Limit = 20) -> dict[str, Any]:
    """Documents, claims (full text) and entities (by name) matching ``q``, with facets by kind, outlet, date."""
    from newsgraph.web.views import search_results

    return search_results(store_of(request), q, kind, outlet, date_from, date_to, limit)


@router.get("/claims")
def claims(request: Request, about: Text = None, by: Text = None, stance: Text = None, via: Text = None,
           contradicted: bool = False, limit: Limit = 50) -> dict[str, Any]:
    """Claims matching every filter given, newest documents first; a stance the extraction never gives is a
    bad parameter (a misspelt one would only find no claims)."""
    if stance is not None and stance not in STANCES:
        raise HTTPException(400, f"stance {stance[:40]!r}: not a stance (one of {', '.join(STANCES)})")
    found = query.claims(store_of(request), about=about, by=by, stance=stance, via=via, contradicted=contradicted,
                         limit=limit)
    return {"claims": [c.to_dict() for c in found]}


@router.get("/timeline")
def timeline(request: Request, entity: Text = None, place: Text = None, date_from: Date = None,
             date_to: Date = None, claims: bool = True, limit: Limit = 200) -> dict[str, Any]:
    """Corpus events and dated claims in date order, each date at its precision."""
    return query.timeline(store_of(request), entity=entity, place=place, date_from=date_from, date_to=date_to,
                          claims=claims, limit=limit).to_dict()


@router.get("/graph")
def graph(request: Request, type: Annotated[list[str] | None, Query(max_length=10)] = None,
          date_from: Date = None, date_to: Date = None, outlet: Text = None, limit: Limit = 150) -> dict[str, Any]:
    """The link chart: corpus entities and the evidence linking them, filtered by type, dates, outlet."""
    types = [t for t in (type or []) if t]
    bad = [t for t in types if t.upper() not in ("PER", "ORG", "GPE", "LOC", "FAC", "WEA", "VEH")]
    if bad:
        raise HTTPException(400, f"type {bad[0][:20]!r}: the types are PER ORG GPE LOC FAC WEA VEH")
    return query.graph(store_of(request), types, date_from, date_to, outlet, limit).to_dict()


@router.get("/places")
def places(request: Request, date_from: Date = None, date_to: Date = None, outlet: Text = None) -> dict[str, Any]:
    """The map: places corpus events are reported at, with report counts and the precision of each point."""
    return {"places": [p.to_dict() for p in query.places(store_of(request), date_from, date_to, outlet)]}


# -- corrections (token) -------------------------------------------------------------------------------
class Merge(BaseModel):
    a: str = Field(min_length=1, max_length=MAX_ID)
    b: str = Field(min_length=1, max_length=MAX_ID)
    note: str | None = Field(default=None, max_length=MAX_NOTE)


class Split(BaseModel):
    entity: str = Field(min_length=1, max_length=MAX_ID)
    doc_id: str = Field(min_length=1, max_length=MAX_ID)
    name: str | None = Field(default=None, max_length=MAX_ID)
    note: str | None = Field(default=None, max_length=MAX_NOTE)


class Grade(BaseModel):
    grade: str = Field(pattern="^[A-Fa-f]$", description="A (reliable) to F (cannot be judged)")
    note: str | None = Field(default=None, max_length=MAX_NOTE)


@router.post("/corrections/merge")
def merge(request: Request, body: Annotated[Merge, Body()]) -> dict[str, Any]:
    """Merge two corpus entities (needs the token)."""
    require_token(request)
    return Corpus(store_of(request)).merge(body.a, body.b, author="web", note=body.note).to_dict()


@router.post("/corrections/split")
def split(request: Request, body: Annotated[Split, Body()]) -> dict[str, Any]:
    """Split a corpus entity's mentions in one document off into an entity of their own (needs the token)."""
    require_token(request)
    return Corpus(store_of(request)).split(body.entity, body.doc_id, author="web", note=body.note,
                                           name=body.name).to_dict()


@router.get("/sources")
def sources(request: Request) -> dict[str, Any]:
    """Every graded source: the grades file's, with the store's own grades over them (``overridden``)."""
    from newsgraph.store.source_grades import graded_sources

    return {"sources": [vars(s) for s in graded_sources(store_of(request))]}


@router.post("/sources/{outlet}/grade")
def grade(request: Request, outlet: str, body: Annotated[Grade, Body()]) -> dict[str, Any]:
    """Grade a source's reliability (Admiralty A-F) in this store, over the grades file (needs the token).
    Its claims show the new grade at once (claims' grades are worked out when read)."""
    require_token(request)
    graded = grade_source(store_of(request), checked_id(outlet, "source"), body.grade, note=body.note)
    return vars(graded)
