"""The claims vocabularies load through checked views; a verb in two classes or a stance outside the contract is refused."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph import vocab
from newsgraph.errors import VocabularyError
from newsgraph.model import STANCES
from newsgraph.vocab.claims import _attitude_verbs, _reporting_verbs
from newsgraph.vocab.loader import Entries


def test_views_carry_contract_stances() -> None:
    verbs = vocab.load("reporting_verbs")
    assert verbs.stance["allege"] == "claimed" and verbs.stance["deny"] == "denied"
    assert set(verbs.stance.values()) <= set(STANCES)
    attitudes = vocab.load("attitude_verbs")
    assert {stance for _, stance in attitudes.verbs.values()} <= set(STANCES)
    assert attitudes.verbs["want"] == ("intention", "asserted") and attitudes.adjectives["sure"] == "hedged"
    assert verbs.object_prepositions["call"] == ("for", "on") and verbs.object_prepositions["describe"] == ("as",)


def test_each_attitude_verb_has_one_class() -> None:
    attitudes = vocab.load("attitude_verbs")
    # the verbs once listed in two classes keep the class that used to win
    assert attitudes.verbs["think"] == ("cognition", "hedged") and attitudes.verbs["consider"][0] == "intention"
    assert attitudes.verbs["weigh"] == ("intention", "hedged") and attitudes.verbs["push"][0] == "intention"
    data = _data("attitude_verbs")
    data["topic"]["hedged"].append("want")
    with pytest.raises(VocabularyError, match=r"attitude_verbs.json: topic: 'want' is already a verb of class"):
        _attitude_verbs(Entries("attitude_verbs.json", data))


def test_a_stance_outside_the_contract_and_a_verb_with_two_stances_are_refused() -> None:
    data = _data("reporting_verbs")
    data["stance"]["angry"] = ["fume"]
    with pytest.raises(VocabularyError, match=r"reporting_verbs.json: stance.angry: 'angry' is not one of"):
        _reporting_verbs(Entries("reporting_verbs.json", data))
    data = _data("reporting_verbs")
    data["stance"]["hedged"].append("say")
    with pytest.raises(VocabularyError, match=r"stance.hedged: 'say' is already listed as 'asserted'"):
        _reporting_verbs(Entries("reporting_verbs.json", data))


def test_content_rules_only_name_reporting_verbs() -> None:
    data = _data("reporting_verbs")
    data["object_with_preposition"]["gaze"] = "at"
    with pytest.raises(VocabularyError, match=r"object_with_preposition.gaze: not a reporting verb"):
        _reporting_verbs(Entries("reporting_verbs.json", data))


def test_relay_phrases_match_longest_first_in_any_case() -> None:
    relays = vocab.load("relays")
    found = relays.pattern.search("he said IN AN INTERVIEW WITH CNN")
    assert found is not None and found.group().lower() == "in an interview with"
    assert "reuters" in relays.outlet_words and "on" in relays.channel_prepositions


def test_speaker_words_and_pronouns() -> None:
    sources = vocab.load("claims_sources")
    assert sources.gendered_honorifics["mrs."] == "f" and sources.gendered_nouns["spokesman"] == "m"
    assert "study" in sources.document_nouns and "poll" in sources.framing_nouns
    common = vocab.load("common_words")
    assert common.pronoun_gender == {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
    assert "it" in common.group_pronouns and "we" in common.first_person_pronouns


def _data(name: str) -> dict[str, Any]:
    return vocab.read(name)
