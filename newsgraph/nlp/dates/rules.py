"""One rule per kind of date expression; each returns a value, None (matched but
not anchorable) or MISSING (not its kind)."""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.nlp.dates.patterns import alternation, date_words, patterns
from newsgraph.nlp.dates.values import CALENDAR, SEASON_MONTH, Context, make_day, shift, year_of
from newsgraph.settings import settings

MISSING = "\0"  # the expression matched no rule (distinct from "matched but unanchored")


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return date_words().numbers.get(word)


def _full(pattern: str, s: str) -> re.Match[str] | None:
    return re.fullmatch(pattern, s)


def _r_numeric(s: str, ctx: Context) -> str | None:
    m = _full(r"(\d{4})-w(\d{2})", s)
    if m:
        return f"{m.group(1)}-W{m.group(2)}"
    m = _full(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            return MISSING
        return make_day(y, mo, int(m.group(3))) if m.group(3) else f"{y}-{mo:02d}"
    m = _full(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})", s)
    cfg = settings().dates
    if m:  # "4/3/2016" is US order, "04-03-2016" and "04.03.2016" day first, unless the first number cannot be
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if y < 100:
            now = ctx.anchor.year if ctx.anchor else cfg.default_year
            y += 2000 if y <= now % 100 + cfg.numeric_year_slack else 1900
        day_first = a > 12 or (m.group(2) != "/" and b <= 12)
        month, day = (b, a) if day_first else (a, b)
        return make_day(y, month, day) or MISSING
    return MISSING


def _r_month_day(s: str, ctx: Context) -> str | None:
    p = patterns()
    m = (_full(rf"(?:{p.wd},? )?(?:the )?{p.mon},? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?", s)
         or _full(rf"(?:{p.wd},? )?(?:the )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{p.mon}(?:,? (?P<y>\d{{4}}))?", s))
    if not m:
        return MISSING
    month, day = date_words().months[m.group("mon")], int(m.group("d"))
    year = int(m.group("y")) if m.group("y") else ctx.year_for(month, day)
    if year is None:
        return None
    return make_day(year, month, day) or MISSING


def _r_month(s: str, ctx: Context) -> str | None:
    p = patterns()
    m = _full(rf"(?:{p.direction} )?{p.mon}(?:,? (?:of )?(?P<y>\d{{4}}|'\d\d|(?P<yd>this|last|next|that) year))?", s)
    if not m:
        return MISSING
    month = date_words().months[m.group("mon")]
    if m.group("y") and m.group("y")[0].isdigit():
        return f"{m.group('y')}-{month:02d}"
    if m.group("y") and m.group("y").startswith("'"):
        return f"{_two_digit_year(int(m.group('y')[1:]), ctx)}-{month:02d}"
    if m.group("yd"):
        base = year_of(ctx.previous) if m.group("yd") == "that" else (ctx.anchor.year if ctx.anchor else None)
        if base is None:
            return None
        return f"{base + {'last': -1, 'next': 1}.get(m.group('yd'), 0)}-{month:02d}"
    direction = date_words().direction_words.get(m.group("dir") or "", 0)
    if m.group("dir") and direction != 0:
        if ctx.anchor is None:
            return None
        year = ctx.anchor.year
        if direction < 0 and month >= ctx.anchor.month:
            year -= 1
        if direction > 0 and month <= ctx.anchor.month:
            year += 1
        return f"{year}-{month:02d}"
    stated = year_of(ctx.previous) if m.group("dir") == "that" else ctx.year_for(month)
    return f"{stated}-{month:02d}" if stated is not None else None


def _two_digit_year(yy: int, ctx: Context) -> int:
    cfg = settings().dates
    now = (ctx.anchor.year if ctx.anchor else year_of(ctx.previous)) or cfg.default_year
    return 2000 + yy if 2000 + yy <= now + cfg.short_year_slack else 1900 + yy


def _r_year(s: str, ctx: Context) -> str | None:
    m = _full(rf"(?:(?:{alternation(date_words().year_prefixes)}) ?)?(\d{{4}})|'(\d\d)", s)
    if not m:
        return MISSING
    if m.group(2):
        return str(_two_digit_year(int(m.group(2)), ctx))
    year = int(m.group(1))
    return str(year) if is_year(year) else MISSING


