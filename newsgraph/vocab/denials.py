"""Typed view of the words that make a reported clause a denial (``data/denials.json``)."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.vocab.loader import Entries, vocabulary


@dataclass(frozen=True)
class DenialWords:
    negations: frozenset[str]                 # "not", "never": a verb's negation
    accusation_predicates: frozenset[str]     # "use", "carry out": what a charge says a party did
    responsibility_words: frozenset[str]      # "was not responsible", "were not involved", "not behind"
    responsibility_nouns: frozenset[str]      # "had no role in …"
    refutation_nouns: frozenset[str]          # "no truth to the reports"
    report_nouns: frozenset[str]              # ... with one of these in the phrase
    actor_nouns: frozenset[str]               # "the army", "its aircraft": a doer a charge can name
    actor_pronouns: frozenset[str]            # "we have not used"
    hypothetical_auxiliaries: frozenset[str]  # "will not use", "would never have left": no denial
    condition_marks: frozenset[str]           # "if … had not killed": a condition, no denial
    request_nouns: frozenset[str]             # "rejected the demand": a position, not a denial


@vocabulary("denials")
def _denials(entries: Entries) -> DenialWords:
    def words(key: str) -> frozenset[str]:
        return frozenset(entries.words(key, fold=True))

    return DenialWords(negations=words("negations"), accusation_predicates=words("accusation_predicates"),
                       responsibility_words=words("responsibility_words"),
                       responsibility_nouns=words("responsibility_nouns"),
                       refutation_nouns=words("refutation_nouns"), report_nouns=words("report_nouns"),
                       actor_nouns=words("actor_nouns"), actor_pronouns=words("actor_pronouns"),
                       hypothetical_auxiliaries=words("hypothetical_auxiliaries"),
                       condition_marks=words("condition_marks"), request_nouns=words("request_nouns"))
