"""Typed views of the claims stage's vocabularies: reporting_verbs, attitude_verbs, claims_sources, hedges, relays.

Every word is compared lower-case (the files are lower case; ``fold`` makes a stray
capital a duplicate rather than a silent miss). Stances are the contract's
(``newsgraph.model.STANCES``); a verb has one stance, and an attitude verb one class.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from newsgraph.model import STANCES
from newsgraph.vocab.loader import Entries, vocabulary

AttitudeClass = Literal["intention", "evaluation", "cognition", "knowledge", "topic"]
ATTITUDE_CLASSES: tuple[AttitudeClass, ...] = ("intention", "evaluation", "cognition", "knowledge", "topic")


@dataclass(frozen=True)
class ReportingVerbs:
    """Reporting verbs and claim nouns (``data/reporting_verbs.json``), by lemma."""

    stance: dict[str, str]                          # "say" -> "asserted", "allege" -> "claimed"
    disputing: frozenset[str]                       # the cue disputes its content ("denied the reports that …")
    object_content: frozenset[str]                  # the object is what was said ("revealed the plan")
    object_prepositions: dict[str, tuple[str, ...]]  # "describe" -> ("as",): the phrase is what was said
    infinitive_content: frozenset[str]              # the infinitive is what was said ("vowed to …")
    finding: frozenset[str]                         # object content only for a study or named body ("found")
    naming: frozenset[str]                          # a participle after a noun names ("a group called X")
    claim_nouns: frozenset[str]                     # "claim", "statement": "Trump's claim that …"
    denial_nouns: frozenset[str]                    # ... that deny what they name ("repeated denials by Assad")
    claim_noun_prepositions: frozenset[str]         # "Trump's comments about …"
    statement_prepositions: frozenset[str]          # "said in a statement that …"
    quoting_verbs: frozenset[str]                   # "TASS quoted Peskov as saying …"
    anonymity_contents: frozenset[str]              # "not to be named": how a source spoke, not what it said
    figure_verbs: frozenset[str]                    # "put the toll at 10" ...
    figure_nouns: frozenset[str]                    # ... with one of these as object
    inverting_verbs: frozenset[str]                 # "…, said the Observatory": the speaker after the verb
    addressee_verbs: frozenset[str]                 # "told reporters": the object is the hearer
    audience_nouns: frozenset[str]                  # ... or the occasion heard ("told a news briefing")
    closing_verbs: frozenset[str]                   # "…, the Observatory said.": a frame that closes a sentence
    gapless_verbs: frozenset[str]                   # ... and takes no object ("the guides I wrote" is no frame)
    performative_verbs: frozenset[str]              # "declared a caliphate": with a bare object, an act
    toll_verbs: frozenset[str]                      # "claimed the lives of three", "Claims 11 Children" ...
    toll_objects: frozenset[str]                    # ... with one of these or a count as object: a toll
    imagery_verbs: frozenset[str]                   # "showed" ...
    imagery_nouns: frozenset[str]                   # ... with "Images", "Video footage" as subject: no claim

    def takes_phrase_content(self, lemma: str) -> bool:
        """An object, an infinitive or a prepositional phrase of the verb can be what was said."""
        return lemma in self.object_content or lemma in self.infinitive_content or lemma in self.object_prepositions


@vocabulary("reporting_verbs")
def _reporting_verbs(entries: Entries) -> ReportingVerbs:
    stance = _by_stance(entries, "stance", entries.mapping("stance"))

    def verbs(key: str) -> frozenset[str]:  # lists that only act on reporting verbs
        words = entries.words(key, fold=True)
        for word in words:
            if word not in stance:
                raise entries.error(key, f"{word!r} is not a reporting verb (not listed under stance)")
        return frozenset(words)

    prepositions: dict[str, tuple[str, ...]] = {}
    for lemma, preps in entries.mapping("object_with_preposition").items():
        where = f"object_with_preposition.{lemma}"
        if lemma not in stance:
            raise entries.error(where, "not a reporting verb (not listed under stance)")
        listed = [preps] if isinstance(preps, str) else preps
        if not isinstance(listed, list):
            raise entries.error(where, "must be a preposition or a list of prepositions")
        prepositions[lemma] = entries.distinct(listed, where, fold=True)
    claim_nouns = _set(entries, "claim_nouns")
    denial_nouns = _set(entries, "denial_nouns")
    for noun in denial_nouns - claim_nouns:
        raise entries.error("denial_nouns", f"{noun!r} is not a claim noun (not listed under claim_nouns)")
    return ReportingVerbs(
        stance=stance, disputing=verbs("disputing"), object_content=verbs("object_content"),
        object_prepositions=prepositions, infinitive_content=verbs("infinitive_content"),
        finding=verbs("finding"), naming=_set(entries, "naming"), claim_nouns=claim_nouns, denial_nouns=denial_nouns,
        claim_noun_prepositions=_set(entries, "claim_noun_prepositions"),
        statement_prepositions=_set(entries, "statement_prepositions"),
        quoting_verbs=_set(entries, "quoting_verbs"), anonymity_contents=_set(entries, "anonymity_contents"),
        figure_verbs=_set(entries, "figure_verbs"), figure_nouns=_set(entries, "figure_nouns"),
        inverting_verbs=verbs("inverting_verbs"), addressee_verbs=verbs("addressee_verbs"),
        audience_nouns=_set(entries, "audience_nouns"),
        closing_verbs=verbs("closing_verbs"), gapless_verbs=verbs("gapless_verbs"),
        performative_verbs=verbs("performative_verbs"), toll_verbs=verbs("toll_verbs"),
        toll_objects=_set(entries, "toll_objects"), imagery_verbs=verbs("imagery_verbs"),
        imagery_nouns=_set(entries, "imagery_nouns"))


@dataclass(frozen=True)
class AttitudeVerbs:
    """Verbs, adjectives and stance nouns of positions a source holds (``data/attitude_verbs.json``)."""

    verbs: dict[str, tuple[AttitudeClass, str]]   # "want" -> ("intention", "asserted"); one class per verb
    intention_prepositions: frozenset[str]        # "called for talks" (no infinitive)
    intention_no_object: frozenset[str]           # "planned a rally" is no position
    evaluation_prepositions: frozenset[str]       # "praised X for …"
    evaluation_bare_prepositions: frozenset[str]  # "railed against the deal" (no object)
    cognition_predicate_prepositions: frozenset[str]  # "sees the deal as a win"
    knowledge_prepositions: frozenset[str]        # "knew of the plan"
    topic_prepositions: frozenset[str]            # "spoke about her faith"
    adjectives: dict[str, str]                    # "critical" -> "asserted", "sure" -> "hedged"
    adjective_prepositions: frozenset[str]        # "critical of …"
    light_verbs: frozenset[str]                   # "expressed", "made" ...
    stance_nouns: dict[str, str]                  # ... with "misgivings" -> "hedged", "the case" -> "asserted"
    light_prepositions: frozenset[str]            # "misgivings about …"
    possession_verbs: frozenset[str]              # "has", "enjoys" ...
    not_after_possession: frozenset[str]          # ... "the support of 40 percent": a fact, not a position
    agent_pronouns: frozenset[str]                # pronouns that can hold a position ("he", "we")
    intention_nouns: frozenset[str]               # "Clinton's plan to …"
    no_object_fallback: frozenset[str]            # reporting verbs whose bare object is not what was said
    agenda_verbs: frozenset[str]                  # "a meeting to discuss …": a purpose, not a position
    physical_verbs: frozenset[str]                # "attacked" ...
    physical_targets: frozenset[str]              # ... "50 vessels": violence, not a position
    physical_instruments: frozenset[str]          # ... "with two car bombs": violence, whatever its object
    sponsorship_verbs: frozenset[str]             # "backed by Moscow": material backing, not a position


@vocabulary("attitude_verbs")
def _attitude_verbs(entries: Entries) -> AttitudeVerbs:
    classes = {kind: entries.mapping(kind) for kind in ATTITUDE_CLASSES}
    extras = {"intention": ("prepositions", "no_object"), "evaluation": ("prepositions", "bare_prepositions"),
              "cognition": ("predicate_prepositions",), "knowledge": ("prepositions",), "topic": ("prepositions",)}
    verbs: dict[str, tuple[AttitudeClass, str]] = {}
    for kind in ATTITUDE_CLASSES:
        for lemma, stance in _by_stance(entries, kind, classes[kind], extras[kind]).items():
            if lemma in verbs:
                raise entries.error(kind, f"{lemma!r} is already a verb of class {verbs[lemma][0]!r}: "
                                          "a verb has one class")
            verbs[lemma] = (kind, stance)

    def sub(kind: AttitudeClass, key: str) -> frozenset[str]:
        return frozenset(entries.words(key, fold=True, where=classes[kind], path=f"{kind}.{key}"))

    adjectives = entries.mapping("adjectives")
    light = entries.mapping("light_verbs")
    return AttitudeVerbs(
        verbs=verbs, intention_prepositions=sub("intention", "prepositions"),
        intention_no_object=sub("intention", "no_object"),
        evaluation_prepositions=sub("evaluation", "prepositions"),
        evaluation_bare_prepositions=sub("evaluation", "bare_prepositions"),
        cognition_predicate_prepositions=sub("cognition", "predicate_prepositions"),
        knowledge_prepositions=sub("knowledge", "prepositions"), topic_prepositions=sub("topic", "prepositions"),
        adjectives=_by_stance(entries, "adjectives", adjectives, ("prepositions",)),
        adjective_prepositions=frozenset(entries.words("prepositions", fold=True, where=adjectives,
                                                       path="adjectives.prepositions")),
        light_verbs=frozenset(entries.words("verbs", fold=True, where=light, path="light_verbs.verbs")),
        stance_nouns=_by_stance(entries, "light_verbs", light,
                                ("verbs", "prepositions", "possession_verbs", "not_after_have")),
        light_prepositions=frozenset(entries.words("prepositions", fold=True, where=light,
                                                   path="light_verbs.prepositions")),
        possession_verbs=frozenset(entries.words("possession_verbs", fold=True, where=light,
                                                 path="light_verbs.possession_verbs")),
        not_after_possession=frozenset(entries.words("not_after_have", fold=True, where=light,
                                                     path="light_verbs.not_after_have")),
        agent_pronouns=_set(entries, "agent_pronouns"), intention_nouns=_set(entries, "intention_nouns"),
        no_object_fallback=_set(entries, "no_object_fallback"), agenda_verbs=_set(entries, "agenda_verbs"),
        physical_verbs=_set(entries, "physical_verbs"),
        physical_targets=_set(entries, "physical_targets"),
        physical_instruments=_set(entries, "physical_instruments"),
        sponsorship_verbs=_attitude_set(entries, "sponsorship_verbs", verbs))


def _attitude_set(entries: Entries, key: str, verbs: dict[str, tuple[AttitudeClass, str]]) -> frozenset[str]:
    """A list that only acts on attitude verbs: a word of no class is refused."""
    words = _set(entries, key)
    for word in words - verbs.keys():
        raise entries.error(key, f"{word!r} is not an attitude verb (not listed under a class)")
    return words


@dataclass(frozen=True)
class ClaimSources:
    """Nouns that head a speaker phrase, and the words that tell who a speaker is (``data/claims_sources.json``)."""

    person_nouns: frozenset[str]          # "officials", "the analyst"
    document_nouns: frozenset[str]        # "the study", "a report"
    framing_nouns: frozenset[str]         # "In this poll, …": documents a whole clause is set in
    account_determiners: frozenset[str]   # "by one report as many as 1300": a figure set off as a source's
    non_speaker_labels: frozenset[str]    # "Correction: …" names no speaker
    gendered_honorifics: dict[str, str]   # "mr." -> "m"
    gendered_nouns: dict[str, str]        # "spokeswoman" -> "f"
    owner_prepositions: frozenset[str]    # "a study by X"
    anaphoric_determiners: frozenset[str]  # "the study", "this report": refers back
    placeholder_subjects: frozenset[str]  # "it was reported by X that …"
    body_nouns: frozenset[str]            # "the group", "the monitor": an organisation, never "he" or "she"
    generic_body_nouns: frozenset[str]    # "the group", "the watchdog": an organisation, no state's organ
    generic_person_nouns: frozenset[str]  # "the analyst", "the source": a person, named by no office
    negative_determiners: frozenset[str]  # "No group has claimed …": no source
    negative_pronouns: frozenset[str]     # "nobody said …"
    part_body_nouns: frozenset[str]       # "the U.N. health agency": a part of the organisation it names
    issuing_verbs: frozenset[str]         # "the division issued a statement": its subject issued the document
    carrier_verbs: frozenset[str]         # "the statement carried by SANA": its agent relays, owns nothing
    aim_nouns: frozenset[str]             # "protests calling for …", "a resolution calling for …": an aim
    event_nouns: frozenset[str]           # "any military intervention suggested …": a subject that never speaks
    time_nouns: frozenset[str]            # "shortly after midnight AFPs correspondent said": the clause's
    time_subordinators: frozenset[str]    # "… a monitor said a day after Russia and the US agreed a truce"
    sentence_adverbs: frozenset[str]      # "Earlier state television reported": the sentence's, not the source's
    inverted_frame_words: frozenset[str]  # '"… an outrage said Silvia X': where a quote left open ends


@vocabulary("claims_sources")
def _claims_sources(entries: Entries) -> ClaimSources:
    people = _set(entries, "person_nouns")

    def speaker_nouns(key: str) -> frozenset[str]:  # kinds of speaker noun: each must head a speaker phrase
        words = _set(entries, key)
        for word in sorted(words - people):
            raise entries.error(key, f"{word!r} is not a speaker noun (not listed under person_nouns)")
        return words

    return ClaimSources(
        person_nouns=people, document_nouns=_set(entries, "document_nouns"),
        framing_nouns=_set(entries, "framing_nouns"), account_determiners=_set(entries, "account_determiners"),
        non_speaker_labels=_set(entries, "non_speaker_labels"),
        gendered_honorifics=_by_gender(entries, "gendered_honorifics"),
        gendered_nouns=_by_gender(entries, "gendered_nouns"),
        owner_prepositions=_set(entries, "owner_prepositions"),
        anaphoric_determiners=_set(entries, "anaphoric_determiners"),
        placeholder_subjects=_set(entries, "placeholder_subjects"), body_nouns=speaker_nouns("body_nouns"),
        generic_body_nouns=speaker_nouns("generic_body_nouns"),
        generic_person_nouns=speaker_nouns("generic_person_nouns"),
        negative_determiners=_set(entries, "negative_determiners"),
        negative_pronouns=_set(entries, "negative_pronouns"), part_body_nouns=_set(entries, "part_body_nouns"),
        time_nouns=_set(entries, "time_nouns"), aim_nouns=_set(entries, "aim_nouns"),
        event_nouns=_set(entries, "event_nouns"),
        issuing_verbs=_set(entries, "issuing_verbs"), carrier_verbs=_set(entries, "carrier_verbs"),
        time_subordinators=_set(entries, "time_subordinators"), sentence_adverbs=_set(entries, "sentence_adverbs"),
        inverted_frame_words=_set(entries, "inverted_frame_words"))


@dataclass(frozen=True)
class Hedges:
    """Words that hedge or deny what a content says (``data/hedges.json``)."""

    modals: frozenset[str]            # "may", "could"
    adverbs: frozenset[str]           # "possibly", "reportedly"
    frame_words: frozenset[str]       # "reportedly said": the frame itself hedges
    unverified_verbs: frozenset[str]  # "I cannot confirm them"


@vocabulary("hedges")
def _hedges(entries: Entries) -> Hedges:
    return Hedges(modals=_set(entries, "modals"), adverbs=_set(entries, "adverbs"),
                  frame_words=_set(entries, "frame_words"), unverified_verbs=_set(entries, "unverified_verbs"))


@dataclass(frozen=True)
class Relays:
    """Phrases that name the outlet or channel that carried a statement (``data/relays.json``)."""

    phrases: tuple[str, ...]              # "told", "in an interview with"
    pattern: re.Pattern[str]              # any phrase as whole words, longest first, any case
    outlet_words: frozenset[str]          # "agency", "tv", "reuters": a name with one is an outlet
    channel_prepositions: frozenset[str]  # "said on Telegram", "via state media"
    outlet_modifiers: frozenset[str]      # "state television": read with outlet words


@vocabulary("relays")
def _relays(entries: Entries) -> Relays:
    phrases = entries.words("phrases", fold=True)
    longest_first = sorted(phrases, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in longest_first) + r")\b", re.IGNORECASE)
    return Relays(phrases=phrases, pattern=pattern, outlet_words=_set(entries, "outlet_words"),
                  outlet_modifiers=_set(entries, "outlet_modifiers"),
                  channel_prepositions=_set(entries, "channel_prepositions"))


def _set(entries: Entries, key: str) -> frozenset[str]:
    return frozenset(entries.words(key, fold=True))


def _by_stance(entries: Entries, key: str, mapping: Mapping[str, Any], others: Iterable[str] = ()) -> dict[str, str]:
    """word -> stance from ``{stance: [words]}``; the keys in ``others`` are not stances (read by the caller)."""
    skip = set(others)
    table: dict[str, str] = {}
    for stance in mapping:
        if stance in skip:
            continue
        entries.one_of(stance, STANCES, f"{key}.{stance}")
        for word in entries.words(stance, fold=True, where=mapping, path=f"{key}.{stance}"):
            if word in table:
                raise entries.error(f"{key}.{stance}", f"{word!r} is already listed as {table[word]!r}")
            table[word] = stance
    return table


def _by_gender(entries: Entries, key: str) -> dict[str, str]:
    """word -> "m" / "f" from ``{"m": [...], "f": [...]}``."""
    mapping = entries.mapping(key)
    table: dict[str, str] = {}
    for gender in mapping:
        entries.one_of(gender, ("m", "f"), f"{key}.{gender}")
        for word in entries.words(gender, fold=True, where=mapping, path=f"{key}.{gender}"):
            if word in table:
                raise entries.error(f"{key}.{gender}", f"{word!r} is listed under both genders")
            table[word] = gender
    return table
