"""Full-text search over documents and claims, ranked, with the matches marked.

    >>> from newsgraph.query import search
    >>> hits = search(store, "sarin")                   # documents and claims, best first
    >>> hits[0].marked()                                # 'the [sarin] attack ...' (rich markup, text escaped)
    >>> hits[0].to_dict()["snippet_html"]              # 'the <mark>sarin</mark> attack ...' (HTML-escaped)
    >>> search(store, "Ghouta", kind="claim", limit=5)

The query language is the backend's (see ``newsgraph.store.search``): FTS5 syntax on SQLite (a syntax error
is a ``SearchSyntaxError`` naming the query), ``websearch_to_tsquery`` on PostgreSQL.  Each hit carries its
facets (kind, outlet, date) and its snippet with the offsets of each match, so a page can highlight safely.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from newsgraph.errors import InputError
from newsgraph.store.search import MARK_END, MARK_START, SearchSyntaxError, run

if TYPE_CHECKING:
    from newsgraph.store import Store

__all__ = ["KINDS", "SearchHit", "SearchSyntaxError", "search"]

KINDS = ("document", "claim")


@dataclass(frozen=True)
class SearchHit:
    kind: str                    # "document" or "claim"
    id: str                      # the doc id, or "doc_id/c1" for a claim
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str                 # plain text
    marks: tuple[tuple[int, int], ...]  # (start, end) of each match in ``snippet``
    score: float                 # higher is better (bm25 on SQLite, ts_rank on PostgreSQL: not comparable)

    def marked(self, start: str = "[bold reverse]", end: str = "[/]") -> str:
        """The snippet as rich markup, each match between ``start`` and ``end``, the text escaped."""
        return _wrap(self.snippet, self.marks, start, end, escape)

    def html(self) -> str:
        """The snippet as HTML, each match in ``<mark>``, the text escaped."""
        return _wrap(self.snippet, self.marks, "<mark>", "</mark>", html.escape)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "doc_id": self.doc_id, "title": self.title,
                "outlet": self.outlet, "published": self.published, "snippet": self.snippet,
                "marks": [list(m) for m in self.marks], "snippet_html": self.html(), "score": round(self.score, 6)}


def _wrap(snippet: str, marks: tuple[tuple[int, int], ...], start: str, end: str, escaper: Any) -> str:
    out, at = [], 0
    for a, b in marks:
        out.extend([escaper(snippet[at:a]), start, escaper(snippet[a:b]), end])
        at = b
    out.append(escaper(snippet[at:]))
    return "".join(out)


def _unmark(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet without its markers, and where the marked spans are."""
    text: list[str] = []
    marks: list[tuple[int, int]] = []
    length, opened = 0, None
    for ch in " ".join(raw.split()):
        if ch == MARK_START:
            opened = length
        elif ch == MARK_END and opened is not None:
            marks.append((opened, length))
            opened = None
        else:
            text.append(ch)
            length += 1
    return "".join(text), tuple(marks)


def search(store: Store, query: str, kind: str | None = None, limit: int = 20) -> list[SearchHit]:
    """The ``limit`` best documents and claims matching ``query`` (only one ``kind`` if given), best first.

    ``SearchSyntaxError`` (an ``InputError``) when the query cannot be parsed; an empty query is one too.
    """
    if not query.strip():
        raise SearchSyntaxError("search ''", "the query is empty")
    if kind is not None and kind not in KINDS:
        raise InputError(f"search kind {kind!r}", f"the kinds are {', '.join(KINDS)}")
    with store.engine.connect() as conn:
        raw = run(conn, query, kind=kind, limit=limit)
    hits = []
    for r in raw:
        snippet, marks = _unmark(r.snippet)
        hits.append(SearchHit(kind=r.kind, id=r.doc_id if r.kind == "document" else f"{r.doc_id}/{r.item}",
                              doc_id=r.doc_id, title=r.title, outlet=r.outlet, published=r.published,
                              snippet=snippet, marks=marks, score=r.score))
    return hits
