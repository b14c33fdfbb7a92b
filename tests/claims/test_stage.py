"""The claims stage end to end: the development article through the real pipeline, scored by the shared scorer."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest

from newsgraph.nlp.claims import claims_from, extract_claims, find_attributions
from newsgraph.pipeline import extract

from .helpers import Run, assert_offsets


@pytest.fixture(scope="module")
def dev(dev_article: str) -> Run:
    return Run(dev_article)


def test_dev_article_offsets_and_ids(dev: Run) -> None:
    assert len(dev.claims) >= 19
    assert_offsets(dev.text, dev.claims)


def test_the_trace_keeps_the_records_the_claims_were_made_from(dev: Run) -> None:
    parsed, index = dev.trace.parsed, dev.index
    assert dev.attributions == find_attributions(parsed, index)
    assert dev.claims == claims_from(parsed, index, dev.attributions) == extract_claims(parsed, index)
    assert [c.evidence.start for c in dev.claims] == [a.evidence[0] for a in dev.attributions]


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


def test_full_pipeline_meets_the_scorer_aims(dev_article: str, shared_dir: Path) -> None:
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
    extract_claims(dev.trace.parsed, dev.index)
    assert time.perf_counter() - start < 0.5


def test_acts_and_denied_sources_are_no_claims() -> None:
    run = Run("No group has claimed responsibility for the bombing. The rebels declared a ceasefire across the "
              "province. The ministers will hold a meeting on Monday to discuss the blockade. The court "
              "declared the vote invalid. The envoy said the ceasefire was holding.")
    assert [c.cue for c in run.claims] == ["declared", "said"]  # "declared the vote invalid" still reports
    assert run.one("the vote invalid").speaker_text == "The court"
