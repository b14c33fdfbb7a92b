"""Claims: speaker, relay, cue, stance and evidence, on the development article and on sentences written here."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest

from newsgraph.model import STANCES, Claim
from newsgraph.nlp import entities, places
from newsgraph.nlp.claims import extract_claims, find_attributions
from newsgraph.nlp.claims.spans import lexicon, quote_regions
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import parse
from newsgraph.pipeline import extract


class Run:
    """The stages claims depend on (parse, entities, places), then claims: what pipeline.extract does."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.parsed = parse(text)
        found, _ = entities.extract_entities(self.parsed)
        self.index = EntityIndex(places.resolve_places(found, self.parsed))
        self.claims = extract_claims(self.parsed, self.index)

    def name(self, entity_id: str | None) -> str | None:
        return self.index[entity_id].name if entity_id else None

    def names(self, ids: tuple[str, ...]) -> set[str]:
        return {self.index[i].name for i in ids}

    def one(self, needle: str) -> Claim:
        found = [c for c in self.claims if needle in c.text]
        assert len(found) == 1, (needle, self.claims)
        return found[0]


def assert_offsets(text: str, claims: list[Claim]) -> None:
    for claim in claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        assert claim.stance in STANCES
    assert [c.id for c in claims] == [f"c{n}" for n in range(1, len(claims) + 1)]


# -- data files ---------------------------------------------------------------------------------

def test_vocabularies_are_sourced_data_with_contract_stances() -> None:
    data = Path(__file__).resolve().parents[1] / "newsgraph" / "data"
    for name in ("reporting_verbs.json", "relays.json", "hedges.json", "claims_sources.json"):
        assert json.loads((data / name).read_text("utf-8"))["_source"]
    assert set(lexicon()["stance"].values()) <= set(STANCES)
    assert lexicon()["stance"]["allege"] == "claimed"


def test_quote_regions_pair_straight_and_curly_marks() -> None:
    text = 'He said "one” and “two," then "three, a quote left open to the paragraph end.\nThen “four”.'
    found = [text[s:e] for s, e in quote_regions(text)]
    assert found == ['"one”', '“two,"', '"three, a quote left open to the paragraph end.', "“four”"]


# -- the development article -------------------------------------------------------------------

@pytest.fixture(scope="module")
def dev(dev_article: str) -> Run:
    return Run(dev_article)


def test_dev_article_offsets_and_ids(dev: Run) -> None:
    assert len(dev.claims) >= 19
    assert_offsets(dev.text, dev.claims)


def test_direct_quote_with_speaker_in_apposition_and_relay(dev: Run) -> None:
    claim = dev.one("We proved in the report an Iranian involvement")
    assert "Zehavi" in (dev.name(claim.speaker) or "")
    assert claim.cue == "told" and claim.stance == "asserted"
    assert any("Media Line" in n for n in dev.names(claim.via))
    assert claim.evidence.text.startswith('"We proved') and claim.evidence.text.endswith("told The Media Line.")


def test_frame_after_content_and_descriptor_speaker(dev: Run) -> None:
    first = dev.one("Iran is involved in the Syrian defense industry")
    assert "Alma Research" in (dev.name(first.speaker) or "") and first.cue == "disclosed"
    study = dev.one("Hezbollah may come to obtain Syrian chemical weapons")
    assert study.speaker == first.speaker  # "The study" is Alma's study
    assert study.speaker_text == "The study" and study.stance == "hedged"  # "may"


def test_pronoun_speakers_follow_the_last_named_speaker(dev: Run) -> None:
    added = dev.one("Iranian infrastructure has been destroyed in recent years")
    assert "Boltuc" in (dev.name(added.speaker) or "") and added.speaker_text == "She"
    platforms = dev.one("platforms of influence")
    assert "Zehavi" in (dev.name(platforms.speaker) or "") and platforms.speaker_text == "she"


def test_disputed_claim_is_linked_to_the_disputing_one(dev: Run) -> None:
    disputing = next(c for c in dev.claims if c.cue == "disputes")
    assert "Zehavi" in (dev.name(disputing.speaker) or "")
    un = next(c for c in dev.claims if c.disputed_by == disputing.id)
    assert un.stance == "disputed" and un.text.startswith("that the Syrian government has not had chemical weapons")
    assert un.speaker is not None and un.speaker_text == "the UN reports"


