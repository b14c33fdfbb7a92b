"""Publication dates as readers find them, reduced to the YYYY-MM-DD the pipeline expects."""

from __future__ import annotations

import datetime as dt
import re
import time

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def iso_day(value: object) -> str | None:
    """YYYY-MM-DD from an ISO date or datetime string, a ``time.struct_time`` or a date; else None."""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    if not isinstance(value, str):
        return None
    match = _ISO_DAY.match(value)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None
