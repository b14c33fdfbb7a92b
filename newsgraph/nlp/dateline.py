"""The dateline a wire story or saved page opens with, read once per document before it is parsed.

Two forms are read, each where it stands:

* a **dated line**: the first line, or the line after a headline, opening with a full date
  (day, month and year) that nothing precedes but a place, a weekday or a "Published:" label:
  "Wed 05 Apr 2017 ...", "BEIRUT, March 3, 2024 (AFP) -", "Published: 12 June 2023",
  "Posted on April 4 2017 by ...", "2023-06-12 | Damascus", "25-12-2014 ...", "23.04.2017) ...".
  Scraped pages run the headline, the outlet and the date into one line: a full date on the
  first line after a weekday or a capitalised word, and before a capitalised word, is a dateline
  too ("Car bomb kills 10 in Homs AFP Sunday 25 May 2014 Ten people were ...").  Its date is the
  article's "now" (what "on Friday" and "last year" count from) and the body after it starts a
  sentence of its own.  A date in running text ("On 5 April 2017, jets struck ...", "the strike
  of 5 April 2017 killed ...") is an event's date, not the article's;
* a **place head**: the text opening with "PLACE[, QUALIFIER] [(OUTLET)] -":
  "BEIRUT (Reuters) -", "LONDON, Ky. (WKYT) -".  Its place tells the places stage which
  country the document is about.  The pattern is loose (it also takes a headline's
  "Syria: ..." or "Briefs: ..."): the places stage only counts a place it can look up.

``read_dateline`` gives both in one ``Dateline``; ``pipeline.run`` calls it once and the
``Parsed`` document carries it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.nlp.dates.normalize import normalize_date
from newsgraph.nlp.dates.patterns import alternation, date_words, in_order
from newsgraph.settings import settings


@dataclass(frozen=True)
class Dateline:
    """What a text's opening says about the text itself; offsets index the text."""

    start: int                          # the dateline is text[start:end] (both forms, when both are found)
    end: int
    body_start: int                     # where the article body begins: after the dated line, else after the head
    place: str | None = None            # "BEIRUT", "LONDON" (from the place head)
    qualifier: str | None = None        # "Ky.", "Syria" (after the place's comma)
    outlet: str | None = None           # "Reuters", "WKYT", "AFP": who filed it
    date: dt.date | None = None         # the full date of the dated line
    date_span: tuple[int, int] | None = None  # where that date is written

    @property
    def dated(self) -> bool:
        return self.date is not None


def read_dateline(text: str) -> Dateline | None:
    """The dateline ``text`` opens with, or None when it has none."""
    dated, head = _dated_line(text), _place_head(text)
    if dated is None and head is None:
        return None
    found = [m for m in (dated, head) if m is not None]
    start, end = min(_first_char(m) for m in found), max(m.end() for m in found)
    date = date_span = None
    if dated is not None:
        date, date_span = _day(dated.group("date")), dated.span("date")
    return Dateline(
        start, end, body_start=dated.end() if dated is not None else end,
        place=_group(head, "place"), qualifier=_group(head, "qualifier"),
        outlet=_group(head, "outlet") or _group(dated, "outlet"), date=date, date_span=date_span)


def _first_char(match: re.Match[str]) -> int:
    """Where a match starts, past the blank space the patterns allow before a dateline."""
    return match.start() + len(match.group()) - len(match.group().lstrip())


def _group(match: re.Match[str] | None, name: str) -> str | None:
    found = match.group(name) if match is not None else None
    return (found.strip() or None) if found else None


# ------------------------------------------------------------------------------ the dated line

