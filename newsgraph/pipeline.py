"""``extract()``: text in, ``Document`` out; ``run()``: the same stages, stopping where you ask.

The stages, in order (``STAGES``):

1. ``parse``     the dateline (nlp/dateline.py) and the page furniture (nlp/furniture/), then spaCy tokens,
                 sentences, dependency parse and base NER (nlp/parse.py)
2. ``dates``     date expressions normalised at their stated precision (nlp/dates/); they need only the parse
3. ``entities``  typed entities, one per real thing, with aliases and roles; affiliation relations (nlp/entities/)
4. ``places``    coordinates and countries for places, from the offline gazetteer (nlp/places/, geo/)
5. ``events``    PLOVER-typed events with actors, targets, place and date (nlp/events/)
6. ``claims``    attributed statements: speaker, relay, cue, stance (nlp/claims/)
7. ``quantities`` the counts events and claims state: what is counted, number or range, qualifier, who says
                 it (nlp/quantities/)

Each stage's output is screened of page furniture here (``furniture.Screen``): no entity mention,
event or claim is taken from a credit, a byline, a tag list or a footer.

Tests and benchmarks that need a stage's intermediate result call ``run(text, until="places")``
and read the ``Trace``, so every caller runs exactly the pipeline ``extract`` runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.errors import InputError
from newsgraph.model import Claim, DateMention, Document, Entity, Event, Furniture, Relation, SourceDocument
from newsgraph.nlp import claims, dates, entities, events, places, quantities
from newsgraph.nlp.dateline import Dateline, anchor_day, read_dateline
from newsgraph.nlp.furniture import Screen, find_furniture
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import Parsed, parse

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.nlp.claims import Attribution

STAGES = ("parse", "dates", "entities", "places", "events", "claims", "quantities")


@dataclass
class Trace:
    """What each stage produced, up to the one ``run`` stopped after."""

    parsed: Parsed
    # the publication date given (``parsed.published`` is the anchor: the dateline's date when they disagree)
    given: dt.date | None = None
    # the entities stage's output (before places) and the places stage's (the final entities)
    unplaced: list[Entity] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # the claims stage's internal records (source, cue and content offsets) the claims were made from
    attributions: list[Attribution] = field(default_factory=list)
    # CPU seconds each stage took in this process (``time.process_time``: steady on a shared machine)
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        start = time.process_time()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.process_time() - start

    @property
    def dateline(self) -> Dateline | None:
        """The text's dateline, read before parsing ("QAMISHLI, Syria, Jan. 15, 2024 —", "BEIRUT (Reuters) -")."""
        return self.parsed.dateline

    @property
    def anchor_note(self) -> str | None:
        """Why relative dates were read from the text's own dateline rather than the date given, or None."""
        anchor = self.parsed.published
        if self.given is None or anchor is None or anchor == self.given:
            return None
        return (f"the text's dateline says {anchor.isoformat()}, {abs((anchor - self.given).days)} days from the "
                f"given date {self.given.isoformat()}: weekdays and other relative dates are read from the dateline")

    @property
    def furniture(self) -> tuple[Furniture, ...]:
        """The text's page furniture ("REUTERS/Bassam Khabieh", "Reporting by ...", "Tags ..."), in text order."""
        return self.parsed.furniture

    @property
    def index(self) -> EntityIndex:
        """The final entities, indexed by offset (what events and claims look speakers and actors up in)."""
        return EntityIndex(self.entities)


