"""Typed view of the claim-link vocabulary (``data/claim_links.json``): denial words, words carrying no content,
concepts (words that say one thing)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.vocab.loader import Entries, vocabulary


@dataclass(frozen=True)
class ClaimLinkWords:
    denial: frozenset[str]     # a claim with one of these says the opposite of what it answers
    neutral: frozenset[str]    # reporting words, weekdays: no content
    concept: dict[str, str]    # word -> its concept ("gassing" -> "chemical")
    generic: frozenset[str]    # terms ("~killed" a concept, "people" a stem) every war report has: no weight
    characterizations: frozenset[str] = frozenset()  # denial words wherever they are ("a provocation")
    blame_after: frozenset[str] = frozenset()   # "accused", "blamed": the side blamed comes after them
    blame_before: frozenset[str] = frozenset()  # "used", "carried": the side blamed comes before them
    sides: dict[str, str] | None = None         # word -> the side of a war it names ("regime" -> "government")
    blame_topics: frozenset[str] = frozenset()  # concepts of an attack that is one occurrence in the window
    blame_reach: int = 4                        # words between a predicate and its side at most
    other_time: frozenset[str] = frozenset()    # "previously", "in the past": what it blames is another attack
    reported: frozenset[str] = frozenset()      # "allegations", "suggestions": a predicate after one is alleged
    conditional: frozenset[str] = frozenset()   # "if", "unless": what the claim says is a condition
    vague_counts: frozenset[str] = frozenset()  # "dozens", "hundreds": a magnitude, not a figure
    verb_words: frozenset[str] = frozenset()    # denial words that are also verbs of place ("lies")
    several_numbers: frozenset[str] = frozenset()  # "three", "many": with a noun of ``several_nouns`` after it
    several_nouns: frozenset[str] = frozenset()    # "times", "attacks": ... a claim tells of several attacks
    several_reach: int = 3                         # words from the number to the noun at most
    place_before: frozenset[str] = frozenset()     # "on Syria", "alleged Syria attack": the place, not the side
    verb_before: frozenset[str] = frozenset()   # ... read as the verb right after one of these ("which lies")
    verb_after: frozenset[str] = frozenset()    # ... or right before one of these ("lies in", "lies with")
    recalled: re.Pattern[str] | None = None     # "that attack": the event of the sentence before
    count_classes: dict[str, str] | None = None  # noun counted -> its class ("militants", "terrorists": combatants)


@vocabulary("claim_links")
def _claim_links(entries: Entries) -> ClaimLinkWords:
    concept = entries.grouped(entries.mapping("concepts"), "concepts")
    blame = entries.mapping("blame")
    verbs = entries.mapping("verb_readings")
    several = blame["several"]
    sides = entries.grouped(blame["sides"], "blame.sides", verb="names")
    count_classes = entries.grouped(entries.mapping("count_classes"), "count_classes")
    recalled = entries.mapping("recalled")
    pointers = entries.distinct(recalled["pointers"], "recalled.pointers", fold=True)
    events = entries.distinct(recalled["events"], "recalled.events", fold=True)
    either = "|".join(map(re.escape, pointers)), "|".join(map(re.escape, events))
    pointing = re.compile(rf"\b(?:{either[0]})\s+(?:{either[1]})\b", re.IGNORECASE)
    return ClaimLinkWords(recalled=pointing, count_classes=count_classes,
                          denial=frozenset(entries.words("denial_words", fold=True)),
                          neutral=frozenset(entries.words("neutral_words", fold=True)), concept=concept,
                          generic=frozenset(entries.words("generic", fold=True)),
                          characterizations=frozenset(entries.words("characterizations", fold=True)),
                          blame_after=frozenset(entries.distinct(blame["after"], "blame.after", fold=True)),
                          blame_before=frozenset(entries.distinct(blame["before"], "blame.before", fold=True)),
                          sides=sides,
                          blame_topics=frozenset(entries.distinct(blame["topics"], "blame.topics", fold=True)),
                          blame_reach=int(blame["reach"]),
                          other_time=frozenset(entries.distinct(blame["other_time"], "blame.other_time", fold=True)),
                          reported=frozenset(entries.distinct(blame["reported"], "blame.reported", fold=True)),
                          conditional=frozenset(entries.words("conditional", fold=True)),
                          vague_counts=frozenset(entries.words("vague_counts", fold=True)),
                          several_numbers=frozenset(entries.distinct(several["numbers"], "blame.several.numbers",
                                                                     fold=True)),
                          several_nouns=frozenset(entries.distinct(several["nouns"], "blame.several.nouns", fold=True)),
                          several_reach=int(several["reach"]),
                          place_before=frozenset(entries.distinct(blame["place_before"], "blame.place_before",
                                                                  fold=True)),
                          verb_words=frozenset(entries.distinct(verbs["words"], "verb_readings.words", fold=True)),
                          verb_before=frozenset(entries.distinct(verbs["before"], "verb_readings.before", fold=True)),
                          verb_after=frozenset(entries.distinct(verbs["after"], "verb_readings.after", fold=True)))
