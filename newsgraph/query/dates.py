"""Dates at the precision they are written: 2013, 2013-08, 2013-08-21.

The ordering rule, used everywhere a query sorts by date: dates compare as their ISO strings, so a year
sorts before its months and a month before its days (2013 < 2013-08 < 2013-08-01 < 2013-08-21 < 2013-09),
and undated items come last.  A date prints as written: 2013-08 is a month, never 2013-08-01.  A range
filter keeps a date when the days it covers overlap the range (2013-08 is inside --from 2013-08-21).
"""

from __future__ import annotations

from newsgraph.resolve.reports import interval

__all__ = ["date_key", "overlaps", "precision"]

_PRECISIONS = {1: "year", 2: "month", 3: "day"}


def date_key(value: str | None) -> tuple[int, str]:
    """Sort key: dated items first, in ISO-string order (a year before its months before its days)."""
    return (0, value) if value else (1, "")


def precision(value: str | None) -> str | None:
    """"year", "month" or "day" for a contract date; None when it is not one."""
    if not value or interval(value) is None:
        return None
    return _PRECISIONS.get(len(value.split("-")))


def overlaps(value: str | None, start: str | None, end: str | None) -> bool:
    """Whether the days ``value`` covers meet the range from ``start`` to ``end`` (each at any precision)."""
    if start is None and end is None:
        return True
    covered = interval(value)
    if covered is None:
        return False
    low = interval(start) if start else None
    high = interval(end) if end else None
    return (low is None or covered[1] >= low[0]) and (high is None or covered[0] <= high[1])
