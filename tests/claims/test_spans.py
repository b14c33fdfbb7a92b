"""Quotation regions and statement units: the offsets every other rule reads."""

from __future__ import annotations

from newsgraph.nlp.claims.spans import quote_regions, quoted_tokens, sentence_units

from .helpers import parsed


def test_quote_regions_pair_straight_and_curly_marks() -> None:
    text = 'He said "one” and “two," then "three, a quote left open to the paragraph end.\nThen “four”.'
    found = [text[s:e] for s, e in quote_regions(text)]
    assert found == ['"one”', '“two,"', '"three, a quote left open to the paragraph end.', "“four”"]


def test_quoted_tokens_are_the_words_between_the_marks() -> None:
    text = "“Go,” she said, “now.”"
    doc = parsed(text, """
        “ “ PUNCT `` punct 1
        Go go VERB VB ccomp 5
        , , PUNCT , punct 1
        ” ” PUNCT '' punct 1
        she she PRON PRP nsubj 5
        said say VERB VBD ROOT 5
        , , PUNCT , punct 5
        “ “ PUNCT `` punct 8
        now now ADV RB advmod 5
        . . PUNCT . punct 5
        ” ” PUNCT '' punct 5""")
    inside = sorted(doc[i].text for i in quoted_tokens(doc, quote_regions(text)))
    assert inside == [",", ".", "Go", "now"]  # not the marks, not the frame


def test_a_line_break_ends_a_statement_unit() -> None:
    doc = parsed("Talks failed\nThe army said", """
        Talks talk NOUN NNS nsubj 1
        failed fail VERB VBD ROOT 1
        \\n \\n SPACE _SP dep 1
        The the DET DT det 4
        army army NOUN NN nsubj 5
        said say VERB VBD conj 1""")
    assert [doc[s:e].text for s, e in sentence_units(doc)] == ["Talks failed", "The army said"]
