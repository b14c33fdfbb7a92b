"""The vocabulary and pattern scans on hand-built parses, and their matchers.

Each scan is a rule over tokens; a hand-built ``Doc`` pins the tokens, tags and entities the
rule sees, so these tests say what the rule decides without depending on what the model says.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.nlp.entities import scans
from newsgraph.nlp.entities.matchers import matchers_for
from newsgraph.nlp.parse import nlp

from .reading import parse


def found(candidates: list[scans.MentionCandidate]) -> list[tuple[str, str]]:
    return [(c.text, c.type) for c in candidates]


def test_known_names_match_as_written_in_running_text_with_their_branches() -> None:
    doc = nlp().make_doc("Fighters of Islamic State Sahel Province fled, the U.N. said; the U.N. Security Council met.")
    names = found(scans.known_organizations(doc))
    assert ("Islamic State Sahel Province", "ORG") in names  # a branch is named after its parent
    assert ("U.N. Security Council", "ORG") in names and names.count(("U.N.", "ORG")) == 2
    for cand in scans.known_organizations(doc):
        assert doc.text[cand.start:cand.end] == cand.text


def test_short_known_forms_count_only_in_capitals() -> None:
    doc = parse(["Is", "it", "true", "that", "IS", "fighters", "left", "?"])
    assert found(scans.known_organizations(doc)) == [("IS", "ORG")]


def test_listed_systems_designations_classes_and_ship_names() -> None:
    doc = parse(["The", "Su-35", "watched", "as", "Fateh-110", "missiles", "and", "cruise", "missiles", "flew",
                 "past", "USS", "Carl", "Vinson"])
    names = found(scans.materiel(doc))
    assert ("Su-35", "VEH") in names  # an aircraft designation needs no context
    assert ("Fateh-110", "WEA") in names  # a weapon designation next to a weapon word
    assert ("cruise missiles", "WEA") in names
    assert ("USS Carl Vinson", "VEH") in names


def test_one_word_system_needs_a_weapon_word_near_it() -> None:
    assert found(scans.materiel(parse(["They", "fired", "a", "Patriot", "missile", "."]))) == [("Patriot", "WEA")]
    assert scans.materiel(parse(["Patriot", "fans", "cheered", "the", "team", "all", "night", "."])) == []


def test_named_sites_keep_particles_and_drop_the_preposition() -> None:
    doc = parse(["He", "landed", "at", "Tindouf", "Air", "Station", "and", "drove", "to", "al", "-", "Wattar",
                 "air", "base", "near", "Tower", "22", "."],
                pos=["PRON", "VERB", "ADP", "PROPN", "PROPN", "PROPN", "CCONJ", "VERB", "ADP", "PROPN", "PUNCT",
                     "PROPN", "NOUN", "NOUN", "ADP", "PROPN", "NUM", "PUNCT"])
    assert found(scans.facilities(doc)) == [("Tindouf Air Station", "FAC"), ("al-Wattar air base", "FAC"),
                                            ("Tower 22", "FAC")]


def test_a_port_after_a_sea_is_no_site() -> None:
    doc = parse(["Ships", "left", "the", "Red", "Sea", "port", "."], pos=["NOUN", "VERB", "DET", "PROPN", "PROPN",
                                                                         "NOUN", "PUNCT"])
    assert scans.facilities(doc) == []


def test_craft_after_a_descriptor_or_flag_and_class_names() -> None:
    doc = parse(["The", "frigate", "Hamburg", "and", "the", "Liberian", "-", "flagged", "Marlow", "88", "met", "a",
                 "Kilo", "-", "class", "submarine", "."])
    assert found(scans.vessels(doc)) == [("Hamburg", "VEH"), ("Marlow 88", "VEH"), ("Kilo-class", "VEH")]


def test_dates_and_nationalities_after_a_descriptor_are_not_craft() -> None:
    doc = parse(["the", "tanker", "Tuesday", "and", "the", "ship", "Houthi", "forces", "attacked"],
                ents=["O", "O", "B-DATE", "O", "O", "O", "B-NORP", "O", "O"])
    assert scans.vessels(doc) == []


def test_brand_names_before_weapon_words_but_not_who_fires_them() -> None:
    doc = parse(["They", "deployed", "Grey", "Pike", "anti", "-", "ship", "systems", "and", "fired", "Gaza",
                 "rockets", "."])
    assert found(scans.named_weapons(doc)) == [("Grey Pike", "WEA")]


def test_a_title_case_headline_gives_no_brand_name() -> None:
    # "5 Civilians Killed in Terrorist Rocket Attacks": every word capitalised, "Terrorist" is no weapon
    doc = parse(["Civilians", "Killed", "in", "Terrorist", "Rocket", "Attacks", "in", "Aleppo", "."])
    assert found(scans.named_weapons(doc)) == []


def test_the_platform_x_after_on() -> None:
    doc = parse(["He", "wrote", "on", "X", "that", "X", "Corp", "was", "wrong"])
    assert found(scans.platform_x(doc)) == [("X", "ORG")]


def test_matchers_are_built_once_per_vocabulary_and_serve_any_vocabulary() -> None:
    assert matchers_for(nlp().vocab) is matchers_for(nlp().vocab)
    blank = spacy.blank("en")
    doc = Doc(blank.vocab, words=["the", "Iron", "Dome", "intercepted", "rockets"])
    assert matchers_for(blank.vocab) is not matchers_for(nlp().vocab)
    assert found(scans.materiel(doc)) == [("Iron Dome", "WEA")]
