"""``extract()``: text in, ``Document`` out.

The stages, in order:

1. ``parse``     spaCy tokens, sentences, dependency parse and base NER (nlp/parse.py)
2. ``entities``  typed entities, one per real thing, with aliases and roles; affiliation relations (nlp/entities.py)
3. ``places``    coordinates and countries for places, from the offline gazetteer (nlp/places.py)
4. ``dates``     date expressions normalised at their stated precision (nlp/dates/)
5. ``events``    PLOVER-typed events with actors, targets, place and date (nlp/events/)
6. ``claims``    attributed statements: speaker, relay, cue, stance (nlp/claims.py)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from newsgraph.errors import InputError
from newsgraph.model import Document, SourceDocument
from newsgraph.nlp import claims, dates, entities, events, places
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import parse


def extract(text: str, published: str | dt.date | None = None, *, title: str | None = None,
            doc_id: str | None = None, source: str | None = None, url: str | None = None,
            author: str | None = None) -> Document:
    """Extract entities, events, claims and relations from one document's text."""
    dateline = dates.dateline_span(text)  # "QAMISHLI, Syria, Jan. 15, 2024 —": the text's own date
    anchor = _as_date(published) or (dates.dateline_date(text, dateline) if dateline else None)
    parsed = parse(text, published=anchor, title=title)
    found, relations = entities.extract_entities(parsed)
    found = places.resolve_places(found, parsed)
    index = EntityIndex(found)
    date_mentions = dates.find_dates(parsed)
    # the dateline's date is when the article was filed, not when anything in it happened
    event_dates = [d for d in date_mentions if dateline is None or (d.start, d.end) != dateline[:2]]
    found_events = events.extract_events(parsed, index, event_dates)
    found_claims = claims.extract_claims(parsed, index)
    digest = text_sha256(text)
    return Document(
        doc_id=doc_id or digest[:12], text=text, text_sha256=digest, title=title,
        published=anchor.isoformat() if anchor else None, source=source, url=url, author=author,
        entities=tuple(found), events=tuple(found_events), claims=tuple(found_claims),
        relations=tuple(relations), dates=tuple(date_mentions))


def extract_source(item: SourceDocument, doc_id: str | None = None) -> Document:
    """Extract a document a reader produced, keeping its metadata."""
    return extract(item.text, item.published, title=item.title, doc_id=doc_id,
                   source=item.source, url=item.url, author=item.author)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    match = _ISO_DAY.match(value.strip())
    if not match:
        raise InputError("published", f"{value!r} is not a date in YYYY-MM-DD form")
    try:
        return dt.date.fromisoformat(match.group(0))
    except ValueError as err:
        raise InputError("published", f"{value!r} is not a valid date ({err})") from err
