"""Cue patterns: each frame on a small hand-built parse (the rule alone), then on sentences through the pipeline."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.claims.cues import according_claim, noun_claim, speaker_label, verb_claim
from newsgraph.nlp.claims.spans import CueMatch, Offsets, quote_regions, sentence_units

from .helpers import Run, parsed


def said(doc: Doc, cue: int) -> CueMatch | None:
    """``verb_claim`` on token ``cue`` of a hand-built parse."""
    units = sentence_units(doc)
    unit_of = {tok.i: n for n, (s, e) in enumerate(units) for tok in doc[s:e]}
    return verb_claim(doc[cue], units, unit_of, quote_regions(doc.text), doc)


def words(doc: Doc, span: Offsets) -> str:
    return doc.text[span[0]:span[1]]


# -- the rules on hand-built parses -------------------------------------------------------------

def test_a_clausal_complement_is_what_was_said() -> None:
    doc = parsed("Officials said the bridge collapsed.", """
        Officials official NOUN NNS nsubj 1
        said say VERB VBD ROOT 1
        the the DET DT det 3
        bridge bridge NOUN NN nsubj 4
        collapsed collapse VERB VBD ccomp 1
        . . PUNCT . punct 1""")
    match = said(doc, 1)
    assert match is not None and match.kind == "verb" and match.subject.text == "Officials"
    assert words(doc, match.content) == "the bridge collapsed" and not match.inherited


def test_pointed_to_takes_its_phrase_from_the_vocabulary() -> None:
    doc = parsed("Lopez pointed to the risk.", """
        Lopez Lopez PROPN NNP nsubj 1
        pointed point VERB VBD ROOT 1
        to to ADP IN prep 1
        the the DET DT det 4
        risk risk NOUN NN pobj 2
        . . PUNCT . punct 1""")
    match = said(doc, 1)
    assert match is not None and words(doc, match.content) == "to the risk"  # object_with_preposition: point -> to


def test_the_stretch_before_the_frame_comma_when_the_parser_hides_the_link() -> None:
    doc = parsed("The bridge collapsed on Monday, officials said.", """
        The the DET DT det 1
        bridge bridge NOUN NN nsubj 2
        collapsed collapse VERB VBD dep 7
        on on ADP IN prep 2
        Monday Monday PROPN NNP pobj 3
        , , PUNCT , punct 7
        officials official NOUN NNS nsubj 7
        said say VERB VBD ROOT 7
        . . PUNCT . punct 7""")
    match = said(doc, 7)
    assert match is not None and words(doc, match.content) == "The bridge collapsed on Monday"


def test_a_quote_just_before_the_frame_is_its_content() -> None:
    doc = parsed("“Why?” she asked.", """
        “ “ PUNCT `` punct 1
        Why why ADV WRB ROOT 1
        ? ? PUNCT . punct 1
        ” ” PUNCT '' punct 1
        she she PRON PRP nsubj 5
        asked ask VERB VBD ROOT 5
        . . PUNCT . punct 5""")
    match = said(doc, 5)
    assert match is not None and words(doc, match.content) == "“Why?”"


def test_a_participle_that_names_reports_nothing() -> None:
    doc = parsed("a group called Lashkar", """
        a a DET DT det 1
        group group NOUN NN ROOT 1
        called call VERB VBN acl 1
        Lashkar Lashkar PROPN NNP oprd 2""")
    assert said(doc, 2) is None


def test_the_possessor_of_a_claim_noun_said_its_that_clause() -> None:
    doc = parsed("Trump's claim that the vote was rigged was false.", """
        Trump Trump PROPN NNP poss 2
        's 's PART POS case 0
        claim claim NOUN NN nsubj 8
        that that SCONJ IN mark 7
        the the DET DT det 5
        vote vote NOUN NN nsubjpass 7
        was be AUX VBD auxpass 7
        rigged rig VERB VBN acl 2
        was be AUX VBD ROOT 8
        false false ADJ JJ acomp 8
        . . PUNCT . punct 8""")
    match = noun_claim(doc[2], (0, len(doc)), doc)
    assert match is not None and match.kind == "noun" and match.subject.text == "Trump"
    assert words(doc, match.content) == "that the vote was rigged"
    doc = parsed("The claim collapsed", """
        The the DET DT det 1
        claim claim NOUN NN nsubj 2
        collapsed collapse VERB VBD ROOT 2""")
    assert noun_claim(doc[1], (0, len(doc)), doc) is None  # nobody owns it


def test_according_to_gives_the_rest_of_the_unit() -> None:
    doc = parsed("Rebels shelled the town, according to Reuters.", """
        Rebels rebel NOUN NNS nsubj 1
        shelled shell VERB VBD ROOT 1
        the the DET DT det 3
        town town NOUN NN dobj 1
        , , PUNCT , punct 1
        according accord VERB VBG prep 1
        to to ADP IN prep 5
        Reuters Reuters PROPN NNP pobj 6
        . . PUNCT . punct 1""")
    match = according_claim(doc[5], (0, len(doc)), doc)
    assert match is not None and match.kind == "according" and match.subject.text == "Reuters"
    assert match.cue_end is not None and match.cue_end.text == "to"
    assert words(doc, match.content) == "Rebels shelled the town"


def test_a_label_before_a_colon_names_a_speaker_unless_it_is_editorial() -> None:
    pence = parsed("PENCE:", """
        PENCE Pence PROPN NNP ROOT 0
        : : PUNCT : punct 0""")
    correction = parsed("Correction:", """
        Correction correction NOUN NN ROOT 0
        : : PUNCT : punct 0""")
    assert speaker_label(pence[1], 0) and not speaker_label(correction[1], 0)


# -- the frames in sentences, through the pipeline ---------------------------------------------

def test_according_to_an_outlet_makes_it_the_speaker_not_a_relay() -> None:
    run = Run("Rebels shelled the northern districts overnight, according to Reuters.")
    claim = run.one("Rebels shelled")
    assert run.name(claim.speaker) == "Reuters" and not claim.via  # a claim's via never holds its speaker
    assert claim.cue == "according to"


def test_quote_signed_with_a_dash_and_a_name() -> None:
    run = Run("“The new bridge will change this valley for the better.” ― Tomas Berg\n"
              "“Nobody asked the farmers what they wanted.” ― Ines Walter\n")
    first = run.one("change this valley")
    assert first.speaker_text == "Tomas Berg" and first.cue == "―"
    assert first.text == "The new bridge will change this valley for the better."
    assert run.one("asked the farmers").speaker_text == "Ines Walter"


def test_transcript_label_inside_a_quoted_line() -> None:
    run = Run('"HARLAN: We never agreed to sell the harbour to anyone."')
    claim = run.one("never agreed")
    assert claim.speaker_text == "HARLAN" and claim.text.startswith("We never agreed")


def test_adding_that_is_a_second_statement_not_part_of_the_first_quote() -> None:
    run = Run("“The dam is safe,” the engineer said, adding that “the spillway was rebuilt last year.”")
    said_, added = run.one("The dam is safe"), run.one("spillway was rebuilt")
    assert said_ is not added and "spillway" not in said_.text
    assert said_.cue == "said" and added.cue == "adding"


def test_as_the_police_said_frames_the_main_clause() -> None:
    run = Run("The driver was not armed, as the police have said.")
    claim = run.one("The driver was not armed")
    assert claim.speaker_text == "the police" and claim.cue == "said"


def test_passive_agent_and_colon_before_a_quoted_paragraph() -> None:
    run = Run("The merger was first reported by The Financial Times.")
    claim = run.one("The merger")
    assert claim.speaker_text == "The Financial Times" and claim.cue == "reported"
    run = Run('The minister said:\n\n"We will cut the fuel tax in April."\n')
    assert run.one("cut the fuel tax").speaker_text == "The minister"


def test_vowed_to_and_a_verb_tagged_as_noun() -> None:
    run = Run("Ortiz vowed to rebuild every school in the province.")
    assert run.one("to rebuild every school").speaker_text == "Ortiz"
    run = Run("But Ortiz claims that the budget was never approved.")
    claim = run.one("the budget was never approved")
    assert claim.stance == "claimed" and claim.speaker_text == "Ortiz"


def test_a_clause_set_in_a_poll_is_attributed_to_the_poll() -> None:
    run = Run("In the new survey, Mr. Hale leads by four points. The rise in polls surprised nobody.")
    (poll,) = run.claims
    assert poll.speaker_text == "the new survey" and poll.cue == "In" and poll.stance == "asserted"
    assert poll.text == "Mr. Hale leads by four points."
    assert poll.evidence.text == "In the new survey, Mr. Hale leads by four points."


def test_reporting_verbs_that_report_nothing_are_not_claims() -> None:
    run = Run("The rebel group attacked more than 50 commercial vessels last year. The foreign ministers agreed "
              "to expand joint naval exercises. Moscow is willing to negotiate. Iran's mission did not respond "
              "to a request for comment; Tehran has repeatedly denied arming the group. The study comes as "
              "warships continue to patrol the strait. The senator attacked the new budget.")
    cues = [c.cue for c in run.claims]
    assert cues == ["denied", "attacked"]  # the budget, not the vessels
    assert run.one("arming the group").speaker_text == "Tehran"


def test_figures_long_appositions_and_statement_clauses() -> None:
    run = Run("The government put the death toll at 10. The Syrian Observatory for Human Rights, a Britain-based "
              "monitor that relies on a network of sources inside Syria, said 12 people were killed. Ukraine's "
              "Foreign Ministry said in a statement that Tehran would bear full responsibility.")
    assert run.one("the death toll at 10").speaker_text == "The government"
    assert "Observatory" in (run.name(run.one("12 people were killed").speaker) or "")
    assert "Foreign Ministry" in (run.one("bear full responsibility").speaker_text or "")


def test_asking_not_to_be_named_is_no_claim() -> None:
    run = Run("A resident of Banibangou, who asked not to be named, said the soldiers had left. An official, "
              "speaking on condition of anonymity, said five people died.")
    assert [c.text for c in run.claims] == ["the soldiers had left", "five people died"]


def test_the_subject_after_a_closing_quote_mark_is_the_speaker() -> None:
    run = Run('"Two explosions near the school caused deaths and injuries" Syrian state television reported.')
    claim = run.one("Two explosions")
    assert claim.speaker_text == "Syrian state television"  # not "deaths", a second subject to the parser


def test_tolls_acts_and_wire_labels_are_no_claims() -> None:
    run = Run("Factbox: Congress debates the plan for Syria strikes. Mortar Attack Targets Damascus School Claims 11 "
              "Children. The airstrike claimed the lives of three workers. The Army establishes control over the "
              "Jabal Badro neighborhood. The group claimed 20 soldiers were killed. The study established that "
              "the drug works.")
    assert [(c.speaker_text, c.cue) for c in run.claims] == [("The group", "claimed"), ("The study", "established")]


def test_according_to_a_name_run_into_the_subject_of_what_it_reports() -> None:
    run = Run("According to Al-Manar Syrian forces have been carrying out an offensive south of Qamishli. According "
              "to SANA al-Nusra militants tried to infiltrate the town. According to Reuters news agency the "
              "reported use of the agents could not be verified.")
    assert [(c.speaker_text, c.text.split()[0]) for c in run.claims] == [
        ("Al-Manar", "Syrian"), ("SANA", "al-Nusra"), ("Reuters news agency", "the")]


def test_it_is_hard_to_say_is_no_one_saying() -> None:
    run = Run("The UN said rations ran out last week. It is very hard to say how people will cope there. Rescuers "
              "said the gas smelled of chlorine but that it is difficult to confirm this.")
    assert {c.text for c in run.claims} == {"rations ran out last week",
                                            "the gas smelled of chlorine but that it is difficult to confirm this"}
    assert run.name(run.one("rations ran out").speaker) == "United Nations"
