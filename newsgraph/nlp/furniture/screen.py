"""What the stages found, without what lies in page furniture: the one place the policy is applied.

``pipeline.run`` screens each stage's output with ``Screen``: an entity mention inside furniture
is dropped (an entity left with no mention is dropped, with the relations naming it), and so is
an event whose trigger, or a claim whose cue, lies in furniture, and a date there is no event's
date. Which kinds keep what is data (``furniture.json``: ``keep_entities``, ``keep_claims``,
``keep_events``): a photo caption tells the story's own scene, and keeps all three.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsgraph.model import Claim, DateMention, Entity, Event, Furniture, Relation
from newsgraph.nlp.furniture.patterns import words

if TYPE_CHECKING:
    from newsgraph.nlp.claims import Attribution


@dataclass(frozen=True)
class Screen:
    """The furniture of one document, and the tests the stages' outputs pass."""

    regions: tuple[Furniture, ...]
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [r.start for r in self.regions])

    def region_at(self, offset: int) -> Furniture | None:
        k = bisect.bisect_right(self._starts, offset) - 1
        return self.regions[k] if k >= 0 and self.regions[k].holds(offset) else None

    def blocks_entities(self, offset: int) -> bool:
        """Offset ``offset`` lies in furniture no entity is taken from (all kinds but captions)."""
        return self._blocks(offset, words().keep_entities)

    def blocks_events(self, offset: int) -> bool:
        return self._blocks(offset, words().keep_events)

    def blocks_claims(self, offset: int) -> bool:
        return self._blocks(offset, words().keep_claims)

    def _blocks(self, offset: int, kept_kinds: frozenset[str]) -> bool:
        found = self.region_at(offset)
        return found is not None and found.kind not in kept_kinds

    def entities(self, found: Sequence[Entity], relations: Sequence[Relation]) -> tuple[list[Entity], list[Relation]]:
        """Entities without their mentions in furniture; relations without dropped entities or furniture evidence."""
        if not self.regions:
            return list(found), list(relations)
        kept = []
        for e in found:
            mentions = tuple(m for m in e.mentions if not self.blocks_entities(m.start))
            if mentions:
                kept.append(e if len(mentions) == len(e.mentions) else replace(e, mentions=mentions))
        ids = {e.id for e in kept}
        return kept, [r for r in relations if r.subject in ids and r.object in ids
                      and not self.blocks_entities(r.evidence.start)]

    def events(self, found: Sequence[Event]) -> list[Event]:
        return [v for v in found if not self.blocks_events(_trigger_offset(v))]

    def event_dates(self, dates: Sequence[DateMention]) -> list[DateMention]:
        """The dates an event may take: none from furniture (a photo's date, a page's time stamp)."""
        return [d for d in dates if not self.blocks_events(d.start)]

    def claims(self, attributions: Sequence[Attribution],
               claims: Sequence[Claim]) -> tuple[list[Attribution], list[Claim]]:
        """The attributions and their claims (one each, in order) whose cue lies outside furniture."""
        if not self.regions:
            return list(attributions), list(claims)
        pairs = [(a, c) for a, c in zip(attributions, claims, strict=True)
                 if not self.blocks_claims(a.cue[0] if a.cue else a.evidence[0])]
        ids = {c.id for _, c in pairs}
        return [a for a, _ in pairs], [c if c.disputed_by is None or c.disputed_by in ids
                                       else replace(c, disputed_by=None) for _, c in pairs]


def _trigger_offset(event: Event) -> int:
    """Where the event's trigger is written (its evidence sentence's start when the trigger is not found in it)."""
    at = event.evidence.text.find(event.trigger)
    return event.evidence.start + max(at, 0)
