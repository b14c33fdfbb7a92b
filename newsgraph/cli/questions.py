"""Commands that ask the corpus (entity, timeline, search, claims) and serve the web UI."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Annotated

import typer
from rich.markup import escape

from newsgraph.cli.common import (
    DbOption,
    FormatOption,
    P,
    R,
    TableFormat,
    _edge,
    _print_json,
    _report,
    app,
    count_option,
    err,
    out,
)
from newsgraph.errors import InputError
from newsgraph.model import STANCES

# -- asking the corpus: newsgraph.query (dossier, timeline, search, claims) ---------------------------
# A name that means several entities or none exits 1 (the candidates, or the closest names, are printed);
# a search query the database cannot parse exits 2, like any other usage error.

def _asking(func: Callable[P, R]) -> Callable[P, R]:
    """Ambiguous names list their candidates (a table, or JSON on stdout) and exit 1; a bad search query
    exits 2; everything else goes through ``_edge``."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from newsgraph.query import AmbiguousName, SearchSyntaxError  # here: the other commands need not import it

        try:
            return func(*args, **kwargs)
        except AmbiguousName as error:
            if kwargs.get("format") is TableFormat.json:
                _print_json({"error": str(error), "matches": [m.to_dict() for m in error.matches]})
            else:
                from newsgraph.query.tables import matches_table
                out.print(matches_table(error.name, error.matches))
            _report(str(error))
            raise typer.Exit(1) from None
        except SearchSyntaxError as error:
            _report(str(error))
            raise typer.Exit(2) from None
    return _edge(wrapper)


LimitOption = Annotated[int, count_option("--limit", "Items listed (per list)")]


@app.command()
@_asking
def entity(name: Annotated[str, typer.Argument(help="A corpus id, a name or an alias")], db: DbOption = None,
           limit: LimitOption = 20, format: FormatOption = TableFormat.table) -> None:
    """The dossier of an entity: names, roles, claims by and about it, related entities, its events."""
    from newsgraph.query import dossier
    from newsgraph.store import Store

    with Store.existing(db) as store:
        found = dossier(store, name, limit=limit)
    if format is TableFormat.json:
        _print_json(found.to_dict())
        return
    from newsgraph.query.tables import dossier_view
    out.print(dossier_view(found))


@app.command()
@_asking
def timeline(db: DbOption = None,
             entity: Annotated[str | None, typer.Option("--entity", help="A corpus id or name, in any role")] = None,
             place: Annotated[str | None, typer.Option("--place", help="A place (a country: all places in it)")] = None,
             date_from: Annotated[str | None, typer.Option("--from", help="2013, 2013-08 or 2013-08-21")] = None,
             date_to: Annotated[str | None, typer.Option("--to", help="2013, 2013-08 or 2013-08-21")] = None,
             no_claims: Annotated[bool, typer.Option("--no-claims", help="Events only")] = False,
             limit: LimitOption = 200, format: FormatOption = TableFormat.table) -> None:
    """Corpus events and dated claims in date order, each date at its precision."""
    from newsgraph.query import timeline as build
    from newsgraph.store import Store

    for value, option in ((date_from, "--from"), (date_to, "--to")):
        if value is not None and _bad_date(value):
            raise typer.BadParameter(f"{value!r} is not a date like 2013, 2013-08 or 2013-08-21", param_hint=option)
    if _empty_range(date_from, date_to):  # else the timeline is silently empty, as if the corpus had nothing
        raise typer.BadParameter(f"{date_from!r} is after --to {date_to!r}: no day lies in that range",
                                 param_hint="--from")
    with Store.existing(db) as store:
        found = build(store, entity=entity, place=place, date_from=date_from, date_to=date_to,
                      claims=not no_claims, limit=limit)
    if format is TableFormat.json:
        _print_json(found.to_dict())
        return
    from newsgraph.query.tables import timeline_table
    out.print(timeline_table(found))


def _bad_date(value: str) -> bool:
    from newsgraph.query.dates import precision
    return precision(value) is None


def _empty_range(date_from: str | None, date_to: str | None) -> bool:
    """Whether the first day ``date_from`` covers comes after the last day ``date_to`` covers (2017 after 2016-05)."""
    from newsgraph.resolve.reports import interval
    low, high = interval(date_from), interval(date_to)
    return low is not None and high is not None and low[0] > high[1]


