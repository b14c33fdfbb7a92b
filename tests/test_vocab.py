"""Every vocabulary loads through its typed view, and the loader refuses malformed files by name."""

from __future__ import annotations

from importlib import resources

import pytest

from newsgraph import vocab
from newsgraph.errors import VocabularyError
from newsgraph.vocab.loader import Entries, _unique_keys


def data_files() -> set[str]:
    return {p.name[:-5] for p in resources.files("newsgraph.data").iterdir() if p.name.endswith(".json")}


def test_every_registered_view_loads_once() -> None:
    for name in vocab.names():
        assert vocab.load(name) is vocab.load(name)  # built once


def test_every_data_file_has_a_view() -> None:
    assert set(vocab.names()) == data_files()


def test_duplicate_key_is_refused_with_file_and_key() -> None:
    with pytest.raises(VocabularyError, match=r"x.json: 'a': duplicate key"):
        _unique_keys("x.json", [("a", 1), ("a", 2)])


def test_duplicate_list_entry_and_unknown_key_are_refused() -> None:
    entries = Entries("t.json", {"_source": "test", "heads": ["chair", "Chair"], "extra": []})
    with pytest.raises(VocabularyError, match=r"t.json: heads: duplicate entry 'Chair'"):
        entries.words("heads", fold=True)
    entries = Entries("t.json", {"_source": "test", "heads": ["chair"], "extra": []})
    entries.words("heads")
    with pytest.raises(VocabularyError, match=r"t.json: extra: unknown key"):
        entries.check_all_read()


def test_values_outside_the_allowed_set_are_refused() -> None:
    entries = Entries("e.json", {"_source": "test"})
    with pytest.raises(VocabularyError, match=r"e.json: verbs.strike: 'ATTACK' is not one of"):
        entries.one_of("ATTACK", ("ASSAULT", "COERCE"), "verbs.strike")
