"""The trigger vocabulary (newsgraph/data/events_triggers.json), loaded once, and the
dependency labels the readers walk."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# A date climbing the tree stops at these: beyond them lies another clause with its own time.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "flat", "nummod", "det", "case", "quantmod"})


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    phrasal: dict[str, str]
    verb_objects: dict[str, dict[str, str | None]]
    nouns: dict[str, str]
    needs: dict[str, tuple[str, ...]]
    light_verbs: frozenset[str]
    occur_verbs: frozenset[str]
    weapon_words: frozenset[str]
    of_is_actor: frozenset[str]
    target_preps: frozenset[str]
    place_preps: frozenset[str]
    hypothetical_aux: frozenset[str]
    commitment_cues: frozenset[str]
    readiness_words: frozenset[str]
    hostile_types: frozenset[str]
    cancelling_verbs: frozenset[str]
    lemma_fixes: dict[str, str]
    hostile_exceptions: frozenset[str]
    collective_nouns: frozenset[str]
    promise_verbs: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The trigger vocabulary, loaded once from the package data."""
    path = resources.files("newsgraph") / "data" / "events_triggers.json"
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    needs = {k: tuple(v) for k, v in raw["nominal_needs_argument_of"].items() if not k.startswith("_")}
    return Lexicon(
        verbs=raw["verbs"], phrasal=raw["phrasal"], verb_objects=raw["verb_objects"], nouns=raw["nouns"],
        needs=needs, light_verbs=frozenset(raw["light_verbs"]), occur_verbs=frozenset(raw["occur_verbs"]),
        weapon_words=frozenset(raw["weapon_words"]), of_is_actor=frozenset(raw["of_is_actor"]),
        target_preps=frozenset(raw["target_preps"]), place_preps=frozenset(raw["place_preps"]),
        hypothetical_aux=frozenset(raw["hypothetical_aux"]),
        commitment_cues=frozenset(raw["commitment_cues"]["words"]), readiness_words=frozenset(raw["readiness_words"]),
        hostile_types=frozenset(raw["hostile_types"]["types"]),
        cancelling_verbs=frozenset(raw["cancelling_verbs"]["words"]),
        lemma_fixes={k: v for k, v in raw["lemma_fixes"].items() if not k.startswith("_")},
        hostile_exceptions=frozenset(raw["hostile_exceptions"]),
        collective_nouns=frozenset(raw["collective_nouns"]["words"]),
        promise_verbs=frozenset(raw["promise_verbs"]["words"]))
