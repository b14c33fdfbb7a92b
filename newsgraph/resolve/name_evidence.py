"""What two nodes' names have in common: spellings, initials, middle names, possessives, and the
aliases documents give.

``spelling_evidence``, ``possessive_evidence`` and ``alias_evidence`` return the ``Evidence`` that
``newsgraph.resolve.links.compare`` turns into a ``Link``; ``related_names`` and
``given_names_clash`` are asked by the clustering too (two full names nothing relates, two persons'
given names).  Each string test is cached (``settings().caches.names``): blocks compare the same names
over and over.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from newsgraph import vocab
from newsgraph.geo import country_code, demonym_country
from newsgraph.resolve.keys import fold_compounds, is_full_name, possessive_stem, skeleton, tokens
from newsgraph.resolve.name_forms import group_names
from newsgraph.resolve.nodes import Node, family
from newsgraph.settings import settings

Evidence = tuple[str, float, int, str, list[str]]  # kind, score, support, short side, reasons


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


def _alias_support(a: Node, b: Node) -> tuple[int, str]:
    """How many members of one node name the other (its alias keys meet the other's name keys)."""
    best = (0, "")
    for x, y in ((a, b), (b, a)):
        names = y.values("keys")
        for key, count in x.alias_keys:
            if key in names and not generic_alias(key) and count > best[0]:
                best = (count, key)
    return best


def alias_evidence(a: Node, b: Node) -> Evidence | None:
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


def possessive_evidence(a: Node, b: Node) -> Evidence | None:
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


def spelling_evidence(a: Node, b: Node) -> Evidence | None:
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
