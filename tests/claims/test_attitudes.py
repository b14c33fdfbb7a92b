"""Positions a source holds (intentions, evaluations, beliefs): each verb class on hand-built parses, then in sentences."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.claims.attitudes import adjective_claim, attitude_claim, attitude_stance
from newsgraph.nlp.claims.spans import CueMatch, sentence_units
from newsgraph.nlp.claims.subjects import verb_subject

from .helpers import Run, assert_offsets, parsed


def position(doc: Doc, cue: int, *, adjective: bool = False) -> str | None:
    """The content text of the attitude (or predicate adjective) at token ``cue``, or None."""
    units = sentence_units(doc)
    unit_of = {tok.i: n for n, (s, e) in enumerate(units) for tok in doc[s:e]}
    found: CueMatch | None = (adjective_claim if adjective else attitude_claim)(
        doc[cue], units, unit_of, doc, verb_subject)
    return doc.text[found.content[0]:found.content[1]] if found else None


def test_an_intention_is_its_infinitive() -> None:
    doc = parsed("Lopez wants to raise wages.", """
        Lopez Lopez PROPN NNP nsubj 1
        wants want VERB VBZ ROOT 1
        to to PART TO aux 3
        raise raise VERB VB xcomp 1
        wages wage NOUN NNS dobj 3
        . . PUNCT . punct 1""")
    assert position(doc, 1) == "to raise wages" and attitude_stance(doc[1]) == "asserted"


def test_perception_with_a_bare_infinitive_is_no_belief() -> None:
    doc = parsed("Officers saw the man leave.", """
        Officers officer NOUN NNS nsubj 1
        saw see VERB VBD ROOT 1
        the the DET DT det 3
        man man NOUN NN nsubj 4
        leave leave VERB VB ccomp 1
        . . PUNCT . punct 1""")
    assert position(doc, 1) is None  # cognition takes a finite clause only


def test_violence_against_a_concrete_target_is_no_evaluation() -> None:
    rows = """
        The the DET DT det 1
        {noun} {lemma} NOUN {tag} nsubj 2
        attacked attack VERB VBD ROOT 2
        {det} {det} {dpos} {dtag} {ddep} 4
        {obj} {olemma} NOUN {otag} dobj 2
        . . PUNCT . punct 2"""
    vessels = parsed("The group attacked 50 vessels.", rows.format(
        noun="group", lemma="group", tag="NN", det="50", dpos="NUM", dtag="CD", ddep="nummod",
        obj="vessels", olemma="vessel", otag="NNS"))
    budget = parsed("The senator attacked the budget.", rows.format(
        noun="senator", lemma="senator", tag="NN", det="the", dpos="DET", dtag="DT", ddep="det",
        obj="budget", olemma="budget", otag="NN"))
    assert position(vessels, 2) is None
    assert position(budget, 2) == "the budget"


def test_a_predicate_adjective_and_a_stance_noun_hold_positions() -> None:
    critical = parsed("Graham is critical of the deal.", """
        Graham Graham PROPN NNP nsubj 1
        is be AUX VBZ ROOT 1
        critical critical ADJ JJ acomp 1
        of of ADP IN prep 2
        the the DET DT det 5
        deal deal NOUN NN pobj 3
        . . PUNCT . punct 1""")
    assert position(critical, 2, adjective=True) == "of the deal"
    doubts = parsed("Leaders expressed doubts about the merger.", """
        Leaders leader NOUN NNS nsubj 1
        expressed express VERB VBD ROOT 1
        doubts doubt NOUN NNS dobj 1
        about about ADP IN prep 2
        the the DET DT det 5
        merger merger NOUN NN pobj 3
        . . PUNCT . punct 1""")
    assert position(doubts, 1) == "about the merger" and attitude_stance(doubts[1]) == "hedged"


# -- in sentences, through the pipeline -------------------------------------------------------

def test_intentions_and_evaluations_of_a_named_source_are_claims() -> None:
    run = Run("Senator Maria Lopez wants to raise the minimum wage. Governor Tom Hale attacked the new "
              "budget on Tuesday. A bulldozer pushed the mound aside.")
    assert_offsets(run.text, run.claims)
    wants, attacked = run.claims  # nothing for the bulldozer: only people and organisations hold positions
    assert run.name(wants.speaker) == "Maria Lopez" and wants.cue == "wants" and wants.stance == "asserted"
    assert wants.text == "to raise the minimum wage"
    assert run.name(attacked.speaker) == "Tom Hale" and attacked.cue == "attacked"
    assert attacked.text == "the new budget"
    assert attacked.evidence.text == "Governor Tom Hale attacked the new budget on Tuesday."


def test_beliefs_need_a_finite_clause_and_topics_their_preposition() -> None:
    run = Run("Jane Okafor knows that the vote will be close. Officers saw the man leave the building. "
              "Pat Rivera spoke about her faith at the rally.")
    assert_offsets(run.text, run.claims)
    knows, spoke = run.claims  # "saw the man leave" is perception, not a position
    assert run.name(knows.speaker) == "Jane Okafor" and knows.cue == "knows"
    assert knows.text == "that the vote will be close"
    assert run.name(spoke.speaker) == "Pat Rivera" and spoke.cue == "spoke"
    assert spoke.text.startswith("about her faith")


def test_predicate_adjectives_light_verbs_and_passive_agents_hold_positions() -> None:
    run = Run("Senator Lindsey Graham has been critical of the deal. Union leaders expressed doubts about the "
              "merger. The bill is supported by most Republicans.")
    assert_offsets(run.text, run.claims)
    critical, doubts, supported = run.claims
    assert run.name(critical.speaker) == "Lindsey Graham" and critical.cue == "critical"
    assert critical.text == "of the deal" and critical.stance == "asserted"
    assert doubts.speaker_text == "Union leaders" and doubts.cue == "expressed"
    assert doubts.stance == "hedged" and doubts.text == "about the merger"  # the stance noun "doubts" hedges
    assert supported.speaker_text == "most Republicans" and supported.text == "The bill"


def test_non_entity_speaker_keeps_its_text() -> None:
    run = Run("Many experts believe the ceasefire will collapse.")
    claim = run.one("the ceasefire will collapse")
    assert claim.speaker is None and claim.speaker_text == "Many experts" and claim.stance == "hedged"


def test_violence_done_with_a_weapon_is_no_evaluation() -> None:
    run = Run("Al-Masdar News said rebels attacked government forces with two suicide car bombs. The state "
              "agency says rebel groups targeted residential neighborhoods hammering them with rocket fire. "
              "Senator Ann Ross attacked the new budget.")
    assert [c.cue for c in run.claims] == ["said", "says", "attacked"]
    assert run.one("the new budget").speaker_text == "Senator Ann Ross"
