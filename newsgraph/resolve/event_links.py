"""Whether two reports in two documents tell one occurrence: the evidence for, and what rules it out.

Ruled out (``conflict``): two families; dates that do not overlap at their precision (2013-08 contains
2013-08-21; 2013-08-20 and 2013-08-21 are two days); an undated report published before the other's
date or more than ``undated_reach_days`` after it; places in two countries, or two points further apart than ``far_km``.

The evidence (``compare``, weights in ``settings.CorpusEventSettings``): the same day, or overlapping
dates; for an undated report, a publication within ``window_days`` after the other's date (or the
other's publication); the same place (one corpus entity; a country is too wide to count) or two places
``near_km`` apart; shared participants (corpus entities); figures of one thing that agree; the same
trigger words.  A link needs ``link`` when both are dated to one day, ``vague_link`` otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsgraph.resolve.reports import (
    Figure,
    Interval,
    Placed,
    PlaceRef,
    in_province_of,
    interval,
    km_apart,
    one_place,
    window,
)
from newsgraph.settings import CorpusEventSettings, settings
from newsgraph.vocab import load


@dataclass(frozen=True)
class EventLink:
    a: str  # report keys, a < b
    b: str
    score: float
    evidence: tuple[str, ...]
    kind: str = "link"  # "sibling": two reports of one document, one dated from the other (``reports``)


def sibling_link(a: str, b: str) -> EventLink:
    x, y = sorted((a, b))
    return EventLink(x, y, 1.0, ("one document: the same place, one dated from the other",), "sibling")


def _overlap(x: Interval, y: Interval) -> bool:
    return x[0] <= y[1] and y[0] <= x[1]


def conflict(a: Placed, b: Placed) -> str | None:
    """Why two reports cannot tell one occurrence, or None."""
    ra, rb = a.report, b.report
    if ra.family != rb.family or ra.family is None:
        return "two kinds of event"
    da, db = interval(a.date), interval(b.date)
    if da is not None and db is not None and not _overlap(da, db):
        return f"dated {a.date} and {b.date}"
    reach = dt.timedelta(days=settings().corpus_events.undated_reach_days)
    for undated, other in ((a, db), (b, da)):
        published = interval(undated.report.published) if interval(undated.date) is None else None
        if published is not None and other is not None and other[0] > published[1]:
            return "reported before it happened"
        if published is not None and other is not None and published[0] - other[1] > reach:
            return "undated, reported long after"  # "brought to 49 the number killed" in 2017 is not the 2013 attack
    return _place_conflict(a, b)


def _place_conflict(a: Placed, b: Placed) -> str | None:
    pa, pb = a.report.place, b.report.place
    if pa is None or pb is None or a.place == b.place:
        return None
    if pa.country and pb.country and pa.country != pb.country:
        return f"in {pa.country} and in {pb.country}"
    if not pa.is_country and not pb.is_country and (km := km_apart(a, b)) is not None \
            and km > settings().corpus_events.far_km:
        return "two places far apart"
    return None


def compare(a: Placed, b: Placed, config: CorpusEventSettings | None = None) -> EventLink | None:
    """The link between two reports of two documents, when the evidence is enough and nothing rules it out."""
    config = config or settings().corpus_events
    ra, rb = a.report, b.report
    if ra.doc_sha == rb.doc_sha or conflict(a, b) is not None:
        return None
    timing = _timing(a, b, config)
    if timing is None:
        return None
    score, precise, evidence = timing
    for weight, why in (_place_evidence(a, b, config), *_participant_evidence(a, b, config),
                        _figure_evidence(ra.figures, rb.figures, config)):
        if weight:
            score += weight
            evidence.append(why)
    if ra.trigger == rb.trigger and load("corpus_events").telling(ra.trigger):
        score += config.trigger
        evidence.append(f"both '{ra.trigger}'")
    if score < (config.link if precise else config.vague_link) - 1e-9:
        return None
    x, y = sorted((ra.key, rb.key))
    return EventLink(x, y, round(score, 4), tuple(evidence))


def _timing(a: Placed, b: Placed, config: CorpusEventSettings) -> tuple[float, bool, list[str]] | None:
    """(weight, both dated to one day, evidence) of when the two happened; None: nothing says they are near."""
    da, db = interval(a.date), interval(b.date)
    if da is not None and db is not None:  # they overlap: conflict() ruled out the rest
        if da[0] == da[1] == db[0] == db[1]:
            return config.same_day, True, [f"both on {a.date}"]
        if len(a.date or "") == 4 or len(b.date or "") == 4:  # a year is no evidence that the two are one
            return 0.0, False, [f"{a.date} and {b.date} overlap"]
        return config.overlap, False, [f"{a.date} and {b.date} overlap"]
    wa = da or window(a.report, config.window_days)
    wb = db or window(b.report, config.window_days)
    if wa is None or wb is None or not _overlap(wa, wb):
        return None
    return config.published_near, False, ["undated, reported within days"]


def _place_evidence(a: Placed, b: Placed, config: CorpusEventSettings) -> tuple[float, str]:
    pa, pb = a.report.place, b.report.place
    for x, y, px in ((a, b, pa), (b, a, pb)):  # "the attack on Khan Sheikhun" placed in its province
        if px is not None and not px.is_country and x.place is not None and x.place in y.participants:
            return config.place_same, f"{x.place} where one is and what the other targets"
    if pa is None or pb is None:
        return 0.0, ""
    if one_place(a, b):
        return _one_place_evidence(a, b, (pa, pb), config)
    km = km_apart(a, b)
    if km is not None and not pa.is_country and not pb.is_country and km <= config.near_km:
        return config.place_near, f"{a.place} and {b.place} {km:.0f} km apart"
    for x, y in ((a, b), (b, a)):
        if x.place and y.place and in_province_of(x.place, y.place):
            return config.place_near, f"{x.place} in the province of {y.place}"
    return 0.0, ""


def _one_place_evidence(a: Placed, b: Placed, places: tuple[PlaceRef, PlaceRef],
                        config: CorpusEventSettings) -> tuple[float, str]:
    """Two reports in one place (or at one point): a town is evidence, a big city less, a country none."""
    pa, pb = places
    if a.place == b.place and pa.is_country:
        return 0.0, ""
    # a city of millions has many occurrences a day, but few that kill a hundred or more
    big = max(pa.population, pb.population) >= config.big_city and not _mass_casualties(a, b, config)
    where = a.place if a.place == b.place else f"{a.place} and {b.place}, at one point"
    return (config.place_same_city if big else config.place_same), f"both in {where}"


def _mass_casualties(a: Placed, b: Placed, config: CorpusEventSettings) -> bool:
    """Both reports count ``mass_casualties`` or more killed ("hundreds of people", "more than 1400")."""
    def killed(view: Placed) -> int:
        return max((low for counted, low, _ in view.report.figures if counted == "killed"), default=0)
    return min(killed(a), killed(b)) >= config.mass_casualties


def _participant_evidence(a: Placed, b: Placed, config: CorpusEventSettings) -> list[tuple[float, str]]:
    shared = sorted(a.participants & b.participants)
    specific = [p for p in shared if not p.startswith("country:")][:2]
    out = [(config.participant, f"both with {p}") for p in specific]
    countries = [p for p in shared if p.startswith("country:")]
    if countries:
        out.append((config.country_participant, f"both with {countries[0]}"))
    return out


def _figure_evidence(fa: tuple[Figure, ...], fb: tuple[Figure, ...], config: CorpusEventSettings) -> tuple[float, str]:
    for counted, low, high in fa:
        for other, low2, high2 in fb:
            if counted == other and max(low, low2) <= min(high, high2) * config.figure_ratio:
                return config.figure, f"{counted} {_shown(low, high)} and {_shown(low2, high2)}"
    return 0.0, ""


def _shown(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"
