"""Date expressions normalised at the precision the text states.

``DateMention.value`` carries what the text pins down and nothing more:

* calendar values ``2021``, ``2021-06``, ``2021-06-14`` (the contract's forms);
* TimeML forms a calendar date cannot express without inventing precision:
  ISO weeks ``2013-W11`` (``2013-W11-WE`` for a weekend), seasons ``2012-SU``, quarters
  ``2013-Q1``, halves ``2013-H1``, decades ``201`` (the 2010s), centuries ``19``;
* ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` for "now", "recently", "in the future";
* ``None`` when the expression cannot be anchored.

``contract_date()`` reduces any of these to ``YYYY`` / ``YYYY-MM`` / ``YYYY-MM-DD`` or None;
that is what events carry.  Candidates are spaCy DATE/TIME spans plus patterns spaCy
misses; ``dateparser`` is only a last resort for odd formats, because it fills missing
parts from its base date and finds "dates" in money amounts and resolution numbers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph.model import DateMention
from newsgraph.nlp.parse import Parsed

__all__ = ["find_dates", "normalize_date", "contract_date"]

_CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    """The vocabulary in newsgraph/data/dates.json, loaded once."""
    text = resources.files("newsgraph.data").joinpath("dates.json").read_text(encoding="utf-8")
    return json.loads(text)


def _alt(words: Any) -> str:
    """A regex alternation of ``words``, longest first so "sept" beats "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    mon: str
    wd: str
    season: str
    num: str
    direction: str
    unit: str
    prefix: re.Pattern[str]
    modifier: re.Pattern[str]


@lru_cache(maxsize=1)
def _pat() -> _Patterns:
    lex = _lex()
    return _Patterns(
        mon=rf"(?P<mon>{_alt(lex['months'])})(?![a-z])\.?", wd=rf"(?P<wd>{_alt(lex['weekdays'])})(?![a-z])\.?",
        season=rf"(?P<season>{_alt(lex['seasons'])})(?![a-z])", num=rf"(?P<num>\d+|{_alt(lex['numbers'])})",
        direction=rf"(?P<dir>{_alt(lex['direction_words'])})", unit=rf"(?P<unit>{_alt(lex['units'])})",
        prefix=re.compile(rf"^(?:(?:{_alt(lex['prepositions'])})\s+)+"),
        modifier=re.compile(rf"^(?:{_alt(lex['modifiers'])})(?:\s+|(?<=-))"))


# --------------------------------------------------------------------- values

def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_of(value: str | None) -> int | None:
    return int(value[:4]) if value and re.match(r"^\d{4}", value) else None


def _as_date(value: str | None) -> dt.date | None:
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
    if _CALENDAR.match(value):
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

@dataclass(frozen=True)
class _Ctx:
    anchor: dt.date | None  # the publication date: the "now" of deictic expressions
    previous: str | None  # the nearest preceding resolved date: antecedent of "that year"
    tense: str | None  # "past" / "future" / None, from the clause, to place "March" or "Friday"
    year: int | None  # a year stated by a sibling in a list ("March and May 2021")

    def base_day(self) -> dt.date | None:
        """Reference day for weekdays: the publication date, else an earlier full date."""
        return self.anchor or _as_date(self.previous)

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
        return _year_of(self.previous)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _lex()["numbers"].get(word)


def _clean(text: str) -> str:
    """Lower-case, unify dashes and quotes, drop leading prepositions and trailing punctuation."""
    s = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"[\u2013\u2014]", "-", s)
    s = re.sub(r"\s+", " ", s).strip(" ,;:()[]\"")
    s = re.sub(r"'s$", "", s)
    s = _pat().prefix.sub("", s).strip()
    return s.rstrip(".,") if not re.search(rf"\b{_pat().mon}$", s) else s


_MISSING = "\0"  # the expression matched no rule (distinct from "matched but unanchored")


def normalize_date(text: str, anchor: dt.date | None, previous: str | None = None, *,
                   tense: str | None = None, year: int | None = None) -> str | None:
    """The value of one date expression (see the module docstring), or None.

    ``anchor`` is the publication date; ``previous`` the nearest preceding date value
    in the text (used by "that year" and, without an anchor, by "March 4");
    ``tense`` ("past"/"future") of the clause picks the year of a bare month or the
    week of a bare weekday; ``year`` is a year stated by a sibling in a list.
    """
    value = _normalize(text, anchor, previous, tense, year)
    if value == _MISSING or value and re.match(r"^(\d{1,3}|\d{5,})-", value):
        return None  # a relative date pushed outside years 1000-9999 has no ISO form
    return value


