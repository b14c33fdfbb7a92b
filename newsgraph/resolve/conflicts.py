"""What speaks against two nodes being one thing: hard conflicts that rule a pair out whatever else it
shares (types, countries, GeoNames places, given names), and soft ones that keep a short name from
joining (other roles, countries, affiliations).  ``newsgraph.resolve.partition`` asks the same
questions of whole clusters.
"""

from __future__ import annotations

from newsgraph.resolve.name_evidence import given_names_clash
from newsgraph.resolve.nodes import Node, family


def types_compatible(a: Node, b: Node) -> bool:
    fa, fb = family(a), family(b)
    if fa == fb:
        return True
    # NER types a name PER in one report and ORG in another: the same name, or one a document calls the other
    return {fa, fb} == {"per", "org"} and bool(
        a.values("keys") & (b.values("keys") | b.values("alias_keys"))
        or b.values("keys") & a.values("alias_keys"))


def hard_conflicts(a: Node, b: Node) -> list[str]:
    """Reasons two nodes cannot be one thing, whatever else they share."""
    out = []
    if not types_compatible(a, b):
        out.append(f"different types ({a.type} / {b.type})")
    kinds = {a.kind, b.kind}
    if kinds == {"country", "geo"}:
        out.append("a town or area is not its country")
    if a.kind == b.kind == "geo" and a.values("geonames") != b.values("geonames"):
        out.append("different GeoNames places")
    if family(a) in ("place", "fac") and a.country and b.country and a.country != b.country:
        out.append(f"different countries ({a.country} / {b.country})")
    if family(a) == family(b) == "per":
        for x in a.full_names:
            clash = next((y for y in b.full_names if given_names_clash(x, y)), None)
            if clash:
                out.append(f"different given names ({x} / {clash})")
                break
    return out


def soft_conflicts(a: Node, b: Node) -> list[str]:
    """What speaks against a short name joining a full one: other roles, countries, affiliations."""
    out = []
    for field, what in (("roles", "roles"), ("countries", "countries"), ("affiliations", "affiliations")):
        va, vb = a.values(field), b.values(field)
        if va and vb and not va & vb:
            out.append(f"different {what} ({', '.join(sorted(va)[:3])} / {', '.join(sorted(vb)[:3])})")
    return out
