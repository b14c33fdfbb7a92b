"""Publication dates in the forms feeds, spreadsheets and APIs write them, kept at the precision they state.

    >>> DateReader().read("Tue, 05 Jul 2016 10:12:00 GMT", "x")
    ('2016-07-05', None)
    >>> DateReader().read("2024-02", "x")
    ('2024-02', None)
    >>> DateReader(DateRule(order=DAY_FIRST)).read("4/7/2017", "x")
    ('2017-07-04', None)

Forms read: ISO 8601 (``2016-07-05``, ``2016-07-05T10:12:00+03:00``, ``2016-07``, ``2016``, also
with ``/`` or ``.``), RFC 2822 as feeds write it (``Tue, 05 Jul 2016 10:12:00 GMT``), English month
names (``July 5, 2016``, ``5 July 2016``, ``5-Jul-2016``, ``July 2016``), numeric day and month
(``4/7/2017``, ``4.7.2017``, ``4-7-17``) and any ``strptime`` format the caller names.  A time
and zone after the date are ignored: the date is the one the publisher wrote, not moved to UTC.

A numeric date whose day and month are both 12 or less is ambiguous.  ``DateRule.order`` states
how to read it; without a rule the first unambiguous date of the same file (a number above 12)
decides, and before one is seen month-first is assumed, with one warning per file.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass

from newsgraph import vocab
from newsgraph.errors import InputError

MONTH_FIRST = "month-first"
DAY_FIRST = "day-first"
DEFAULT_ORDER = MONTH_FIRST  # what spreadsheet and feed exports written in the US, and FA-KES, use

_TIME = r"(?:,?\s*(?:T|\s|\bat\s)\s*\d{1,2}[:.]\d{2}\S*(?:\s+\S+){0,2})?"  # 10:12:00 GMT, T10:12Z, at 09.14 am
_ISO = re.compile(r"(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?" + _TIME + r"(?:Z|[+-]\d{2}:?\d{2})?")
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})" + _TIME)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?([A-Za-z]{3,})\.?,?[\s-]+(\d{4})" + _TIME)
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME)
_MONTH_YEAR = re.compile(r"([A-Za-z]{3,})\.?,?\s+(\d{4})")
_WEEKDAY = re.compile(r"([A-Za-z]{3,})\.?,?\s+")
_DAY_DIRECTIVES = re.compile(r"%[-#]?[dje]")
_MONTH_DIRECTIVES = re.compile(r"%[-#]?[mbB]")
_YEAR_DIRECTIVES = re.compile(r"%[-#]?[yYG]")
_NOT_REAL = ""  # what the form readers return for a date in a known form that does not exist (2023-02-30)


@dataclass(frozen=True)
class DateRule:
    """How to read numeric dates: an explicit ``strptime`` format, or which number is the month."""

    format: str | None = None
    order: str | None = None  # MONTH_FIRST or DAY_FIRST; None: the file's own dates decide

    def __post_init__(self) -> None:
        if self.order not in (None, MONTH_FIRST, DAY_FIRST):
            raise InputError("date order", f"{self.order!r} is neither {MONTH_FIRST!r} nor {DAY_FIRST!r}")
        if self.format is not None and not _YEAR_DIRECTIVES.search(self.format):
            raise InputError("--date-format", f"{self.format!r} has no year (%Y or %y): a date without one "
                                              "cannot be placed")


class DateReader:
    """Reads the publication dates of one input (a file): remembers the day/month order it shows."""

    def __init__(self, rule: DateRule | None = None, *, single: bool = False) -> None:
        self.rule = rule or DateRule()
        self._single = single  # one value (--published), not a file of them
        self._learned: str | None = None  # the order an unambiguous numeric date of this input showed
        self._assumed_at: str | None = None  # where DEFAULT_ORDER was first assumed
        self._conflict_told = False

    def read(self, raw: object, where: str) -> tuple[str | None, str | None]:
        """(YYYY / YYYY-MM / YYYY-MM-DD or None, a one-line warning naming ``where`` or None)."""
        value, problem = self.check(raw, where)
        if problem is None:
            return value, None
        if value is None:
            shown = str(raw).strip()
            return None, f"{where}: publication date {shown!r} {problem}; the document is kept without a date"
        return value, f"{where}: {problem}"

    def check(self, raw: object, where: str) -> tuple[str | None, str | None]:
        """(the ISO value or None, what is wrong with it or was assumed, or None)."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None, None
        if isinstance(raw, (dt.date, time.struct_time)):
            return iso_day(raw), None
        text = str(raw).strip()
        value = self._with_format(text) if self.rule.format else None
        if value is None:
            value = _iso(text)
        if value is None:
            value = _named(text)
        if value == _NOT_REAL:
            return None, "is not a real date"
        if value is not None:
            return value, None
        numeric = _NUMERIC.fullmatch(text)
        if numeric:
            return self._numeric(text, numeric, where)
        if self.rule.format:
            return None, f"does not match --date-format {self.rule.format!r}"
        return None, "is not a date form newsgraph reads"

    def _with_format(self, text: str) -> str | None:
        fmt = self.rule.format or ""
        try:
            parsed = dt.datetime.strptime(text, fmt)
        except ValueError:
            return None
        return _at_precision(parsed.year, parsed.month if _MONTH_DIRECTIVES.search(fmt) else None,
                             parsed.day if _DAY_DIRECTIVES.search(fmt) else None)

    def _numeric(self, text: str, match: re.Match[str], where: str) -> tuple[str | None, str | None]:
        first, second, year = int(match.group(1)), int(match.group(3)), _full_year(match.group(4))
        possible = [order for order, (month, day) in ((MONTH_FIRST, (first, second)), (DAY_FIRST, (second, first)))
                    if _at_precision(year, month, day) is not None]
        if not possible:
            return None, "is not a real date"
        stated = self.rule.order
        if stated is not None:
            if stated not in possible:
                return None, f"is not a {stated} date (the rule given)"
            return _ordered(stated, first, second, year), None
        if len(possible) == 1:  # a number above 12: the input shows its order
            self._learned = self._learned or possible[0]
            return _ordered(possible[0], first, second, year), self._conflict(possible[0], text)
        order = self._learned or DEFAULT_ORDER
        value = _ordered(order, first, second, year)
        if self._learned is None and first != second and self._assumed_at is None:
            self._assumed_at = where
            rest = "" if self._single else ", as this input's other ambiguous dates will be unless one shows the order"
            return value, (f"publication date {text!r} is ambiguous; read {order} ({value}){rest} "
                           "(say which with --month-first or --day-first)")
        return value, None

    def _conflict(self, order: str, text: str) -> str | None:
        """One warning when the order shown contradicts the default already assumed for this input."""
        if self._assumed_at is None or order == DEFAULT_ORDER or self._conflict_told:
            return None
        self._conflict_told = True
        return (f"{text!r} is {order}, but earlier ambiguous dates of this input were read {DEFAULT_ORDER} "
                f"(first at {self._assumed_at}); state the order with --{order}")


