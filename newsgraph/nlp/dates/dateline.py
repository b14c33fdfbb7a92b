"""The publication date a text states in its dateline, for documents that come without one.

Wire copy and saved pages often open with "Wed 05 Apr 2017 ...", "BEIRUT, March 3, 2024 (AFP) -",
"Published: 12 June 2023" or "2023-06-12 | Damascus".  Such a date is the "now" of the
article's "on Friday" and "last year".  Only a full date (day, month and year) near the start,
preceded by nothing but a place name, a weekday or a "published/updated" label, counts: a date
in the first sentence's running text ("On 5 April 2017, jets struck ...") is an event's date,
not the article's.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsgraph.nlp.dates.normalize import normalize_date
from newsgraph.nlp.dates.vocabulary import alternation, lexicon

_WINDOW = 120  # a dateline sits in the first line or so
_LABELS = r"(?:published|updated|posted|posted on|published on|updated on|date|dated|last updated)"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    lex = lexicon()
    month = alternation(m for m in lex["months"])
    weekday = alternation(w for w in lex["weekdays"])
    day_first = rf"\d{{1,2}}(?:st|nd|rd|th)? (?:{month})\.?,? \d{{4}}"
    month_first = rf"(?:{month})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    iso = r"\d{4}-\d{2}-\d{2}"
    # what may precede the date: a label, a capitalised place ("BEIRUT,", "Kyiv -"), a weekday
    lead = rf"(?:{_LABELS}\s*:?\s*)?(?:[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){{0,3}}\s*[,:\-\u2013\u2014|]?\s*)?"
    return re.compile(
        rf"^\s*{lead}(?:(?:{weekday})\.?,? )?(?P<date>{day_first}|{month_first}|{iso})(?![\d])",
        re.IGNORECASE)


def dateline_date(text: str) -> dt.date | None:
    """The full date the text opens with, or None."""
    head = text[:_WINDOW]
    match = _pattern().match(head)
    if match is None:
        return None
    before = head[:match.start("date")]
    if re.search(r"\b(?:on|in|since|by|until|from)\s*$", before, re.IGNORECASE):
        return None  # "On 5 April 2017, ...": running text
    value = normalize_date(match.group("date"), None)
    if value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    return dt.date.fromisoformat(value)
