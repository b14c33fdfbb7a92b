"""``tokens_where`` finds the same tokens, in the same order, as testing each token in Python."""

from __future__ import annotations

from spacy.symbols import NOUN, VERB

from newsgraph.nlp.parse import nlp
from newsgraph.nlp.token_arrays import FEW_VALUES, tokens_where

_TEXT = ("The strike came two days after Russian jets hit an aid convoy near Aleppo. Syria said it is ready to "
         "withdraw, and the ministry said the rebels must leave before the talks. After that, nothing happened.")


def test_tokens_where_matches_a_python_test_of_every_token() -> None:
    doc = nlp()(_TEXT)
    assert [t.i for t in tokens_where(doc, "POS", [VERB])] == [t.i for t in doc if t.pos_ == "VERB"]
    assert [t.i for t in tokens_where(doc, "POS", [NOUN])] == [t.i for t in doc if t.pos_ == "NOUN"]
    assert [t.i for t in tokens_where(doc, "DEP", ["ccomp", "acomp"])] == [
        t.i for t in doc if t.dep_ in ("ccomp", "acomp")]
    after = tokens_where(doc, "LOWER", ["after", "before"])
    assert [t.text for t in after] == ["after", "before", "After"]


def test_tokens_where_on_an_empty_document() -> None:
    assert tokens_where(nlp()(""), "POS", [VERB]) == []


def test_tokens_where_with_many_values_matches_a_python_test() -> None:
    # more values than FEW_VALUES (compared one by one below it): np.isin's path gives the same tokens
    doc = nlp()(_TEXT)
    many = ["the", "two", "days", "an", "aid", "near", "it", "is", "to", "and", "must", "that"]
    assert len(many) > FEW_VALUES
    assert [t.i for t in tokens_where(doc, "LOWER", many)] == [t.i for t in doc if t.lower_ in many]
    few = many[:FEW_VALUES]
    assert [t.i for t in tokens_where(doc, "LOWER", few)] == [t.i for t in doc if t.lower_ in few]
    assert tokens_where(doc, "LOWER", []) == []
