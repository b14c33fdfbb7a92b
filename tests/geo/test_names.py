"""Name keys (newsgraph.geo.names): transliteration variants meet, word lists become regexes."""

from __future__ import annotations

import re

import pytest

from newsgraph.geo.names import alternation, fold, normalise, skeleton


def test_transliteration_variants_meet() -> None:
    # Arabic article, hyphens and a final -h do not keep variants apart ...
    assert normalise("Deir ez-Zor") == normalise("Deir Zor")
    assert normalise("Ar-Raqqah") == normalise("Raqqa")
    assert normalise("Al-Hasakah") == normalise("Hasaka")
    # ... and the consonant skeleton catches vowel spellings
    assert skeleton(normalise("Dayr az Zawr")) == skeleton(normalise("Deir Ezzor"))


def test_saint_forms_and_a_leading_the_are_unified() -> None:
    assert normalise("Saint-Denis") == normalise("St. Denis") == "st denis"
    assert normalise("The Hague") == "hague"


def test_an_article_alone_is_kept() -> None:
    assert normalise("Al") == "al"  # nothing else is left: the word is the name


def test_fold_drops_accents_apostrophes_and_punctuation() -> None:
    assert fold("Côte d’Ivoire") == "cote divoire"
    assert fold("Ouagadougou (Kadiogo)") == "ouagadougou kadiogo"


def test_alternation_matches_whole_phrases_before_their_first_word() -> None:
    pattern = re.compile(rf"^{alternation(['city', 'city and county', 'air base'])} of ")
    assert pattern.match("city and county of Denver")
    assert pattern.match("city of Cape Town")
    assert pattern.match("air base of X") and not pattern.match("air bases of X")


def test_alternation_refuses_an_empty_list() -> None:
    with pytest.raises(ValueError, match="at least one word"):
        alternation([])
