"""The web UI and REST API: a FastAPI app over one store, thin shells over ``newsgraph.query``.

    >>> from newsgraph.web import create_app
    >>> app = create_app("news.db", token="s3cret")      # uvicorn.run(app, host="127.0.0.1", port=8000)

Pages (``pages``) are rendered server-side with Jinja2 (autoescape on); the link chart, map and timeline
scripts read the JSON API (``api``).  Read-only, but for the corrections, which need the token
(``security.Guard``).  ``create_app`` refuses to build the app when the front-end assets are missing.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader

from newsgraph.store import Store
from newsgraph.web import api, assets, errors, pages
from newsgraph.web.security import Guard, Limits

HERE = Path(__file__).parent


def create_app(store_url: str | None = None, token: str | None = None, check_assets: bool = True) -> FastAPI:
    """The app over the store at ``store_url`` (SQLite path or postgresql:// URL; default as the CLI's).

    ``token``: the corrections token (default ``$NEWSGRAPH_TOKEN``, else a random one: ``app.state.guard``).
    """
    if check_assets:
        assets.require()
    app = FastAPI(title="newsgraph", version="0.1.0",
                  description="Dossiers, claims with their evidence, corpus events, search: read-only, "
                              "but for the corrections (which need the server's token).")
    app.state.store = Store(store_url)
    app.state.guard = Guard.make(token)
    app.state.templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True)
    app.add_middleware(Limits)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.router.add_event_handler("shutdown", app.state.store.close)
    return app
