"""Date values: calendar arithmetic, the contract's reduction, and the context a value is resolved in."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def make_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def year_of(value: str | None) -> int | None:
    return int(value[:4]) if value and re.match(r"^\d{4}", value) else None


def as_date(value: str | None) -> dt.date | None:
    if value and re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return dt.date.fromisoformat(value)
    return None


def contract_date(value: str | None) -> str | None:
    """``value`` reduced to the contract's YYYY / YYYY-MM / YYYY-MM-DD, or None.

    A week becomes its month when it lies in one month (else its year); seasons,
    quarters and halves become their year; decades, centuries and the
    PRESENT/PAST/FUTURE references have no calendar value and give None.
    """
    if not value:
        return None
    if CALENDAR.match(value):
        return value
    week = re.match(r"^(\d{4})-W(\d{2})", value)
    if week:
        try:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return None
        sunday = monday + dt.timedelta(days=6)
        if value.endswith("-WE"):
            monday += dt.timedelta(days=5)  # the weekend: Saturday and Sunday only
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return f"{monday.year}-{monday.month:02d}"
        return str(monday.year) if monday.year == sunday.year else None
    if re.match(r"^\d{4}-(SP|SU|FA|WI|Q[1-4]|H[12])$", value):
        return value[:4]
    return None


# ----------------------------------------------------------------- normaliser

def shift(base: str, unit: str, step: int) -> str | None:
    """``base`` moved by ``step`` units, at the unit's precision (None if base is too coarse)."""
    year = int(base[:4])
    if unit == "Y":
        return str(year + step)
    if unit == "DE":
        return str(year // 10 + step)
    if unit == "C":
        return f"{year // 100 + step:02d}"
    if unit == "Q":
        if len(base) < 7:
            return None
        q = (int(base[5:7]) - 1) // 3 + step
        return f"{year + q // 4}-Q{q % 4 + 1}"
    if unit == "M":
        if len(base) < 7:
            return None
        y, mo = shift_month(year, int(base[5:7]), step)
        return f"{y}-{mo:02d}"
    day = as_date(base)
    if day is None:
        return None
    if unit == "D":
        return (day + dt.timedelta(days=step)).isoformat()
    week = iso_week(day + dt.timedelta(weeks=step))
    return week + "-WE" if unit == "WE" else week


@dataclass(frozen=True)
class Context:
    anchor: dt.date | None  # the publication date: the "now" of deictic expressions
    previous: str | None  # the nearest preceding resolved date: antecedent of "that year"
    tense: str | None  # "past" / "future" / None, from the clause, to place "March" or "Friday"
    year: int | None  # a year stated by a sibling in a list ("March and May 2021")

    def base_day(self) -> dt.date | None:
        """Reference day for weekdays: the publication date, else an earlier full date."""
        return self.anchor or as_date(self.previous)

    def year_for(self, month: int, day: int = 1) -> int | None:
        """The year of a month (and day) written without one."""
        if self.year is not None:
            return self.year
        if self.anchor is not None:
            year, here = self.anchor.year, (self.anchor.month, self.anchor.day)
            # news narrates the past: "in October, ... attacked" written in March means last October
            if self.tense == "past" and (month, day) > here:
                return year - 1
            if self.tense == "future" and (month, day) < here:
                return year + 1
            return year
        return year_of(self.previous)
