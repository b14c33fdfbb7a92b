"""Vocabularies: the word lists and tables in ``newsgraph/data``, loaded once, checked, typed.

    >>> from newsgraph import vocab
    >>> vocab.load("titles").heads          # the typed view of data/titles.json

Each data file has one view (a frozen dataclass) built by a function registered with
``@vocabulary(name)`` in the module of this package that serves its stage:
``common`` (word lists several stages share: name particles, directions, titles, given
names), ``entities``, ``places``, ``dates``, ``events``, ``claims``, ``denials`` (negated clauses that
deny), ``quantities``, ``corpus`` (resolution) and
``furniture`` (page furniture, scraped-token repairs). A malformed file fails at load with a
``VocabularyError`` naming the file and the entry; ``tests/test_vocab.py`` loads every one.
"""

# importing the view modules registers their views
from newsgraph.vocab import (  # noqa: F401
    claim_links,
    claims,
    common,
    corpus,
    dates,
    denials,
    entities,
    events,
    furniture,
    places,
    quantities,
    sources,
)
from newsgraph.vocab.loader import Entries, load, names, read, vocabulary

__all__ = ["Entries", "load", "names", "read", "vocabulary"]
