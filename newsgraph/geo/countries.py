"""Countries and demonyms as news names them: "the U.S." -> US, "Iranians" -> IR, "Britain" -> GB.

The tables come from the gazetteer (``geo/gazetteer.py``: the packages' country names
and demonyms) and the hand-written ``data/countries_news.json``; every stage asks them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph import vocab
from newsgraph.geo import gazetteer
from newsgraph.geo.names import normalise

# ISO codes have 2 or 3 letters: in capitals and not a known abbreviation, such a word is no country name
_ISO_CODE_LETTERS = 3


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, str]:
    """Normalised country name (every form) -> ISO code."""
    keys: dict[str, str] = {}
    for iso, rec in gazetteer.country_records().items():
        for name in rec["names"]:
            keys.setdefault(normalise(name), iso)
    for name, iso in vocab.load("countries_news").names.items():
        keys[normalise(name)] = iso
    for iso, rec in gazetteer.country_records().items():
        keys[normalise(rec["name"])] = iso  # the canonical name always wins
    return keys


@lru_cache(maxsize=1)
def own_country_keys() -> frozenset[str]:
    """Countries' own names (not news aliases such as "England" for the UK)."""
    return frozenset(normalise(name) for rec in gazetteer.country_records().values() for name in rec["names"])


_DOTS = re.compile(r"[.\s]")


@lru_cache(maxsize=1 << 14)  # asked again for the same names in every document (~120 calls per document)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a country named the way news names it ("the U.S.", "Britain")."""
    text = name.strip()
    if text[:4].lower() == "the ":
        text = text[4:].strip()
    abbreviations = vocab.load("countries_news").abbreviations
    if text in abbreviations:
        return abbreviations[text]
    # abbreviations only in capitals: "us" is a pronoun, "US" a country
    compact = _DOTS.sub("", text)
    if compact.isupper() and compact in abbreviations:
        return abbreviations[compact]
    if len(compact) <= _ISO_CODE_LETTERS and compact.isupper():
        return None
    return _country_keys().get(normalise(text))


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for iso, rec in gazetteer.country_records().items():
        for word in rec["demonyms"]:
            out.setdefault(word, iso)
            out.setdefault(word + "s", iso)
    out.update(vocab.load("countries_news").demonyms)
    return out


def demonym_country(word: str) -> str | None:
    """The country a demonym refers to: "Iranians" -> "IR", "Lebanese" -> "LB"."""
    table = _demonyms()
    text = word.strip()
    for form in (text, text[:1].upper() + text[1:].lower() if text else text):
        if form in table:
            return table[form]
    return None


def constituent_country(name: str) -> bool:
    """Whether news uses the name for a country but it is a first-level area of it: "England", "Wales"."""
    return _constituent(normalise(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)))


@lru_cache(maxsize=4096)
def _constituent(key: str) -> bool:
    iso = _country_keys().get(key)
    if not iso or key in own_country_keys():
        return False
    return any(p.kind == "admin" and p.level == 1 and p.country == iso and normalise(p.name) == key
               for p in gazetteer.core().get(key))


def country_name(iso2: str) -> str | None:
    """The short English name of a country ("IR" -> "Iran")."""
    rec = gazetteer.country_records().get(iso2.upper())
    return rec["name"] if rec else None

