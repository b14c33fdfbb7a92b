"""Which occurrence a claim tells of (``newsgraph.resolve.claims``): the day its sentence dates and the day what
it says dates, the entities it names, the events it reports, and its document's main town and country.  A claim
telling of a day after another document was published tells of another occurrence (``claims_compare``)."""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.model import Claim, Document
from newsgraph.vocab import load

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PART_DATE = re.compile(r"\d{4}(-\d{2})?")
PLACE_TYPES = ("GPE", "LOC", "FAC")


def said_day_of(document: Document, claim: Claim) -> str | None:
    """The first full date inside what a claim says (not in its cue or speaker): the day of what it tells."""
    at = claim.evidence.text.find(claim.text) if claim.text else -1
    if at < 0:
        return None
    start = claim.evidence.start + at
    end = start + len(claim.text)
    return next((m.value for m in document.dates
                 if start <= m.start and m.end <= end and m.value and _FULL_DATE.fullmatch(m.value)), None)


def named_ids(document: Document, claim: Claim) -> tuple[str, ...]:
    """The local ids of the entities a claim names itself: its ``about`` and its sentence's, not its speaker."""
    span = claim.evidence
    named = {e.id for e in document.entities if any(span.start <= m.start and m.end <= span.end for m in e.mentions)}
    return tuple(sorted((set(claim.about) | named) - set(claim.via) - {claim.speaker}))


def reported_events(document: Document, claim: Claim) -> tuple[str, ...]:
    """The local ids of the events a claim reports: dated events of its sentence whose trigger is in what it
    says.  The cue's own event ("X said", "called for", "accused") is the statement, not what it is about, and
    an undated event is resolved alone, so neither says which occurrence the claim is about."""
    span, said = claim.evidence, {w.casefold() for w in _WORD.findall(claim.text)}
    cue = {w.casefold() for w in _WORD.findall(claim.cue)}
    return tuple(sorted(
        v.id for v in document.events
        if v.date and v.evidence.start < span.end and span.start < v.evidence.end
        and (trigger := {w.casefold() for w in _WORD.findall(v.trigger)}) and trigger <= said and not trigger <= cue))


def dated(document: Document, claim: Claim) -> str | None:
    """The first date its sentence states, when it is not its publication day: "On August 21 2013 the Assad
    regime fired rockets" in a report of 2017 is about 2013, and links with what was said then.  A year or month
    ("at least three times in 2014-2015", "last year") that does not hold the publication day dates it to its
    first day: it is about another time than its neighbours'.  A claim naming its event only as "that attack"
    takes the date of the sentence before, which told of it."""
    span, published = claim.evidence, day_of(document.published)
    if any(span.start <= m.start and m.end <= span.end and m.value for m in document.dates):
        return _first_date(document, span.start, span.end, published)
    recalled = load("claim_links").recalled
    if recalled is not None and recalled.search(claim.text):
        # "... in Ghouta in August 2013. Western states said the government was responsible for that attack"
        before = document.text.rfind(". ", 0, max(0, span.start - 2))
        return _first_date(document, before + 1 if before >= 0 else 0, span.start, published)
    return None


def _first_date(document: Document, start: int, end: int, published: str | None) -> str | None:
    for m in document.dates:
        if not (start <= m.start and m.end <= end and m.value):
            continue
        if _FULL_DATE.fullmatch(m.value):
            return m.value if m.value != published else None
        if _PART_DATE.fullmatch(m.value) and not (published or "").startswith(m.value):
            return (m.value + "-01-01")[:10]
    return None


def day_of(published: str | None) -> str | None:
    try:
        return dt.date.fromisoformat((published or "")[:10]).isoformat()
    except ValueError:
        return None


def main_country(document: Document) -> tuple[str, ...]:
    """The document's most mentioned country: whose "government" its unnamed speakers are."""
    found = [e for e in document.entities if e.type in PLACE_TYPES and e.country and e.lat is None]
    return (min(found, key=lambda e: (-len(e.mentions), e.id)).id,) if found else ()


def main_place(document: Document) -> tuple[str, ...]:
    """The document's most mentioned town or area (not a country): where its claims are from."""
    placed = [e for e in document.entities if e.type in PLACE_TYPES and e.geonames_id is not None]
    if not placed:
        return ()
    return (min(placed, key=lambda e: (-len(e.mentions), e.id)).id,)
