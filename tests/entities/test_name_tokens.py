"""The known names' tokenizations are kept in a file between runs, and read back exactly."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsgraph
from newsgraph.nlp.entities import matchers, name_tokens

NAMES = ["U.N. Security Council", "Hezbollah", "Syrian Observatory for Human Rights"]


@pytest.fixture
def tokens_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "name-tokens.json"
    monkeypatch.setattr(name_tokens, "_path", lambda: path)
    name_tokens._stored.cache_clear()
    yield path
    name_tokens._stored.cache_clear()


def test_the_file_gives_the_cuts_the_tokenizer_gives(tokens_file: Path) -> None:
    first = name_tokens.tokenizations(NAMES, matchers._tokenizations)
    assert first == {name: matchers._tokenizations(name) for name in NAMES}
    assert set(json.loads(tokens_file.read_text(encoding="utf-8"))) == set(NAMES)
    name_tokens._stored.cache_clear()  # as a new process would: read from the file, tokenize nothing
    again = name_tokens.tokenizations(NAMES, lambda name: pytest.fail(f"{name} was tokenized again"))
    assert again == first
    assert ("U.N.", True) in {token for cuts in again["U.N. Security Council"] for token in cuts}


def test_a_damaged_file_is_ignored_and_written_again(tokens_file: Path) -> None:
    tokens_file.write_text('{"Hezbollah": [[["Hez', encoding="utf-8")
    assert name_tokens.tokenizations(["Hezbollah"], matchers._tokenizations) == {
        "Hezbollah": matchers._tokenizations("Hezbollah")}
    assert json.loads(tokens_file.read_text(encoding="utf-8"))["Hezbollah"]


def test_the_version_changes_with_the_vocabularies_and_code_it_hashes() -> None:
    assert len(name_tokens.version()) == 12
    assert "nlp/furniture/tokens.py" in name_tokens._CODE  # the tokenizer wrapper's code is part of it


def test_a_known_name_is_still_found_in_text() -> None:
    doc = newsgraph.extract("The Syrian Observatory for Human Rights said 12 people were killed in Aleppo.")
    assert "Syrian Observatory for Human Rights" in {e.name for e in doc.entities}
