"""Typed view of the events stage's vocabulary (``data/events_triggers.json``): trigger words and their PLOVER types.

Every event type the file names (a verb's, a phrasal verb's, a verb-object pair's, a noun's, and
the type lists) must be one of ``newsgraph.model.EVENT_TYPES``; any other is refused at load with
a ``VocabularyError`` naming the file and the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.model import EVENT_TYPES
from newsgraph.vocab.loader import Entries, vocabulary


@dataclass(frozen=True)
class EventTriggers:
    verbs: dict[str, str]                        # "attack" -> "ASSAULT"
    phrasal: dict[str, str]                      # "pull out" -> "RETREAT"
    verb_objects: dict[str, dict[str, str | None]]  # "hold" -> {"talks": "CONSULT", "*": None}
    nouns: dict[str, str]                        # "airstrike" -> "ASSAULT"
    needs: dict[str, tuple[str, ...]]            # "production" -> ("@weapon",): an event only with such a complement
    light_verbs: frozenset[str]                  # "carry out an attack": the noun says what happened
    occur_verbs: frozenset[str]                  # "the attack took place"
    weapon_words: frozenset[str]
    of_is_actor: frozenset[str]                  # types whose "of X" is the actor ("the visit of Macron")
    target_preps: frozenset[str]
    place_preps: frozenset[str]
    hypothetical_aux: frozenset[str]
    commitment_cues: frozenset[str]              # "said" in "X said it will ...": a pledge or a demand
    source_verbs: frozenset[str]                 # "..., a monitor said on Monday": the date is the saying's
    saying_verbs: frozenset[str]                 # "X said on Monday": a STATEMENT event when dated
    undergoer_phrasal: frozenset[str]            # "Palmyra fell to IS": the subject undergoes, the object acts
    perfect_aux: frozenset[str]                  # "have killed": a lead's news, dated by the sentences after
    period_preps: frozenset[str]                 # "killed since Tuesday": a toll over a period
    sequence_preps: frozenset[str]               # "struck two days after the bombing": another event
    place_descriptions: frozenset[str]           # "in the Syrian capital", "in the northern city"
    region_words: frozenset[str]                 # "Raqqa province": no city "the city" tells again
    compass_words: frozenset[str]                # "east of Damascus": a place phrase
    conflict_nouns: frozenset[str]               # "since the war began in 2011": the main country's conflict
    ruler_nouns: frozenset[str]                  # "the regime launched air raids": the main country's rulers
    holding_verbs: frozenset[str]                # "Tabaqa held by Daesh since 2014": taken in 2014
    control_nouns: frozenset[str]                # "under YPG control since August": taken in August
    schedule_verbs: frozenset[str]               # "a killing at Mount Abdul Aziz scheduled for Friday"
    aid_carriers: frozenset[str]                 # "an aid convoy entered Eastern Ghouta": AID, not ASSAULT
    onset_verbs: frozenset[str]                  # "an offensive against Kurdish areas that began on Friday"
    launch_verbs: frozenset[str]                 # "launched an offensive to retake Manbij on May 31": the launch's
    readiness_words: frozenset[str]              # "ready to", "willing to"
    hostile_types: frozenset[str]                # a promised act of these types is a threat
    cancelling_verbs: frozenset[str]             # "cancelled a visit": no visit took place
    durable_types: frozenset[str]                # "halted the deal": the deal took place all the same
    lemma_fixes: dict[str, str]                  # the small model's wrong lemmas ("stag" -> "stage")
    hostile_exceptions: frozenset[str]           # "will lift sanctions": not a threat
    collective_nouns: frozenset[str]             # "a wave of strikes"
    promise_verbs: frozenset[str]                # "vowed to retaliate"
    claiming_verbs: frozenset[str]               # "IS claimed the bombing": the claimant acts
    responsibility_nouns: frozenset[str]         # "claimed responsibility for the attack"
    conditional_marks: frozenset[str]            # "if", "unless": not (yet) happening
    hypothesis_nouns: frozenset[str]             # "in case of an attack"
    anaphor_determiners: frozenset[str]          # "the blast" (just reported): the same event again
    anaphor_blockers: frozenset[str]             # "the previous attack": another event
    background_adverbs: frozenset[str]           # "previously": not the day's news
    unreal_modifiers: frozenset[str]             # "possible strikes": an event that has not happened
    causing_verbs: frozenset[str]                # "in June triggered more aid": the aid's date
    issuing_verbs: frozenset[str]                # "in a statement issued on Tuesday X said": the saying's date
    implicative_verbs: frozenset[str]            # "early this year was forced to step down": the stepping down's
    standing_participles: frozenset[str]         # "units backed by jets on Sunday advanced": not the backing's
    reporter_pronouns: frozenset[str]            # "Switzerland said it had expelled ...": "it" is the reporter
    demand_modals: frozenset[str]                # "X said Y must ...": REQUEST
    undertaking_modals: frozenset[str]           # "X said it will ...": AGREE
    threat_marks: frozenset[str]                 # "... unless ...": THREATEN
    unwilling_words: frozenset[str]              # "unwilling to": REJECT
    addressed_types: frozenset[str]              # "demanded that the US cancel ...": the US is addressed
    aimed_types: frozenset[str]                  # "fired at Tel Aviv": a target, not a place
    from_is_target: frozenset[str]               # "withdrew from Syria"
    demonym_endings: tuple[str, ...]             # "Syrian" ~ "Syria"


def _typed(entries: Entries, key: str) -> dict[str, str]:
    """A word -> event type table; every type is checked."""
    table = entries.mapping(key)
    return {word: entries.one_of(kind, EVENT_TYPES, f"{key}.{word}") for word, kind in table.items()}


def _verb_objects(entries: Entries) -> dict[str, dict[str, str | None]]:
    """verb -> {object noun -> type, or None: "not an event with this object"}."""
    out: dict[str, dict[str, str | None]] = {}
    for verb, objects in entries.mapping("verb_objects").items():
        if not isinstance(objects, dict):
            raise entries.error(f"verb_objects.{verb}", "must be an object of object noun -> event type")
        out[verb] = {noun: None if kind is None else entries.one_of(kind, EVENT_TYPES, f"verb_objects.{verb}.{noun}")
                     for noun, kind in objects.items()}
    return out


def _needs(entries: Entries) -> dict[str, tuple[str, ...]]:
    table = entries.mapping("nominal_needs_argument_of")
    return {noun: entries.distinct(_list(entries, kinds, f"nominal_needs_argument_of.{noun}"),
                                   f"nominal_needs_argument_of.{noun}")
            for noun, kinds in table.items()}


def _list(entries: Entries, value: Any, label: str) -> list[Any]:
    if not isinstance(value, list):
        raise entries.error(label, "must be a list")
    return value


def _noted(entries: Entries, key: str, inner: str = "words") -> tuple[str, ...]:
    """A list kept with its reason: ``{"_why": ..., "words": [...]}``."""
    return entries.words(inner, where=entries.mapping(key), path=f"{key}.{inner}")


def _types(entries: Entries, key: str, words: tuple[str, ...] | None = None) -> frozenset[str]:
    found = _noted(entries, key, "types") if words is None else words
    return frozenset(entries.one_of(kind, EVENT_TYPES, key) for kind in found)


@vocabulary("events_triggers")
def _events_triggers(entries: Entries) -> EventTriggers:
    def words(key: str) -> frozenset[str]:
        return frozenset(entries.words(key))

    def noted(key: str) -> frozenset[str]:
        return frozenset(_noted(entries, key))

    return EventTriggers(
        verbs=_typed(entries, "verbs"), phrasal=_typed(entries, "phrasal"), verb_objects=_verb_objects(entries),
        nouns=_typed(entries, "nouns"), needs=_needs(entries),
        light_verbs=words("light_verbs"), occur_verbs=words("occur_verbs"), weapon_words=words("weapon_words"),
        of_is_actor=_types(entries, "of_is_actor", entries.words("of_is_actor")),
        target_preps=words("target_preps"), place_preps=words("place_preps"),
        hypothetical_aux=words("hypothetical_aux"), commitment_cues=noted("commitment_cues"),
        source_verbs=noted("source_verbs"), saying_verbs=noted("saying_verbs"),
        undergoer_phrasal=noted("undergoer_phrasal"), perfect_aux=noted("perfect_aux"),
        period_preps=noted("period_preps"), sequence_preps=noted("sequence_preps"),
        place_descriptions=noted("place_descriptions"), region_words=noted("region_words"),
        compass_words=noted("compass_words"), conflict_nouns=noted("conflict_nouns"),
        ruler_nouns=noted("ruler_nouns"),
        onset_verbs=noted("onset_verbs"), launch_verbs=noted("launch_verbs"), aid_carriers=noted("aid_carriers"),
        schedule_verbs=noted("schedule_verbs"),
        holding_verbs=noted("holding_verbs"), control_nouns=noted("control_nouns"),
        readiness_words=words("readiness_words"), hostile_types=_types(entries, "hostile_types"),
        cancelling_verbs=noted("cancelling_verbs"), durable_types=_types(entries, "durable_types"),
        lemma_fixes={k: str(v) for k, v in entries.mapping("lemma_fixes").items()},
        hostile_exceptions=words("hostile_exceptions"), collective_nouns=noted("collective_nouns"),
        promise_verbs=noted("promise_verbs"), conditional_marks=noted("conditional_marks"),
        claiming_verbs=noted("claiming_verbs"), responsibility_nouns=noted("responsibility_nouns"),
        hypothesis_nouns=noted("hypothesis_nouns"), reporter_pronouns=noted("reporter_pronouns"),
        anaphor_determiners=noted("anaphor_determiners"), anaphor_blockers=noted("anaphor_blockers"),
        background_adverbs=noted("background_adverbs"), unreal_modifiers=noted("unreal_modifiers"),
        causing_verbs=noted("causing_verbs"), issuing_verbs=noted("issuing_verbs"),
        implicative_verbs=noted("implicative_verbs"),
        standing_participles=noted("standing_participles"),
        demand_modals=noted("demand_modals"), undertaking_modals=noted("undertaking_modals"),
        threat_marks=noted("threat_marks"), unwilling_words=noted("unwilling_words"),
        addressed_types=_types(entries, "addressed_types"), aimed_types=_types(entries, "aimed_types"),
        from_is_target=_types(entries, "from_is_target"), demonym_endings=_noted(entries, "demonym_endings"))