@lru_cache(maxsize=8192)
def _normalize(text: str, anchor: dt.date | None, previous: str | None, tense: str | None,
               year: int | None) -> str | None:
    ctx = _Ctx(anchor, previous, tense, year)
    s = _clean(text)
    value = _rules(s, ctx)
    if value != _MISSING:
        return value
    stripped = s
    while True:  # "late June 2021", "the end of the year", "early this month": keep the precision
        shorter = _pat().modifier.sub("", stripped).strip()
        shorter = _pat().prefix.sub("", shorter).strip()
        if shorter == stripped or not shorter:
            break
        stripped = shorter
        if stripped in ("year", "month", "week", "day"):  # "the end of year"
            stripped = "the " + stripped
        value = _rules(stripped, ctx)
        if value != _MISSING:
            return value
    return _fallback(stripped, ctx)


def _rules(s: str, ctx: _Ctx) -> str | None:
    for rule in _RULES:
        value = rule(s, ctx)
        if value != _MISSING:
            return value
    return _MISSING


def _full(pattern: str, s: str) -> re.Match[str] | None:
    return re.fullmatch(pattern, s)


def _r_numeric(s: str, ctx: _Ctx) -> str | None:
    m = _full(r"(\d{4})-w(\d{2})", s)
    if m:
        return f"{m.group(1)}-W{m.group(2)}"
    m = _full(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            return _MISSING
        return _day(y, mo, int(m.group(3))) if m.group(3) else f"{y}-{mo:02d}"
    m = _full(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})", s)
    if m:  # US order unless the first number cannot be a month
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if y < 100:
            y += 2000 if y <= (ctx.anchor.year % 100 if ctx.anchor else 30) + 5 else 1900
        month, day = (b, a) if a > 12 else (a, b)
        return _day(y, month, day) or _MISSING
    return _MISSING


def _r_month_day(s: str, ctx: _Ctx) -> str | None:
    p = _pat()
    m = (_full(rf"(?:{p.wd},? )?(?:the )?{p.mon},? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?", s)
         or _full(rf"(?:{p.wd},? )?(?:the )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{p.mon}(?:,? (?P<y>\d{{4}}))?", s))
    if not m:
        return _MISSING
    month, day = _lex()["months"][m.group("mon")], int(m.group("d"))
    year = int(m.group("y")) if m.group("y") else ctx.year_for(month, day)
    if year is None:
        return None
    return _day(year, month, day) or _MISSING


def _r_month(s: str, ctx: _Ctx) -> str | None:
    p = _pat()
    m = _full(rf"(?:{p.direction} )?{p.mon}(?:,? (?:of )?(?P<y>\d{{4}}|'\d\d|(?P<yd>this|last|next|that) year))?", s)
    if not m:
        return _MISSING
    month = _lex()["months"][m.group("mon")]
    if m.group("y") and m.group("y")[0].isdigit():
        return f"{m.group('y')}-{month:02d}"
    if m.group("y") and m.group("y").startswith("'"):
        return f"{_two_digit_year(int(m.group('y')[1:]), ctx)}-{month:02d}"
    if m.group("yd"):
        base = _year_of(ctx.previous) if m.group("yd") == "that" else (ctx.anchor.year if ctx.anchor else None)
        if base is None:
            return None
        return f"{base + {'last': -1, 'next': 1}.get(m.group('yd'), 0)}-{month:02d}"
    direction = _lex()["direction_words"].get(m.group("dir") or "", 0)
    if m.group("dir") and direction != 0:
        if ctx.anchor is None:
            return None
        year = ctx.anchor.year
        if direction < 0 and month >= ctx.anchor.month:
            year -= 1
        if direction > 0 and month <= ctx.anchor.month:
            year += 1
        return f"{year}-{month:02d}"
    if m.group("dir") == "that":
        year = _year_of(ctx.previous)
    else:
        year = ctx.year_for(month)
    return f"{year}-{month:02d}" if year is not None else None


