"""How place names are compared: folded, without the Arabic article, and by consonant skeleton.

"Deir ez-Zor", "Dayr az Zawr" and "Deir Zor" must meet: ``normalise`` gives the key
names are indexed under, ``skeleton`` the last-resort key for vowel spellings. The
words come from ``data/common_words.json`` (the article) and ``data/places_words.json``
("Saint" forms); ``alternation`` turns a word list into a regex group, so every rule
that matches words is built from data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from newsgraph import vocab

_QUOTES = re.compile(r"[\u2019\u2018'`\u02bf\u02be\u02bb\u02bc\u00b4]")
_SEPARATORS = re.compile(r"[-\u2010-\u2015_./,()]+")
_SPACES = re.compile(r"\s+")
_VOWEL_H = re.compile(r"(?<=[aeiou])h\b")
_SKELETON_DROP = re.compile(r"[aeiouyhw ]")
_DOUBLES = re.compile(r"(.)\1+")


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex group matching any of the words (escaped; the longest first)."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    if not ordered:
        raise ValueError("an alternation needs at least one word")
    return "(?:" + "|".join(re.escape(word) for word in ordered) + ")"


@dataclass(frozen=True)
class _KeyRules:
    articles: frozenset[str]   # dropped wherever they stand as their own word
    saint: re.Pattern[str]     # "saint", "ste" -> "st"


@cache
def _key_rules() -> _KeyRules:
    words = vocab.load("places_words")
    return _KeyRules(articles=vocab.load("common_words").arabic_articles,
                     saint=re.compile(rf"\b{alternation(words.saint)}\b"))


def fold(text: str) -> str:
    """Lower case, accents and apostrophes gone, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _QUOTES.sub("", text.casefold())
    return _SPACES.sub(" ", _SEPARATORS.sub(" ", text)).strip()


def normalise(name: str) -> str:
    """The key names are indexed under: folded, no leading "the", no Arabic article, no final -h."""
    rules = _key_rules()
    text = fold(name)
    if text.startswith("the "):
        text = text[4:]
    words = [w for w in text.split(" ") if w not in rules.articles] or text.split(" ")
    text = _VOWEL_H.sub("", " ".join(words))
    return rules.saint.sub("st", text)


def skeleton(key: str) -> str:
    """Consonant skeleton of a normalised key, for transliteration variants (Dayr/Deir, Zawr/Zor).

    Only used as a last resort: short skeletons are too ambiguous (``GazetteerSettings.min_skeleton_letters``).
    """
    if not key:
        return ""
    body = _SKELETON_DROP.sub("", key[1:])
    return _DOUBLES.sub(r"\1", key[0] + body)
