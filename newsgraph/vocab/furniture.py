"""Typed views of the furniture stage's vocabularies.

``furniture`` (``data/furniture.json``): the page furniture scraped into article text, by kind
(credits, bylines, standards lines, tail markers, share prompts, timestamp labels, sign-offs);
``scraped_tokens`` (``data/scraped_tokens.json``): what the tokenizer repairs must not split
(camel-case names, plurals of peoples' names).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.vocab.loader import Entries, vocabulary


@dataclass(frozen=True)
class Furniture:
    """Page furniture (``data/furniture.json``); phrases as written, matched case-insensitively unless noted."""

    lines: frozenset[str]                 # whole lines that are furniture ("read more", "sources"), lower case
    agencies: tuple[str, ...]             # "REUTERS", "AP Photo": what signs an "AGENCY/Name" credit (as written)
    credit_labels: tuple[str, ...]        # "photo", "file photo": what opens a bracketed credit or caption
    credit_words: frozenset[str]          # "agencies", "and", "with": a bracketed credit's other words, lower case
    byline_labels: tuple[str, ...]        # "reporting by", "editing by"
    byline_words: frozenset[str]          # lower-case words a byline's name list may hold ("in", "and")
    standards: tuple[str, ...]            # "Our Standards: The Thomson Reuters Trust Principles"
    tail_markers: tuple[str, ...]         # "Related News", "Tags": open the link and footer block at the end
    share_prompts: tuple[str, ...]        # "Get short URL", "Print Tweet Views"
    timestamp_labels: tuple[str, ...]     # "last update", "published"
    time_zones: tuple[str, ...]           # "GMT", "KSA" (as written)
    social_sites: tuple[str, ...]         # "YouTube", "Twitter" (as written)
    source_labels: tuple[str, ...]        # "source", "with": open a source line at the end
    signoff_words: frozenset[str]         # lower-case words a sign-off may hold ("and", "agencies")
    keep_entities: frozenset[str]         # kinds whose entity mentions are kept ("caption")
    keep_claims: frozenset[str]           # kinds whose claims are kept ("caption")
    keep_events: frozenset[str]           # kinds whose events are kept ("caption")


@vocabulary("furniture")
def _furniture(entries: Entries) -> Furniture:
    def longest_first(key: str, *, fold: bool = False) -> tuple[str, ...]:
        # alternations try the longest phrase first: "Related News" before "Related"
        return tuple(sorted(entries.words(key, fold=fold), key=len, reverse=True))

    return Furniture(
        lines=frozenset(entries.words("lines", fold=True)), agencies=longest_first("agencies"),
        credit_labels=longest_first("credit_labels", fold=True),
        credit_words=frozenset(entries.words("credit_words", fold=True)),
        byline_labels=longest_first("byline_labels", fold=True),
        byline_words=frozenset(entries.words("byline_words", fold=True)), standards=longest_first("standards"),
        tail_markers=longest_first("tail_markers"), share_prompts=longest_first("share_prompts"),
        timestamp_labels=longest_first("timestamp_labels", fold=True), time_zones=longest_first("time_zones"),
        social_sites=longest_first("social_sites"), source_labels=longest_first("source_labels", fold=True),
        signoff_words=frozenset(entries.words("signoff_words", fold=True)),
        keep_entities=frozenset(entries.words("keep_entities", fold=True)),
        keep_claims=frozenset(entries.words("keep_claims", fold=True)),
        keep_events=frozenset(entries.words("keep_events", fold=True)))


@dataclass(frozen=True)
class ScrapedTokens:
    """What the tokenizer's repairs of scraped text leave whole (``data/scraped_tokens.json``)."""

    camel_case_names: frozenset[str]       # "YouTube", "WhatsApp": one word despite the inner capital (as written)
    glue_words: frozenset[str]             # "Comment", "Image": page words glued to a capitalised word (as written)
    people_nouns: frozenset[str]           # "kurd", "alawite": "Kurds" is a plural, not "Kurd's"
    not_before_possessive: frozenset[str]  # "and", "said": after these "Xs" is no possessive
    surnames_ending_in_s: frozenset[str]   # "williams": a name of its own, though "William" is a given name


@vocabulary("scraped_tokens")
def _scraped_tokens(entries: Entries) -> ScrapedTokens:
    return ScrapedTokens(camel_case_names=frozenset(entries.words("camel_case_names")),
                         glue_words=frozenset(entries.words("glue_words")),
                         people_nouns=frozenset(entries.words("people_nouns", fold=True)),
                         not_before_possessive=frozenset(entries.words("not_before_possessive", fold=True)),
                         surnames_ending_in_s=frozenset(entries.words("surnames_ending_in_s", fold=True)))
