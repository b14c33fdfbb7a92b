"""How place names are compared: folded, without the Arabic article, and by consonant skeleton.

"Deir ez-Zor", "Dayr az Zawr" and "Deir Zor" must meet: ``normalise`` gives the key
names are indexed under, ``skeleton`` the last-resort key for vowel spellings, and
``spelling`` says which of the names that share a skeleton are one name spelled two
ways ("Hasakeh"/"Hasakah", "Bayanoun"/"Bayanun", "Banibangou"/"Bani Bangou"). The
words come from ``data/common_words.json`` (the article) and ``data/places_words.json``
("Saint" forms); ``alternation`` turns a word list into a regex group, so every rule
that matches words is built from data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from newsgraph import vocab

_QUOTES = re.compile(r"[\u2019\u2018'`\u02bf\u02be\u02bb\u02bc\u00b4]")
_SEPARATORS = re.compile(r"[-\u2010-\u2015_./,()]+")
_SPACES = re.compile(r"\s+")
_VOWEL_H = re.compile(r"(?<=[aeiou])h\b")
_SKELETON_DROP = re.compile(r"[aeiouyhw ]")
_DOUBLES = re.compile(r"(.)\1+")
_VOWELS = "aeiou"
# letters transliterations use for one Arabic sound ("Qamishli"/"Kamishli")
_LETTER_FOLDS = str.maketrans({"q": "k"})
# a vowel run ("ou", "ei", "aw", "ay") is one vowel of the spelling; a "y" or "w" that starts a word
# is a consonant ("Yafran" is not "Efrin")
_VOWEL_RUN = re.compile(r"[aeiou][aeiouyw]*|(?<=\w)[yw]+")
# an article written into the next word ("Ezzor" for "ez-Zor", "Assuwayda" for "as-Suwayda")
_GLUED_ARTICLE = re.compile(r"\b[aeiu](sh|th|dh|[tdrzsnl])(?=\1)")


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


# the places stage asks for the keys of the same few hundred names thousands of times per batch of documents;
# bounded, because the gazetteer build normalises millions of different names once each
@lru_cache(maxsize=1 << 16)
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

    Written double letters count once ("Tall"/"Tal", "Ezzor"/"Ezor"), but letters that only meet
    once the vowels are gone stay apart ("Gogland" is not "Glinde"); a leading vowel is any
    vowel ("Idlib"/"Edlib", "Afrin"/"Efrin"). Only used as a last resort: short skeletons are
    too ambiguous (``GazetteerSettings.min_skeleton_letters``).
    """
    if not key:
        return ""
    key = _DOUBLES.sub(r"\1", key.translate(_LETTER_FOLDS))
    first = "a" if key[0] in _VOWELS else key[0]
    return first + _SKELETON_DROP.sub("", key[1:])


def spelling(key: str) -> str:
    """What two spellings of one transliterated name share: the consonants in order, each vowel run
    one vowel, no spaces, no double letters, no article written into a word.

    Finer than ``skeleton``: "Hasakeh"/"Hasakah", "Douma"/"Duma", "Deir Ezzor"/"Deir Zor",
    "Bayanoun"/"Bayanun", "Talbeesah"/"Tallbisah" and "Banibangou"/"Bani Bangou" meet, but not
    names whose vowels fall elsewhere ("Nishtun" and "Nes Tsiyona" share a skeleton only).
    """
    text = _GLUED_ARTICLE.sub("", key.translate(_LETTER_FOLDS))
    first = "u" if text[:1] in ("o", "u") else ""  # "Urum"/"Orum", but "European" is not "Uruapan"
    return first + _DOUBLES.sub(r"\1", "".join(_VOWEL_RUN.sub("a", word) for word in text.split(" ")))
