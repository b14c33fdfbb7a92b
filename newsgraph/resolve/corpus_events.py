"""Corpus event records: one occurrence across documents, with its reports and its figures per source.

Each report keeps its own type, date, place, participants and evidence.  The figures of a corpus event are
the counts its reports state and those of the claims whose evidence is a report's sentence, per source and
per thing counted: the source is who says it (the claim's speaker, as a corpus entity or in the claim's
words) or, when nobody is named, the document's outlet.  Each source's figure is a low/best/high range in
the style of UCDP's estimates (low: the least stated, high: the most, best: the median of the numbers
stated); ``CorpusEvent.estimates`` gives the same across sources.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsgraph.model import Claim, Event, Quantity, Span
from newsgraph.resolve.reports import figure_key, interval


@dataclass(frozen=True)
class EventReport:
    """One document's report of a corpus event, as the document tells it (entities as corpus ids)."""

    event: str                  # "doc_id/v1", the export's event id
    doc_id: str
    outlet: str                 # the document's source, or its doc id when it has none
    type: str
    trigger: str
    date: str | None
    published: str | None
    place: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    evidence: Span
    quantities: tuple[Quantity, ...]  # its sentence's counts and those of claims in it (speakers as corpus ids)


@dataclass(frozen=True)
class SourceFigure:
    """What one source says of one thing counted, over one corpus event's reports."""

    counted: str                # "killed", "injured", "killed:children", "buses"
    source: str                 # a corpus entity id, a speaker's words, or an outlet
    source_name: str
    low: int | None
    best: int | None
    high: int | None
    texts: tuple[str, ...]      # as the reports write it ("at least 16 people")
    reports: tuple[str, ...]    # event ids


@dataclass(frozen=True)
class CorpusEvent:
    id: str
    type: str
    date_start: str | None      # the first and last day every dated report allows (None: no report is dated)
    date_end: str | None
    place: str | None           # corpus entity id: the place most reports give (a town before its country)
    places: tuple[str, ...]
    participants: tuple[str, ...]  # corpus entity ids, most reports first
    documents: tuple[str, ...]
    reports: tuple[EventReport, ...]
    figures: tuple[SourceFigure, ...]

    @property
    def estimates(self) -> dict[str, tuple[int | None, int | None, int | None]]:
        """Thing counted -> (low, best, high) across sources."""
        out: dict[str, tuple[int | None, int | None, int | None]] = {}
        for counted in sorted({f.counted for f in self.figures}):
            mine = [f for f in self.figures if f.counted == counted]
            lows = [f.low for f in mine if f.low is not None]
            highs = [f.high for f in mine if f.high is not None]
            bests = [f.best for f in mine if f.best is not None]
            out[counted] = (min(lows) if lows else None, _median(bests), max(highs) if highs else None)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "date": {"start": self.date_start, "end": self.date_end},
            "place": self.place, "places": list(self.places), "participants": list(self.participants),
            "documents": list(self.documents), "reports": [r.event for r in self.reports],
            "figures": [{"counted": f.counted, "source": f.source, "source_name": f.source_name, "low": f.low,
                         "best": f.best, "high": f.high, "texts": list(f.texts), "reports": list(f.reports)}
                        for f in self.figures],
            "estimates": {k: {"low": lo, "best": best, "high": hi} for k, (lo, best, hi) in self.estimates.items()},
        }


def _median(values: Sequence[int]) -> int | None:
    return int(statistics.median_low(sorted(values))) if values else None


