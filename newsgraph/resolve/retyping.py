"""Names the NER typed wrongly: a node that is the corpus's node of the same name under another type.

``mistyped`` says when one node is such a name ('Aleppos' read as a person, 'Damascus' as an
organisation); ``persons_kept`` the mistyped links the clustering must not apply (a person's name
beside another person of the block is that person's, not an unknown place's).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from newsgraph.resolve.keys import is_full_name, place_stem, possessive_stem
from newsgraph.resolve.name_evidence import generic_alias
from newsgraph.resolve.nodes import Node, family
from newsgraph.settings import settings

if TYPE_CHECKING:
    from newsgraph.resolve.links import Link


def mistyped(x: Node, y: Node) -> bool:
    """Is ``x`` a name the NER typed wrongly, that the corpus knows as ``y`` under another type?

    'Aleppos' read as a person once, 'Damascus' as an organisation: the same name (or its
    possessive) is a node of another type with many times the members.  Facilities keep
    their type (an airbase named after a town is not the town) and full names of persons
    are not retyped.
    """
    fx, fy = family(x), family(y)
    # NER over-reads persons and facilities: never retype into them; a facility may be an organisation
    if x.kind not in ("name", "place") or fx == fy or fy in ("per", "fac") or (fx == "fac" and fy != "org"):
        return False
    cfg = settings().corpus
    gazetteer = y.kind in ("geo", "country")
    if x.members * (cfg.retype_gazetteer_dominance if gazetteer else cfg.retype_dominance) > y.members:
        return False
    names = y.values("keys")
    if fx == "per" and x.full_names:  # a full name is retyped only as exactly a gazetteer place's name
        return gazetteer and bool(x.full_names & names)
    # a one-word name may be what documents call the other ('Observatory'); its possessive only from a
    # "person": 'Aleppos' is Aleppo's, but the organisation 'Hamas' is not Hama's
    called = {k for k in y.values("alias_keys") if not is_full_name(k) and not generic_alias(k)}
    return any(k in names or (k in called and not is_full_name(k)) or place_stem(k) in names
               or (fx == "per" and possessive_stem(k) in names | called) for k in x.values("keys"))


def persons_kept(nodes: Mapping[str, Node], links: Iterable[Link]) -> set[tuple[str, str]]:
    """The mistyped links not to apply: a person's name with evidence of naming another person of the
    block ('Assads' beside 'Bashar al-Assad') is that person's, not a place of that name the gazetteer
    does not know (the 'al-Assad' suburb of Aleppo must not take in the president).  A gazetteer place
    still takes in the names NER misread as persons ('Aleppos')."""
    links = list(links)
    # either end may be the misread one: 'Assad' read as an organisation in two documents, which 55 documents
    # give as a name of Bashar al-Assad, stays his too (fakes-0159, 0271 beside the suburb's six documents)
    persons = {key for x in links if x.score > 0 and x.kind != "mistyped"
               and "per" in (family(nodes[x.a]), family(nodes[x.b])) for key in (x.a, x.b)}
    return {(x.a, x.b) for x in links if x.kind == "mistyped" and x.short_side in persons
            and nodes[x.b if x.short_side == x.a else x.a].kind not in ("geo", "country")}
