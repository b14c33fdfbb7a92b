"""Settings of the corpus graph: identity resolution, corpus events and claim links."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CorpusSettings:
    """Corpus resolution (``newsgraph.resolve``): when two nodes are one thing across documents.

    Scores are on 0-1: a link of at least ``merge`` joins two nodes unless something conflicts;
    links down to ``candidate`` are listed by ``newsgraph candidates``.  Spelling ratios are
    rapidfuzz percentages of the name keys.  Tuned on the FA-KES cross-document gold
    (``make bench-corpus``); a change needs ``newsgraph resolve --all`` on existing stores.
    """

    merge: float = 0.8
    candidate: float = 0.5
    alias: float = 0.95          # a document gives one name as an alias of the other
    same_name: float = 0.9       # the same key under two types (GPE/LOC, PER/ORG) or two country tags
    possessive: float = 0.9      # "Assads" for "Assad" in scraped text that lost its apostrophes
    spelling: float = 0.85       # a transliteration or spelling variant (see the ratios below)
    short: float = 0.85          # a surname, prefix or placeless name with one candidate in the corpus
    similar: float = 0.75        # x the spelling ratio: alike, not enough to join (a candidate)
    acronym: float = 0.6         # initials match, but no document says so (a candidate)
    retype_dominance: float = 3.0  # a name typed otherwise in this many times the members: mistyped
    retype_gazetteer_dominance: float = 1.5  # ... or a gazetteer place's name in this many times the members
    dominance: float = 3.0       # a short name given as an alias in this many times the documents of the next
    id_dominance: float = 2.0    # the most-attested name is the id only with this many times the members (powers of 2)
    spelling_ratio: float = 92.0     # keys this alike are one name
    skeleton_spelling: float = 80.0  # ... or this alike with the same consonant skeleton
    candidate_ratio: float = 80.0    # keys this alike make a candidate
    word_spelling: float = 65.0      # ... if each word is this alike ('hama police' / 'homs police' are not)
    related_names: float = 80.0      # token-set similarity two full names of one cluster need
    given_name_spelling: float = 80.0  # given names less alike than this are two people


@dataclass(frozen=True)
class CorpusEventSettings:
    """Corpus events (``newsgraph.resolve.events``): when reports in two documents tell one occurrence.

    A link sums the evidence weights below; it needs ``link`` when both reports are dated to the same
    day, ``vague_link`` otherwise (a month or a year, or an undated report near its publication).
    Tuned on the FA-KES articles (``make bench-corpus``); a change needs ``newsgraph resolve --all``.
    """

    link: float = 0.6
    vague_link: float = 0.65
    same_day: float = 0.3          # both dated to one day
    overlap: float = 0.1           # dates that overlap at a month's precision (a year's is no evidence)
    published_near: float = 0.1    # an undated report published within ``window_days`` of the other's date
    window_days: int = 3           # an undated report tells of something in the days before its publication
    undated_reach_days: int = 90   # ... and is never one occurrence with a report dated longer before that
    place_same: float = 0.4        # the same place (one corpus entity; a country is too wide to count)
    place_same_city: float = 0.25  # ... a town of ``big_city`` people or more (Aleppo: many occurrences a day)
    big_city: int = 1_000_000
    mass_casualties: int = 100     # ... unless both count this many killed: few occurrences a day are that deadly
    place_near: float = 0.25       # two places this near: one inside the other (a district and its town)
    near_km: float = 30.0
    same_point_km: float = 1.0     # two places at one point count as one (a neighbourhood given its town's point)
    far_km: float = 150.0          # two places further apart are two occurrences
    participant: float = 0.2       # each shared actor or target (at most two count)
    country_participant: float = 0.1  # a shared country as actor or target (once)
    figure: float = 0.3            # the same thing counted with figures that agree
    figure_ratio: float = 1.25     # figures this near agree ("more than 1,400" and "1,300")
    trigger: float = 0.15          # the same trigger words ("blew up", "blew up")
    linked_share: float = 0.5      # two groups of reports join when this share of their pairs is linked


@dataclass(frozen=True)
class ClaimLinkSettings:
    """Claims across documents (``newsgraph.resolve.claims``): when two claims say the same or the opposite.

    Similarity is the share of the shorter claim's content terms (words and concepts) the other has.
    Tuned on the cross-document gold (``bench/corpus.py --score``); a change needs ``newsgraph resolve --all``.
    """

    # content similarity two claims of one stance need to corroborate.  Conservative: read on 30 sampled FA-KES
    # corroborations, 0.3 with shared weight 2 gave 4 right (17,483 links), 0.5 with 4 gives 5 right (4,907)
    corroborate: float = 0.5
    contradict: float = 0.3       # ... a denial and an assertion need to contradict
    min_shared: int = 2           # weight of the terms a denial and an assertion share at least (a concept: 2),
                                  # and two corroborating claims reporting one corpus event
    corroborate_shared: int = 4   # ... two corroborating claims otherwise
    shared_words: int = 2         # words (not concepts, not generic) two claims of two documents share at least
    window_days: int = 31        # claims published further apart answer other events
    count_days: int = 2          # counts are compared only in documents published this near (one day's toll)
    count_spread: float = 10.0   # counts further apart than this factor count two things (a war's toll, a day's)
    short_denial: int = 6         # a denial with fewer own terms also takes its document's headline terms
    shingle: int = 5              # words per shingle of a document's text (near-duplicate documents)
    permutations: int = 128       # MinHash permutations
    copy_jaccard: float = 0.5     # two documents this alike carry one story (one wire copy)
