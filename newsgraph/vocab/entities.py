"""Typed views of the entities stage's vocabularies.

``organizations`` (known organisations and their aliases, generic body words), ``weapons``
and ``vehicles`` (named systems, classes, designation patterns, craft cues), ``facilities``
(head words of sites, organisations and companies) and ``entity_words`` (the function words and
small word lists the stage's rules read).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from newsgraph.vocab.loader import Entries, vocabulary


@dataclass(frozen=True)
class Organizations:
    """Widely cited organisations (``data/organizations.json``), looked up case-insensitively."""

    canonical: Mapping[str, str]          # lower-cased name or alias -> canonical name
    forms: tuple[str, ...]                # every name and alias, as written
    generic_body_words: frozenset[str]    # "foreign", "ministry": words of a kind of body every country has
    branch_heads: frozenset[str]          # "Province" in "Islamic State Sahel Province" (as written)

    def canonical_name(self, name: str) -> str | None:
        return self.canonical.get(name.lower())


@vocabulary("organizations")
def _organizations(entries: Entries) -> Organizations:
    known = entries.mapping("known")
    forms: list[str] = []
    table: dict[str, str] = {}
    for name in known:
        aliases = entries.words(name, where=known, path=f"known.{name}")
        forms += [name, *aliases]
        for form in (name, *aliases):
            table[form.lower()] = name
    entries.distinct(forms, "known", fold=True)  # one form, one organisation: a repeat is a slip
    return Organizations(canonical=table, forms=tuple(forms),
                         generic_body_words=frozenset(entries.words("generic_body_words", fold=True)),
                         branch_heads=frozenset(entries.words("branch_heads")))


def _patterns(entries: Entries, key: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in entries.words(key):
        try:
            compiled.append(re.compile(pattern))
        except re.error as err:
            raise entries.error(key, f"{pattern!r} is not a regular expression ({err})") from None
    return tuple(compiled)


@dataclass(frozen=True)
class Weapons:
    """Weapon systems (``data/weapons.json``): ACE WEA."""

    systems: frozenset[str]                    # "Iron Dome", "Fateh-110": as written
    classes: frozenset[str]                    # "cruise missiles" (lower case)
    name_heads: frozenset[str]                 # "missiles": a brand name before one is a weapon (lower case)
    designations: tuple[re.Pattern[str], ...]  # "Fateh-110", "S-300": a weapon next to a context word
    designation_context: frozenset[str]        # "missile", "launched" (lower case words or lemmas)


@vocabulary("weapons")
def _weapons(entries: Entries) -> Weapons:
    return Weapons(systems=frozenset(entries.words("systems")),
                   classes=frozenset(entries.words("classes", fold=True)),
                   name_heads=frozenset(entries.words("name_heads", fold=True)),
                   designations=_patterns(entries, "designation_patterns"),
                   designation_context=frozenset(entries.words("designation_context", fold=True)))


@dataclass(frozen=True)
class Vehicles:
    """Aircraft, armour and ships (``data/vehicles.json``): ACE VEH."""

    systems: frozenset[str]                    # "F-16", "Bayraktar TB2": as written
    ship_prefixes: frozenset[str]              # "HMS", "USS": the capitalised words after name a ship
    vessel_descriptors: frozenset[str]         # "frigate", "cargo ship": the capitalised name after is a craft
    flag_marker: str                           # "flagged" in "the Russian-flagged Volgo-Balt 217"
    designations: tuple[re.Pattern[str], ...]  # "Su-35", "MQ-9"


@vocabulary("vehicles")
def _vehicles(entries: Entries) -> Vehicles:
    return Vehicles(systems=frozenset(entries.words("systems")),
                    ship_prefixes=frozenset(entries.words("ship_prefixes")),
                    vessel_descriptors=frozenset(entries.words("vessel_descriptors")),
                    flag_marker=entries.text("flag_marker"),
                    designations=_patterns(entries, "designation_patterns"))


@dataclass(frozen=True)
class InstitutionWords:
    """Last words of names (``data/facilities.json``, lower case): sites, organisations, companies."""

    facility_heads: frozenset[str]  # "air base", "palace": one or two words
    org_heads: frozenset[str]       # "center", "ministry"
    company_heads: frozenset[str]   # "shipping", "logistics"
    port_heads: frozenset[str]      # "port": after a sea or region it describes, it names no site


@vocabulary("facilities")
def _facilities(entries: Entries) -> InstitutionWords:
    facility_heads = frozenset(entries.words("heads", fold=True))
    port_heads = frozenset(entries.words("port_heads", fold=True))
    if not port_heads <= facility_heads:
        raise entries.error("port_heads", f"{sorted(port_heads - facility_heads)} are not facility heads")
    return InstitutionWords(facility_heads=facility_heads, org_heads=frozenset(entries.words("org_heads", fold=True)),
                            company_heads=frozenset(entries.words("company_heads", fold=True)), port_heads=port_heads)


@dataclass(frozen=True)
class EntityWords:
    """The small word lists the entity rules read (``data/entity_words.json``, lower case unless noted)."""

    determiners: frozenset[str]            # "the", "those": dropped from the front of a name
    articles: frozenset[str]               # "a", "the": dropped from the front of a role
    connectors: frozenset[str]             # "and", "of", "de": inside institution names
    initials_skip: frozenset[str]          # "of", "&": no letter of an abbreviation
    place_words: frozenset[str]            # "village", "port": "the village of X" names a place
    locatives: frozenset[str]              # "in", "from": a name after one may be a place
    place_locatives: frozenset[str]        # "in", "near": a name after one is a place, not a person
    vicinity_nouns: frozenset[str]         # "vicinity", "areas": "in the vicinity of X" is no person
    control_participles: frozenset[str]    # "held", "controlled": "rebel-held X" is a place
    outlet_nouns: frozenset[str]           # "daily", "channel": "the daily X" is an outlet
    list_prepositions: frozenset[str]      # "between", "on": before a list of places "in" a known place
    occasion_words: frozenset[str]         # "eid", "ramadan": a feast's name is a date, no entity
    site_particles: frozenset[str]         # "al", "ez": particles that may open a site's name
    not_acronyms: frozenset[str]           # "CEO", "GMT": capitals that name no organisation (as written)
    title_stops: frozenset[str]            # "said", "by": a title chain does not run left past these
    descriptor_determiners: frozenset[str]  # "the analyst": determiners of a title used alone
    abbreviation_verbs: tuple[str, ...]    # "known", "referred to": "known by its abbreviation, CERS"
    abbreviation_nouns: tuple[str, ...]    # "abbreviation", "acronym"
    disease_heads: tuple[str, ...]         # "virus", "fever": "West Nile virus" names no place
    leading_verbs: Mapping[str, str]       # "lead" -> "led": ", led by X" says who leads
    platform_names: frozenset[str]         # "X", "X." (as written): the social network ...
    platform_before: frozenset[str]        # ... after "on", "via" ...
    platform_after: frozenset[str]         # ... and before "that", "and" or punctuation
    group_name_words: frozenset[str]       # "jaish", "ahrar": the first word of an armed group's name
    group_name_ambiguous_words: frozenset[str]  # "hayat", "fateh": group words that are also given names
    toponym_words: frozenset[str]          # "bab", "khan", "deir": the first word of an Arabic place name
    toponym_word_forms: Mapping[str, str]  # "tel" -> "tal": one spelling of a toponym word's transliterations
    landform_nouns: frozenset[str]         # "heights", "river": "the Golan Heights" is "the Golan"
    settlement_nouns: frozenset[str]       # "neighbourhood", "towns": after a name, it is a place
    area_nouns: frozenset[str]             # "area", "district": the last word of an area's name, not a town's
    town_nouns: frozenset[str]             # "city", "village": "Palmyra city" is "Palmyra"
    army_unit_nouns: frozenset[str]        # "units": "Daraa Army units" is a heading "Daraa" and "Army units"
    identity_words: frozenset[str]         # "alawite", "sunni", "kurd": never an entity of their own
    people_words: frozenset[str]           # "kurdish", "arab": of identity_words, a people's, which opens names
    ruler_nouns: frozenset[str]            # "regime": "the Assad regime" names a person's rule
    headline_event_nouns: frozenset[str]   # "attacks": "Terrorist Rocket Attacks" is a headline's words
    generic_words: frozenset[str]          # "regime", "eastern": no name alone
    discourse_adverbs: frozenset[str]      # "meanwhile", "earlier": open a sentence, end no name
    law_heads: frozenset[str]              # "law", "convention": a body of law is no entity
    fighter_nouns: frozenset[str]          # "militants": "Daesh Militants" is "Daesh"
    monitor_descriptors: tuple[str, ...]   # "monitor", "monitoring group": a monitoring organisation named before
    monitor_name_words: frozenset[str]     # "observatory", "network": what such an organisation's name ends in
    based_nouns: tuple[str, ...]           # "group", "organisation": "the Britain-based group"
    role_prepositions: frozenset[str]      # "of", "at": "head of X" after a name without a comma is a role
    surname_particles: frozenset[str]      # "de", "van": lower-case words inside a European person's name
    apposed_kinds: Mapping[str, str]       # "island" -> "LOC", "air base" -> "FAC": an apposition's head noun


def _words(entries: Entries, key: str, *, fold: bool = True) -> frozenset[str]:
    return frozenset(entries.words(key, fold=fold))


def _subset(entries: Entries, key: str, of: frozenset[str], of_key: str) -> frozenset[str]:
    words = _words(entries, key)
    if not words <= of:
        raise entries.error(key, f"{sorted(words - of)} are not in {of_key}")
    return words


def _toponym_word_forms(entries: Entries, toponyms: frozenset[str]) -> dict[str, str]:
    table = entries.mapping("toponym_word_forms")
    for variant, spelling in table.items():
        if variant not in toponyms or spelling not in toponyms:
            raise entries.error(f"toponym_word_forms.{variant}", "both spellings must be toponym_words")
    return table


def _leading_verbs(entries: Entries) -> dict[str, str]:
    table = entries.mapping("leading_verbs")
    for lemma, participle in table.items():
        if not isinstance(participle, str) or not participle.strip():
            raise entries.error(f"leading_verbs.{lemma}", "must be the verb's past participle")
    return table


@vocabulary("entity_words")
def _entity_words(entries: Entries) -> EntityWords:
    determiners = _words(entries, "determiners")
    locatives = _words(entries, "locatives")
    return EntityWords(
        determiners=determiners, articles=_subset(entries, "articles", determiners, "determiners"),
        connectors=_words(entries, "connectors"), initials_skip=_words(entries, "initials_skip"),
        place_words=_words(entries, "place_words"), locatives=locatives,
        place_locatives=_subset(entries, "place_locatives", locatives, "locatives"),
        vicinity_nouns=_words(entries, "vicinity_nouns"), control_participles=_words(entries, "control_participles"),
        outlet_nouns=_words(entries, "outlet_nouns"),
        list_prepositions=_words(entries, "list_prepositions"), occasion_words=_words(entries, "occasion_words"),
        site_particles=_words(entries, "site_particles"), not_acronyms=_words(entries, "not_acronyms", fold=False),
        title_stops=_words(entries, "title_stops"),
        descriptor_determiners=_subset(entries, "descriptor_determiners", determiners, "determiners"),
        abbreviation_verbs=entries.words("abbreviation_verbs", fold=True),
        abbreviation_nouns=entries.words("abbreviation_nouns", fold=True),
        disease_heads=entries.words("disease_heads", fold=True), leading_verbs=_leading_verbs(entries),
        platform_names=_words(entries, "platform_names", fold=False),
        platform_before=_words(entries, "platform_before"), platform_after=_words(entries, "platform_after"),
        group_name_words=(group_words := _words(entries, "group_name_words")),
        group_name_ambiguous_words=_subset(entries, "group_name_ambiguous_words", group_words, "group_name_words"),
        toponym_words=(toponyms := _words(entries, "toponym_words")),
        toponym_word_forms=_toponym_word_forms(entries, toponyms), landform_nouns=_words(entries, "landform_nouns"),
        settlement_nouns=(settlements := _words(entries, "settlement_nouns")),
        area_nouns=_subset(entries, "area_nouns", settlements, "settlement_nouns"),
        town_nouns=_subset(entries, "town_nouns", settlements, "settlement_nouns"),
        army_unit_nouns=_words(entries, "army_unit_nouns"),
        identity_words=(identities := _words(entries, "identity_words")),
        people_words=_subset(entries, "people_words", identities, "identity_words"),
        ruler_nouns=_words(entries, "ruler_nouns"),
        headline_event_nouns=_words(entries, "headline_event_nouns"),
        generic_words=_words(entries, "generic_words"), discourse_adverbs=_words(entries, "discourse_adverbs"),
        law_heads=_words(entries, "law_heads"), fighter_nouns=_words(entries, "fighter_nouns"),
        monitor_descriptors=entries.words("monitor_descriptors", fold=True),
        monitor_name_words=_words(entries, "monitor_name_words"),
        based_nouns=entries.words("based_nouns", fold=True),
        role_prepositions=_words(entries, "role_prepositions"),
        surname_particles=_words(entries, "surname_particles"), apposed_kinds=_apposed_kinds(entries))


def _apposed_kinds(entries: Entries) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for type_, nouns in entries.mapping("apposed_kinds").items():
        entries.one_of(type_, ("LOC", "FAC", "GPE", "ORG", "VEH", "WEA"), f"apposed_kinds.{type_}")
        if not isinstance(nouns, list):
            raise entries.error(f"apposed_kinds.{type_}", "must be a list of nouns")
        for noun in entries.distinct(nouns, f"apposed_kinds.{type_}", fold=True):
            if noun in kinds:
                raise entries.error(f"apposed_kinds.{type_}", f"{noun!r} is listed under {kinds[noun]} too")
            kinds[noun] = type_
    return kinds
