"""Invariants every extraction must satisfy, whatever the text (shared by the reliability tests)."""

from __future__ import annotations

import datetime as dt
import json
import re

from newsgraph.model import ENTITY_TYPES, EVENT_TYPES, STANCES, DateMention, Document, Span
from newsgraph.nlp.dates import contract_date

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Document-level date mentions may keep TimeML values a calendar date cannot express
# (nlp/dates/): ISO weeks, seasons, quarters, halves, decades, centuries, references.
_TIMEML = re.compile(r"^(\d{4}-W\d{2}(-WE)?|\d{4}-(SP|SU|FA|WI|Q[1-4]|H[12])|\d{2,3}|(PRESENT|PAST|FUTURE)_REF)$")


def valid_iso(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date at that precision."""
    if not _ISO.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def assert_consistent(doc: Document, text: str) -> None:
    assert doc.text == text
    spans: list[Span | DateMention] = [m for e in doc.entities for m in e.mentions]
    spans += [v.evidence for v in doc.events] + [c.evidence for c in doc.claims] + [r.evidence for r in doc.relations]
    spans += list(doc.dates)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start:span.end] == span.text, span
    ids = {e.id for e in doc.entities}
    assert len(ids) == len(doc.entities)
    for e in doc.entities:
        assert e.type in ENTITY_TYPES and e.mentions
        assert e.lat is None or -90 <= e.lat <= 90
        assert e.lon is None or -180 <= e.lon <= 180
    for v in doc.events:
        assert v.type in EVENT_TYPES
        assert set(v.actors) | set(v.targets) <= ids and (v.location is None or v.location in ids)
        assert v.date is None or valid_iso(v.date), v.date
    for c in doc.claims:
        assert c.stance in STANCES and (c.speaker is None or c.speaker in ids)
    for d in doc.dates:
        assert d.value is None or valid_iso(d.value) or _TIMEML.match(d.value), d.value
        contract = contract_date(d.value)
        assert contract is None or valid_iso(contract), (d.value, contract)
    assert doc.published is None or valid_iso(doc.published)
    json.dumps(doc.to_dict())  # serialisable
