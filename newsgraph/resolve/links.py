"""What two nodes have for and against being one real thing.

``blocking_keys`` says which nodes are compared at all (those sharing a key);
``compare`` weighs one pair and returns a ``Link``: its kind, a score and the
evidence for and against, in words an analyst can check.  Links of the *short*
kinds (a surname, a name prefix, a place without a point) are not joined by score
but by ``newsgraph.resolve.cluster`` when the corpus has exactly one candidate.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from newsgraph import vocab
from newsgraph.geo import country_code, demonym_country
from newsgraph.resolve.keys import (
    fold_compounds,
    group_stem,
    initials,
    is_full_name,
    is_generic_place,
    place_spelling,
    place_stem,
    possessive_stem,
    skeleton,
    tokens,
)
from newsgraph.resolve.name_forms import group_names, group_names_meet, place_names, place_names_meet
from newsgraph.resolve.nodes import Node
from newsgraph.settings import settings

FAMILY = {"PER": "per", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "fac", "WEA": "wea", "VEH": "veh"}
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


def family(node: Node) -> str:
    return "place" if node.kind in ("country", "geo") else FAMILY.get(node.type, node.type.lower())


def blocking_keys(node: Node) -> set[str]:
    """The index keys under which ``node`` meets the nodes it may be compared with (none for an "Old City")."""
    keys = node.values("keys")
    return set() if family(node) == "place" and keys and all(map(is_generic_place, keys)) else _name_keys(node)


def _name_keys(node: Node) -> set[str]:
    out = {f"n:{k}" for k in node.values("keys") | node.values("alias_keys")}
    fam = family(node)
    for key in node.values("keys"):
        words = tokens(key)
        if stem := possessive_stem(key):
            out.add(f"n:{stem}")
        if skel := skeleton(key):
            out.add(f"s:{skel}")
        if fam == "per" and words and len(words[-1]) >= 3:
            out.add(f"t:{words[-1]}")
        if fam == "org" and len(words) >= 2:
            out.add(f"f:{words[0]} {words[1]}")  # prefixes: "Syrian Observatory" / "... for Human Rights"
            if qualifier_country(key):
                out.add(f"n:{' '.join(words[1:])}")  # "Syrian National Coalition" meets "National Coalition"
            if len(ini := initials(key)) >= MIN_INITIALS:
                out.add(f"a:{ini}")
        if fam == "org" and (stem := group_stem(key)):
            out.add(f"n:{stem}")  # "Jabhat Fateh al-Sham" meets "Fateh al-Sham Front" ...
        if fam == "org" and 2 <= len(words) <= 3:
            out.add(f"p:{place_spelling(group_stem(key) or key)}")  # ... and "Fatah al-Sham" (group_names_meet)
        if fam == "org" and node.acronym and len(key) >= MIN_INITIALS:
            out.add(f"a:{key}")
    if fam == "place":
        names = place_names(node)
        out.update(f"n:{k}" for k in names)
        out.update(f"p:{spelt}" for k in names if (spelt := place_spelling(k)))
    if fam == "fac":
        out.update(f"g:{g}" for g in node.values("geonames"))
    return {_bounded(k) for k in out}


def _bounded(key: str) -> str:
    """Blocking keys of overlong names (scraped page furniture) are cut, with a digest to stay distinct."""
    if len(key) <= MAX_KEY:
        return key
    return f"{key[:MAX_KEY - 17]}#{hashlib.sha256(key.encode()).hexdigest()[:16]}"


@lru_cache(maxsize=settings().caches.names)
def _ratio(a: str, b: str) -> float:
    return fuzz.ratio(a, b)


def _alike(a: str, b: str) -> float:
    """Spelling similarity of two keys; 0 when words in the same place differ outright ('hama' / 'homs')."""
    a, b = fold_compounds(a), fold_compounds(b)
    ta, tb = tokens(a), tokens(b)
    word = settings().corpus.word_spelling
    if len(ta) == len(tb) > 1 and any(_ratio(x, y) < word for x, y in zip(ta, tb, strict=True)):
        return 0.0
    return _ratio(a, b)


@lru_cache(maxsize=settings().caches.names)
def related_names(a: str, b: str) -> bool:
    """Could two full names be one thing's?  Shared words (token-set similarity) or one extends the other."""
    ta, tb = tokens(a), tokens(b)
    return fuzz.token_set_ratio(a, b) >= settings().corpus.related_names or ta[:len(tb)] == tb or tb[:len(ta)] == ta


