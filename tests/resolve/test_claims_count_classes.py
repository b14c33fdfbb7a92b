"""One side's dead called by each outlet's own word ("34 terrorists", "34 militants", "12 fighters") are one
class of people counted: their figures agree or exclude each other like one noun's."""

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
