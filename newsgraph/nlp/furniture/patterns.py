"""The regular expressions the furniture forms share, built once from the vocabularies.

Scraped text has lost its line breaks and often its commas, so the forms are read from the
words themselves: where a sentence ends (a full stop that ends no abbreviation), what a date,
a time stamp or a run of capitalised name words looks like.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsgraph import vocab
from newsgraph.model import Furniture
from newsgraph.nlp.dates.patterns import date_words
from newsgraph.vocab.furniture import Furniture as FurnitureWords

# a full stop after these ends no sentence ("U.S.", "Mr.", "Jan.", "H.Said")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "st", "jr", "sr",
                            "rep", "sen", "gov", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
                            "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "ft"})
_SENTENCE_END = re.compile(r"[.!?][\"\u201d'\u2019)\]]*(?=\s|-|$)")
# sentence openers: a capitalised word from these starts a sentence, it ends no name or credit
OPENERS = frozenset({"the", "a", "an", "i", "we", "he", "she", "they", "it", "this", "that", "these", "those", "there",
                     "in", "on", "at", "as", "after", "before", "while", "when", "but", "and", "according", "earlier",
                     "meanwhile", "some", "most", "many", "more", "his", "her", "its", "their", "our", "one", "two",
                     "three", "at least", "over", "about", "around", "nearly", "since", "during", "if", "for"})
# words a headline in title case leaves lower case
SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "as",
                         "vs", "via", "into", "over", "near", "after", "amid", "against", "al", "el"})


def words() -> FurnitureWords:
    found: FurnitureWords = vocab.load("furniture")
    return found


def region(text: str, start: int, end: int, kind: str) -> Furniture | None:
    """The furniture ``text[start:end]`` of ``kind``, without surrounding blanks; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Furniture(start, end, kind, text[start:end]) if start < end else None


def alternation(phrases: Iterable[str], *, flexible: bool = False) -> str:
    """A regex alternation of ``phrases`` (longest first); ``flexible``: any blank or colon between words."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words_of = [re.escape(w) for w in phrase.split()]
        parts.append((r"\s*:?\s*" if flexible else r"\s+").join(words_of))
    return "|".join(parts)


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets just after each sentence end in ``text[start:end]`` (full stops of abbreviations skipped)."""
    stop = len(text) if end is None else end
    found = []
    for m in _SENTENCE_END.finditer(text, start, stop):
        if text[m.start()] == "." and _abbreviation_before(text, m.start()):
            continue
        found.append(m.end())
    return found


def _abbreviation_before(text: str, dot: int) -> bool:
    """The full stop at ``dot`` ends an abbreviation or an initial ("U.S.", "Mr.", "H.")."""
    word = re.search(r"[A-Za-z]+$", text[max(0, dot - 12):dot])
    if word is None:
        return False
    letters = word.group()
    if len(letters) == 1 and letters.isupper():
        return True  # an initial or the last letter of "U.S."
    return letters.lower() in _ABBREVIATIONS and letters[0].isupper()


def last_sentence_end(text: str, before: int, floor: int = 0) -> int:
    """Where the sentence holding offset ``before`` starts: just after the last sentence end before it."""
    ends = sentence_ends(text, floor, before)
    return ends[-1] if ends else floor


@dataclass(frozen=True)
class DatePatterns:
    date: str   # a written date: "April 18 2017", "18 April 2017", "Oct. 27 2016", "Jul 282016", "24.07.2016"
    time: str   # a time with its zones: "KSA 08:45 - GMT 05:45", "1849 UTC+3", "0742 PM"


@lru_cache(maxsize=1)
def date_patterns() -> DatePatterns:
    lex = date_words()
    month = "(?i:" + "|".join(sorted((re.escape(m) for m in lex.months), key=len, reverse=True)) + ")"
    weekday = "(?i:" + "|".join(sorted((re.escape(w) for w in lex.weekdays), key=len, reverse=True)) + ")"
    zones = alternation(words().time_zones)
    date = (rf"(?:(?:{weekday})\.?,?\s+)?(?:\d{{1,2}}\s+(?:{month})\.?,?\s+\d{{4}}"
            rf"|(?:{month})\.?\s+\d{{1,2}},?\s*\d{{4}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})")
    one_time = rf"(?:(?:{zones})\s*)?\d{{1,2}}[:.]?\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*(?:{zones})(?:[+-]\d{{1,2}})?)?"
    time = rf"(?:\s*[-|,]?\s*{one_time})"
    return DatePatterns(date=date, time=time)


@lru_cache(maxsize=1)
def written_date() -> re.Pattern[str]:
    """A date as captions and stamps write it; ``(?i)`` for month names in any case."""
    return re.compile(date_patterns().date, re.IGNORECASE)


def is_name_word(word: str) -> bool:
    """A word a name, a credit or a sign-off is made of: capitalised ("Bassam", "al-Assad", "H.Said", "SSH")."""
    core = word.strip("()[]-–—/;:,.'\"")
    return bool(core) and (core[0].isupper() or core[0].isdigit() or core.split("-")[0] in ("al", "el", "ad", "as"))
