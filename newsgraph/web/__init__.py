"""``newsgraph serve``: the web UI and REST API; ``newsgraph.web.app.create_app`` builds the app.

FastAPI and Jinja2 are imported only when the app is built (the ``web`` extra), not by the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(store_url: str | None = None, token: str | None = None, **options: Any) -> FastAPI:
    from newsgraph.web.app import create_app as build

    return build(store_url, token=token, **options)
