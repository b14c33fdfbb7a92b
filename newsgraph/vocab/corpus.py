"""Typed view of corpus resolution's vocabulary (``data/corpus.json``): place-kind, compass, linking, front and
generic place words."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.vocab.loader import Entries, vocabulary


@dataclass(frozen=True)
class CorpusWords:
    place_heads: frozenset[str]     # "city", "province": "Aleppo city" names Aleppo
    compass_words: frozenset[str]   # "east": "Eastern Ghouta" is "East Ghouta"
    linking_words: frozenset[str]   # "of", "the": skipped by initials
    front_words: frozenset[str]     # "front", "jabhat": "Jabhat Fateh al-Sham" is "Fateh al-Sham Front"
    generic_place_words: frozenset[str]  # "old", "city": "Old City" is a part of the city a report is about
    airfield_heads: tuple[str, ...]  # "air base", "military airport": "Tabqa airbase" is "Tabqa air base"


@vocabulary("corpus")
def _corpus(entries: Entries) -> CorpusWords:
    return CorpusWords(place_heads=entries.word_set("place_heads"),
                       compass_words=entries.word_set("compass_words"),
                       linking_words=entries.word_set("linking_words"),
                       front_words=entries.word_set("front_words"),
                       generic_place_words=entries.word_set("generic_place_words"),
                       airfield_heads=tuple(sorted(entries.words("airfield_heads", fold=True), key=len, reverse=True)))