def is_year(number: int) -> bool:
    """Whether a four-digit number can be a year ("Resolution 2254" cannot)."""
    cfg = settings().dates
    return cfg.earliest_year <= number <= cfg.latest_year


def _r_decade_century(s: str, ctx: Context) -> str | None:
    m = _full(r"(?:the )?(\d{3})0'?s", s)
    if m:
        return m.group(1)
    m = _full(r"(?:the )?'?(\d)0'?s", s)
    if m:
        return ("20" if m.group(1) in "01" else "19") + m.group(1)
    m = _full(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)[ -]century", s)
    if m and int(m.group(1)) > 0:
        return f"{int(m.group(1)) - 1:02d}"
    centuries = date_words().century_words
    m = _full(rf"(?:the )?({alternation(centuries)})[ -]century", s)
    return f"{centuries[m.group(1)] - 1:02d}" if m else MISSING


def _r_season(s: str, ctx: Context) -> str | None:
    p = patterns()
    m = _full(rf"(?:the )?(?:{p.direction} )?{p.season}(?:,? (?:of )?(?P<y>\d{{4}}))?", s)
    if not m:
        return MISSING
    code = date_words().seasons[m.group("season")]
    if m.group("y"):
        return f"{m.group('y')}-{code}"
    direction = date_words().direction_words.get(m.group("dir") or "", 0)
    if m.group("dir") in ("that", "same"):
        year = year_of(ctx.previous)
        return f"{year}-{code}" if year else None
    if ctx.anchor is None:
        return None
    year, month = ctx.anchor.year, SEASON_MONTH[code]
    if direction < 0 and month >= ctx.anchor.month:
        year -= 1
    elif direction > 0 and month <= ctx.anchor.month:
        year += 1
    elif direction == 0 and not m.group("dir"):
        year = ctx.year_for(month) or year
    return f"{year}-{code}"


def _r_part_of_year(s: str, ctx: Context) -> str | None:
    ordinals = date_words().ordinals
    m = (_full(rf"(?:the )?(?P<o>{alternation(ordinals)}) (?P<u>quarter|half)"
               r"(?: of (?P<y>\d{4}|(?:this|the) year|last year|next year))?", s)
         or _full(r"(?P<o>q[1-4]|h[12])(?: of)? (?P<y>\d{4})|(?P<y2>\d{4}) (?P<o2>q[1-4]|h[12])", s))
    if not m:
        return MISSING
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


def _r_deictic(s: str, ctx: Context) -> str | None:
    lex = date_words()
    if s in lex.references:
        return lex.references[s] if ctx.anchor else None
    if s in lex.same_day or s in lex.day_offsets:
        if ctx.anchor is None:
            return None
        return (ctx.anchor + dt.timedelta(days=lex.day_offsets.get(s, 0))).isoformat()
    return MISSING


def _r_relative_unit(s: str, ctx: Context) -> str | None:
    """"last week", "this year", "the following month", "that day", "the year"."""
    lex = date_words()
    dirs = alternation(lex.direction_words)
    singular = alternation(u for u in lex.units if not u.endswith(("s", "ies")))
    m = _full(rf"(?P<pre>(?:(?:{alternation(lex.unit_fillers)}|{dirs}) )*)(?P<unit>{singular})", s)
    if not m or not m.group("pre"):
        return MISSING
    words = m.group("pre").split()
    if words == ["the"] and m.group("unit") in ("day", "week"):
        return MISSING  # "the day will come": not a reference to a date
    unit = lex.units[m.group("unit")]
    anaphoric = any(w in lex.anaphoric_words for w in words) or (
        words[:1] == ["the"] and not any(w in lex.deictic_directions for w in words))
    step = sum(lex.direction_words.get(w, 0) for w in words if w not in lex.unit_fillers)
    base = None
    if unit == "WE" and words == ["the"]:
        anaphoric = False  # "over the weekend": the one nearest the publication date
    if anaphoric and ctx.previous and CALENDAR.match(ctx.previous):
        base = ctx.previous
    elif not anaphoric and ctx.anchor:
        base = ctx.anchor.isoformat()
    elif anaphoric and ctx.anchor and unit in ("Y", "M") and not ctx.previous:
        base = ctx.anchor.isoformat()  # "the end of the year" with no earlier date: the current one
    if base is None:
        return None
    return shift(base, unit, step)


