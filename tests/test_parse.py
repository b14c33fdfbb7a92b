"""Parsing: lines are sentence boundaries, except in hard-wrapped text."""

from __future__ import annotations

from newsgraph.nlp.parse import parse

HEADLINE_AND_DATELINE = (
    "Drones strike oil sites near Amuda, monitor says\n\n"
    "QAMISHLI, Syria, Jan. 15, 2024 — Turkish drones struck a power station near Amuda on Sunday.\n"
    "The ministry said the raids were retaliation.\n")


def test_headline_dateline_and_body_are_separate_sentences() -> None:
    sentences = [s.text.strip() for s in parse(HEADLINE_AND_DATELINE).doc.sents]
    assert sentences[:4] == [
        "Drones strike oil sites near Amuda, monitor says",
        "QAMISHLI, Syria, Jan. 15, 2024 —",
        "Turkish drones struck a power station near Amuda on Sunday.",
        "The ministry said the raids were retaliation.",
    ]


def test_hard_wrapped_text_breaks_only_at_blank_lines() -> None:
    wrapped = ("The Syrian army said on\nFriday that its air defences had\nintercepted several missiles over\n"
               "the capital, according to the\nstate news agency SANA.\n\nA second paragraph follows.\n")
    sentences = [s.text.strip() for s in parse(wrapped).doc.sents]
    assert sentences[0].startswith("The Syrian army said on\nFriday")
    assert sentences[0].endswith("SANA.")
    assert sentences[-1] == "A second paragraph follows."
