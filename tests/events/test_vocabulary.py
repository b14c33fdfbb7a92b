"""The trigger vocabulary: sourced, typed with the contract's event types, checked at load."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from newsgraph import vocab
from newsgraph.errors import VocabularyError
from newsgraph.model import EVENT_TYPES
from newsgraph.vocab.events import EventTriggers, _events_triggers
from newsgraph.vocab.loader import Entries


def _build(edit: Any) -> EventTriggers:
    data = copy.deepcopy(vocab.read("events_triggers"))
    edit(data)
    entries = Entries("events_triggers.json", data)
    view = _events_triggers(entries)
    entries.check_all_read()  # as vocab.load does
    return view


def test_the_vocabulary_loads_once_and_uses_contract_types() -> None:
    lex = vocab.load("events_triggers")
    assert vocab.load("events_triggers") is lex
    kinds = set(lex.verbs.values()) | set(lex.phrasal.values()) | set(lex.nouns.values())
    kinds |= {k for table in lex.verb_objects.values() for k in table.values() if k}
    kinds |= lex.of_is_actor | lex.hostile_types | lex.addressed_types | lex.aimed_types | lex.from_is_target
    assert kinds <= set(EVENT_TYPES)
    assert "say" not in lex.verbs and "tell" not in lex.verbs  # reporting verbs make claims, not events
    assert lex.verbs["blockade"] == "COERCE" and lex.nouns["blockade"] == "COERCE"


@pytest.mark.parametrize(("edit", "entry"), [
    (lambda d: d["verbs"].update(strike="ATTACK"), "verbs.strike"),
    (lambda d: d["nouns"].update(raid="RAID"), "nouns.raid"),
    (lambda d: d["phrasal"].update({"pull out": "LEAVE"}), "phrasal.pull out"),
    (lambda d: d["verb_objects"]["hold"].update(talks="TALK"), "verb_objects.hold.talks"),
    (lambda d: d["hostile_types"].update(types=["ASSAULT", "WAR"]), "hostile_types"),
])
def test_an_event_type_outside_the_contract_is_refused_by_entry(edit: Any, entry: str) -> None:
    with pytest.raises(VocabularyError, match=rf"events_triggers.json: {entry}: '\w+' is not one of AGREE"):
        _build(edit)


def test_a_repeated_word_and_an_unknown_key_are_refused() -> None:
    with pytest.raises(VocabularyError, match=r"events_triggers.json: light_verbs: duplicate entry 'carry'"):
        _build(lambda d: d["light_verbs"].append("carry"))
    with pytest.raises(VocabularyError, match=r"events_triggers.json: trigger_verbs: unknown key"):
        _build(lambda d: d.update(trigger_verbs=[]))
