"""Typed views of the quantities stage's vocabulary (``data/quantities.json``) and of the words corpus
events are resolved with (``data/corpus_events.json``: which PLOVER types report one kind of occurrence)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from newsgraph.model import EVENT_TYPES
from newsgraph.vocab.loader import Entries, vocabulary

BOUNDS = ("low", "high", "about")
_IRREGULAR = {"children": "child", "men": "man", "women": "woman", "people": "person", "lives": "life",
              "police": "police", "personnel": "personnel", "staff": "staff", "elderly": "elderly",
              "aircraft": "aircraft", "policemen": "policeman", "gunmen": "gunman", "militia": "militia"}


def singular(word: str) -> str:
    """A plural noun's singular, as spaCy's lemmatiser gives it for the nouns the vocabulary lists."""
    word = word.casefold()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _nouns(entries: Entries, key: str) -> frozenset[str]:
    words = entries.words(key, fold=True)
    return frozenset(words) | frozenset(singular(w) for w in words)


@dataclass(frozen=True)
class QuantityWords:
    number_words: dict[str, int]       # "sixteen" -> 16
    scales: dict[str, int]             # "thousand" -> 1000
    vague: dict[str, int]              # "dozens" -> 24: a low bound, no number
    qualifiers: dict[str, str]         # "at least" -> "low"; longest phrases first
    fates: dict[str, str]              # lemma -> what is counted: "kill" -> "killed"
    fate_only_with_unit: frozenset[str]  # "force": only "forced 13000 residents ..." is a count
    clause_fates: frozenset[str]       # "dead": anywhere in a count's clause ("were among the dead")
    part_cues: tuple[str, ...]         # "including": the people after it are part of the count before
    people: frozenset[str]             # nouns of people as a whole (plural and singular)
    groups: frozenset[str]             # nouns of groups within them ("children")
    things: frozenset[str]             # nouns of things counted ("buses")
    not_counts: frozenset[str]         # "Resolution 2254": a number after these is a name
    date_words: frozenset[str]         # "August 21", "1900 GMT": a date or a time beside the number
    currencies: frozenset[str]         # "$12 billion": money
    measures: frozenset[str]           # "50 percent", "10 km", "three years": not a count

    @cached_property
    def vague_by_first_word(self) -> dict[str, tuple[tuple[str, tuple[str, ...], int], ...]]:
        """The vague phrases by their first word ("tens" -> ("tens of thousands", ...)), in vocabulary order:
        the numbers reader tries only the phrases that can start at a token, on every token of a sentence."""
        out: dict[str, list[tuple[str, tuple[str, ...], int]]] = {}
        for phrase, low in self.vague.items():
            parts = tuple(phrase.split())
            out.setdefault(parts[0], []).append((phrase, parts, low))
        return {first: tuple(found) for first, found in out.items()}

    def unit_kind(self, word: str) -> str | None:
        """'people', 'group' or 'thing' for a noun the vocabulary counts, else None."""
        folded = word.casefold()
        for kind, words in (("people", self.people), ("group", self.groups), ("thing", self.things)):
            if folded in words or singular(folded) in words:
                return kind
        return None


def _integers(entries: Entries, key: str) -> dict[str, int]:
    table = entries.mapping(key)
    for word, value in table.items():
        if not isinstance(value, int) or value < 0:
            raise entries.error(f"{key}.{word}", f"must be a whole number, not {value!r}")
    return {word.casefold(): value for word, value in table.items()}


def _clause_fates(entries: Entries, fates: dict[str, str]) -> frozenset[str]:
    words = frozenset(entries.words("clause_fates", fold=True))
    for word in sorted(words - set(fates)):
        raise entries.error("clause_fates", f"{word!r} is not a word of fates")
    return words


@vocabulary("quantities")
def _quantities(entries: Entries) -> QuantityWords:
    qualifiers = {phrase.casefold(): entries.one_of(bound, BOUNDS, f"qualifiers.{phrase}")
                  for phrase, bound in entries.mapping("qualifiers").items()}
    fates: dict[str, str] = {}
    for counted, lemmas in entries.mapping("fates").items():
        for lemma in entries.distinct(lemmas, f"fates.{counted}", fold=True):
            if lemma in fates:
                raise entries.error(f"fates.{counted}", f"{lemma!r} is also a word of {fates[lemma]!r}")
            fates[lemma] = counted
    return QuantityWords(
        number_words=_integers(entries, "number_words"), scales=_integers(entries, "scales"),
        vague=_integers(entries, "vague"),
        qualifiers=dict(sorted(qualifiers.items(), key=lambda kv: (-len(kv[0].split()), kv[0]))),
        fates=fates, fate_only_with_unit=frozenset(entries.words("fate_only_with_unit", fold=True)),
        clause_fates=_clause_fates(entries, fates),
        part_cues=tuple(sorted(entries.words("part_cues", fold=True), key=lambda cue: -len(cue.split()))),
        people=_nouns(entries, "people"), groups=_nouns(entries, "groups"), things=_nouns(entries, "things"),
        not_counts=frozenset(entries.words("not_counts", fold=True)),
        date_words=frozenset(entries.words("date_words", fold=True)),
        currencies=frozenset(entries.words("currencies", fold=True)),
        measures=frozenset(entries.words("measures", fold=True)))


@dataclass(frozen=True)
class EventFamilies:
    family: dict[str, str]   # event type -> the family whose reports may be one corpus event
    alone: frozenset[str]    # types never resolved across documents (each report its own corpus event)
    generic_triggers: frozenset[str]  # "killed": the same trigger word is no evidence
    background_cues: tuple[str, ...]  # "in the past": a background sentence, not one occurrence told

    def background(self, sentence: str) -> bool:
        """Whether a sentence tells of what happens often or happened before ("regularly bomb Idlib")."""
        folded = f" {' '.join(sentence.casefold().split())} "
        return any(f" {cue} " in folded for cue in self.background_cues)

    def telling(self, trigger: str) -> bool:
        """Whether two reports with this trigger are alike for it ("blew up"), not merely violent ("killed")."""
        return any(word not in self.generic_triggers for word in trigger.casefold().split())


@vocabulary("corpus_events")
def _corpus_events(entries: Entries) -> EventFamilies:
    family: dict[str, str] = {}
    for name, types in entries.mapping("families").items():
        for kind in entries.distinct(types, f"families.{name}"):
            entries.one_of(kind, EVENT_TYPES, f"families.{name}")
            if kind in family:
                raise entries.error(f"families.{name}", f"{kind} is also in the family {family[kind]!r}")
            family[kind] = name
    alone = frozenset(entries.one_of(k, EVENT_TYPES, "alone") for k in entries.words("alone"))
    both = alone & set(family)
    if both:
        raise entries.error("alone", f"{sorted(both)[0]} is also in a family")
    missing: list[Any] = [k for k in EVENT_TYPES if k not in family and k not in alone]
    if missing:
        raise entries.error("families", f"{missing[0]} is in no family and not alone")
    return EventFamilies(family=family, alone=alone,
                         generic_triggers=frozenset(entries.words("generic_triggers", fold=True)),
                         background_cues=entries.words("background_cues", fold=True))