def run(text: str, published: str | dt.date | None = None, *, until: str = "quantities", title: str | None = None,
        spacy_doc: Doc | None = None, read: tuple[Dateline | None, tuple[Furniture, ...]] | None = None) -> Trace:
    """Run the stages in order up to and including ``until``; ``spacy_doc``: a parse of ``text`` made already;
    ``read``: its ``read_dateline`` and ``find_furniture``, when the parse read them already."""
    if until not in STAGES:
        raise ValueError(f"unknown stage {until!r}; the stages are {', '.join(STAGES)}")
    last = STAGES.index(until)
    start = time.process_time()
    if read is None:
        dateline = read_dateline(text)  # once per document: the parse, the places and the dates read it
        read = dateline, find_furniture(text, dateline)
    dateline, furniture = read
    given = _as_date(published)
    anchor = anchor_day(given, dateline, text)
    parsed = (Parsed(text, spacy_doc, anchor, title, dateline, furniture) if spacy_doc is not None
              else parse(text, anchor, title, dateline, furniture))
    screen = Screen(furniture)
    trace = Trace(parsed=parsed, given=given)
    trace.seconds["parse"] = time.process_time() - start
    if last >= STAGES.index("dates"):
        with trace.timing("dates"):
            trace.dates = dates.find_dates(parsed)
    if last >= STAGES.index("entities"):
        with trace.timing("entities"):
            trace.unplaced, trace.relations = screen.entities(*entities.extract_entities(parsed))
        trace.entities = trace.unplaced
    if last >= STAGES.index("places"):
        with trace.timing("places"):
            trace.entities = places.resolve_places(trace.unplaced, parsed)
    index = trace.index
    if last >= STAGES.index("events"):
        # the dateline's date is when the article was filed, not when anything in it happened
        filed = dateline.date_span if dateline else None
        event_dates = [d for d in screen.event_dates(trace.dates) if (d.start, d.end) != filed]
        with trace.timing("events"):
            trace.events = screen.events(events.extract_events(parsed, index, event_dates))
    if last >= STAGES.index("claims"):
        with trace.timing("claims"):
            found = claims.find_attributions(parsed, index)
            trace.attributions, trace.claims = screen.claims(found, claims.claims_from(parsed, index, found))
    if last >= STAGES.index("quantities"):
        with trace.timing("quantities"):
            trace.events, trace.claims = quantities.quantify(parsed, trace.events, trace.claims, trace.attributions)
    return trace


def extract(text: str, published: str | dt.date | None = None, *, title: str | None = None,
            doc_id: str | None = None, source: str | None = None, url: str | None = None,
            author: str | None = None) -> Document:
    """Extract entities, events, claims and relations from one document's text."""
    return to_document(run(text, published, title=title), published, doc_id=doc_id, source=source, url=url,
                       author=author)


def to_document(trace: Trace, published: str | dt.date | None = None, *, doc_id: str | None = None,
                source: str | None = None, url: str | None = None, author: str | None = None) -> Document:
    """The ``Document`` of a full ``run`` (up to ``claims``), with the metadata given."""
    text = trace.parsed.text
    digest = text_sha256(text)
    anchor = trace.given or trace.parsed.published  # the date given stays the document's, even when not its anchor
    return Document(
        doc_id=doc_id or digest[:12], text=text, text_sha256=digest, title=trace.parsed.title,
        published=anchor.isoformat() if anchor else _partial_date(published), source=source, url=url, author=author,
        entities=tuple(trace.entities), events=tuple(trace.events), claims=tuple(trace.claims),
        relations=tuple(trace.relations), dates=tuple(trace.dates), furniture=trace.furniture)


def extract_source(item: SourceDocument, doc_id: str | None = None) -> Document:
    """Extract a document a reader produced, keeping its metadata."""
    return to_document(trace_source(item), item.published, doc_id=doc_id, source=item.source, url=item.url,
                       author=item.author)


def trace_source(item: SourceDocument) -> Trace:
    """Every stage's output for a document a reader produced (``to_document`` makes its ``Document``)."""
    return run(item.text, item.published, title=item.title)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def _as_date(value: str | dt.date | None) -> dt.date | None:
    """The anchor day of a publication date; a month or a year (2024-02, 2024) gives none."""
    if value is None or isinstance(value, dt.date):
        return value
    if _partial_date(value):
        return None
    match = _ISO_DAY.match(value.strip())
    if not match:
        raise InputError("published", f"{value!r} is not a date in YYYY-MM-DD, YYYY-MM or YYYY form")
    try:
        return dt.date.fromisoformat(match.group(0))
    except ValueError as err:
        raise InputError("published", f"{value!r} is not a valid date ({err})") from err


def _partial_date(value: str | dt.date | None) -> str | None:
    """A publication date of month or year precision, as given; None for anything else."""
    match = _ISO_PARTIAL.match(value.strip()) if isinstance(value, str) else None
    if match is None or int(match.group(1)) < 1 or not (match.group(2) is None or 1 <= int(match.group(2)) <= 12):
        return None
    return match.group(0)
