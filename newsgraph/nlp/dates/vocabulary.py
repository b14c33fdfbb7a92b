"""The date vocabulary (newsgraph/data/dates.json) and the regex pieces built from it, loaded once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The vocabulary in newsgraph/data/dates.json, loaded once."""
    text = resources.files("newsgraph.data").joinpath("dates.json").read_text(encoding="utf-8")
    return json.loads(text)


def alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first so "sept" beats "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


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
    lex = lexicon()
    return Patterns(
        mon=rf"(?P<mon>{alternation(lex['months'])})(?![a-z])\.?", wd=rf"(?P<wd>{alternation(lex['weekdays'])})(?![a-z])\.?",
        season=rf"(?P<season>{alternation(lex['seasons'])})(?![a-z])", num=rf"(?P<num>\d+|{alternation(lex['numbers'])})",
        direction=rf"(?P<dir>{alternation(lex['direction_words'])})", unit=rf"(?P<unit>{alternation(lex['units'])})",
        prefix=re.compile(rf"^(?:(?:{alternation(lex['prepositions'])})\s+)+"),
        modifier=re.compile(rf"^(?:{alternation(lex['modifiers'])})(?:\s+|(?<=-))"))
