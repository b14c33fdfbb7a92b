"""HTML pages: main text and metadata (title, date, site, author) through trafilatura."""

from __future__ import annotations

import logging
import sys

from newsgraph.errors import InputError
from newsgraph.ingest.dates import iso_day
from newsgraph.model import SourceDocument

# trafilatura and htmldate log every page they find hard; the CLI reports our own errors instead.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_MIN_WORDS = 5


def read_html(html: str, origin: str, url: str | None = None) -> SourceDocument:
    import trafilatura

    # lxml recurses on deeply nested markup; a generous limit keeps it working
    # on hostile pages, and RecursionError below turns the rest into a clear error.
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 10_000))
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False)
    except (RecursionError, ValueError, TypeError, AttributeError) as err:
        # trafilatura has no error type of its own: any of these means the markup defeated it
        raise InputError(origin, f"cannot parse the HTML ({type(err).__name__})") from None
    finally:
        sys.setrecursionlimit(old_limit)
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if len(text.split()) < _MIN_WORDS:  # a menu or a caption left over when the page has no body
        raise InputError(origin, "no article text found in the HTML")
    return SourceDocument(
        text=text, origin=origin, title=_clean(getattr(found, "title", None)),
        published=iso_day(getattr(found, "date", None)), source=_clean(getattr(found, "sitename", None)),
        url=_clean(getattr(found, "url", None)) or url, author=_clean(getattr(found, "author", None)))


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