@app.command()
@_asking
def search(query: Annotated[str, typer.Argument(help="Words, \"a phrase\", AND/OR/NOT, prefix* (SQLite FTS5); "
                                                     "on PostgreSQL web-search syntax")],
           db: DbOption = None,
           kind: Annotated[str | None, typer.Option("--kind", help="document or claim")] = None,
           limit: LimitOption = 20, format: FormatOption = TableFormat.table) -> None:
    """Full-text search over documents and claims, best first, the matches marked."""
    from newsgraph.query import search as find
    from newsgraph.store import Store

    with Store.existing(db) as store:
        hits = find(store, query, kind=kind, limit=limit)
    if format is TableFormat.json:
        _print_json([h.to_dict() for h in hits])
        return
    from newsgraph.query.tables import search_table
    out.print(search_table(query, hits))


def _known_stance(value: str | None) -> str | None:
    """A stance the extraction gives: a misspelt one would only find no claims."""
    if value is not None and value not in STANCES:
        raise typer.BadParameter(f"{value!r} is not a stance (one of {', '.join(STANCES)})")
    return value


@app.command()
@_asking
def claims(db: DbOption = None,
           about: Annotated[str | None, typer.Option("--about", help="A corpus id or name claims are about")] = None,
           by: Annotated[str | None, typer.Option("--by", help="A corpus id or name of the speaker")] = None,
           stance: Annotated[str | None, typer.Option("--stance", callback=_known_stance,
                                                      help=f"One of {', '.join(STANCES)}")] = None,
           via: Annotated[str | None, typer.Option("--via", help="A relaying entity, or the document's outlet")] = None,
           contradicted: Annotated[bool, typer.Option(
               "--contradicted", help="Only claims disputed in their document or contradicted by another")] = False,
           limit: LimitOption = 50, format: FormatOption = TableFormat.table) -> None:
    """Claims by filter: speaker → via → stance → credibility, with the evidence sentence."""
    from newsgraph.query import claims as find
    from newsgraph.store import Store

    with Store.existing(db) as store:
        found = find(store, about=about, by=by, stance=stance, via=via, contradicted=contradicted, limit=limit)
    if format is TableFormat.json:
        _print_json([c.to_dict() for c in found])
        return
    from newsgraph.query.tables import claims_table
    out.print(claims_table(f"{len(found)} claims (newest documents first)", found))


# -- the web UI and REST API: newsgraph.web -------------------------------------------------------

@app.command()
@_edge
def serve(db: DbOption = None,
          host: Annotated[str, typer.Option("--host", help="Address to bind (another than 127.0.0.1 exposes "
                                                           "the store to the network)")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port")] = 8000) -> None:
    """Serve the web UI (search, dossiers, documents, link chart, map, timeline) and the JSON API (/docs)."""
    try:
        import uvicorn

        from newsgraph.web.app import create_app
    except ImportError as error:
        raise InputError("newsgraph serve", f"the web extra is not installed ({error.name}): "
                                            "pip install 'newsgraph[web]', or make install") from None
    _listenable(host, port)
    web = create_app(db)
    guard = web.state.guard
    where = "this machine only" if host in ("127.0.0.1", "localhost", "::1") else "THE NETWORK"
    err.print(f"newsgraph: serving {escape(str(web.state.store.url))} on http://{host}:{port}/ ({where}); "
              f"API docs at /docs")
    if guard.generated:
        err.print(f"newsgraph: corrections token (generated; set NEWSGRAPH_TOKEN to choose one): {guard.token}")
    else:
        err.print("newsgraph: corrections token from NEWSGRAPH_TOKEN")
    uvicorn.run(web, host=host, port=port, log_level="warning")


def _listenable(host: str, port: int) -> None:
    """Stop with one error naming the address when the server could not listen there (another server has the
    port, the host is not this machine's): uvicorn would print the banner and the token first, then exit 3."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise InputError(f"--host {host}", f"not an address this machine can serve on ({error.strerror})") from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: a port in TIME_WAIT is free
        try:
            probe.bind(address)
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            raise InputError(f"{host}:{port}", f"cannot serve here ({reason}); choose another --port or --host") \
                from None