@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern[str]:
    lex = date_words()
    weekday = alternation(lex.weekdays)
    labels = in_order(lex.dateline_labels)
    # what may precede the date: a label, a capitalised place ("BEIRUT,", "QAMISHLI, Syria,"), a weekday
    place = r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}"
    lead = rf"(?:(?P<label>{labels})\s*:?\s*)?(?:{place}(?:, {place}){{0,2}}\s*[,:\-\u2013\u2014|]?\s*)?"
    return re.compile(
        rf"[ \t]*{lead}(?:(?:{weekday})\.?,? )?(?P<date>{_full_date()})(?![\d])"
        + _AFTER_DATE, re.IGNORECASE)


# after a dateline's date: a time of day, the outlet in parentheses, a separator
_AFTER_DATE = (r"\)?(?:,? (?:(?:at )?\d{1,2}[:.]\d{2}|at \d{3,4}|\d{3,4}(?= ?[ap]\.?m\b))"
               r"(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4}(?!\w))?)?"
               r"(?:\s*\((?P<outlet>[^()\n]{1,40})\))?(?P<sep>\s*[\u2013\u2014|:-]+)?[ \t]*")


def _full_date() -> str:
    """A date with day, month and year: "5 April 2017", "April 5, 2017", "2017-04-05", "05.04.2017"."""
    month = alternation(date_words().months)
    day_first = rf"\d{{1,2}}(?:st|nd|rd|th)? (?:{month})\.?,? \d{{4}}"
    month_first = rf"(?:{month})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    numeric = r"\d{1,2}(?P<numeric>[-.])\d{1,2}(?P=numeric)\d{4}"  # "25-12-2014", "23.04.2017": day first
    return rf"{day_first}|{month_first}|\d{{4}}-\d{{2}}-\d{{2}}|{numeric}|(?:{month})\.? \d{{5,6}}"


@lru_cache(maxsize=1)
def _run_in_pattern() -> re.Pattern[str]:
    """A full date inside the first line, optionally after a weekday: "... AFP Sunday 25 May 2014 Ten ..."."""
    weekday = alternation(date_words().weekdays)
    return re.compile(rf"(?<=\s)(?P<weekday>(?:{weekday})\.?,? )?(?P<date>{_full_date()})(?![\d])" + _AFTER_DATE,
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _running_text() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{in_order(date_words().running_text_preps)})\s*$", re.IGNORECASE)


def _dated_line(text: str) -> re.Match[str] | None:
    """The first line, or the line after a headline, when it opens with a full date; else a date
    the first line runs its headline into."""
    cfg = settings().dates
    pos, lines_seen, first_line = 0, 0, None
    while pos < min(len(text), cfg.dateline_window) and lines_seen < cfg.dateline_lines:
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        if text[pos:line_end].strip():
            lines_seen += 1
            first_line = first_line or (pos, line_end)
            found = _dated_match(text, pos, line_end)
            if found is not None:
                return found
        pos = line_end + 1
    return _run_in_match(text, *first_line) if first_line else None


def _dated_match(text: str, start: int, line_end: int) -> re.Match[str] | None:
    match = _date_pattern().match(text, start, line_end)
    if match is None:
        return None
    if not match.group("label") and _running_text().search(text[start:match.start("date")]):
        return None  # "On 5 April 2017, ...": running text
    if _GLUED.search(match.group("date")) and not match.group("label"):
        return None  # "Jun 182016" (a page's "Last updated at" stamp) only after its label
    return match if _day(match.group("date")) else None


def _run_in_match(text: str, start: int, line_end: int) -> re.Match[str] | None:
    """"Car bomb kills 10 in Homs AFP Sunday 25 May 2014 Ten people were ...": the headline, the
    outlet and the date run into one line.  The date follows a weekday or a capitalised word (the
    outlet, the headline's last word) and a capitalised word follows it (the body); a date after a
    preposition or before lower-case words ("of 5 April 2017 killed") is running text."""
    end = min(line_end, start + settings().dates.dateline_window)
    for match in _run_in_pattern().finditer(text, start, end):
        words = text[start:match.start()].split()
        before = words[-1] if words else ""
        after = text[match.end():match.end() + 1]
        if before.casefold() in date_words().running_text_preps or not (before or match.group("weekday")):
            continue
        ends = match.end() == len(text) or after.isupper() or after.isdigit() or after in "\"'(\u201c" or (
            match.group("weekday") and before[:1].isupper())  # "Monitor AFP Monday 6 Jun 2016 seventeen ..."
        if ends and not _GLUED.search(match.group("date")) and _day(match.group("date")):
            return match
    return None