def _two_digit_year(yy: int, ctx: _Ctx) -> int:
    now = (ctx.anchor.year if ctx.anchor else _year_of(ctx.previous)) or 2030
    return 2000 + yy if 2000 + yy <= now + 10 else 1900 + yy


def _r_year(s: str, ctx: _Ctx) -> str | None:
    m = _full(r"(?:(?:fy|fiscal|fiscal year|the year|year|calendar year) ?)?(\d{4})|'(\d\d)", s)
    if not m:
        return _MISSING
    if m.group(2):
        return str(_two_digit_year(int(m.group(2)), ctx))
    year = int(m.group(1))
    return str(year) if 1000 <= year <= 2199 else _MISSING


def _r_decade_century(s: str, ctx: _Ctx) -> str | None:
    m = _full(r"(?:the )?(\d{3})0'?s", s)
    if m:
        return m.group(1)
    m = _full(r"(?:the )?'?(\d)0'?s", s)
    if m:
        return ("20" if m.group(1) in "01" else "19") + m.group(1)
    m = _full(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)[ -]century", s)
    if m and int(m.group(1)) > 0:
        return f"{int(m.group(1)) - 1:02d}"
    words = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}
    m = _full(rf"(?:the )?({_alt(words)})[ -]century", s)
    return f"{words[m.group(1)] - 1:02d}" if m else _MISSING


def _r_season(s: str, ctx: _Ctx) -> str | None:
    p = _pat()
    m = _full(rf"(?:the )?(?:{p.direction} )?{p.season}(?:,? (?:of )?(?P<y>\d{{4}}))?", s)
    if not m:
        return _MISSING
    code = _lex()["seasons"][m.group("season")]
    if m.group("y"):
        return f"{m.group('y')}-{code}"
    direction = _lex()["direction_words"].get(m.group("dir") or "", 0)
    if m.group("dir") in ("that", "same"):
        year = _year_of(ctx.previous)
        return f"{year}-{code}" if year else None
    if ctx.anchor is None:
        return None
    year, month = ctx.anchor.year, _SEASON_MONTH[code]
    if direction < 0 and month >= ctx.anchor.month:
        year -= 1
    elif direction > 0 and month <= ctx.anchor.month:
        year += 1
    elif direction == 0 and not m.group("dir"):
        year = ctx.year_for(month) or year
    return f"{year}-{code}"


def _r_part_of_year(s: str, ctx: _Ctx) -> str | None:
    ordinals = _lex()["ordinals"]
    m = (_full(rf"(?:the )?(?P<o>{_alt(ordinals)}) (?P<u>quarter|half)(?: of (?P<y>\d{{4}}|(?:this|the) year|last year|next year))?", s)
         or _full(r"(?P<o>q[1-4]|h[12])(?: of)? (?P<y>\d{4})|(?P<y2>\d{4}) (?P<o2>q[1-4]|h[12])", s))
    if not m:
        return _MISSING
    groups = m.groupdict()
    order = groups.get("o") or groups.get("o2") or ""
    yspec = groups.get("y") or groups.get("y2")
    if order[0] in "qh" and order[1:].isdigit():
        code = order.upper()
    else:
        n = ordinals[order]
        code = f"Q{n}" if groups.get("u") == "quarter" else f"H{min(n, 2)}"
    if yspec and yspec[0].isdigit():
        return f"{yspec}-{code}"
    if ctx.anchor is None:
        return None
    shift = {"last year": -1, "next year": 1}.get(yspec or "", 0)
    return f"{ctx.anchor.year + shift}-{code}"


def _r_deictic(s: str, ctx: _Ctx) -> str | None:
    lex = _lex()
    if s in lex["references"]:
        return lex["references"][s] if ctx.anchor else None
    if s in lex["same_day"] or s in lex["day_offsets"]:
        if ctx.anchor is None:
            return None
        return (ctx.anchor + dt.timedelta(days=lex["day_offsets"].get(s, 0))).isoformat()
    return _MISSING