def given_names_clash(a: str, b: str) -> bool:
    """Two persons' full names with different given names: 'bashar assad' / 'hafez assad'."""
    ga, gb = tokens(a)[0], tokens(b)[0]
    if ga == gb or (len(ga) == 1 and gb.startswith(ga)) or (len(gb) == 1 and ga.startswith(gb)):
        return False
    return _ratio(ga, gb) < settings().corpus.given_name_spelling


@lru_cache(maxsize=settings().caches.names)
def generic_alias(key: str) -> bool:
    """A one-word alias that names a nationality or country, not the thing ('Syrian' for the Observatory)."""
    return len(tokens(key)) == 1 and (demonym_country(key) is not None or country_code(key) is not None)


def initials_run(short: str, full: str) -> bool:
    """'un security council' ~ 'united nations security council': a word of one is the other's words' initials."""
    ts, tf = tokens(short), tokens(full)
    if len(tf) <= len(ts):
        return False
    present = set(tf)
    for i, word in enumerate(ts):
        if len(word) < 2 or word in present:
            continue
        for j in range(len(tf)):
            for k in range(j + 2, min(len(tf), j + len(word)) + 1):
                if "".join(w[0] for w in tf[j:k]) == word and ts[:i] == tf[:j] and ts[i + 1:] == tf[k:]:
                    return True
    return False


def middle_name(short: str, full: str) -> bool:
    """'peter kassig' / 'peter edward kassig': the same first and last names, the longer has more between."""
    ts, tf = tokens(short), tokens(full)
    if len(ts) < 2 or len(tf) <= len(ts) or ts[0] != tf[0] or ts[-1] != tf[-1]:
        return False
    if ts[0] in vocab.load("common_words").particles:  # 'abu omar' is not 'abu mohammad omar'
        return False
    rest = iter(tf[1:-1])
    return all(word in rest for word in ts[1:-1])  # the short name's middle words, in order


def _types_compatible(a: Node, b: Node) -> bool:
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
    if not _types_compatible(a, b):
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


def _alias_support(a: Node, b: Node) -> tuple[int, str]:
    """How many members of one node name the other (its alias keys meet the other's name keys)."""
    best = (0, "")
    for x, y in ((a, b), (b, a)):
        names = y.values("keys")
        for key, count in x.alias_keys:
            if key in names and not generic_alias(key) and count > best[0]:
                best = (count, key)
    return best


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
    persons = {key for x in links if x.score > 0 and x.kind != "mistyped"
               and family(nodes[x.a]) == family(nodes[x.b]) == "per" for key in (x.a, x.b)}
    return {(x.a, x.b) for x in links if x.kind == "mistyped" and x.short_side in persons
            and nodes[x.b if x.short_side == x.a else x.a].kind not in ("geo", "country")}


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


Evidence = tuple[str, float, int, str, list[str]]  # kind, score, support, short side, reasons


def _evidence(a: Node, b: Node) -> Evidence | None:
    """The strongest evidence linking two nodes."""
    cfg = settings().corpus
    ka, kb = a.values("keys"), b.values("keys")
    if (called := _alias_evidence(a, b)) is not None:
        return called
    gazetteer = {a.kind, b.kind} & {"geo", "country"}
    if gazetteer:
        # the gazetteer decides between its own places; a place without a point may be one of them
        return _short_evidence(a, b) if {a.kind, b.kind} == gazetteer | {"place"} else None
    if ka & kb:
        shared = min(ka & kb)
        return "same-name", cfg.same_name, 1, "", [f"same name '{shared}' ({a.type} / {b.type})"]
    if family(a) == family(b) == "org" and (why := group_names_meet(a, b)):
        return "group-name", cfg.spelling, 1, "", [why]
    if family(a) == family(b) == "place" and (why := place_names_meet(a, b)):
        return "place-name", cfg.spelling, 1, "", [why]
    if (owned := _possessive_evidence(a, b)) is not None:
        return owned
    spelt = _spelling_evidence(a, b)
    if spelt is not None and spelt[1] >= cfg.merge:
        return spelt
    return _short_evidence(a, b) or spelt  # a short name's one candidate says more than a near spelling


