"""The forms of a node's name that identity compares beyond its keys: a place's name without its kind word
or with a compass word, an armed group's name without "Front"."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from newsgraph.resolve.keys import (
    airfield_key,
    compass_fold,
    group_stem,
    place_spelling,
    place_stem,
    single_letters,
    tokens,
    transliteration,
)
from newsgraph.resolve.nodes import Node
from newsgraph.settings import settings


@lru_cache(maxsize=settings().caches.names)
def _ratio(a: str, b: str) -> float:
    return fuzz.ratio(a, b)


def group_names(node: Node) -> set[str]:
    """An organisation's name keys and, for an armed group's, the name without "Front" ('jabhat fateh sham',
    'fateh sham front' -> 'fateh sham'); other nodes' keys alone."""
    keys = set(node.values("keys"))
    if node.type != "ORG":
        return keys
    return keys | _stems(node)


def _stems(node: Node) -> set[str]:
    return {stem for k in node.values("keys") if (stem := group_stem(k))} if node.type == "ORG" else set()


def group_names_meet(a: Node, b: Node) -> str:
    """Why two organisations are one armed group whose name one writes with "Front" ('' if not): the rest of the
    name is the other's name ('fateh sham front' / 'jabhat fateh sham'), or one transliteration of it spelt two
    ways ('fate sham' / 'fata sham': the places normaliser's spelling, keys ``candidate_ratio`` alike)."""
    stems_a, stems_b = _stems(a), _stems(b)
    if not stems_a and not stems_b:
        return ""
    names_a, names_b = group_names(a), group_names(b)
    if shared := (stems_a & names_b) | (stems_b & names_a):
        return f"'{min(shared)}' names both, with or without 'Front'"
    ratio = settings().corpus.candidate_ratio
    for x in sorted(names_a):
        for y in sorted(names_b):
            if (x in stems_a or y in stems_b) and len(tokens(x)) == len(tokens(y)) >= 2 \
                    and place_spelling(x) == place_spelling(y) and _ratio(x, y) >= ratio:
                return f"'{x}' and '{y}' are one spelling '{place_spelling(x)}', with or without 'Front'"
    return ""


def place_names(node: Node) -> set[str]:
    """A place's name keys, without a kind word ('raqqa province'), a compass adjective as its word ('eastern
    ghouta' -> 'east ghouta'), and with doubled letters single ('raqa')."""
    keys = set(node.values("keys"))
    keys |= {stem for k in keys if (stem := place_stem(k))}
    keys |= {folded for k in keys if (folded := compass_fold(k))}
    return keys | {single_letters(k) for k in keys}


def place_names_meet(a: Node, b: Node) -> str:
    """Why two places' names are one name ('' if they are not): the same name without a kind word ('euphrates
    river' / 'euphrates'), or one transliteration spelt two ways ('kafraya' / 'kefraya': the places
    normaliser's ``spelling``, and keys ``candidate_ratio`` alike, since that spelling makes every vowel one:
    'midan' / 'mayadin' and 'hussein' / 'hessan' share it)."""
    names_a, names_b = place_names(a), place_names(b)
    if shared := names_a & names_b:
        return f"'{min(shared)}' names both"
    if said := {transliteration(k) for k in names_a} & {transliteration(k) for k in names_b}:
        return f"'{min(said)}' is how both transliterate one name"
    ratio = settings().corpus.candidate_ratio
    for x in sorted(names_a):
        for y in sorted(names_b):
            spelt = place_spelling(x)
            if spelt and spelt == place_spelling(y) and _ratio(x, y) >= ratio:
                return f"'{x}' and '{y}' are one spelling '{spelt}'"
    return ""


def facility_names(node: Node) -> set[str]:
    """A facility's airfield keys: 'tabqa airbase', 'tabqa air base', 'tabqa military airport' -> 'tabqa
    airfield' (none for a facility no airfield word ends)."""
    return {folded for k in node.values("keys") if (folded := airfield_key(k))}


def facility_names_meet(a: Node, b: Node) -> str:
    """Why two facilities are one airfield ('' if not): the same place's name before two of the words reports use
    for one airfield, or before one of them in two transliterations ('tabqa' / 'tabaqa' kept apart: only the
    transliteration key, not the vowel-blind spelling)."""
    names_a, names_b = facility_names(a), facility_names(b)
    if shared := names_a & names_b:
        return f"'{min(shared)}' names both"
    if said := {transliteration(k) for k in names_a} & {transliteration(k) for k in names_b}:
        return f"'{min(said)}' is how both transliterate one airfield's name"
    return ""