def _r_relative_unit(s: str, ctx: _Ctx) -> str | None:
    """"last week", "this year", "the following month", "that day", "the year"."""
    dirs = _alt(_lex()["direction_words"])
    singular = _alt(u for u in _lex()["units"] if not u.endswith(("s", "ies")))
    m = _full(rf"(?P<pre>(?:(?:the|same|very|{dirs}) )*)(?P<unit>{singular})", s)
    if not m or not m.group("pre"):
        return _MISSING
    words = m.group("pre").split()
    if words == ["the"] and m.group("unit") in ("day", "week"):
        return _MISSING  # "the day will come": not a reference to a date
    unit = _lex()["units"][m.group("unit")]
    anaphoric = any(w in ("that", "same", "following", "preceding", "prior") for w in words) or (
        words[:1] == ["the"] and not any(w in ("last", "past", "this", "current", "coming") for w in words))
    step = sum(_lex()["direction_words"].get(w, 0) for w in words if w not in ("the", "very"))
    base = None
    if unit == "WE" and words == ["the"]:
        anaphoric = False  # "over the weekend": the one nearest the publication date
    if anaphoric and ctx.previous and _CALENDAR.match(ctx.previous):
        base = ctx.previous
    elif not anaphoric and ctx.anchor:
        base = ctx.anchor.isoformat()
    elif anaphoric and ctx.anchor and unit in ("Y", "M") and not ctx.previous:
        base = ctx.anchor.isoformat()  # "the end of the year" with no earlier date: the current one
    if base is None:
        return None
    return _shift(base, unit, step)


def _shift(base: str, unit: str, step: int) -> str | None:
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
        y, mo = _shift_month(year, int(base[5:7]), step)
        return f"{y}-{mo:02d}"
    day = _as_date(base)
    if day is None:
        return None
    if unit == "D":
        return (day + dt.timedelta(days=step)).isoformat()
    week = _iso_week(day + dt.timedelta(weeks=step))
    return week + "-WE" if unit == "WE" else week


def _r_ago(s: str, ctx: _Ctx) -> str | None:
    p = _pat()
    m = _full(rf"(?:about |some |nearly |almost |more than |over |just |only )?{p.num} {p.unit} "
              r"(?P<dir>ago|earlier|before|later|after|from now|hence|back)", s)
    if not m:
        return _MISSING
    n = _number(m.group("num"))
    unit = _lex()["units"][m.group("unit")]
    if n is None or unit in ("WE",):
        return None
    sign = 1 if m.group("dir") in ("later", "after", "from now", "hence") else -1
    if m.group("dir") in ("ago", "from now", "hence", "back"):
        base = ctx.anchor.isoformat() if ctx.anchor else None
    else:  # "two years later": counted from the date just mentioned
        base = ctx.previous if ctx.previous and _CALENDAR.match(ctx.previous) else (
            ctx.anchor.isoformat() if ctx.anchor else None)
    if base is None:
        return None
    if unit == "DE":
        return str(int(base[:4]) + sign * 10 * n)[:3]
    if unit == "C":
        return f"{int(base[:4]) // 100 + sign * n:02d}"
    return _shift(base, unit, sign * n)


def _r_weekday(s: str, ctx: _Ctx) -> str | None:
    p = _pat()
    m = _full(rf"(?:{p.direction} )?{p.wd}(?: (?:morning|afternoon|evening|night|noon))?", s)
    if not m:
        return _MISSING
    base = ctx.base_day()
    if base is None:
        return None
    wd = _lex()["weekdays"][m.group("wd")]
    direction = m.group("dir") or ""
    delta = wd - base.weekday()
    if direction in ("this",):
        pass
    elif direction in ("next", "coming") or (not direction and ctx.tense == "future"):
        delta = delta % 7 or (7 if direction else 0)
    elif direction in ("last", "past", "previous"):
        delta = -((-delta) % 7 or 7)
    else:
        delta = -((-delta) % 7)
    return (base + dt.timedelta(days=delta)).isoformat()


