"""One date expression to its value: cleaning, the rules, and qualified forms
("late June 2021") reduced to the expression they qualify."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsgraph.nlp.dates.patterns import patterns
from newsgraph.nlp.dates.rules import MISSING, RULES, fallback
from newsgraph.nlp.dates.values import Context


def _clean(text: str) -> str:
    """Lower-case, unify dashes and quotes, drop leading prepositions and trailing punctuation."""
    s = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"[\u2013\u2014]", "-", s)
    s = re.sub(r"\s+", " ", s).strip(" ,;:()[]\"")
    s = re.sub(r"'s$", "", s)
    s = patterns().prefix.sub("", s).strip()
    return s.rstrip(".,") if not re.search(rf"\b{patterns().mon}$", s) else s


def normalize_date(text: str, anchor: dt.date | None, previous: str | None = None, *,
                   tense: str | None = None, year: int | None = None) -> str | None:
    """The value of one date expression (forms: see ``newsgraph.nlp.dates``), or None.

    ``anchor`` is the publication date; ``previous`` the nearest preceding date value
    in the text (used by "that year" and, without an anchor, by "March 4");
    ``tense`` ("past"/"future") of the clause picks the year of a bare month or the
    week of a bare weekday; ``year`` is a year stated by a sibling in a list.
    """
    value = normalize_value(text, anchor, previous, tense, year)
    if value == MISSING or (value and re.match(r"^(\d{1,3}|\d{5,})-", value)):
        return None  # a relative date pushed outside years 1000-9999 has no ISO form
    return value


@lru_cache(maxsize=8192)
def normalize_value(text: str, anchor: dt.date | None, previous: str | None, tense: str | None,
               year: int | None) -> str | None:
    ctx = Context(anchor, previous, tense, year)
    s = _clean(text)
    value = apply_rules(s, ctx)
    if value != MISSING:
        return value
    stripped = s
    while True:  # "late June 2021", "the end of the year", "early this month": keep the precision
        shorter = patterns().modifier.sub("", stripped).strip()
        shorter = patterns().prefix.sub("", shorter).strip()
        if shorter == stripped or not shorter:
            break
        stripped = shorter
        if stripped in ("year", "month", "week", "day"):  # "the end of year"
            stripped = "the " + stripped
        value = apply_rules(stripped, ctx)
        if value != MISSING:
            return value
    return fallback(stripped, ctx)


def apply_rules(s: str, ctx: Context) -> str | None:
    for rule in RULES:
        value = rule(s, ctx)
        if value != MISSING:
            return value
    return MISSING