_GLUED = re.compile(r"(?<=\s)(\d{1,2})(\d{4})$")  # "Jun 182016": a scraped stamp that lost its space


def _day(written: str) -> dt.date | None:
    """The day a dateline's date names, or None when it names no full day."""
    value = normalize_date(_GLUED.sub(r"\1 \2", written), None)
    return dt.date.fromisoformat(value) if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


# ------------------------------------------------------------------------------ the place head

_PLACE_HEAD = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z'\u2019. -]{2,40}?)(?:,\s*(?P<qualifier>[A-Z][A-Za-z. ]{1,30}))?"
                         r"\s*(?:\((?P<outlet>[^)]{1,40})\))?\s*(?:-|\u2014|\u2013|:)\s")


def _place_head(text: str) -> re.Match[str] | None:
    """"BEIRUT (Reuters) - ...", "LONDON, Ky. (WKYT) - ...": a place (and its area) before a dash or colon."""
    return _PLACE_HEAD.match(text[:settings().dates.dateline_head_chars])


def anchor_day(given: dt.date | None, dateline: Dateline | None, text: str) -> dt.date | None:
    """The day relative dates ("on Tuesday", "yesterday") count from: the date given, unless the text opens
    with a full dated dateline that names its month and is more than a day away from it. A scraped date
    column is often the day an event happened or the day the page was collected (FA-KES 64: "Date of
    publication 7 July 2016" against 2016-04-12; 186: "AFP Monday 2 Feb 2015 ... on Monday" against
    2015-02-13), while the dateline is when the text was filed."""
    own = dateline.date if dateline else None
    if given is None or own is None or dateline is None or dateline.date_span is None:
        return given or own
    written = text[slice(*dateline.date_span)]
    whole = _MONTH_WORD.search(written) is not None or _WHOLE_DIGITS.match(written) is not None
    return own if whole and abs((own - given).days) > settings().dates.dateline_slack_days else given


# an all-digit dateline can be cut short by the scrape (FA-KES 780: "5-04-2016", a Monday article the CSV dates
# 2016-04-25; 705: "6-09-2013" against 2013-09-16): a one-digit day may have lost its first digit, so only a
# dateline that writes its month, or its day with two digits (or opens with the year), overrides the given
# date.  Those do: "15-09-2013 ... on Sunday" (706, a Sunday) against 2013-05-12, "16-11-2014 ... on Sunday"
# (722) against 2014-02-02, "27-09-2013 ... on Friday" (713) against 2013-11-09.
_MONTH_WORD = re.compile(r"[A-Za-z]{3}")
_WHOLE_DIGITS = re.compile(r"\d{2}[-.]\d{1,2}[-.]\d{4}|\d{4}-")


# "… in the Syrian province of Deir ez-Zor. MOSCOW (Sputnik) According to …": a wire dateline set after the
# page's summary sentence or its headline, where ``read_dateline`` (which reads the text's opening) does not look
_INNER_WIRE_DATELINE = re.compile(
    r"(?:^|(?<=[.!?\s]))[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)* \((?P<outlet>[A-Z][\w .&-]{1,40}?)\)")


def inner_wire_dateline(text: str) -> re.Match[str] | None:
    """The first wire dateline ("CAPITAL (Outlet)") within ``inner_dateline_chars`` of the text's start; its
    ``outlet`` group is the outlet's name as written (an acronym's meaning too: "ISIL (Islamic State)")."""
    return _INNER_WIRE_DATELINE.search(text, 0, settings().claims.inner_dateline_chars)

