"""Name keys: how corpus resolution compares names written by different reporters.

A key is the places normaliser's folding (``newsgraph.geo.normalise``: accents,
apostrophes and punctuation gone, no leading "the", the Arabic article dropped, a
final -h after a vowel dropped), so "Bashar al-Assad", "Bashar Assad" and "Bashar
al Assad" share the key ``bashar assad``.  Everything else here derives from keys:
the consonant skeleton that catches vowel spellings ("Abdel Rahman" ~ "Abdulrahman"),
the possessive stem of scraped text that lost its apostrophes ("Assads" -> "assad"),
and initials ("syrian democratic forces" -> "sdf").
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph import vocab
from newsgraph.geo import country_code, normalise
from newsgraph.geo.gazetteer import skeleton as _skeleton
from newsgraph.geo.names import spelling as _spelling
from newsgraph.settings import settings

_NOT_WORD = re.compile(r"[^\w ]+")
_SPACES = re.compile(r"\s+")
_LETTER_RUN = re.compile(r"\b\w(?: \w\b)+")  # "u s" from "U.S.", "u n security council"
_ACRONYM = re.compile(r"^[A-Z]{2,7}s?$")
_ABD = re.compile(r"\babd(?:ul|el|al|ur|ar|er|u|e|a)?(?: (?:al|el|ul|ar|ur|as|ad|at|an|az)(?= ))?[ -]?(?=\w)")
_DOUBLED = re.compile(r"(\w)\1+")
MIN_SKELETON = 5  # shorter skeletons collide between unrelated names ("Homs" / "Hamas")


@lru_cache(maxsize=settings().caches.names)
def name_key(name: str) -> str:
    """The folded key of a name; '' when nothing is left.  Spelt-out letters join: 'U.N.' -> 'un'.

    An acronym's possessive is the acronym: 'U.N.s' and 'SOHRs' (apostrophes lost) -> 'un', 'sohr'.
    """
    if is_acronym(name):
        return acronym_key(name)
    key = _SPACES.sub(" ", _NOT_WORD.sub(" ", normalise(name))).strip()
    return _LETTER_RUN.sub(lambda m: m.group(0).replace(" ", ""), key)


def tokens(key: str) -> list[str]:
    return key.split(" ") if key else []


def fold_compounds(key: str) -> str:
    """Arabic compound names written apart or together, with the article's vowel: 'abdel rahman',
    'abdurrahman', 'abd al rahman' -> 'abdrahman'."""
    return _ABD.sub("abd", key)


def single_letters(key: str) -> str:
    """Doubled letters single: 'raqqa' -> 'raqa', 'hassakeh' -> 'hasakeh' (transliterations differ there)."""
    return _DOUBLED.sub(r"\1", key)


@lru_cache(maxsize=settings().caches.names)
def skeleton(key: str) -> str:
    """The consonant skeleton of a key ('' when too short to mean anything)."""
    skel = _skeleton(fold_compounds(key))
    return skel if len(skel) >= MIN_SKELETON else ""


def possessive_stem(key: str) -> str:
    """'bashar assads' -> 'bashar assad': the name under a possessive whose apostrophe was lost ('' if none)."""
    words = tokens(key)
    if not words:
        return ""
    last = words[-1]
    if len(last) < 5 or not last.endswith("s") or last.endswith("ss"):
        return ""
    return " ".join([*words[:-1], last[:-1]])


def is_acronym(name: str) -> bool:
    """'SDF', 'U.N.', 'SOHRs' (a possessive of one); not 'Sohr' or 'IS' in lower case."""
    return bool(_ACRONYM.match(name.replace(".", "").replace(" ", "")))


def acronym_key(name: str) -> str:
    """The letters of an acronym, lower case, without a possessive s ('SOHRs' -> 'sohr')."""
    letters = name.replace(".", "").replace(" ", "")
    if letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    return letters.lower()


def initials(key: str) -> str:
    """Initials of a multi-word key, linking words skipped; '' for one word."""
    skip = vocab.load("corpus").linking_words
    words = [w for w in tokens(key) if w not in skip]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


@lru_cache(maxsize=settings().caches.names)
def place_stem(key: str) -> str:
    """'aleppo city' -> 'aleppo', 'syrias idlib' -> 'idlib': a place's name without the word saying its kind
    or the country it is in ('' if neither)."""
    words = tokens(key)
    heads = vocab.load("corpus").place_heads
    if len(words) >= 2 and words[-1] in heads:
        return " ".join(words[:-1])
    if len(words) >= 3 and words[0] in heads and words[1] == "of":
        return " ".join(words[2:])
    if len(words) >= 2 and (owner := possessive_stem(words[0])) and country_code(owner):
        return " ".join(words[1:])  # "Syrias Idlib": Syria's Idlib, the apostrophe lost
    return ""


def compass_fold(key: str) -> str:
    """'eastern ghouta' -> 'east ghouta': a compass adjective as its compass word ('' when there is none)."""
    words = tokens(key)
    compass = vocab.load("corpus").compass_words
    folded = [w[:-3] if w.endswith("ern") and w[:-3] in compass else w for w in words]
    return " ".join(folded) if folded != words else ""


@lru_cache(maxsize=settings().caches.names)
def place_spelling(key: str) -> str:
    """What transliterations of one place name share (the places normaliser's ``spelling``): 'kafraya' and
    'kefraya' -> 'kafra', 'raqqa' and 'raqa' -> 'raka' ('' for an empty key)."""
    return _spelling(key) if key else ""


_LONG_VOWELS = (("ou", "u"), ("oo", "u"), ("ee", "i"))
_FINAL_VOWEL = re.compile(r"(?<=[^aeiou])[ae]$")


@lru_cache(maxsize=settings().caches.names)
def transliteration(key: str) -> str:
    """What English transliterations of one Arabic name share, word by word: 'ou' and 'oo' as 'u', 'ee' as
    'i', doubled letters single, a final 'e' as 'a' (the key has already dropped a final 'h' after a vowel):
    'ramouseh', 'ramussa', 'ramousah' -> 'ramusa'; 'rasafeh' / 'rasafa' -> 'rasafa'.  Finer than
    ``place_spelling`` (which makes every vowel one): 'midan' and 'mayadin' stay apart ('' for an empty key)."""
    said = key
    for written, sound in _LONG_VOWELS:
        said = said.replace(written, sound)
    return " ".join(_FINAL_VOWEL.sub("a", single_letters(word)) for word in tokens(said))


@lru_cache(maxsize=settings().caches.names)
def airfield_key(key: str) -> str:
    """'tabqa military airport', 'tabqa air base', 'tabqa base' -> 'tabqa airfield': a facility's name whose last
    words say it is an airfield, with one word for them ('' when they do not, or nothing names the place)."""
    for head in vocab.load("corpus").airfield_heads:
        if key.endswith(" " + head) and (place := key[:-len(head) - 1].strip()):
            return f"{place} airfield"
    return ""


def is_generic_place(key: str) -> bool:
    """'old city', 'city centre': a place name of generic words alone, a part of whichever city its report is
    about (Homs, Aleppo and Damascus each have an Old City), so never one place across documents."""
    words = tokens(key)
    return bool(words) and all(w in vocab.load("corpus").generic_place_words for w in words)


def is_full_name(key: str) -> bool:
    """Two words or more: a name that says which one is meant ('Bashar al-Assad', not 'Assad')."""
    return len(tokens(key)) >= 2


@lru_cache(maxsize=settings().caches.names)
def group_stem(key: str) -> str:
    """'jabhat fateh sham' and 'fateh sham front' -> 'fateh sham': an armed group's name without the word
    "Front" opening or closing it, when two words or more are left ('' otherwise: 'nusra front' keeps its
    word, which alone would say little)."""
    words = tokens(key)
    front = vocab.load("corpus").front_words
    if len(words) >= 3 and words[0] in front:
        return " ".join(words[1:])
    if len(words) >= 3 and words[-1] in front:
        return " ".join(words[:-1])
    return ""
