"""The regex pieces of the date rules, built once from the date vocabulary
(``data/dates.json``, read through ``newsgraph.vocab.dates``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.vocab import load
from newsgraph.vocab.dates import DateWords


def date_words() -> DateWords:
    """The date vocabulary (loaded and checked once per process)."""
    view: DateWords = load("dates")
    return view


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of ``items``, longest first so "sept" beats "sep"."""
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


def in_order(items: Iterable[str]) -> str:
    """A regex alternation of ``items`` in the order given (where the first that fits must win)."""
    return "|".join(re.escape(w) for w in items)


@dataclass(frozen=True)
class Patterns:
    mon: str
    wd: str
    season: str
    num: str
    direction: str
    unit: str
    prefix: re.Pattern[str]
    modifier: re.Pattern[str]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    lex = date_words()
    return Patterns(
        mon=rf"(?P<mon>{alternation(lex.months)})(?![a-z])\.?", wd=rf"(?P<wd>{alternation(lex.weekdays)})(?![a-z])\.?",
        season=rf"(?P<season>{alternation(lex.seasons)})(?![a-z])", num=rf"(?P<num>\d+|{alternation(lex.numbers)})",
        direction=rf"(?P<dir>{alternation(lex.direction_words)})", unit=rf"(?P<unit>{alternation(lex.units)})",
        prefix=re.compile(rf"^(?:(?:{alternation(lex.prepositions)})\s+)+"),
        modifier=re.compile(rf"^(?:{alternation(lex.modifiers)})(?:\s+|(?<=-))"))