def _r_ago(s: str, ctx: Context) -> str | None:
    p = patterns()
    lex = date_words()
    m = _full(rf"(?:(?:{alternation(lex.approximators)}) )?{p.num} {p.unit} "
              rf"(?P<dir>{alternation(lex.offset_words)})", s)
    if not m:
        return MISSING
    n = _number(m.group("num"))
    unit = lex.units[m.group("unit")]
    if n is None or unit in ("WE",):
        return None
    sign, from_now = lex.offset_words[m.group("dir")]
    if from_now:
        base = ctx.anchor.isoformat() if ctx.anchor else None
    else:  # "two years later": counted from the date just mentioned
        base = ctx.previous if ctx.previous and CALENDAR.match(ctx.previous) else (
            ctx.anchor.isoformat() if ctx.anchor else None)
    if base is None:
        return None
    if unit == "DE":
        return str(int(base[:4]) + sign * 10 * n)[:3]
    if unit == "C":
        return f"{int(base[:4]) // 100 + sign * n:02d}"
    return shift(base, unit, sign * n)


def _r_day_around(s: str, ctx: Context) -> str | None:
    """"the day before", "the night after": a day from the date just mentioned, as "a day earlier" is
    (the finder only takes them when no noun follows: "the day before the vote" has no date)."""
    lex = date_words()
    counted_back = alternation(w for w, (_, from_now) in lex.offset_words.items() if not from_now)
    m = _full(rf"the (?:day|night) (?P<dir>{counted_back})", s)
    if not m:
        return MISSING
    if lex.offset_words[m.group("dir")][0] > 0 and not (ctx.previous and CALENDAR.match(ctx.previous)):
        return None  # "the day after" with no date before it: not the day after publication
    return _r_ago(f"a day {m.group('dir')}", ctx)


def _r_weekday(s: str, ctx: Context) -> str | None:
    p = patterns()
    lex = date_words()
    m = _full(rf"(?:{p.direction} )?{p.wd}(?: (?:{alternation(lex.day_parts)}))?", s)
    if not m:
        return MISSING
    base = ctx.base_day()
    if base is None:
        return None
    wd = lex.weekdays[m.group("wd")]
    direction = m.group("dir") or ""
    way = lex.weekday_directions.get(direction)
    delta = wd - base.weekday()
    if way == 0:
        pass  # "this Friday": in the publication week
    elif way == 1 or (not direction and ctx.tense == "future"):
        delta = delta % 7 or (7 if direction else 0)
    elif way == -1:
        delta = -((-delta) % 7 or 7)
    else:
        delta = -((-delta) % 7)
    return (base + dt.timedelta(days=delta)).isoformat()


def fallback(s: str, ctx: Context) -> str | None:
    """dateparser for formats the rules do not know; precision is what the text states."""
    has_month = re.search(rf"\b{patterns().mon}", s)
    has_year = re.search(r"\b\d{4}\b", s)
    if not (has_month or (has_year and re.search(r"\d{1,2}[/.-]\d{1,2}", s))):
        return MISSING
    import dateparser  # slow import; only reached for unusual strings

    base = dt.datetime.combine(ctx.anchor or dt.date(2000, 1, 1), dt.time())
    found = dateparser.parse(s, languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month"]})
    if found is None:
        return MISSING
    has_day = re.search(r"(?<![\d/])\d{1,2}(?:st|nd|rd|th)?(?![\d])", s)
    year = found.year if has_year else ctx.year_for(found.month, found.day)
    if year is None:
        return None
    if has_day:
        return make_day(year, found.month, found.day) or MISSING
    return f"{year}-{found.month:02d}"


RULES = (_r_deictic, _r_numeric, _r_year, _r_month_day, _r_month, _r_decade_century, _r_season,
          _r_part_of_year, _r_weekday, _r_ago, _r_day_around, _r_relative_unit)