def _fallback(s: str, ctx: _Ctx) -> str | None:
    """dateparser for formats the rules do not know; precision is what the text states."""
    has_month = re.search(rf"\b{_pat().mon}", s)
    has_year = re.search(r"\b\d{4}\b", s)
    if not (has_month or (has_year and re.search(r"\d{1,2}[/.-]\d{1,2}", s))):
        return _MISSING
    import dateparser  # slow import; only reached for unusual strings

    base = dt.datetime.combine(ctx.anchor or dt.date(2000, 1, 1), dt.time())
    found = dateparser.parse(s, languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month"]})
    if found is None:
        return _MISSING
    has_day = re.search(r"(?<![\d/])\d{1,2}(?:st|nd|rd|th)?(?![\d])", s)
    year = found.year if has_year else ctx.year_for(found.month, found.day)
    if year is None:
        return None
    if has_day:
        return _day(year, found.month, found.day) or _MISSING
    return f"{year}-{found.month:02d}"


_RULES = (_r_deictic, _r_numeric, _r_year, _r_month_day, _r_month, _r_decade_century, _r_season,
          _r_part_of_year, _r_weekday, _r_ago, _r_relative_unit)


# ------------------------------------------------------------ finding mentions

def find_dates(parsed: Parsed) -> list[DateMention]:
    """Every date expression in ``parsed``, in order, one mention per item of a list or range."""
    cached = parsed.cache.get("dates")
    if isinstance(cached, list):
        return cached
    text, anchor = parsed.text, parsed.published
    out: list[DateMention] = []
    previous: str | None = None
    for group in _groups(text, _candidates(parsed)):
        items = [item for start, end in group for item in _split(text, start, end)]
        values = _normalize_items(parsed, items, anchor, previous)
        for (s, e), value in zip(items, values):
            if value == _MISSING:
                continue
            out.append(DateMention(s, e, text[s:e], value))
            if value and _CALENDAR.match(value):
                previous = value
    parsed.cache["dates"] = out
    return out


_JOINER = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|to|through|until|till|&)\s+|[-\u2013\u2014]\s*)?", re.I)


def _groups(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Adjacent spans joined by "and", "to", a dash or a comma: one list or range
    ("from March to May 2020"), so items without a year can borrow their sibling's."""
    groups: list[list[tuple[int, int]]] = []
    for span in spans:
        if groups and _JOINER.fullmatch(text[groups[-1][-1][1]:span[0]]):
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _normalize_items(parsed: Parsed, items: list[tuple[int, int]], anchor: dt.date | None,
                     previous: str | None) -> list[str | None]:
    """Values of the items of one span; items without a year borrow it from a sibling."""
    text = parsed.text
    tense = _tense(parsed, items[0][0], items[-1][1])
    years = [re.search(r"\b(\d{4})\b", text[s:e]) for s, e in items]
    values: list[str | None] = []
    last_month: str | None = None
    for i, (s, e) in enumerate(items):
        item = text[s:e]
        later = next((int(y.group(1)) for y in years[i:] if y), None)
        earlier = next((int(y.group(1)) for y in reversed(years[:i]) if y), None)
        sibling_year = later if later is not None else earlier
        if i and re.fullmatch(r"'?\d{2}", item.strip()) and earlier:  # "1957-58"
            item = str(earlier // 100 * 100 + int(item.strip()[-2:]))
        elif i and last_month and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?", item.strip()):
            item = f"{last_month} {item}"  # "March 4-6": the 6th of March
        value = _normalize(item, anchor, previous, tense, sibling_year if len(items) > 1 else None)
        month = re.search(rf"\b{_pat().mon}", item.lower())
        last_month = month.group("mon") if month else last_month
        values.append(value)
        if value not in (None, _MISSING) and _CALENDAR.match(value or ""):
            previous = value
    return values


_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:and|or)\s+|\s(?:and|or|to|through|thru|until|till|&)\s+|(?<=\d)\s*[-/]\s*(?=\d)|\s*[-\u2013\u2014]\s*)\s*")


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list or range ("in March 2019, June 2020 and May 2021", "2009-2010")."""
    span = text[start:end]
    cuts = [(m.start(), m.end()) for m in _SEPARATOR.finditer(span) if _cuts_items(span, m)]
    cuts += [(m.start(), m.end()) for m in re.finditer(r",\s*", span) if _comma_separates(span, m)]
    cuts.sort()
    pieces, pos = [], 0
    for a, b in cuts:
        if a < pos:
            continue
        pieces.append((pos, a))
        pos = b
    pieces.append((pos, len(span)))
    items = []
    for a, b in pieces:
        piece = span[a:b]
        lead = len(piece) - len(piece.lstrip(" ,;(\"'"))
        connective = re.match(r"(?:between|from|since|until|till|through|and|or|to)\s+", piece[lead:], re.I)
        lead += connective.end() if connective else 0  # "between 2011": the item is "2011"
        piece_core = piece[lead:].rstrip(" ,;()\"'")
        if piece_core:
            s = start + a + lead
            items.append((s, s + len(piece_core)))
    return items or [(start, end)]


def _cuts_items(span: str, m: re.Match[str]) -> bool:
    """A dash, "and", "to" separates two dates only when both sides look like dates."""
    left, right = span[:m.start()].lower(), span[m.end():].lower()
    if re.search(r"\b(mid|between)$", left) or not left.strip() or not right.strip():
        return False
    if re.search(r"\d{1,2}([-/.])\d{1,2}\1\d{2,4}", span):  # one numeric date, not a range
        return False
    return bool(_starts_like_date(right) and _ends_like_date(left))


def _comma_separates(span: str, m: re.Match[str]) -> bool:
    """Commas separate list items ("March 2019, June 2020"), not a date's parts ("March 4, 2021")."""
    left, right = span[:m.start()].lower(), span[m.end():].lower()
    if re.match(r"(and|or)\b", right):
        return False  # handled by the separator pattern
    if re.fullmatch(rf".*\b{_pat().wd}", left):
        return False  # "Friday, March 22"
    if re.match(r"\d{4}\b", right):
        return bool(re.search(r"\b\d{4}$", left))  # "2019, 2020", but not "March 4, 2021"
    return bool(re.match(_pat().mon, right)) and bool(re.search(rf"(?:\d|{_pat().mon})$", left))


