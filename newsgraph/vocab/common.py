"""Word lists several stages share (``data/common_words.json``): name particles, directions, admin words."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.vocab.loader import Entries, vocabulary


@dataclass(frozen=True)
class CommonWords:
    arabic_articles: frozenset[str]  # "al", "ash", "ez": dropped when names are compared
    name_particles: frozenset[str]   # "bin", "abu": inside names, with the articles
    directions: frozenset[str]       # "northern", "upper"
    admin_words: frozenset[str]      # "governorate", "province"

    @property
    def particles(self) -> frozenset[str]:
        """Every lower-case word that may stand inside an Arabic name: articles and particles."""
        return self.arabic_articles | self.name_particles


@vocabulary("common_words")
def _common_words(entries: Entries) -> CommonWords:
    return CommonWords(arabic_articles=frozenset(entries.words("arabic_articles", fold=True)),
                       name_particles=frozenset(entries.words("name_particles", fold=True)),
                       directions=frozenset(entries.words("directions", fold=True)),
                       admin_words=frozenset(entries.words("admin_words", fold=True)))
