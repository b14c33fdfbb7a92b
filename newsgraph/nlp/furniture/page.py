"""The page around the story: share widgets, time stamps, links, embedded posts and video titles.

* share prompts: "Get short URL 0 46", "Print Tweet Views 1430", "Slideshow (3 Images)";
* time stamps: a label and a date with its times ("Last Update: Tuesday 12 July 2016 KSA 08:45 -
  GMT 05:45", "Published July 5 2016", "Date of publication 7 April 2017", "Posted on July 20 2016
  by Asharq Al-Awsat", "24.07.2016(updated 2042 24.07.2016)"), and a bare time with its zone
  ("1849 UTC+3", "KSA 16:06 - GMT 13:06");
* links: "https://…", "www.…", "pic.twitter.com…", "globalsecurity.org/homsonline", and the
  "httpst.co…" a scrape leaves of a link;
* embedded posts: the signature of a quoted tweet ("Leith Abou Fadel (leithfadel) July 27 2016");
* video titles: "<title> - YouTube".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from newsgraph.model import Furniture
from newsgraph.nlp.furniture.patterns import alternation, date_patterns, region, sentence_ends, words
from newsgraph.settings import settings


def page_widgets(text: str) -> list[Furniture]:
    found = [f for kind, hint, pattern in _patterns() if hint(text)
             for m in pattern.finditer(text) if (f := region(text, *m.span(), kind)) is not None]
    return found + _video_titles(text)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, Callable[[str], bool], re.Pattern[str]], ...]:
    """(kind, a cheap test a text must pass for the pattern to be tried, the pattern): most texts have
    none of these, and a long alternation tried at every position costs more than the rest of the stage."""
    lex = words()
    dates = date_patterns()
    zones = alternation(lex.time_zones)
    labels = alternation(lex.timestamp_labels)
    # a stamp's label opens the text, a line or a sentence, in capitals: not "the report published on 5 May"
    stamp_start = r"(?:^|(?<=\n)|(?<=[.!?\"\u201d)] ))"
    stamp = (rf"{stamp_start}(?=[A-Z])(?i:{labels})\s*:?\s*(?:(?i:at|on)\s+)?{dates.date}{dates.time}*"
             rf"(?:\s*\((?i:updated)[^()]{{0,40}}\))?(?:\s+by\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?"
             r"(?:\s+\d{1,6}(?=\s*$))?")
    # "21.08.2013", "2159 18.05.2017(updated 2204 18.05.2017)": before a share widget or opening the text
    numeric = (r"(?:\b\d{3,4}\s)?\b\d{1,2}\.\d{2}\.\d{4}(?:\s*\((?i:updated)[^()]{0,30}\))?\)?(?=\s*Get\b)"
               r"|^\s*\d{1,2}\.\d{2}\.\d{4}\b")
    zoned = (rf"\b(?:{zones})\s\d{{1,2}}:\d{{2}}(?:\s*-\s*(?:{zones})\s\d{{1,2}}:\d{{2}})+(?:\s+\d{{1,6}}(?=\s*$))?"
             rf"|\b\d{{3,4}}\s(?:UTC|GMT)[+-]\d{{1,2}}\b|\b\d{{2}}-\d{{2}}-\d{{4}}\s\d{{3,4}}\s[AP]M\b")
    links = (r"(?:https?:?/*|www\.)[\w-]+(?:\.[\w-]+)+[^\s\"\u201d]*|\bpic\.twitter\.com\S*"
             r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|int|edu|info|io|tv|ly)(?:/[^\s\"\u201d]*)?(?![\w.])")
    share = rf"(?<![A-Za-z-])(?:{alternation(lex.share_prompts)})(?:\s+\d[\d,]*)*(?:\s*\(\d+ Images?\))?(?![\w-])"
    months = "|".join(re.escape(m) for m in sorted(_months(), key=len, reverse=True))
    embed = (rf"(?:[\u2014\u2013-]\s*)?(?:[A-Z][\w.'\u2019-]*\s){{1,4}}\(@?(?=[\w]*[a-z])\w{{2,20}}\)\s"
             rf"(?:{months})\.?\s\d{{1,2}},?\s\d{{4}}")
    label_heads = {label.split()[0] for label in lex.timestamp_labels}
    return (("timestamp", lambda t: any(h.capitalize() in t for h in label_heads), re.compile(stamp)),
            ("timestamp", _found(r"\d\.\d\d\.\d{4}"), re.compile(numeric)),
            ("timestamp", _found(r"\d:\d\d|UTC|GMT|\d [AP]M"), re.compile(zoned)),
            ("url", _found(r"(?i:http|www\.|pic\.|\.(?:com|org|net|gov|int|edu|info|io|tv|ly)\b)"),
             re.compile(links, re.IGNORECASE)),
            ("share", lambda t: any(p in t for p in lex.share_prompts), re.compile(share)),
            ("embed", _found(r"\(@?\w{2,20}\)\s[A-Z]"), re.compile(embed)))


def _found(hint: str) -> Callable[[str], bool]:
    pattern = re.compile(hint)
    return lambda text: pattern.search(text) is not None


def _months() -> tuple[str, ...]:
    from newsgraph.nlp.dates.patterns import date_words

    return tuple(m.capitalize() for m in date_words().months)


@lru_cache(maxsize=1)
def _video_site() -> re.Pattern[str]:
    return re.compile(rf"\s[-\u2013\u2014|]\s(?:{alternation(words().social_sites)})\b")


def _video_titles(text: str) -> list[Furniture]:
    """ "Battle rages near Aleppo as rebels encircled Ali Mustafa reports - YouTube": an embedded video's
    title, from the end of the sentence before it."""
    out = []
    for m in _video_site().finditer(text):
        floor = max(0, m.start() - settings().furniture.video_title_chars)
        ends = sentence_ends(text, floor, m.start())
        if not ends and floor > 0:
            continue  # no sentence end near: not a title
        if (found := region(text, ends[-1] if ends else 0, m.end(), "video")) is not None:
            out.append(found)
    return out
