"""The terms of a claim's text: its words stemmed, without stop and reporting words, each also read as its
concept ("gassing" is "chemical"), and whether it has a denial word (not "lies" of a place: "which lies in")."""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.settings import settings
from newsgraph.vocab import load

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # the word list only: no model is loaded
    return frozenset(STOP_WORDS)


@lru_cache(maxsize=settings().caches.names)
def stem(word: str) -> str:
    """A word folded for comparison: lower case, no possessive, no plural or past ending."""
    w = word.casefold().replace("'", "")
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4 and not w.endswith("ss"):
            return w[: -len(suffix)] + keep
    return w


def terms(text: str) -> tuple[frozenset[str], bool]:
    """The content terms of a text (stems and concepts) and whether it has a denial word."""
    words = load("claim_links")
    stop = _stop_words()
    out: set[str] = set()
    negative = False
    found = [m.group().casefold().strip("'-") for m in WORD.finditer(text)]
    for i, found_word in enumerate(found):
        word = found_word
        if word.endswith("s") and word[:-1] in words.concept and word not in words.concept:
            word = word[:-1]
        if word in words.denial:
            negative = negative or not _verb_reading(found, i)
            continue
        if word in stop or word in words.neutral or len(word) < 3:
            continue
        concept = words.concept.get(word)
        out.add("~" + concept if concept else stem(word))
    return frozenset(out), negative


def _verb_reading(words: list[str], i: int) -> bool:
    """Whether the denial word ``words[i]`` is a verb of place here ("Al-Bab which lies in", "lies with")."""
    vocab = load("claim_links")
    if words[i] not in vocab.verb_words:
        return False
    return (i > 0 and words[i - 1] in vocab.verb_before) or (i + 1 < len(words) and words[i + 1] in vocab.verb_after)


def verdict_words(text: str) -> set[str]:
    """The words of a text, without the denial words read as verbs of place there."""
    words = [m.group().casefold() for m in WORD.finditer(text)]
    return {w for i, w in enumerate(words) if not _verb_reading(words, i)}
