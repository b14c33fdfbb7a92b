"""Claims that share words but not one proposition (``newsgraph.resolve.claims_compare``): a condition, two
attacks in one month, a denial an assertion tells of, an accusation of another time."""

from __future__ import annotations

import newsgraph
from newsgraph.resolve.claim_blame import blame, blamed_side
from tests.resolve.claim_texts import claim_with, corpus_claims

# written for this test, in the wording of the FA-KES reports of August 2013
ACCUSED = ("accused", "2013-08-21", "Reuters", "DAMASCUS - Syria's opposition accused government forces of gassing "
           "hundreds of people in the suburbs of Damascus on Wednesday.")
IF_TRUE = ("if-true", "2013-08-23", "AFP", "PARIS - French Foreign Minister Laurent Fabius said world powers must "
           "respond with force if allegations that Syria's government was responsible for the chemical attack near "
           "Damascus prove true.")


def test_a_condition_neither_corroborates_nor_contradicts() -> None:
    claims = corpus_claims(ACCUSED, IF_TRUE)
    condition = claim_with(claims, "if-true", "prove true")
    assert not condition["corroborated_by"] and not condition["contradicted_by"]
    assert not claim_with(claims, "accused", "gassing hundreds")["corroborated_by"]


# two rocket attacks on two neighbourhoods of one city, told in state-media wording, and one a fortnight later
SHELLS = (("shells-a", "2016-11-07", "SANA", "ALEPPO - SANA's reporter said that terrorists fired rocket shells on "
           "the Salah-Eddin neighborhood in Aleppo city, killing three people and causing material damage."),
          ("shells-b", "2016-11-07", "Alalam", "ALEPPO - A police source said that terrorist groups fired rocket "
           "shells on the al-Hamadaniye neighborhood in Aleppo city, killing one child and causing material damage."),
          ("shells-c", "2016-11-23", "SANA", "ALEPPO - SANA's correspondent said that terrorists fired rocket shells "
           "on the Salah-Eddin neighborhood in Aleppo city, killing three people and causing material damage."))


def test_two_attacks_in_one_month_are_two_propositions() -> None:
    claims = corpus_claims(*SHELLS)
    first, other_place, later = (claim_with(claims, d, "rocket shells") for d in ("shells-a", "shells-b", "shells-c"))
    # another neighbourhood on the same day: another attack, its toll neither agrees nor disagrees
    assert other_place["id"] not in first["corroborated_by"] + first["contradicted_by"]
    # the same words 16 days later: a toll is one day's
    assert later["id"] not in first["corroborated_by"] + first["contradicted_by"]


def test_an_assertion_telling_of_a_denial_links_by_blame_only() -> None:
    from newsgraph.resolve.claims import features_of
    doc = newsgraph.extract(
        "IDLIB - The Syrian National Coalition of Revolutionary and Opposition Forces as well as a number of Western "
        "states accused the Syrian government troops of carrying out the attack while Damascus refuted these "
        "allegations with a Syrian army source telling Sputnik that the army did not possess chemical weapons.",
        "2017-04-04", doc_id="coalition", source="Manar")
    features = {f.claim_id: f for f in features_of(doc)}
    accusation = next(features[c.id] for c in doc.claims if c.cue == "accused")
    # its words are partly Damascus's ("did not possess chemical weapons"): they link it by word with nothing
    assert accusation.relayed_denial and not accusation.negative
    assert accusation.blame == "chemical|government"  # what it says itself still contradicts the refutation
    assert not any(f.relayed_denial for f in features.values() if f.negative)


def test_what_others_allege_blames_no_one() -> None:
    # the government's words tell of the rebels' allegation: they blame the opposition, not the regime
    assert blamed_side("trying to counter rebel allegations that the regime used chemical weapons arguing that "
                       "opposition fighters themselves were responsible") == "rebels"
    assert blamed_side("it also investigated suggestions the chemical attacks came from opposition forces") is None


def test_an_accusation_of_another_time_blames_no_side_of_this_attack() -> None:
    concepts = frozenset({"~chemical", "~attack"})
    sentence = "A joint inquiry has previously accused government forces of toxic gas attacks."
    assert blame("accused", "government forces of toxic gas attacks", "A joint inquiry", False, concepts) != ""
    assert blame("accused", "government forces of toxic gas attacks", "A joint inquiry", False, concepts,
                 sentence) == ""


def test_a_magnitude_agrees_with_a_figure_in_it_and_excludes_none() -> None:
    from newsgraph.resolve.claims import Count
    from newsgraph.resolve.claims_compare import count_relation
    hundreds = Count("killed", 200, None, "people", vague=True)  # "hundreds of people were killed"
    assert count_relation(hundreds, Count("killed", 213, 213, "people")) == "agree"  # "the death toll was 213"
    assert count_relation(hundreds, Count("killed", 650, 650, "people")) == "agree"
    assert count_relation(hundreds, Count("killed", 1400, None, "people")) is None  # more than 1400: no toll of hundreds
    dozens = Count("killed", 24, None, "children", vague=True)  # no contradiction from a magnitude
    assert count_relation(dozens, Count("killed", 22, 22, "children")) is None
    at_least = Count("killed", 24, None, "civilians")  # "at least 24 civilians": a figure
    assert count_relation(at_least, Count("killed", 22, 22, "civilians")) == "disjoint"


def test_figures_that_agree_on_a_thing_outweigh_its_others() -> None:
    from dataclasses import replace

    from newsgraph.resolve.claims import Count, features_of, view_of
    from newsgraph.resolve.claims_compare import counts_relation
    doc = newsgraph.extract("ALEPPO - A police source said rocket shells hit the al-Jamilia neighborhood, killing 8 "
                            "people.", "2016-10-06", doc_id="jamilia", source="SANA")
    told = features_of(doc)[0]
    # one toll told twice, both of its figures read as the wounded ("killing 8 persons injuring more than 55")
    twice = (Count("injured", 8, 8, "person"), Count("injured", 55, None, "person"))
    a, b = (view_of(replace(told, counts=twice, key=key), lambda x: x, lambda x: None) for key in ("a/c1", "b/c1"))
    assert counts_relation(a, b) == "agree"
    other = view_of(replace(told, counts=(Count("injured", 20, 20, "person"),), key="c/c1"), lambda x: x,
                    lambda x: None)
    assert counts_relation(a, other) == "disjoint"
