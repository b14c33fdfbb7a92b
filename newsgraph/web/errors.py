"""Errors as the client expects them: JSON under /api (``{"error": {"status", "message", ...}}``), a small
escaped HTML page elsewhere; library errors mapped to their HTTP status, never a traceback."""

from __future__ import annotations

import html
import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from newsgraph.errors import CorrectionError, InputError, NewsgraphError
from newsgraph.query import AmbiguousName, SearchSyntaxError, UnknownName

log = logging.getLogger("newsgraph.web")

_TITLES = {400: "Bad request", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
           409: "Ambiguous name", 413: "Request too large", 414: "Query string too long", 500: "Server error"}


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def error_body(path: str, status: int, message: str, extra: dict[str, Any] | None = None) -> tuple[bytes, str]:
    """(body, content type) of an error reply for ``path``."""
    if is_api(path):
        return (json.dumps({"error": {"status": status, "message": message, **(extra or {})}}).encode(),
                "application/json")
    title = _TITLES.get(status, "Error")
    page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} · newsgraph</title>'
            '<link rel="stylesheet" href="/static/newsgraph.css">'
            '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"></head><body><main class="error">'
            f'<h1>{status} {title}</h1><p>{html.escape(message)}</p><p><a href="/">Search</a></p></main></body></html>')
    return page.encode(), "text/html; charset=utf-8"


def reply(request: Request, status: int, message: str, extra: dict[str, Any] | None = None) -> Response:
    body, content_type = error_body(request.url.path, status, message, extra)
    return Response(body, status_code=status, media_type=content_type)


def status_of(exc: NewsgraphError) -> int:
    if isinstance(exc, UnknownName):
        return 404
    if isinstance(exc, AmbiguousName):
        return 409
    if isinstance(exc, (SearchSyntaxError, InputError, CorrectionError)):
        return 400
    return 500


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into ``reply``."""

    @app.exception_handler(NewsgraphError)
    async def library_error(request: Request, exc: NewsgraphError) -> Response:
        extra: dict[str, Any] | None = None
        if isinstance(exc, AmbiguousName):
            extra = {"matches": [m.to_dict() for m in exc.matches]}
        if isinstance(exc, UnknownName):
            extra = {"closest": exc.closest}
        return reply(request, status_of(exc), str(exc), extra)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
                    for e in exc.errors()]
        return reply(request, 400, "; ".join(problems) or "bad parameter")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return reply(request, exc.status_code, message)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return reply(request, 500, f"internal error ({type(exc).__name__}); the server log has the details")
