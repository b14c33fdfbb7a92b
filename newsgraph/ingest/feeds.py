"""RSS and Atom files: one document per entry, its content (or summary) with the HTML stripped."""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.errors import InputError
from newsgraph.ingest.dates import iso_day
from newsgraph.ingest.markup import strip_tags
from newsgraph.model import SourceDocument


def read_feed(data: bytes, origin: str, max_chars: int) -> Iterator[SourceDocument | InputError]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        why = f" ({type(reason).__name__}: {reason})" if parsed.get("bozo") and reason else ""
        raise InputError(origin, f"not an RSS/Atom feed with entries{why}")
    feed = parsed.get("feed", {})
    source = feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#entry{number}"
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else entry.get("summary", "")
        text = strip_tags(body or "")
        if not text:
            yield InputError(where, "entry has no content or summary text")
            continue
        if len(text) > max_chars:
            yield InputError(where, f"text is {len(text):,} characters; the per-document limit is {max_chars:,}")
            continue
        yield SourceDocument(
            text=text, origin=where, title=strip_tags(entry.get("title", "")) or None,
            published=iso_day(entry.get("published_parsed") or entry.get("updated_parsed")),
            source=source, url=entry.get("link") or None, author=entry.get("author") or None)
