"""Typed view of the claim-link vocabulary (``data/claim_links.json``): denial words, words carrying no content,
concepts (words that say one thing)."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.vocab.loader import Entries, vocabulary


@dataclass(frozen=True)
class ClaimLinkWords:
    denial: frozenset[str]     # a claim with one of these says the opposite of what it answers
    neutral: frozenset[str]    # reporting words, weekdays: no content
    concept: dict[str, str]    # word -> its concept ("gassing" -> "chemical")
    generic: frozenset[str]    # terms ("~killed" a concept, "people" a stem) every war report has: no weight


@vocabulary("claim_links")
def _claim_links(entries: Entries) -> ClaimLinkWords:
    concept: dict[str, str] = {}
    for name, words in entries.mapping("concepts").items():
        for word in entries.distinct(words, f"concepts.{name}", fold=True):
            if word in concept:
                raise entries.error(f"concepts.{name}", f"{word!r} is in {concept[word]} too")
            concept[word] = name
    return ClaimLinkWords(denial=frozenset(entries.words("denial_words", fold=True)),
                          neutral=frozenset(entries.words("neutral_words", fold=True)), concept=concept,
                          generic=frozenset(entries.words("generic", fold=True)))
