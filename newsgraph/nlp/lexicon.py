"""The entity stage's vocabularies, loaded once from ``newsgraph/data``.

Each data file notes its source in ``_source``; this module only turns the
lists into the sets and patterns the code looks things up in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph import vocab
from newsgraph.vocab.common import Titles


def load_data(name: str) -> dict[str, Any]:
    """A JSON vocabulary from the package's data folder."""
    with resources.files("newsgraph.data").joinpath(name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def titles() -> Titles:
    return vocab.load("titles")  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Materiel:
    """Named weapon systems / vehicles, classes, and designation patterns for unlisted ones."""

    names: frozenset[str]
    classes: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    context: frozenset[str]
    ship_prefixes: frozenset[str]


@lru_cache(maxsize=1)
def weapons() -> Materiel:
    data = load_data("weapons.json")
    return Materiel(names=frozenset(data["systems"]), classes=frozenset(c.lower() for c in data["classes"]),
                    patterns=tuple(re.compile(p) for p in data["designation_patterns"]),
                    context=frozenset(data["designation_context"]), ship_prefixes=frozenset())


@lru_cache(maxsize=1)
def vehicles() -> Materiel:
    data = load_data("vehicles.json")
    return Materiel(names=frozenset(data["systems"]), classes=frozenset(),
                    patterns=tuple(re.compile(p) for p in data["designation_patterns"]),
                    context=frozenset(), ship_prefixes=frozenset(data["ship_prefixes"]))


@dataclass(frozen=True)
class CraftCues:
    """Words around a name that make it a vessel, aircraft or weapon whatever the name itself is."""

    vessel_descriptors: frozenset[str]  # "frigate", "cargo ship": the capitalised name after is a vessel
    flag_marker: str  # "flagged" in "the Russian-flagged Volgo-Balt 217"
    weapon_heads: frozenset[str]  # "missiles" in "Blue Spear missiles"


@lru_cache(maxsize=1)
def craft_cues() -> CraftCues:
    vehicles_data, weapons_data = load_data("vehicles.json"), load_data("weapons.json")
    return CraftCues(vessel_descriptors=frozenset(vehicles_data["vessel_descriptors"]),
                     flag_marker=vehicles_data["flag_marker"],
                     weapon_heads=frozenset(w.lower() for w in weapons_data["name_heads"]))


@dataclass(frozen=True)
class InstitutionWords:
    facility_heads: frozenset[str]
    org_heads: frozenset[str]
    company_heads: frozenset[str]


@lru_cache(maxsize=1)
def institution_words() -> InstitutionWords:
    data = load_data("facilities.json")
    return InstitutionWords(facility_heads=frozenset(data["heads"]), org_heads=frozenset(data["org_heads"]),
                            company_heads=frozenset(data["company_heads"]))


@dataclass(frozen=True)
class KnownOrganizations:
    canonical: dict[str, str]  # lower-cased name or abbreviation -> canonical name

    def canonical_name(self, name: str) -> str | None:
        return self.canonical.get(name.lower())


@lru_cache(maxsize=1)
def known_organizations() -> KnownOrganizations:
    data = load_data("organizations.json")["known"]
    table: dict[str, str] = {}
    for name, aliases in data.items():
        for form in (name, *aliases):
            table.setdefault(form.lower(), name)
    return KnownOrganizations(canonical=table)


@lru_cache(maxsize=1)
def furniture_lines() -> frozenset[str]:
    return frozenset(load_data("furniture.json")["lines"])


def given_names() -> frozenset[str]:
    """Common first names (the list coref.py uses for gender), to tell a person from a place."""
    return vocab.load("given_names").all  # type: ignore[no-any-return]