def event_report(doc_id: str, outlet: str | None, published: str | None, event: Event, claims: Iterable[Claim],
                 corpus_id: Callable[[str], str | None]) -> EventReport:
    """A document event as its corpus event lists it: corpus ids for entities, and the counts of its sentence
    with those of the claims whose evidence overlaps it (said by their speakers)."""
    def ids(locals_: Iterable[str]) -> tuple[str, ...]:
        return tuple(c for x in locals_ if (c := corpus_id(x)) is not None)

    found: dict[tuple[int, int], Quantity] = {}
    ev = event.evidence
    for claim in claims:
        if claim.evidence.start < ev.end and ev.start < claim.evidence.end:
            for q in claim.quantities:
                found[(q.span.start, q.span.end)] = q
    for q in event.quantities:
        key = (q.span.start, q.span.end)
        if key not in found or (found[key].speaker is None and found[key].speaker_text is None):
            found[key] = q
    quantities = tuple(replace(q, speaker=corpus_id(q.speaker) if q.speaker else None)
                       for _, q in sorted(found.items()))
    place = corpus_id(event.location) if event.location else None
    return EventReport(event=f"{doc_id}/{event.id}", doc_id=doc_id, outlet=outlet or doc_id, type=event.type,
                       trigger=event.trigger, date=event.date, published=published, place=place,
                       actors=ids(event.actors), targets=ids(event.targets), evidence=ev, quantities=quantities)


def build_event(corpus_event: str, reports: Sequence[EventReport], names: Mapping[str, str]) -> CorpusEvent:
    """The corpus event of these reports (``names``: corpus entity id -> name, for the figures' sources)."""
    reports = sorted(reports, key=lambda r: (r.doc_id, _event_order(r.event)))
    types = Counter(r.type for r in reports)
    spans = [s for r in reports if (s := interval(r.date)) is not None]
    places = Counter(r.place for r in reports if r.place)
    ranked_places = sorted(places, key=lambda p: (p.startswith("country:"), -places[p], p))
    people = Counter(p for r in reports for p in {*r.actors, *r.targets} if p not in places)
    return CorpusEvent(
        id=corpus_event, type=min(types, key=lambda t: (-types[t], t)),
        # the days every dated report allows (their dates overlap pairwise, so some day is in all)
        date_start=max(s[0] for s in spans).isoformat() if spans else None,
        date_end=min(s[1] for s in spans).isoformat() if spans else None,
        place=ranked_places[0] if ranked_places else None, places=tuple(ranked_places),
        participants=tuple(sorted(people, key=lambda p: (-people[p], p))),
        documents=tuple(sorted({r.doc_id for r in reports})), reports=tuple(reports),
        figures=source_figures(reports, names))


def _event_order(event: str) -> tuple[int, str]:
    local = event.rsplit("/", 1)[-1]
    return (int(local[1:]) if local[1:].isdigit() else 0, local)


def source_figures(reports: Sequence[EventReport], names: Mapping[str, str]) -> tuple[SourceFigure, ...]:
    """Per (thing counted, source): the low, best and high of what that source says across the reports."""
    gathered: dict[tuple[str, str], list[tuple[Quantity, str]]] = {}
    labels: dict[str, str] = {}
    for r in reports:
        for q in r.quantities:
            source, label = _source(q, r, names)
            labels[source] = label
            gathered.setdefault((figure_key(q), source), []).append((q, r.event))
    out = []
    for (counted, source), items in sorted(gathered.items()):
        numbers = [n for q, _ in items for n in (q.low, q.high) if n is not None]
        exact = [q.low for q, _ in items if q.low is not None and q.low == q.high]
        points: list[int | None] = list(exact) or [q.low if q.low is not None else q.high for q, _ in items]
        out.append(SourceFigure(
            counted=counted, source=source, source_name=labels[source], low=min(numbers) if numbers else None,
            best=_median([p for p in points if p is not None]), high=max(numbers) if numbers else None,
            texts=tuple(dict.fromkeys(q.span.text for q, _ in items)),
            reports=tuple(dict.fromkeys(event for _, event in items))))
    return tuple(out)


def _source(q: Quantity, report: EventReport, names: Mapping[str, str]) -> tuple[str, str]:
    """(key, label) of who says a count: a speaker entity, a speaker's words, or the report's outlet."""
    if q.speaker:
        return q.speaker, names.get(q.speaker, q.speaker)
    if q.speaker_text:
        return f"{report.outlet}: {q.speaker_text}", f"{q.speaker_text} ({report.outlet})"
    return report.outlet, report.outlet
