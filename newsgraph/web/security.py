"""What keeps the server safe with hostile articles and a browser on the analyst's machine.

- Every response carries a Content-Security-Policy with no inline scripts or styles (``CSP``): the pages'
  scripts are static files, data reaches them as JSON from the API and is written with ``textContent``.
- ``Limits``: a query string longer than ``MAX_QUERY`` bytes gets 414, a body over ``MAX_BODY`` 413,
  before any route reads it (the sizes are ``newsgraph.settings.WebSettings``).
- Corrections need the server's token: in a header (``Authorization: Bearer …`` or ``X-Newsgraph-Token``)
  for the API, which a cross-site page cannot send; for the HTML forms, a session cookie given by the
  token login (HttpOnly, SameSite=Strict) and a CSRF token derived from that session in each form.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from newsgraph.settings import settings

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {"content-security-policy": CSP, "x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
           "x-frame-options": "DENY", "cross-origin-opener-policy": "same-origin"}
_LIMITS = settings().web   # read once: the routes' parameter annotations are built at import
MAX_QUERY = _LIMITS.max_query   # bytes of query string
MAX_BODY = _LIMITS.max_body     # bytes of request body
MAX_PARAM = _LIMITS.max_param   # characters of one text parameter
MAX_NOTE = _LIMITS.max_note     # characters of a correction's note
MAX_ID = _LIMITS.max_id         # characters of an id in a correction
SESSION_COOKIE = "newsgraph_session"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass
class Guard:
    """The server's token, and the sessions that logged in with it (kept in memory: a restart logs out)."""

    token: str
    generated: bool = False
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    sessions: set[str] = field(default_factory=set)

    @classmethod
    def make(cls, token: str | None) -> Guard:
        given = token or os.environ.get("NEWSGRAPH_TOKEN")
        return cls(token=given, generated=False) if given else cls(token=secrets.token_urlsafe(24), generated=True)

    def check_token(self, presented: str | None) -> bool:
        if not presented:
            return False
        return hmac.compare_digest(presented.encode(), self.token.encode())

    def header_token(self, request: Request) -> str | None:
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return request.headers.get("x-newsgraph-token")

    def login(self) -> str:
        session = secrets.token_urlsafe(24)
        self.sessions.add(session)
        return session

    def session_of(self, request: Request) -> str | None:
        session = request.cookies.get(SESSION_COOKIE)
        return session if session in self.sessions else None

    def csrf(self, session: str) -> str:
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()

    def form_allowed(self, request: Request, csrf_token: str | None) -> bool:
        """A form post from a logged-in session, with that session's CSRF token, from this origin."""
        session = self.session_of(request)
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
            return False
        return session is not None and bool(csrf_token) and hmac.compare_digest(self.csrf(session), csrf_token or "")


class Limits:
    """ASGI middleware: size limits on the query string and body, and the security headers on every reply."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY:
            await _refuse(scope, send, 414, f"the query string is over {MAX_QUERY} bytes")
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
            await _refuse(scope, send, 413, f"the request body is over {MAX_BODY} bytes")
            return
        body, more, chunks = 0, True, []
        while more and scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
            message = await receive()
            chunks.append(message)
            body += len(message.get("body", b""))
            more = message.get("more_body", False)
            if body > MAX_BODY:  # chunked, without a length
                await _refuse(scope, send, 413, f"the request body is over {MAX_BODY} bytes")
                return

        async def replay() -> Message:
            return chunks.pop(0) if chunks else await receive()

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in HEADERS]
                message["headers"] = [*headers, *((k.encode(), v.encode()) for k, v in HEADERS.items())]
            await send(message)

        await self.app(scope, replay if chunks else receive, secured)


async def _refuse(scope: Scope, send: Send, status: int, message: str) -> None:
    from newsgraph.web.errors import error_body

    body, content_type = error_body(str(scope.get("path", "")), status, message)
    headers = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode()),
               *((k.encode(), v.encode()) for k, v in HEADERS.items())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