def parse_date(raw: str, rule: DateRule | None = None, where: str = "--published") -> tuple[str, str | None]:
    """One date given by hand (``--published``): its ISO value and any warning; InputError if unreadable."""
    value, problem = DateReader(rule, single=True).check(raw, where)
    if value is None:
        raise InputError(where, f"{raw!r} {problem or 'is not a date'}")
    return value, (f"{where}: {problem}" if problem else None)


def iso_day(value: object) -> str | None:
    """YYYY-MM-DD from an ISO date or datetime string, a ``time.struct_time`` or a date; else None."""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if isinstance(value, time.struct_time):
        return _at_precision(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    found = _iso(value.strip())
    return found if found and len(found) == 10 else None


def _iso(text: str) -> str | None:
    match = _ISO.fullmatch(text)
    if not match:
        return None
    year, month, day = match.group(1), match.group(3), match.group(4)
    return _at_precision(int(year), int(month) if month else None, int(day) if day else None) or _NOT_REAL


def _named(text: str) -> str | None:
    """Dates with an English month name, after an optional weekday (RFC 2822 included)."""
    months = vocab.load("dates").months
    weekday = _WEEKDAY.match(text)
    if weekday and weekday.group(1).lower() in vocab.load("dates").weekdays:
        text = text[weekday.end():]
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = match.group(1), months.get(match.group(2).lower()), match.group(3)
    elif match := _MONTH_DAY_YEAR.fullmatch(text):
        month, day, year = months.get(match.group(1).lower()), match.group(2), match.group(3)
    elif match := _MONTH_YEAR.fullmatch(text):
        month, day, year = months.get(match.group(1).lower()), None, match.group(2)
    else:
        return None
    if month is None:
        return None
    return _at_precision(int(year), month, int(day) if day else None) or _NOT_REAL


def _full_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    return int(digits) + (1900 if int(digits) >= 69 else 2000)  # strptime's %y rule


def _ordered(order: str, first: int, second: int, year: int) -> str | None:
    month, day = (first, second) if order == MONTH_FIRST else (second, first)
    return _at_precision(year, month, day)


def _at_precision(year: int, month: int | None, day: int | None) -> str | None:
    """The ISO form at the precision given; None when it is not a real calendar date."""
    if year < 1000:
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}" if day is None else None
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"
