"""The evidence of the short kinds: a name that says less than the other (``links.SHORT_KINDS``).

A surname of a full name, an organisation's name after its country's adjective ('syrian national
coalition' for 'national coalition'), a name that begins a longer one, a place without a point that is
a gazetteer place's name; and an acronym of a name's initials.  These links are not joined by score:
``newsgraph.resolve.short_joins`` joins a short name to the one cluster it can mean.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.geo import country_code, demonym_country
from newsgraph.resolve.keys import initials, tokens
from newsgraph.resolve.name_evidence import Evidence
from newsgraph.resolve.name_forms import place_names, place_names_meet
from newsgraph.resolve.nodes import Node, family
from newsgraph.settings import settings


@lru_cache(maxsize=settings().caches.names)
def qualifier_country(key: str) -> str | None:
    """The country a name of three words or more begins with ('russian foreign ministry' -> RU), or None."""
    first, _, rest = key.partition(" ")
    if " " not in rest:
        return None
    return demonym_country(first) or country_code(first)


def _qualified(x: Node, y: Node) -> str:
    """A key of ``y`` that is a full name of ``x`` after a country's adjective or name ('syrian national
    coalition' for 'national coalition'); '' if none."""
    for key in sorted(y.values("keys")):
        if key.partition(" ")[2] in x.full_names and qualifier_country(key):
            return key
    return ""


def short_evidence(a: Node, b: Node) -> Evidence | None:
    """The first short kind either node is of the other, tried both ways round; then an acronym."""
    fa = family(a)
    for x, y in ((a, b), (b, a)):
        if found := _shorter(fa, x, y):
            return found
    for x, y in ((a, b), (b, a)):
        if x.acronym and any(initials(k) == x.name_key for k in y.values("keys")):
            return "acronym", settings().corpus.acronym, 1, "", [f"'{x.name}' are the initials of '{y.name}'"]
    return None


def _shorter(fa: str, x: Node, y: Node) -> Evidence | None:
    """How ``x`` says less than ``y`` (of family ``fa``): its surname, its name without the country's, the
    beginning of its name, or a gazetteer place's name without the point; None if it does not."""
    short = settings().corpus.short
    if fa == "per" and len(x.values("keys")) and not x.full_names:
        surname = next((k for k in sorted(y.full_names) if tokens(k)[-1] in x.values("keys")), None)
        if surname:
            return "surname", short, 1, x.key, [f"'{x.name_key}' is the surname in '{surname}'"]
    if fa == "org" and (qualified := _qualified(x, y)):
        return "qualified", short, 1, x.key, [f"'{qualified}' is '{x.name_key}' with its country's name"]
    if fa == "org":
        for name in sorted(x.full_names):
            longer = next((k for k in sorted(y.values("keys")) if k.startswith(name + " ")), None)
            if longer:
                return "prefix", short, 1, x.key, [f"'{name}' begins '{longer}'"]
    if x.kind == "place" and y.kind in ("geo", "country") and (why := place_names_meet(x, y)):
        # a name the gazetteer's place has outranks one it only spells alike ("Daraa" is Daraa, not Daraya)
        kind = "placeless" if place_names(x) & place_names(y) else "placeless-spelling"
        return kind, short, 1, x.key, [f"'{x.name_key}' is a name of the gazetteer's {y.name}: {why}"]
    return None
