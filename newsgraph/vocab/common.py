"""Word lists several stages share (``data/common_words.json``): name particles, directions, admin words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from newsgraph.vocab.loader import Entries, vocabulary


@dataclass(frozen=True)
class CommonWords:
    arabic_articles: frozenset[str]  # "al", "ash", "ez": dropped when names are compared
    name_particles: frozenset[str]   # "bin", "abu": inside names, with the articles
    directions: frozenset[str]       # "northern", "upper"
    admin_words: frozenset[str]      # "governorate", "province"
    masculine_pronouns: frozenset[str]     # "he", "him", "his"
    feminine_pronouns: frozenset[str]      # "she", "her", "hers"
    group_pronouns: frozenset[str]         # "they", "it": a group, an organisation or a country
    first_person_pronouns: frozenset[str]  # "i", "we": the speaker's own side, never resolved
    # added by the places stage
    compass_compounds: frozenset[str]  # "northeastern", "north-east"

    @property
    def particles(self) -> frozenset[str]:
        """Every lower-case word that may stand inside an Arabic name: articles and particles."""
        return self.arabic_articles | self.name_particles

    @property
    def pronoun_gender(self) -> dict[str, str]:
        """"he" -> "m", "she" -> "f": the gender a singular personal pronoun refers to."""
        return {**dict.fromkeys(self.masculine_pronouns, "m"), **dict.fromkeys(self.feminine_pronouns, "f")}


@vocabulary("common_words")
def _common_words(entries: Entries) -> CommonWords:
    return CommonWords(arabic_articles=entries.word_set("arabic_articles"),
                       name_particles=entries.word_set("name_particles"),
                       directions=entries.word_set("directions"),
                       admin_words=entries.word_set("admin_words"),
                       masculine_pronouns=entries.word_set("masculine_pronouns"),
                       feminine_pronouns=entries.word_set("feminine_pronouns"),
                       group_pronouns=entries.word_set("group_pronouns"),
                       first_person_pronouns=entries.word_set("first_person_pronouns"),
                       # added by the places stage
                       compass_compounds=entries.word_set("compass_compounds"))


@dataclass(frozen=True)
class Titles:
    """Titles before names and in appositions (``data/titles.json``): entities read roles, claims read speakers."""

    heads: frozenset[str]        # one-word heads, and the last word of multi-word ones ("minister")
    modifiers: frozenset[str]    # words of title modifiers ("former", "foreign")
    ranks: frozenset[str]        # "lieutenant general"
    honorifics: frozenset[str]   # "mr", "dr."
    leading: frozenset[str]      # heads that lead what they name: "leads" relations

    def is_head(self, word: str) -> bool:
        return word.lower() in self.heads

    def is_title_word(self, word: str) -> bool:
        """A word that can stand in a title chain ("Former", "Defense", "Secretary")."""
        low = word.lower()
        return low in self.heads or low in self.modifiers or low in self.honorifics


@vocabulary("titles")
def _titles(entries: Entries) -> Titles:
    all_heads = entries.words("heads", fold=True)
    heads = {t for t in all_heads if " " not in t} | {t.split()[-1] for t in all_heads if " " in t}
    modifiers = entries.words("modifiers", fold=True)
    return Titles(heads=frozenset(heads), modifiers=frozenset(w for m in modifiers for w in m.split()),
                  ranks=entries.word_set("ranks"),
                  honorifics=entries.word_set("honorifics"),
                  leading=entries.word_set("leading_heads"))


@dataclass(frozen=True)
class GivenNames:
    """First names borne overwhelmingly by one gender (``data/given_names.json``, lower case)."""

    gender: dict[str, str]  # name -> "m" / "f"

    @cached_property  # asked for on every candidate name: built once
    def all(self) -> frozenset[str]:
        return frozenset(self.gender)


@vocabulary("given_names")
def _given_names(entries: Entries) -> GivenNames:
    table: dict[str, str] = {}
    for gender in ("m", "f"):
        for name in entries.words(gender):
            if name.lower() in table:
                raise entries.error(gender, f"{name!r} is listed under both genders")
            table[name.lower()] = gender
    return GivenNames(gender=table)
