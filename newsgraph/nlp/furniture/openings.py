"""Bylines under a dated headline: the scraped opening "<date> <headline>. <byline>. <body>".

Wire pages scraped whole open with the story's date, its headline and the reporters' names, before the first
sentence of the body: "August 17 2014 Islamic State executed 700 people from Syrian tribe: monitoring group.
Oliver Holmes Suleiman Al-Khalidi. The Islamic State militant group has ...".  Without its markup the byline is
a run of name words, and spaCy reads two reporters as one person ("Oliver Holmes Suleiman Al-Khalidi").  It is
a byline when it is

* the whole second sentence of the opening, made only of name words none of which the text writes in lower case
  elsewhere ("Dominic Evans Khaled Yacoub Oweis."), or
* the end of a headline written in sentence case, after a word that is no connector, with no word that appears
  anywhere else in the text ("U.S. leaves door open to new U.N. vote on Syria Arshad Mohammed."): whoever a
  headline names, the story names again.

A title-case headline ("Zarif Urges Intl. Fact-Finding Mission") cannot be told from a name run, so it is left.
"""

from __future__ import annotations

import re

from newsgraph import vocab
from newsgraph.model import Furniture
from newsgraph.nlp.furniture.patterns import OPENERS, SMALL_WORDS, is_name_word, region, sentence_ends, written_date
from newsgraph.settings import settings

_WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"[\w-]+")


def opening_byline(text: str) -> list[Furniture]:
    """The byline under the dated headline the text opens with, if there is one."""
    lead = len(text) - len(text.lstrip())
    date = written_date().match(text, lead)
    if date is None:
        return []
    ends = sentence_ends(text, date.end(), date.end() + settings().furniture.opening_chars)[:2]
    if not ends:
        return []
    span = _byline_sentence(text, ends) or _byline_after_headline(text, date.end(), ends[0])
    found = region(text, *span, "byline") if span else None
    return [found] if found is not None else []


def _byline_sentence(text: str, ends: list[int]) -> tuple[int, int] | None:
    """ "... monitoring group. Oliver Holmes Suleiman Al-Khalidi. The ...": the second sentence is names only."""
    if len(ends) < 2:
        return None
    particles = vocab.load("common_words").particles
    found = list(_WORD.finditer(text, ends[0], ends[1] - 1))
    names = [w.group() for w in found]
    if not 2 <= len(names) <= settings().furniture.byline_sentence_words or names[0].lower() in OPENERS \
            or not all(is_name_word(w) or w.lower() in particles for w in names):
        return None
    lower = {t.lower() for t in _TOKEN.findall(text) if t[:1].islower()}
    if any(w.lower() in lower for w in names if w.lower() not in particles):
        return None
    return found[0].start(), ends[1] - 1


def _byline_after_headline(text: str, start: int, end: int) -> tuple[int, int] | None:
    """ "... new U.N. vote on Syria Arshad Mohammed. The United States ...": names the text never repeats, run
    onto the end of a headline written in sentence case."""
    headline = list(_WORD.finditer(text, start, end - 1))
    if not any(w.group()[:1].islower() and w.group() not in SMALL_WORDS for w in headline):
        return None
    run: list[re.Match[str]] = []
    for w in reversed(headline):
        word = w.group()
        if not is_name_word(word) or word[:1].isdigit() or _count(text, word) > 1:
            break
        run.insert(0, w)
    if not 2 <= len(run) <= settings().furniture.headline_byline_words or len(run) == len(headline):
        return None
    before = headline[len(headline) - len(run) - 1].group().lower()
    if before in SMALL_WORDS:
        return None  # "... according to the United Nations": the name is the headline's
    return run[0].start(), end - 1


def _count(text: str, word: str) -> int:
    return len(re.findall(rf"(?i)(?<![\w-]){re.escape(word)}(?![\w-])", text))
