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

_WINDOW = 400  # a dateline opens the text or follows its headline
_LABELS = r"(?:published|updated|posted|posted on|published on|updated on|date|dated|last updated)"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    lex = lexicon()
    month = alternation(m for m in lex["months"])
    weekday = alternation(w for w in lex["weekdays"])
    day_first = rf"\d{{1,2}}(?:st|nd|rd|th)? (?:{month})\.?,? \d{{4}}"
    month_first = rf"(?:{month})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    iso = r"\d{4}-\d{2}-\d{2}"
    # what may precede the date: a label, a capitalised place ("BEIRUT,", "QAMISHLI, Syria,"), a weekday
    place = r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}"
    lead = rf"(?:{_LABELS}\s*:?\s*)?(?:{place}(?:, {place}){{0,2}}\s*[,:\-\u2013\u2014|]?\s*)?"
    return re.compile(
        rf"[ \t]*{lead}(?:(?:{weekday})\.?,? )?(?P<date>{day_first}|{month_first}|{iso})(?![\d])"
        r"(?:,? \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)?"  # a time of day
        r"(?:\s*\([^()\n]{1,40}\))?(?P<sep>\s*[\u2013\u2014|:-]+)?[ \t]*",
        re.IGNORECASE)


def dateline_span(text: str) -> tuple[int, int, int] | None:
    """(start, end) of the dateline's date and where the article body after it begins, or None.

    The dateline is the first line, or the line after a headline, when it opens with a full date.
    """
    pos, lines_seen = 0, 0
    while pos < min(len(text), _WINDOW) and lines_seen < 2:
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        if text[pos:line_end].strip():
            lines_seen += 1
            found = _match_at(text, pos, line_end)
            if found is not None:
                return found
        pos = line_end + 1
    return None


def _match_at(text: str, start: int, line_end: int) -> tuple[int, int, int] | None:
    match = _pattern().match(text, start, line_end)
    if match is None:
        return None
    before = text[start:match.start("date")]
    if re.search(r"\b(?:on|in|since|by|until|from)\s*$", before, re.IGNORECASE):
        return None  # "On 5 April 2017, ...": running text
    value = normalize_date(match.group("date"), None)
    if value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    return match.start("date"), match.end("date"), match.end()


def dateline_date(text: str, span: tuple[int, int, int] | None = None) -> dt.date | None:
    """The full date the text's dateline states (``span``: its ``dateline_span`` if known), or None."""
    span = span or dateline_span(text)
    if span is None:
        return None
    value = normalize_date(text[span[0]:span[1]], None)
    return dt.date.fromisoformat(value) if value else None
