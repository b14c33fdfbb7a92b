"""Source and cue extents and the stance: from a cue match to an attribution."""

from __future__ import annotations

from newsgraph.nlp.claims.frames import content_stance

from .helpers import Run, assert_offsets, parsed


def test_hedges_and_never_in_the_content_set_its_stance() -> None:
    may = parsed("the bridge may collapse", """
        the the DET DT det 1
        bridge bridge NOUN NN nsubj 3
        may may AUX MD aux 3
        collapse collapse VERB VB ROOT 3""")
    never = parsed("Iran had never supplied weapons", """
        Iran Iran PROPN NNP nsubj 3
        had have AUX VBD aux 3
        never never ADV RB neg 3
        supplied supply VERB VBN ROOT 3
        weapons weapon NOUN NNS dobj 3""")
    plain = parsed("the bridge collapsed", """
        the the DET DT det 1
        bridge bridge NOUN NN nsubj 2
        collapsed collapse VERB VBD ROOT 2""")
    assert content_stance(may, (0, len(may.text))) == "hedged"
    assert content_stance(never, (0, len(never.text))) == "denied"
    assert content_stance(plain, (0, len(plain.text))) == "asserted"


def test_stances_from_the_cue() -> None:
    run = Run("Maria Lopez alleged that the vote was rigged. "
              "The commission confirmed that 40 ballots were missing. "
              "Prime Minister John Carter accused the opposition of blocking the budget.")
    assert run.one("the vote was rigged").stance == "claimed"
    assert run.one("40 ballots were missing").stance == "confirmed"
    accused = run.one("of blocking the budget")
    assert accused.cue == "accused" and run.name(accused.speaker) == "John Carter"
    assert_offsets(run.text, run.claims)


def test_denials_and_unconfirmed_reports_in_the_content_set_the_stance() -> None:
    run = Run("Iran, the spokesman said, had never supplied weapons to Russia. \"I have seen these reports. I "
              "cannot confirm them and I cannot deny them,\" Pavel Zorin told reporters. \"We cooperate in many "
              "areas, possibly including sensitive ones.\"")
    assert run.one("never supplied").stance == "denied"
    assert run.one("seen these reports").stance == "hedged"
    assert run.one("possibly including").stance == "hedged"


def test_attribution_spans_for_the_benchmark() -> None:
    run = Run("Maria Lopez, a spokeswoman, said that the outbreak was under control.")
    assert run.spans("source") == ["Maria Lopez, a spokeswoman"]
    assert run.spans("cue") == ["said"]
    assert run.spans("content") == ["that the outbreak was under control"]


def test_source_spans_follow_polnear_conventions() -> None:
    assert Run("PENCE: We will win this state.").spans("source") == ["PENCE"]  # the label, not the whole line
    assert Run("Donald Trump's claim that the election was rigged was false.").spans("source") == ["Donald Trump's"]
    assert Run("The union's plan to strike in March worried parents.").spans("source") == ["The union's"]
    assert Run("Both Mr. Hale and Ms. Lopez said the vote was fair.").spans("source") == ["Mr. Hale and Ms. Lopez"]
