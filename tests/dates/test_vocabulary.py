"""The date vocabulary's view: its tables are typed and malformed entries are refused by name."""

from __future__ import annotations

import copy

import pytest

from newsgraph import vocab
from newsgraph.errors import VocabularyError
from newsgraph.vocab.dates import DateWords, _dates
from newsgraph.vocab.loader import Entries


def test_the_view_reads_every_table() -> None:
    words: DateWords = vocab.load("dates")
    assert words.months["sept"] == 9 and words.weekdays["thurs"] == 3
    assert words.offset_words["ago"] == (-1, True) and words.offset_words["later"] == (1, False)
    assert "will" in words.tense.future_aux and "until" in words.tense.deadline_preps


@pytest.mark.parametrize(("key", "value", "entry"), [
    ("offset_words", {"ago": [-1, "then"]}, "offset_words.ago"),
    ("months", {"janvier": "1"}, "months.janvier"),
])
def test_a_malformed_entry_is_refused_by_name(key: str, value: dict[str, object], entry: str) -> None:
    data = copy.deepcopy(vocab.read("dates"))
    data[key] = value
    with pytest.raises(VocabularyError, match=rf"dates.json: {entry}: must be"):
        _dates(Entries("dates.json", data))
