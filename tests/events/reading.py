"""How the event tests read the pipeline's output: an event's participants by name, the one event of a trigger."""

from __future__ import annotations

from newsgraph.model import Document, Event

PUBLISHED = "2016-09-21"  # a Wednesday: "on Monday" is 2016-09-19


def participants(doc: Document, event: Event) -> set[str]:
    """The names of the event's actors, targets and place."""
    ids = list(event.actors) + list(event.targets) + ([event.location] if event.location else [])
    return {found.name for i in ids if (found := doc.entity(i)) is not None}


def event(doc: Document, trigger: str) -> Event:
    """The one event of ``trigger``; fails the test, listing the events, when there is none or more than one."""
    found = [e for e in doc.events if e.trigger == trigger]
    assert len(found) == 1, [(e.trigger, e.date) for e in doc.events]
    return found[0]