def _alias_evidence(a: Node, b: Node) -> Evidence | None:
    """Documents give one node's name as an alias of the other."""
    support, alias = _alias_support(a, b)
    if not support:
        return None
    single = sorted(n.key for n in (a, b) if alias in n.values("keys") and not is_full_name(alias)
                    and not n.acronym)
    other = b if single and single[0] == a.key else a
    # a one-word name of a person or organisation is one of the words of the name it is short for
    if not single or family(other) not in ("per", "org") or any(
            alias in tokens(k) or alias in tokens(possessive_stem(k)) for k in other.values("keys")):
        return ("short-alias" if single else "alias", settings().corpus.alias, support, single[0] if single else "",
                [f"{support} document(s) give '{alias}' as a name of the other"])
    return None


def _possessive_evidence(a: Node, b: Node) -> Evidence | None:
    cfg = settings().corpus
    for x, y in ((a, b), (b, a)):
        for key in x.values("keys"):
            stem = possessive_stem(key)
            if stem and stem in y.values("keys"):
                return "possessive", cfg.possessive, 1, "", [f"'{key}' is '{stem}' with a possessive s"]
            # "the Assads regime" in a document that never writes his full name: what others call him, plus s
            if stem and family(x) == family(y) == "per" and not is_full_name(key) and stem in y.values("alias_keys"):
                return "possessive", cfg.possessive, 1, "", [f"'{key}' is '{stem}' (a name of the other) with an s"]
    return None


def _spelling_evidence(a: Node, b: Node) -> Evidence | None:
    cfg = settings().corpus
    best: Evidence | None = None
    for x in sorted(group_names(a)):
        for y in sorted(group_names(b)):
            if not (is_full_name(x) or len(x) >= 6) or not (is_full_name(y) or len(y) >= 6):
                continue
            ratio = _alike(x, y)
            same_skeleton = bool(skeleton(x)) and skeleton(x) == skeleton(y)
            if initials_run(x, y) or initials_run(y, x):
                found = ("initials", cfg.spelling, 1, "", [f"'{x}' abbreviates words of '{y}'"])
            elif family(a) == "per" and (middle_name(x, y) or middle_name(y, x)):
                found = ("middle-name", cfg.spelling, 1, "", [f"'{x}' / '{y}': a middle name more or less"])
            elif same_skeleton and ratio >= cfg.skeleton_spelling:
                found = ("spelling", cfg.spelling, 1, "", [f"same consonants '{skeleton(x)}', {ratio:.0f}% alike"])
            elif ratio >= cfg.spelling_ratio:
                found = ("spelling", cfg.spelling, 1, "", [f"spelt {ratio:.0f}% alike"])
            elif ratio >= cfg.candidate_ratio:
                found = ("similar", cfg.similar * ratio / 100, 1, "", [f"spelt {ratio:.0f}% alike"])
            else:
                continue
            if best is None or found[1] > best[1]:
                best = found
    return best


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


def _short_evidence(a: Node, b: Node) -> Evidence | None:
    cfg = settings().corpus
    fa = family(a)
    for x, y in ((a, b), (b, a)):
        if fa == "per" and len(x.values("keys")) and not x.full_names:
            surname = next((k for k in sorted(y.full_names) if tokens(k)[-1] in x.values("keys")), None)
            if surname:
                return "surname", cfg.short, 1, x.key, [f"'{x.name_key}' is the surname in '{surname}'"]
        if fa == "org" and (qualified := _qualified(x, y)):
            return "qualified", cfg.short, 1, x.key, [f"'{qualified}' is '{x.name_key}' with its country's name"]
        if fa == "org":
            for short in sorted(x.full_names):
                longer = next((k for k in sorted(y.values("keys")) if k.startswith(short + " ")), None)
                if longer:
                    return "prefix", cfg.short, 1, x.key, [f"'{short}' begins '{longer}'"]
        if x.kind == "place" and y.kind in ("geo", "country") and (why := place_names_meet(x, y)):
            # a name the gazetteer's place has outranks one it only spells alike ("Daraa" is Daraa, not Daraya)
            kind = "placeless" if place_names(x) & place_names(y) else "placeless-spelling"
            return kind, cfg.short, 1, x.key, [f"'{x.name_key}' is a name of the gazetteer's {y.name}: {why}"]
    for x, y in ((a, b), (b, a)):
        if x.acronym and any(initials(k) == x.name_key for k in y.values("keys")):
            return "acronym", cfg.acronym, 1, "", [f"'{x.name}' are the initials of '{y.name}'"]
    return None
