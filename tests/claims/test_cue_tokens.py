"""The tokens the claims stage tries a cue at are read from spaCy's arrays: the same tokens, in the same order,
as testing each token's lemma and word in Python."""

from __future__ import annotations

from newsgraph.nlp.claims.stage import _cue_lemmas, _may_cue_tokens
from newsgraph.nlp.parse import nlp

_TEXT = ("According to the Syrian Observatory, 12 people were killed. In a statement, the ministry denied the "
         "report: \"We reject it,\" it said, adding that talks planned by the UN would go ahead. Officials "
         "Claimed victory.")


def test_cue_tokens_are_the_tokens_a_python_test_lets_through() -> None:
    doc = nlp()(_TEXT)
    expected = [t.i for t in doc if t.lemma_.lower() in _cue_lemmas() or t.lower_ in ("according", "in", "by")
                or t.text == ":"]
    found = [t.i for t in _may_cue_tokens(doc)]
    assert found == expected
    assert {"According", "In", "denied", "said", ":", "by"} <= {doc[i].text for i in found}


def test_no_cue_tokens_in_an_empty_document() -> None:
    assert _may_cue_tokens(nlp()("")) == []