def test_quote_spanning_two_sentences_is_one_claim(dev: Run) -> None:
    claim = dev.one("Iron Dome")
    assert claim.evidence.text.startswith("“This is a risk for the State of Israel.")
    assert claim.text.startswith("This is a risk") and "Zehavi" in (dev.name(claim.speaker) or "")


def test_hedges_and_describe_as(dev: Run) -> None:
    assert dev.one("Hezbollah would likely use chemical weapons").stance == "hedged"
    described = dev.one("war between the wars")
    assert described.cue == "described" and described.text.startswith("the airstrikes as likely being part")


def test_full_pipeline_meets_the_scorer_aims(dev_article: str, shared_dir: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = json.loads((shared_dir / "corpus" / "alma-cers-study.gold.json").read_text("utf-8"))
    result = score.score(gold, extract(dev_article, "2023-05-20").to_dict())
    assert result["claim_recall"] >= 0.85, result["missed_claims"]
    assert result["claim_precision_speaker"] >= 0.95
    assert result["claim_via_accuracy"] >= 0.8


def test_claims_add_little_to_parse_time(dev: Run) -> None:
    start = time.perf_counter()
    extract_claims(dev.parsed, dev.index)
    assert time.perf_counter() - start < 0.5


# -- sentences written for these tests ---------------------------------------------------------

def test_according_to_an_outlet_makes_it_the_speaker_not_a_relay() -> None:
    run = Run("Rebels shelled the northern districts overnight, according to Reuters.")
    claim = run.one("Rebels shelled")
    assert run.name(claim.speaker) == "Reuters" and not claim.via  # a claim's via never holds its speaker
    assert claim.cue == "according to"


def test_relay_in_the_following_sentence_closes_the_statement() -> None:
    run = Run("The ministry denied that troops had crossed the border. "
              "The denial came on Monday, as reported by Reuters.")
    claim = run.one("troops had crossed the border")
    assert claim.stance == "denied" and run.names(claim.via) == {"Reuters"}
    assert claim.speaker is None and claim.speaker_text == "The ministry"


def test_told_an_outlet_and_quote_continuing_after_the_frame() -> None:
    text = "“We will not back down,” Ahmed Karimi told Al Jazeera. “This is our land.”"
    run = Run(text)
    assert len(run.claims) == 1
    claim = run.claims[0]
    assert run.name(claim.speaker) == "Ahmed Karimi" and run.names(claim.via) == {"Al Jazeera"}
    assert claim.text == "We will not back down This is our land."
    assert claim.evidence.text == text


def test_interview_relay_and_hedge() -> None:
    run = Run("In an interview with CNN, Senator Ellen Park said the bill would likely fail.")
    claim = run.one("the bill would likely fail")
    assert run.name(claim.speaker) == "Ellen Park" and run.names(claim.via) == {"CNN"}
    assert claim.stance == "hedged" and claim.cue == "said"


def test_non_entity_speaker_keeps_its_text() -> None:
    run = Run("Many experts believe the ceasefire will collapse.")
    claim = run.one("the ceasefire will collapse")
    assert claim.speaker is None and claim.speaker_text == "Many experts" and claim.stance == "hedged"


def test_stances_from_the_cue() -> None:
    run = Run("Maria Lopez alleged that the vote was rigged. "
              "The commission confirmed that 40 ballots were missing. "
              "Prime Minister John Carter accused the opposition of blocking the budget.")
    assert run.one("the vote was rigged").stance == "claimed"
    assert run.one("40 ballots were missing").stance == "confirmed"
    accused = run.one("of blocking the budget")
    assert accused.cue == "accused" and run.name(accused.speaker) == "John Carter"
    assert_offsets(run.text, run.claims)


def test_pronoun_after_intervening_sentence_and_about() -> None:
    run = Run("Maria Lopez, a spokeswoman for the World Health Organization, said the outbreak in Peru "
              "was under control. Vaccines arrived on Friday. She added that new cases had fallen in Lima.")
    added = run.one("new cases had fallen")
    assert run.name(added.speaker) == "Maria Lopez" and added.speaker_text == "She"
    assert "Lima" in run.names(added.about)
    first = run.one("was under control")
    assert "Peru" in run.names(first.about) and "Maria Lopez" not in run.names(first.about)


def test_attribution_spans_for_the_benchmark() -> None:
    text = "Maria Lopez, a spokeswoman, said that the outbreak was under control."
    run = Run(text)
    (a,) = find_attributions(run.parsed, run.index)
    assert a.source and text[a.source[0]:a.source[1]] == "Maria Lopez, a spokeswoman"
    assert a.cue and text[a.cue[0]:a.cue[1]] == "said"
    assert text[a.content[0]:a.content[1]] == "that the outbreak was under control"


def test_quote_signed_with_a_dash_and_a_name() -> None:
    run = Run("“The new bridge will change this valley for the better.” ― Tomas Berg\n"
              "“Nobody asked the farmers what they wanted.” ― Ines Walter\n")
    first = run.one("change this valley")
    assert first.speaker_text == "Tomas Berg" and first.cue == "―"
    assert first.text == "The new bridge will change this valley for the better."
    assert run.one("asked the farmers").speaker_text == "Ines Walter"
    assert_offsets(run.text, run.claims)


def test_transcript_label_inside_a_quoted_line() -> None:
    run = Run('"HARLAN: We never agreed to sell the harbour to anyone."')
    claim = run.one("never agreed")
    assert claim.speaker_text == "HARLAN" and claim.text.startswith("We never agreed")


def test_adding_that_is_a_second_statement_not_part_of_the_first_quote() -> None:
    run = Run("“The dam is safe,” the engineer said, adding that “the spillway was rebuilt last year.”")
    said, added = run.one("The dam is safe"), run.one("spillway was rebuilt")
    assert said is not added and "spillway" not in said.text
    assert said.cue == "said" and added.cue == "adding"


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


# -- attributed positions, framing documents and PolNeAR-style source spans -------------------

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


def test_pronoun_holding_a_position_resolves_to_the_last_speaker() -> None:
    run = Run("Dr. Anna Berg said the clinic would reopen. She wants to hire more nurses.")
    said, wants = run.claims
    assert run.name(said.speaker) == run.name(wants.speaker) == "Anna Berg"
    assert wants.speaker_text == "She" and wants.text == "to hire more nurses"


def test_a_clause_set_in_a_poll_is_attributed_to_the_poll() -> None:
    run = Run("In the new survey, Mr. Hale leads by four points. The rise in polls surprised nobody.")
    assert_offsets(run.text, run.claims)
    (poll,) = run.claims
    assert poll.speaker_text == "the new survey" and poll.cue == "In" and poll.stance == "asserted"
    assert poll.text == "Mr. Hale leads by four points."
    assert poll.evidence.text == "In the new survey, Mr. Hale leads by four points."


def test_source_spans_follow_polnear_conventions() -> None:
    def sources(text: str) -> list[str]:
        run = Run(text)
        return [text[a.source[0]:a.source[1]] for a in find_attributions(run.parsed, run.index) if a.source]

    assert sources("PENCE: We will win this state.") == ["PENCE"]  # the label, not the whole line
    assert sources("Donald Trump's claim that the election was rigged was false.") == ["Donald Trump's"]
    assert sources("The union's plan to strike in March worried parents.") == ["The union's"]
    assert sources("Both Mr. Hale and Ms. Lopez said the vote was fair.") == ["Mr. Hale and Ms. Lopez"]


def test_she_does_not_resolve_to_a_man_named_last() -> None:
    run = Run("Mark Dunn met Susan Park on Monday. Mark Dunn said the talks went well. She said the deal was close.")
    said, she = run.claims
    assert run.name(said.speaker) == "Mark Dunn"
    assert she.speaker_text == "She" and run.name(she.speaker) == "Susan Park"  # from the first names


def test_channels_and_reporting_outlets_are_relays() -> None:
    run = Run("Foreign Minister Abbas Araghchi said on Telegram that talks would resume. "
              "Turkey's defence ministry said the strikes hit 20 targets, state broadcaster TRT reported. "
              "The minister commented on the Pentagon's plan.")
    assert_offsets(run.text, run.claims)
    telegram = run.one("talks would resume")
    assert run.name(telegram.speaker) == "Abbas Araghchi" and run.names(telegram.via) == {"Telegram"}
    ministry = next(c for c in run.claims if c.cue == "said" and "20 targets" in c.text)
    assert run.names(ministry.via) == {"TRT"}  # the outlet reporting it relays it
    assert all(not c.via for c in run.claims if c.cue == "commented")  # "on the Pentagon's plan" is a topic


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


def test_relays_named_after_carried_by_telling_and_in_a_statement_published_by() -> None:
    run = Run("The Syrian Foreign Ministry condemned the raid in a statement published by the official news "
              "agency SANA. Kremlin spokesman Dmitry Peskov described the talks as useful, telling the state news "
              "agency TASS that a new round was planned. Power was cut to four villages, local officials said. "
              "\"We cannot say when it will come back,\" Maria Lopez, head of the grid company, told Reuters.")
    assert_offsets(run.text, run.claims)
    assert run.names(run.one("the raid").via) <= {"SANA", "Syrian Arab News Agency"} and run.one("the raid").via
    assert len(run.one("a new round").via) == 1  # the state news agency TASS
    officials = run.one("Power was cut")
    assert not officials.via and "come back" not in officials.text  # the next sentence's quote and outlet
    assert run.names(run.one("come back").via) == {"Reuters"}


def test_a_claims_own_source_is_never_its_relay() -> None:
    run = Run("Drones were built from parts bought abroad, according to a study published on Tuesday by "
              "Conflict Armament Research, a British group. According to the British Foreign Office, the "
              "first consignment was unloaded in September.")
    study, office = run.claims
    assert run.name(study.speaker) == "Conflict Armament Research" and not study.via  # the publisher speaks
    assert office.speaker and office.speaker not in office.via


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
    assert "Observatory" in run.name(run.one("12 people were killed").speaker)
    assert "Foreign Ministry" in run.one("bear full responsibility").speaker_text


def test_continuation_quotes_and_descriptor_speakers() -> None:
    run = Run("\"We will rebuild,\" Mayor John Carter said. \"We have done it before.\" The governor, Sarah Klein, "
              "said the state would send money. Michael Turner, a security analyst at the Clingendael Institute, "
              "said the ship was old. According to the analyst, the crew had switched off its transponder.")
    assert run.name(run.one("done it before").speaker) == "John Carter"
    assert run.one("send money").text == "the state would send money"
    assert run.name(run.one("switched off").speaker) == "Michael Turner"


def test_department_and_it_resolve_to_the_organisation_speaking() -> None:
    run = Run("The US Treasury Department said the ships had made 14 voyages. The department said Iran Air had "
              "flown drone parts to Moscow. Two of the companies are registered in Bandar Anzali, it said.")
    treasury = run.one("14 voyages").speaker
    assert run.one("Iran Air had flown").speaker == treasury
    assert run.one("registered in Bandar Anzali").speaker == treasury  # not Iran Air, a subject inside a claim


def test_denials_and_unconfirmed_reports_in_the_content_set_the_stance() -> None:
    run = Run("Iran, the spokesman said, had never supplied weapons to Russia. \"I have seen these reports. I "
              "cannot confirm them and I cannot deny them,\" Pavel Zorin told reporters. \"We cooperate in many "
              "areas, possibly including sensitive ones.\"")
    assert run.one("never supplied").stance == "denied"
    assert run.one("seen these reports").stance == "hedged"
    assert run.one("possibly including").stance == "hedged"


def test_an_outlet_quoting_a_speaker_is_the_relay() -> None:
    run = Run("Reuters quoted Dmitry Peskov as saying that Russia had not violated Estonian airspace.")
    claim = run.one("not violated")
    assert run.name(claim.speaker) == "Dmitry Peskov" and run.names(claim.via) == {"Reuters"}


def test_asking_not_to_be_named_is_no_claim() -> None:
    run = Run("A resident of Banibangou, who asked not to be named, said the soldiers had left. An official, "
              "speaking on condition of anonymity, said five people died.")
    assert [c.text for c in run.claims] == ["the soldiers had left", "five people died"]


def test_it_said_is_the_organisation_being_reported_not_the_last_actor() -> None:
    run = Run("The UN human rights office said in a report on Thursday that at least 300 civilians were killed "
              "in El Fasher. The Rapid Support Forces attacked the town in May. It said most victims were shot.")
    office = run.one("300 civilians").speaker
    assert office and run.one("victims were shot").speaker == office
