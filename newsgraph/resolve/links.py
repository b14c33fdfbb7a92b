"""What two nodes have for and against being one real thing.

``blocking_keys`` says which nodes are compared at all (those sharing a key);
``compare`` weighs one pair and returns a ``Link``: its kind, a score and the
evidence for and against, in words an analyst can check.  Links of the *short*
kinds (a surname, a name prefix, a place without a point) are not joined by score
but by ``newsgraph.resolve.short_joins`` when the corpus has exactly one candidate.

The evidence itself is in ``name_evidence`` (spellings, initials, possessives, aliases),
``short_evidence`` (the short kinds), ``conflicts`` (what rules a pair out) and ``retyping``
(names the NER typed wrongly); their public names are importable from here too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.resolve.conflicts import hard_conflicts, soft_conflicts
from newsgraph.resolve.keys import (
    group_stem,
    initials,
    is_generic_place,
    place_spelling,
    possessive_stem,
    skeleton,
    tokens,
)
from newsgraph.resolve.name_evidence import (
    Evidence,
    alias_evidence,
    generic_alias,
    given_names_clash,
    initials_run,
    middle_name,
    possessive_evidence,
    related_names,
    spelling_evidence,
)
from newsgraph.resolve.name_forms import (
    facility_names,
    facility_names_meet,
    group_names_meet,
    place_names,
    place_names_meet,
)
from newsgraph.resolve.nodes import FAMILY, Node, family
from newsgraph.resolve.retyping import mistyped, persons_kept
from newsgraph.resolve.short_evidence import qualifier_country, short_evidence
from newsgraph.settings import settings

__all__ = [
    "FAMILY", "SHORT_KINDS", "Evidence", "Link", "blocking_keys", "compare", "family", "generic_alias",
    "given_names_clash", "hard_conflicts", "initials_run", "middle_name", "mistyped", "persons_kept",
    "qualifier_country", "related_names", "soft_conflicts",
]

MAX_KEY = 200  # the store's column width
MIN_INITIALS = 3  # two letters are the initials of half the names in a corpus
SHORT_KINDS = frozenset({"surname", "short-alias", "prefix", "placeless", "placeless-spelling", "qualified"})


@dataclass(frozen=True)
class Link:
    a: str  # node keys, a < b
    b: str
    kind: str
    score: float
    support: int = 1  # members that give the evidence
    short_side: str = ""  # for the short kinds: the node that names the other by less
    evidence_for: tuple[str, ...] = ()
    evidence_against: tuple[str, ...] = ()

    @property
    def short(self) -> bool:
        return self.kind in SHORT_KINDS


def blocking_keys(node: Node) -> set[str]:
    """The index keys under which ``node`` meets the nodes it may be compared with (none for an "Old City")."""
    keys = node.values("keys")
    return set() if family(node) == "place" and keys and all(map(is_generic_place, keys)) else _name_keys(node)


def _name_keys(node: Node) -> set[str]:
    """Every index key of a node: its names and alias keys, the spelling forms of each name, and the keys
    its family adds (a surname, an organisation's prefix and initials, a place's or a facility's names)."""
    fam = family(node)
    out = {f"n:{k}" for k in node.values("keys") | node.values("alias_keys")}
    for key in node.values("keys"):
        out.update(_spelling_keys(key))
        if fam == "per":
            out.update(_person_keys(key))
        elif fam == "org":
            out.update(_org_keys(key, node.acronym))
    if fam == "place":
        out.update(_place_keys(node))
    elif fam == "fac":
        out.update(_facility_keys(node))
    return {_bounded(k) for k in out}


def _spelling_keys(key: str) -> Iterator[str]:
    """A name without its possessive ("Assads" -> "assad") and its consonant skeleton, for any family."""
    if stem := possessive_stem(key):
        yield f"n:{stem}"
    if skel := skeleton(key):
        yield f"s:{skel}"


def _person_keys(key: str) -> Iterator[str]:
    """A person meets the nodes named by their surname (the last word, of three letters or more)."""
    words = tokens(key)
    if words and len(words[-1]) >= 3:
        yield f"t:{words[-1]}"


def _place_keys(node: Node) -> Iterator[str]:
    """A place meets the nodes of its names ('raqqa province' as 'raqqa', 'eastern ghouta' as 'east ghouta')
    and of their spelling with every vowel one ('kafraya' / 'kefraya')."""
    for name in place_names(node):
        yield f"n:{name}"
        if spelt := place_spelling(name):
            yield f"p:{spelt}"


def _facility_keys(node: Node) -> Iterator[str]:
    """A facility meets the others at its gazetteer point and by its airfield key ('tabqa air base' and
    'tabqa military airport' are both 'tabqa airfield')."""
    yield from (f"g:{g}" for g in node.values("geonames"))
    yield from (f"n:{k}" for k in facility_names(node))


def _org_keys(key: str, acronym: bool) -> Iterator[str]:
    """An organisation meets its prefix, its name without a country, its initials and its group stem."""
    words = tokens(key)
    if len(words) >= 2:
        yield f"f:{words[0]} {words[1]}"  # prefixes: "Syrian Observatory" / "... for Human Rights"
        if qualifier_country(key):
            yield f"n:{' '.join(words[1:])}"  # "Syrian National Coalition" meets "National Coalition"
        if len(ini := initials(key)) >= MIN_INITIALS:
            yield f"a:{ini}"
    if stem := group_stem(key):
        yield f"n:{stem}"  # "Jabhat Fateh al-Sham" meets "Fateh al-Sham Front" ...
    if 2 <= len(words) <= 3:
        yield f"p:{place_spelling(stem or key)}"  # ... and "Fatah al-Sham" (group_names_meet)
    if acronym and len(key) >= MIN_INITIALS:
        yield f"a:{key}"


def _bounded(key: str) -> str:
    """Blocking keys of overlong names (scraped page furniture) are cut, with a digest to stay distinct."""
    if len(key) <= MAX_KEY:
        return key
    return f"{key[:MAX_KEY - 17]}#{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def compare(a: Node, b: Node) -> Link | None:
    """The link between two nodes (a.key < b.key), or None when nothing relates them."""
    for x, y in ((a, b), (b, a)):
        if mistyped(x, y):
            return Link(a.key, b.key, "mistyped", settings().corpus.same_name, x.members, x.key,
                        (f"'{x.name}' ({x.type}) is the {y.type} of that name in {y.members} documents",))
    against = hard_conflicts(a, b)
    found = _evidence(a, b)
    if found is None:
        return None
    kind, score, support, short_side, reasons = found
    return Link(a.key, b.key, kind, 0.0 if against else score, support, short_side, tuple(reasons), tuple(against))


def _evidence(a: Node, b: Node) -> Evidence | None:
    """The strongest evidence linking two nodes."""
    cfg = settings().corpus
    ka, kb = a.values("keys"), b.values("keys")
    if (called := alias_evidence(a, b)) is not None:
        return called
    gazetteer = {a.kind, b.kind} & {"geo", "country"}
    if gazetteer:
        # the gazetteer decides between its own places; a place without a point may be one of them
        return short_evidence(a, b) if {a.kind, b.kind} == gazetteer | {"place"} else None
    if ka & kb:
        shared = min(ka & kb)
        return "same-name", cfg.same_name, 1, "", [f"same name '{shared}' ({a.type} / {b.type})"]
    if family(a) == family(b) == "org" and (why := group_names_meet(a, b)):
        return "group-name", cfg.spelling, 1, "", [why]
    if family(a) == family(b) == "place" and (why := place_names_meet(a, b)):
        return "place-name", cfg.spelling, 1, "", [why]
    if family(a) == family(b) == "fac" and (why := facility_names_meet(a, b)):
        return "place-name", cfg.spelling, 1, "", [why]
    if (owned := possessive_evidence(a, b)) is not None:
        return owned
    spelt = spelling_evidence(a, b)
    if spelt is not None and spelt[1] >= cfg.merge:
        return spelt
    return short_evidence(a, b) or spelt  # a short name's one candidate says more than a near spelling
