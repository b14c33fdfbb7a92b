"""JSON Lines: one article per line, ``text`` required, ``title``/``published``/``source``/``url``/``author`` optional."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from newsgraph.errors import InputError
from newsgraph.ingest.dates import iso_day
from newsgraph.model import SourceDocument

_META = ("title", "source", "url", "author")


def read_jsonl(lines: Iterable[str], origin: str, max_chars: int) -> Iterator[SourceDocument | InputError]:
    """One item per non-blank line; a bad line is reported with its number and the rest go on."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            yield _record(line, where, max_chars)
        except InputError as err:
            yield err


def _record(line: str, where: str, max_chars: int) -> SourceDocument:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        raise InputError(where, f"not valid JSON ({err})") from None
    if not isinstance(obj, dict):
        raise InputError(where, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(where, "no \"text\" string")
    if not text.strip():
        raise InputError(where, "\"text\" is empty")
    if len(text) > max_chars:
        raise InputError(where, f"text is {len(text):,} characters; the per-document limit is {max_chars:,}")
    raw_date = obj.get("published", obj.get("date"))
    published = iso_day(raw_date)
    if raw_date not in (None, "") and published is None:
        raise InputError(where, f"\"published\" {raw_date!r} is not a YYYY-MM-DD date")
    meta = {k: v.strip() or None if isinstance(v, str) else None for k, v in obj.items() if k in _META}
    return SourceDocument(text=text, origin=where, published=published, **meta)
