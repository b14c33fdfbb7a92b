"""Parsing: lines are sentence boundaries, except in hard-wrapped text; a dated dateline ends a sentence."""

from __future__ import annotations

from spacy.language import Language

from newsgraph import pipeline
from newsgraph.nlp import parse as parse_module

HEADLINE_AND_DATELINE = (
    "Drones strike oil sites near Amuda, monitor says\n\n"
    "QAMISHLI, Syria, Jan. 15, 2024 — Turkish drones struck a power station near Amuda on Sunday.\n"
    "The ministry said the raids were retaliation.\n")


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in pipeline.run(text, until="parse").parsed.doc.sents]


def test_headline_dateline_and_body_are_separate_sentences() -> None:
    assert _sentences(HEADLINE_AND_DATELINE)[:4] == [
        "Drones strike oil sites near Amuda, monitor says",
        "QAMISHLI, Syria, Jan. 15, 2024 —",
        "Turkish drones struck a power station near Amuda on Sunday.",
        "The ministry said the raids were retaliation.",
    ]


def test_a_dated_dateline_ends_a_sentence_on_its_own_line() -> None:
    sentences = _sentences("BEIRUT, March 3, 2024 (AFP) - Israeli jets struck a village in the south.")
    assert sentences[0] == "BEIRUT, March 3, 2024 (AFP) -"
    assert sentences[1].startswith("Israeli jets struck")


def test_hard_wrapped_text_breaks_only_at_blank_lines() -> None:
    wrapped = ("The Syrian army said on\nFriday that its air defences had\nintercepted several missiles over\n"
               "the capital, according to the\nstate news agency SANA.\n\nA second paragraph follows.\n")
    sentences = _sentences(wrapped)
    assert sentences[0].startswith("The Syrian army said on\nFriday")
    assert sentences[0].endswith("SANA.")
    assert sentences[-1] == "A second paragraph follows."


def test_the_line_break_component_is_declared_when_the_module_is_imported() -> None:
    meta = Language.get_factory_meta("newsgraph_line_breaks")
    assert meta.factory == "newsgraph_line_breaks" and list(meta.assigns) == ["token.is_sent_start"]
    model = parse_module.nlp()
    assert model.pipe_names.index("newsgraph_line_breaks") < model.pipe_names.index("parser")


def test_the_body_after_a_tag_list_starts_a_sentence() -> None:
    # al-Araby pages run their tag list into the lead without a stop ("Tags Syria Russia … US coalition A Russian
    # airstrike killed …"); the furniture ends before the space, and the lead is a sentence of its own
    text = ("Date of publication 4 March 2018 Jets struck a market in Idlib. Tags Syria Idlib Russia Turkey US "
            "coalition Jets struck a crowded market in Idlib on Sunday killing 12 people a monitoring group said.")
    sentences = _sentences(text)
    assert "Jets struck a crowded market in Idlib on Sunday killing 12 people a monitoring group said." in sentences
    assert not any(s.startswith("Tags") and "crowded" in s for s in sentences)