def _starts_like_date(s: str) -> bool:
    p = _pat()
    return bool(re.match(rf"(?:the |early |late |mid-?)?(?:{p.mon}|{p.wd}|{p.season}|'?\d)", s))


def _ends_like_date(s: str) -> bool:
    p = _pat()
    return bool(re.search(rf"(?:{p.mon}|{p.wd}|{p.season}|\d)$", s))


_TIMELIKE = re.compile(r"\b(morning|afternoon|evening|night|tonight|noon|midnight|today|yesterday|tomorrow)\b", re.I)


def _candidates(parsed: Parsed) -> list[tuple[int, int]]:
    """Character spans of date expressions: spaCy's DATE spans (and TIME spans naming a day),
    cleaned of possessives and guarded against numbers that are not years, plus pattern
    matches spaCy missed."""
    text = parsed.text
    spans: list[tuple[int, int]] = []
    for ent in parsed.doc.ents:
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and _TIMELIKE.search(ent.text)):
            start, end = _trim(text, ent.start_char, ent.end_char)
            if end > start and not _not_a_year(parsed, ent, text[start:end]) and not _names_something(ent):
                spans.append((start, end))
    names = [(ent.start_char, ent.end_char) for ent in parsed.doc.ents if ent.label_ in _NAME_LABELS]
    for m in _extra_pattern().finditer(text):
        s, e = m.start("x"), m.end("x")
        found = parsed.doc.char_span(s, e, alignment_mode="expand")
        if any(a < e and s < b for a, b in names) or found is None or _names_something(found):
            continue  # "Halab Today TV", "the Friday Mosque": part of a name
        inside = [(a, b) for a, b in spans if a < e and s < b]
        # a pattern match replaces spaCy spans it contains ("26 November 2017" over "November 2017")
        if all(s <= a and b <= e for a, b in inside) and (not inside or inside != [(s, e)]):
            spans = [sp for sp in spans if sp not in inside] + [(s, e)]
    return sorted(spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing possessives and punctuation spaCy sometimes includes."""
    piece = text[start:end]
    piece = re.sub(r"(?:\s+(?:and|or|to|through))+$", "", piece)  # spaCy's "the 1980s and"
    piece = re.sub(r"(?:['\u2019]s|['\u2019])$", "", piece)
    stripped = piece.rstrip(" ,;:)\"'\u201d")
    if stripped.endswith(".") and not re.search(rf"\b{_pat().mon}$", stripped.lower()):
        stripped = stripped[:-1]
    lead = len(stripped) - len(stripped.lstrip(" ,;:(\"'\u201c"))
    return start + lead, start + len(stripped)


_NAME_LABELS = ("PERSON", "ORG", "FAC", "GPE", "LOC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW")


def _names_something(span: Any) -> bool:
    """"April 7th Street", "Halab Today TV": a date word inside a proper name."""
    last, doc = span[-1], span.doc
    head = last.head
    if (head.i >= span.end and head.pos_ == "PROPN" and head.is_title
            and last.dep_ in ("compound", "nmod", "amod", "nummod")):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    one_word = len(span) == 1 and span[0].lower_ in ("today", "now", "tonight", "tomorrow", "yesterday")
    return bool(one_word and span[0].is_title and before is not None and before.pos_ == "PROPN"
                and not before.is_sent_start and after is not None and after.is_title)


def _not_a_year(parsed: Parsed, ent: Any, span_text: str) -> bool:
    """"Resolution 1701", "F-35", "S-300", "Institute 4000", "1,500": numbers, not dates."""
    bare = span_text.strip()
    if not re.fullmatch(r"\d[\d,.]*", bare):
        return False
    if not re.fullmatch(r"\d{4}", bare) or not 1000 <= int(bare) <= 2199:
        return True
    text = parsed.text
    if ent.start_char and re.match(r"[-\w/#]", text[ent.start_char - 1]):
        return True  # glued to letters or a hyphen: a model or code name
    prev = parsed.doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and (prev.lower_ in _lex()["number_guards"]
                             or (prev.pos_ in ("PROPN", "NOUN") and prev.is_title and prev.i > prev.sent.start)):
        return True
    nxt = parsed.doc[ent.end] if ent.end < len(parsed.doc) else None
    quantity = prev is not None and prev.lower_ in ("over", "some", "nearly", "about", "around", "almost", "than")
    return bool(quantity and nxt is not None and nxt.tag_ == "NNS")


@lru_cache(maxsize=1)
def _extra_pattern() -> re.Pattern[str]:
    """Date expressions spaCy's small model tends to miss (its DATE recall is ~0.8)."""
    lex = _lex()
    months = _alt(w.capitalize() for w in lex["months"] if len(w) > 3 or w == "may")
    weekdays = _alt(w.capitalize() for w in lex["weekdays"] if len(w) > 4)
    return re.compile(
        rf"(?<![\w-])(?P<x>(?:{months})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"
        r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"
        r"|(?:1[5-9]|20)\d0s"
        rf"|\d{{1,2}} (?:{months}) \d{{4}}|(?:{months}) \d{{4}}"
        rf"|(?:{weekdays})|(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Cc]urrently|[Nn]owadays|[Nn]ow|[Rr]ecently)|(?<=[Ii]n )the past|(?<=[Aa]t )the time)(?![\\w-])")


def _tense(parsed: Parsed, start: int, end: int) -> str | None:
    """"past" or "future" from the verb governing the date, None when present or unknown."""
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    # the nearest preposition before the date ("postponed until 15:00 GMT Saturday")
    before = next((t.lower_ for t in reversed(parsed.doc[max(span.start - 4, 0):span.start])
                   if t.pos_ in ("ADP", "SCONJ", "VERB", "AUX")), "")
    for _ in range(8):  # up to the governing finite verb: "agreed to sell ... in October"
        finite = token.pos_ in ("VERB", "AUX") and not (
            token.tag_ in ("VB", "VBG", "VBN") and token.dep_ in ("xcomp", "acl", "advcl", "relcl", "pcomp")
            and not any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in token.children))
        if finite or token.head.i == token.i:
            break
        if token.tag_ == "VB" and before in ("until", "through", "till", "by", "before"):
            return None  # "a program to run through June": a planned period, not a past one
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    helpers = [c for c in token.children if c.dep_ in ("aux", "auxpass")] + [token]
    if any(h.lower_ in ("will", "'ll", "shall") for h in helpers):
        return "future"
    if before in ("until", "till", "by") and token.tag_ != "VBD":
        return "future"  # a deadline: "has been postponed until Saturday"
    if any(h.tag_ == "VBD" for h in helpers) or any(h.lower_ in ("has", "have", "had") for h in helpers):
        return "past"
    if any(h.lower_ in ("is", "are", "'s", "'re") for h in helpers) and token.lower_ == "going":
        return "future"
    return None
