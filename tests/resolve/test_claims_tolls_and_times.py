"""Which toll and which time two claims tell of: one side's dead called by each outlet's own word ("34
terrorists", "34 militants", "12 fighters") are one class of people counted, and a claim naming its attack only
as "that attack" tells of the time of the sentence before."""

from __future__ import annotations

from .claim_texts import claim_with, corpus_claims

# written for this test: three reports of one air strike's toll, told by the same ministry on the same day
STRIKE = (("strike-a", "2017-10-10", "SANA", "Russian jets killed 34 terrorists in a strike on a command post near "
           "Mayadin on Monday, the Russian Defence Ministry said."),
          ("strike-b", "2017-10-10", "Sputnik", "Russian jets killed 34 militants in a strike on a command post near "
           "Mayadin on Monday, the Russian Defence Ministry said."),
          ("strike-c", "2017-10-10", "Reuters", "Russian jets killed 12 fighters in a strike on a command post near "
           "Mayadin on Monday, a local monitoring group said."))


def test_tolls_of_one_class_agree_and_exclude_across_nouns() -> None:
    claims = corpus_claims(*STRIKE)
    terrorists = claim_with(claims, "strike-a", "34 terrorists")
    militants = claim_with(claims, "strike-b", "34 militants")
    fighters = claim_with(claims, "strike-c", "12 fighters")
    assert militants["id"] not in terrorists["contradicted_by"]
    assert fighters["id"] in terrorists["contradicted_by"]  # 12 and 34 of one class of people


# written for this test: a report of 2017 recalling the 2013 gassing and its denial, and an accusation of 2017
RECALL = (("recall", "2017-04-05", "Reuters", "A suspected gas attack killed 58 people in Khan Sheikhoun in Idlib "
           "province on Tuesday. Hundreds of civilians died in a sarin gas attack in Ghouta on the outskirts of "
           "Damascus in August 2013. The Syrian government has always denied responsibility for that attack."),
          ("accusation", "2017-04-05", "AFP", "Washington blamed the Syrian government on Wednesday for the "
           "chemical attack that killed 58 people in Khan Sheikhoun."))


def test_a_claim_pointing_back_at_an_attack_of_years_before_tells_of_that_time() -> None:
    claims = corpus_claims(*RECALL)
    recalled = claim_with(claims, "recall", "that attack")
    accusation = claim_with(claims, "accusation", "blamed")
    assert accusation["id"] not in recalled["contradicted_by"]  # the denial is of 2013, the accusation of 2017
