"""The typing rules on hand-built parses: what each rule makes of a candidate spaCy typed."""

from __future__ import annotations

import pytest

from newsgraph.nlp.entities.retyping import retype
from newsgraph.nlp.entities.scans import MentionCandidate, candidate

from .reading import extract, parse, type_by_name


def retyped(words: list[str], at: slice, spacy_type: str, **parse_args: list) -> tuple[str | None, str | None]:
    """(type, country) ``retype`` gives the words at ``at`` that spaCy typed ``spacy_type``; (None, None): dropped."""
    doc = parse(words, **parse_args)
    cand = retype(candidate(doc[at], spacy_type, "spacy"), doc)
    return (cand.type, cand.country) if cand is not None else (None, None)


@pytest.mark.parametrize("words, at, spacy_type, expected", [
    # capitals that name nothing; a known outlet spaCy reads as a place
    (["The", "CEO", "resigned"], slice(1, 2), "ORG", (None, None)),
    (["He", "told", "Al-Monitor", "so"], slice(2, 3), "GPE", ("ORG", None)),
    # countries carry their code; a constituent country is a place of its own
    (["Syria", "denied", "it"], slice(0, 1), "PER", ("GPE", "SY")),
    (["Fans", "in", "England", "cheered"], slice(2, 3), "ORG", ("GPE", None)),
    # a city is never an organisation
    (["Aleppo", "Council", "said"], slice(0, 1), "ORG", ("GPE", None)),
    # a "place" the gazetteer does not know: a code is nothing, capitals an abbreviation
    (["doctors", "treated", "H1N1", "cases"], slice(2, 3), "GPE", (None, None)),
    (["The", "MoD", "said"], slice(1, 2), "GPE", ("ORG", None)),
    # the words around a name make it a place
    (["the", "village", "of", "Tall", "Tawil"], slice(3, 5), "PER", ("GPE", None)),
    (["in", "al", "-", "Mahra", "governorate"], slice(1, 4), "NORP", ("GPE", None)),
    (["villagers", "in", "Maaten", "al", "-", "Sarra", "fled"], slice(2, 6), "PER", ("GPE", None)),
    # ... but not before a first name: people can be "in" a list, "near" a door
    (["officials", "in", "Ahmed", "Karimi", "'s", "office"], slice(2, 4), "PER", ("PER", None)),
    # companies named like people, people named like organisations, people in capitals
    (["The", "firm", "Darya", "Navgan", "Shipping", "denied"], slice(2, 5), "PER", ("ORG", None)),
    (["spokesman", "Dmitry", "Orlov", "said"], slice(1, 3), "ORG", ("PER", None)),
    (["the", "agency", "KUNA", "said"], slice(2, 3), "PER", ("ORG", None)),
    # the words before the first preposition of a known organisation's name are that organisation
    (["the", "Syrian", "Observatory", "reported"], slice(1, 3), "GPE", ("ORG", None)),
    (["the", "Syrian", "Network", "said"], slice(1, 3), "PER", ("ORG", None)),
])
def test_rules(words: list[str], at: slice, spacy_type: str, expected: tuple[str | None, str | None]) -> None:
    assert retyped(words, at, spacy_type) == expected


def test_a_demonym_keeps_its_country_and_is_no_entity_type() -> None:
    assert retyped(["Iranian", "drones", "flew"], slice(0, 1), "NORP") == ("NORP", "IR")


def test_an_unknown_one_word_place_that_acts_like_a_person_is_a_person() -> None:
    words = ["Erdogan", "threatened", "Syria"]
    assert retyped(words, slice(0, 1), "GPE", pos=["PROPN", "VERB", "PROPN"], heads=[1, 1, 1],
                   deps=["nsubj", "ROOT", "dobj"]) == ("PER", None)


def test_parts_of_a_title_before_a_person_are_no_organisation() -> None:
    words = ["Former", "Defense", "Secretary", "Mark", "Esper", "said"]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    assert retyped(words, slice(1, 2), "ORG", ents=ents) == (None, None)
    words = ["Secretary", "of", "State", "Daniel", "Harlow", "said"]
    assert retyped(words, slice(2, 3), "ORG", ents=ents) == (None, None)


def test_vocabulary_matches_keep_their_type() -> None:
    doc = parse(["the", "Iron", "Dome"])
    cand = MentionCandidate(4, 13, "Iron Dome", "WEA", "materiel")
    assert retype(cand, doc) is cand


def test_a_place_with_an_administrative_noun_is_a_place_however_spacy_typed_it(
        fakes_rows: list[dict[str, str]]) -> None:
    # "A source at Homs Governorate told SANA reporter ..." (a site to spaCy); "... on Daraa Province"
    for row, name in ((497, "Homs Governorate"), (623, "Daraa Province")):
        names = type_by_name(extract(fakes_rows[row]["article_content"]))
        assert names.get(name) == "GPE", names
