"""PLOVER-typed events read off the dependency structure of each trigger's clause.

A trigger is a verb, typed by its lemma, its particle ("pull out") or the head
noun of its object ("open an embassy", "use chemical weapons"), or an event noun
("airstrikes", "the visit"); the vocabulary is data (data/events_triggers.json, read through
newsgraph.vocab.events).
For each trigger:

- actors:   the subject of an active verb, the agent ("by X") of a passive one;
            for nouns the possessor, a demonym or name modifier ("Israeli airstrikes"), "by X"
- targets:  the object, the passive subject, "on / against / to / with X"
- location: a place entity after "in / at / near ..."
- date:     a date mention whose chain of syntactic heads reaches the trigger without
            leaving the trigger's clause, with repairs for common misparses (dating.py); else
            the date of a "when" clause it stands in, or of the event a definite noun tells
            again ("The blast hit ...", discourse.py).

Only entities of the ``EntityIndex`` become participants: pronouns are not resolved here.
"""


from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.model import DateMention, Event, Span
from newsgraph.nlp.dates import contract_date
from newsgraph.nlp.events.arguments import Draft
from newsgraph.nlp.events.control import control_taken
from newsgraph.nlp.events.dating import attach_dates
from newsgraph.nlp.events.descriptions import place_described
from newsgraph.nlp.events.discourse import date_from_discourse
from newsgraph.nlp.events.grammar import SUBJECT_DEPS
from newsgraph.nlp.events.reader import EventReader
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import Parsed
from newsgraph.vocab import load

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["extract_events"]


def _event_date(mention: DateMention | None) -> str | None:
    """The contract date of an event's date mention; none for a week across two months ("nearly two weeks
    ago" on June 14: the week of May 30), which the contract could only give as its year: "2016" for a
    strike of a fortnight ago tells a reader nothing the article does."""
    value = contract_date(mention.value) if mention else None
    if mention is not None and value is not None and len(value) == 4 and "-W" in (mention.value or ""):
        return None
    return value


# how a saying and what it says hang together in the parse: "X said [that] Y ...", "Y ..., X said"
_CONTENT_DEPS = frozenset({"ccomp", "parataxis", "conj"})


def _dated_sayings_only(drafts: list[Draft], anchors: dict[int, Draft | None]) -> list[Draft]:
    """A saying is a STATEMENT event only when a date of its own reaches it and what it says names no event
    ("the Security Council said on Wednesday it is seeking clarity"); otherwise it is only the claims stage's
    claim ("the Observatory said on Monday air strikes killed 20": the strikes are the news), and no anchor a
    later date could reach (it is dropped before any date is borrowed from the discourse)."""
    events = {d.anchor.i for d in drafts if not d.saying}
    dropped = [d for d in drafts if d.saying and (d.date is None or _says_an_event(d.anchor, events))]
    for draft in dropped:
        anchors[draft.anchor.i] = None
    return [d for d in drafts if d not in dropped]


def _says_an_event(verb: Token, events: set[int]) -> bool:
    clauses = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    if verb.dep_ in _CONTENT_DEPS or verb.dep_ == "advcl":  # "... killed 70 fighters the channel reported Friday"
        clauses.append(verb.head)
    return any(t.i in events for clause in clauses for t in _what_happened(clause))


def _what_happened(clause: Token) -> list[Token]:
    """The words of a reported clause that tell what happened: its verb and the verbs joined to it ("air
    strikes killed 20 and wounded 40"), and its subject ("the attack was a war crime"); not an event named
    further down ("groups had used the ceasefires to rearm": the saying is the news, not the ceasefires)."""
    words = [clause] + [c for c in clause.children if c.dep_ in ("conj", "xcomp") and c.pos_ in ("VERB", "AUX")]
    return words + [s for w in words for c in w.children if c.dep_ in SUBJECT_DEPS
                    for s in [c, *(x for x in c.children if x.dep_ == "conj")]]


def extract_events(parsed: Parsed, index: EntityIndex, dates: list[DateMention]) -> list[Event]:
    """One event per reported occurrence, in text order, ids v1, v2, …"""
    lex = load("events_triggers")
    reader = EventReader(parsed.doc, index, lex)
    drafts = reader.read()
    attach_dates(parsed.doc, reader.anchors, reader.twins, dates, lex.commitment_cues | lex.source_verbs)
    drafts = _dated_sayings_only(drafts, reader.anchors)
    date_from_discourse(parsed.doc, reader.anchors, dates, lex, parsed.published)
    place_described(drafts, index, lex)
    drafts += control_taken(parsed.doc, index, dates, lex, reader.anchors)
    kept = [d for d in drafts if d.actors or d.targets or d.location or d.named_actor]
    kept.sort(key=lambda d: d.trigger_start)
    events = []
    for number, d in enumerate(kept, 1):
        sent = d.anchor.sent
        value = _event_date(d.date)
        events.append(Event(
            id=f"v{number}", type=d.type, trigger=d.trigger,
            evidence=Span.of(parsed.text, sent.start_char, sent.end_char),
            date=value, date_text=d.date.text if d.date and value else None,
            actors=tuple(d.actors), targets=tuple(e for e in d.targets if e not in d.actors),
            location=d.location))
    return events
