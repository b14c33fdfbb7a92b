"""A denial against an assertion (``newsgraph.resolve.claims_compare``): the denial answers the reports of its own
days, and a negated clause that rejects a charge is the denial (``nlp.claims.denials``) that links."""

from __future__ import annotations

from tests.resolve.claim_texts import claim_with, corpus_claims

# written for this test, in the wording of wire reports of air strikes and the denials that answer them
STRUCK = ("struck", "2017-04-04", "Reuters", "IDLIB - Activists said Russian warplanes carried out air strikes on the "
          "town of Saraqeb in Idlib province on Tuesday, killing 12 civilians.")
DENIED = ("denied", "2017-04-04", "TASS", "MOSCOW - The Russian defence ministry said on Tuesday that Russian "
          "warplanes had not carried out any air strikes on the town of Saraqeb in Idlib province.")
LATER = ("later", "2017-04-11", "AFP", "IDLIB - Activists said Russian warplanes carried out air strikes on the town "
         "of Saraqeb in Idlib province on Tuesday.")  # no toll: a toll alone is one day's already


def test_a_party_saying_its_planes_did_not_strike_contradicts_the_report_of_that_day() -> None:
    claims = corpus_claims(STRUCK, DENIED)
    denial = claim_with(claims, "denied", "had not carried out")
    assert denial["stance"] == "denied"
    assert claim_with(claims, "struck", "carried out air strikes")["id"] in denial["contradicted_by"]


def test_a_denial_does_not_answer_a_report_a_week_later() -> None:
    claims = corpus_claims(DENIED, LATER)
    denial = claim_with(claims, "denied", "had not carried out")
    assert denial["stance"] == "denied"
    assert claim_with(claims, "later", "carried out air strikes")["id"] not in denial["contradicted_by"]


def test_a_negation_between_a_side_and_its_predicate_clears_that_side() -> None:
    from newsgraph.resolve.claim_blame import blamed_side
    assert blamed_side("said the regime had used chemical weapons") == "government"
    assert blamed_side("said the regime had never used chemical weapons") == "rebels"  # cleared: the other side


def test_a_denial_in_what_is_said_by_no_side_blames_what_it_says() -> None:
    """Said by a speaker naming no side, a content denial still argues the proposition by what it says."""
    claims = corpus_claims(("general", "2017-04-06", "TASS", "A Russian general said on Thursday that the Syrian army did "
                      "not possess chemical weapons and that the chemical weapons depots in Idlib were controlled by "
                      "the rebels."),
                     ("accused", "2017-04-06", "Reuters", "The Syrian opposition accused government forces of gassing "
                      "dozens of people in a chemical attack in Idlib on Tuesday."))
    general = claim_with(claims, "general", "did not possess")
    assert general["stance"] == "denied"
    assert claim_with(claims, "accused", "gassing")["id"] in general["contradicted_by"]
