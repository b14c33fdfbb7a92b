"""The records newsgraph produces, mirroring ``../shared/eval/CONTRACT.md``.

Every record is a small frozen dataclass; ``Document.to_dict()`` gives the
contract's JSON form.  Offsets are Python string indices into
``Document.text`` so ``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "FAC", "WEA", "VEH")
PLACE_TYPES = ("GPE", "LOC", "FAC")
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "STATEMENT", "OTHER",
)
STANCES = ("asserted", "claimed", "confirmed", "denied", "disputed", "hedged")


@dataclass(frozen=True)
class Span:
    """A stretch of the document text: an entity mention or a piece of evidence."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


Mention = Span
Evidence = Span


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class DateMention:
    """A date expression normalised at the precision the text states."""

    start: int
    end: int
    text: str
    # YYYY, YYYY-MM or YYYY-MM-DD, or a TimeML form (2013-W11, 2012-SU, 2013-Q1, decade "199",
    # PRESENT_REF); None when it cannot be anchored. nlp.dates.contract_date() gives the contract's forms.
    value: str | None


@dataclass(frozen=True)
class Quantity:
    """A count the text states: what is counted, the number or range, the qualifier, who says it.

    "killed at least 16 people" is ``Quantity("killed", 16, None, "at least", unit="people")``;
    "as many as 1300" is ``(None, 1300, "as many as")``; "between 20 and 30" ``(20, 30)``; "dozens of
    civilians" a low bound with no exact value ``(24, None, "dozens")``.  ``low == high`` is an exact
    number.  ``speaker`` (an entity id) or ``speaker_text`` is who says it when a claim reports it;
    both None: the document itself says it.
    """

    counted: str  # killed, injured, displaced, arrested, ... or the thing counted: buses, missiles, people
    low: int | None
    high: int | None
    qualifier: str | None
    span: Span
    unit: str | None = None  # the noun counted as the text writes it: "civilians", "children", "buses"
    speaker: str | None = None
    speaker_text: str | None = None


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    trigger: str
    evidence: Evidence
    date: str | None = None
    date_text: str | None = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    location: str | None = None
    quantities: tuple[Quantity, ...] = ()  # the counts its sentence states (nlp/quantities)


@dataclass(frozen=True)
class Claim:
    id: str
    speaker: str | None
    speaker_text: str | None
    cue: str
    stance: str
    text: str
    evidence: Evidence
    via: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    disputed_by: str | None = None  # id of the claim that disputes this one
    quantities: tuple[Quantity, ...] = ()  # the counts its content states (nlp/quantities)


@dataclass(frozen=True)
class Relation:
    subject: str
    predicate: str
    object: str
    evidence: Evidence


FURNITURE_KINDS = (
    "credit", "caption", "byline", "standards", "source", "signoff", "timestamp", "url", "share", "embed", "video",
    "related", "tags", "footer", "headline", "heading", "line",
)


@dataclass(frozen=True)
class Furniture:
    """A stretch of page furniture scraped into the text (a photo credit, a byline, a tag list, a heading):
    no entity, event or claim is taken from it (a caption keeps its entities; see README, "Scraped text")."""

    start: int
    end: int
    kind: str  # one of FURNITURE_KINDS
    text: str

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True)
class Document:
    doc_id: str
    text: str
    text_sha256: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    relations: tuple[Relation, ...] = ()
    dates: tuple[DateMention, ...] = ()
    furniture: tuple[Furniture, ...] = ()

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def entity_named(self, name: str) -> Entity | None:
        """The entity whose name or alias is ``name`` (case-insensitive)."""
        wanted = name.casefold()
        return next((e for e in self.entities
                     if e.name.casefold() == wanted or wanted in (a.casefold() for a in e.aliases)), None)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "text_sha256": self.text_sha256,
            "entities": [_plain(e) for e in self.entities],
            "events": [_plain(e) for e in self.events],
            "claims": [_plain(c) for c in self.claims],
            "relations": [_plain(r) for r in self.relations],
            "dates": [_plain(d) for d in self.dates],
            "furniture": [_plain(f) for f in self.furniture],
        }
        if include_text:
            out["text"] = self.text
        return out


def _plain(record: Any) -> dict[str, Any]:
    """asdict() with tuples turned into lists, as JSON wants them."""
    return _lists(asdict(record))


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


@dataclass(frozen=True)
class SourceDocument:
    """What a reader hands to the pipeline: text plus whatever metadata the input had."""

    text: str
    origin: str  # the file (and line) it came from, for messages
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    doc_id: str | None = None  # an id the input gives (a CSV id column); None: made from the origin
    warnings: tuple[str, ...] = ()  # what the reader noticed but kept the document for (an unreadable date)
