"""One name, one entity: mentions of the same name typed differently are one thing, of one type.

spaCy types each mention from its sentence alone, so a document may read "al-Zabadani" as a
person in one sentence and "Zabadani" as a place in the next, or "Laurent Fabius" as a person
and then an organisation.  The groups of one name (compared without Arabic articles: "al-Zabadani"
is "Zabadani") are joined, and the type is decided by all their mentions, each weighed by what
typed it: a vocabulary (a known organisation, a country, a weapon) outweighs the text around a
mention ("the town of X", "X neighbourhood", a title before a name), which outweighs the gazetteer,
which outweighs spaCy's guess; a person's full name read as a person outweighs a stray reading as
an organisation.  A place written with and without its Arabic article or a town noun ("al-Waer" and
"Waer", "Palmyra city" and "Palmyra") is one place (``join_place_forms``), and so is a place transliterated two
ways ("Khan Shaykun" and "Khan Sheikhun").
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import combinations

from rapidfuzz.distance import Indel

from newsgraph import geo, vocab
from newsgraph.nlp.entities.groups import Group, clean, key, name_words, non_empty
from newsgraph.vocab.entities import InstitutionWords

# what a mention's type is worth, by what gave it (``MentionCandidate.origin``)
ORIGIN_WEIGHT = {"known": 6, "materiel": 6, "facility": 4, "context": 3, "place-word": 3, "gazetteer": 2,
                 "spacy": 1, "acronym": 1}
KNOWLEDGE_WEIGHT = 10  # a country or a known organisation: the vocabulary has decided
FULL_NAME_WEIGHT = 2   # per mention of a person's full name whose first word is a given name
PLACE_WEIGHT = 2       # the gazetteer knows a place by this name
# two spellings of one place: forms of this many letters or more, this share of their letters in common
# (Indel similarity: twice the longest common subsequence over the letters of both)
SPELLING_MIN_LETTERS = 5
SPELLING_SIMILARITY = 0.75


@lru_cache(maxsize=8192)
def name_key(surface: str) -> str:
    """The name without Arabic articles, compared as ``groups.key`` compares: "al-Zabadani" -> "zabadani"."""
    return key(" ".join(name_words(clean(surface))))


def join_same_names(groups: list[Group]) -> list[Group]:
    """Join the groups of one name that came apart by type, and type the whole by its mentions."""
    by_name: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        for k in {name_key(s) for s in g.surfaces}:
            if k and g not in by_name[k]:
                by_name[k].append(g)
    for members in by_name.values():
        live = [g for g in members if g.mentions]
        if len(live) < 2 or len({g.type for g in live}) < 2 or sum(bool(g.country or g.canonical) for g in live) > 1:
            continue
        if any(g.body_name for g in live):
            continue  # "Iran's Foreign Ministry" and "Foreign Ministry" are kept apart by their countries
        winner = _decided_type(live)
        owner = max((g for g in live if g.type == winner), key=lambda g: (bool(g.country or g.canonical),
                                                                          len(g.mentions)))
        for g in live:
            if g is not owner:
                owner.absorb(g)
        owner.type = winner
    return non_empty(groups)


def join_place_forms(groups: list[Group]) -> list[Group]:
    """ "al-Waer" and "Waer", "Al Raqqa" and "Raqqa", "Palmyra city" and "Palmyra": a place written with and
    without its Arabic article, or with the lower-case settlement noun scraped text runs into its name, is one
    place (a province or district is not its town: "Hama province" stays apart from "Hama")."""
    by_form: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.type in ("GPE", "LOC", "FAC") and not g.country:
            for form in {_place_form(s) for s in g.surfaces}:
                if form and g not in by_form[form]:
                    by_form[form].append(g)
    for members in by_form.values():
        live = [g for g in members if g.mentions]
        if len(live) < 2 or sum(bool(g.canonical) for g in live) > 1:
            continue
        winner = _decided_type(live) if len({g.type for g in live}) > 1 else live[0].type
        owner = max(live, key=lambda g: (g.type == winner, bool(g.canonical), len(g.mentions)))
        for g in live:
            if g is not owner:
                owner.absorb(g)
        owner.type = winner
    return _join_names_of_towns(_join_spellings(non_empty(groups)))


def _join_spellings(groups: list[Group]) -> list[Group]:
    """ "Khan Shaykun" and "Khan Sheikhun", "al-Quria" and "Al-Quriyah", "Deir ez-Zor" and "Deir e-Zzor": one
    place transliterated two ways in one article.  Their forms (``_place_form``) have the same consonants once
    vowels, a non-initial h and doubled letters go, and most of their letters in common; two names the gazetteer
    places apart stay apart, and so do names whose vowels differ in kind ("Harim", "Haram")."""
    by_skeleton: dict[str, list[tuple[str, Group]]] = defaultdict(list)
    for g in groups:
        if g.type in ("GPE", "LOC", "FAC") and not g.country and not g.canonical:
            for form in {_place_form(s).replace(" ", "") for s in g.surfaces}:
                if len(form) >= SPELLING_MIN_LETTERS and form.isalpha():
                    by_skeleton[_skeleton(form)].append((form, g))
    for spelled in by_skeleton.values():
        for (form, g), (other_form, other) in combinations(spelled, 2):
            if g is other or not g.mentions or not other.mentions or g.type != other.type \
                    or Indel.normalized_similarity(form, other_form) < SPELLING_SIMILARITY \
                    or not _vowels_agree(form, other_form) or _placed_apart(g, other):
                continue
            owner, joined = (g, other) if len(g.mentions) >= len(other.mentions) else (other, g)
            owner.absorb(joined)
    return non_empty(groups)


def _skeleton(form: str) -> str:
    """ "khanshaykun", "khansheikhoun" -> "knskn": the first letter, then the consonants without h, each once."""
    kept = form[0] + "".join(ch for ch in form[1:] if ch not in "aeiouyh")
    return "".join(ch for i, ch in enumerate(kept) if i == 0 or ch != kept[i - 1])


def _vowels_agree(form: str, other: str) -> bool:
    """Transliterations write one vowel "a" or "e" ("Kefraya", "Kafraya"), "i", "ee", "ei" or "ay" ("Sheikhun",
    "Shaykun"), "u", "o" or "ou"; "a" against "i" or "u" is another name ("Harim", "Haram")."""
    mine, theirs = _vowel_kinds(form), _vowel_kinds(other)
    return len(mine) != len(theirs) or all(a == b or "e" in (a, b) for a, b in zip(mine, theirs, strict=True))


def _vowel_kinds(form: str) -> list[str]:
    """The kind of each run of vowels after the first letter: "u" (u, o), "i" (i, y, ee), "a", or "e" (e alone:
    either a or i)."""
    kinds = []
    for run in re.findall(r"[aeiouy]+", form[0] + form[1:].replace("h", "")):
        kinds.append("u" if set(run) & set("uo") else "i" if set(run) & set("iy") or "ee" in run
                     else "a" if "a" in run else "e")
    return kinds


def _placed_apart(g: Group, other: Group) -> bool:
    here, there = geo.lookup_place(g.surfaces[0]), geo.lookup_place(other.surfaces[0])
    return here is not None and there is not None and (here.lat, here.lon) != (there.lat, there.lon)


def _join_names_of_towns(groups: list[Group]) -> list[Group]:
    """ "near Palmyra city ... the ruins of Palmyra" (read as a person): a name the document also writes with a
    town noun after it is that town, unless it opens with a given name."""
    towns = {name_key(without_town_noun(s)): g for g in groups if g.type in ("GPE", "LOC", "FAC")
             for s in g.surfaces if without_town_noun(s) != s}
    given = vocab.load("given_names").all
    for g in groups:
        if g.type in ("PER", "ORG") and not g.canonical and g.mentions \
                and all(name_key(s) in towns and s.split()[0].lower() not in given for s in g.surfaces):
            towns[name_key(g.surfaces[0])].absorb(g)
    return non_empty(groups)


@lru_cache(maxsize=8192)
def _place_form(surface: str) -> str:
    """A place's name without town noun, landform noun and Arabic article, also one written as a word of its own
    ("Al Raqqa"), its first word in one transliteration ("Tel" -> "Tal")."""
    words = without_town_noun(surface).split()
    entity_words = vocab.load("entity_words")
    if len(words) > 1 and words[-1].lower() in entity_words.landform_nouns:
        words = words[:-1]  # "the Golan Heights" and "the Golan"
    if len(words) > 1 and words[0].lower() in vocab.load("common_words").arabic_articles:
        words = words[1:]
    forms = entity_words.toponym_word_forms  # "Tal Baghdaq" and "Tel Baghdaq"
    return name_key(" ".join(forms.get(w.lower(), w) if i == 0 else w for i, w in enumerate(words)))


@lru_cache(maxsize=8192)
def without_town_noun(surface: str) -> str:
    """ "Palmyra city" -> "Palmyra": the name without the lower-case town noun after it."""
    words = surface.split()
    if len(words) > 1 and words[-1].islower() and words[-1] in vocab.load("entity_words").town_nouns:
        return " ".join(words[:-1])
    return surface


def _decided_type(groups: list[Group]) -> str:
    votes: dict[str, float] = defaultdict(float)
    given = vocab.load("given_names").all
    for g in groups:
        family = "GPE" if g.type in ("GPE", "LOC", "FAC") else g.type
        if g.country or g.canonical:
            votes[g.type] += KNOWLEDGE_WEIGHT
        for m in g.mentions:
            votes[g.type] += ORIGIN_WEIGHT.get(m.origin, 1)
            words = clean(m.text).split()
            if g.type == "PER" and len(words) > 1 and words[0].lower() in given:
                votes[g.type] += FULL_NAME_WEIGHT
        if family == "GPE" and geo.lookup_place(g.surfaces[0]) is not None:
            votes[g.type] += PLACE_WEIGHT
    return max(votes, key=lambda t: (votes[t], t == "GPE"))


def type_named_sites(groups: list[Group]) -> None:
    """ "Sayyida Zeinab" read as a person where the document also names "Sayyida Zeinab shrine" or "Sayyeda
    Zeinab Area": the bare name is the site or district the longer name calls so ("the threat to Sayyida
    Zeinab"), not a person, unless it opens with a given name ("Hafez al-Assad" beside "Hafez al-Assad
    Stadium" stays the man)."""
    heads: InstitutionWords = vocab.load("facilities")
    site_words = heads.facility_heads | vocab.load("entity_words").settlement_nouns
    sites: dict[str, str] = {}
    for g in groups:
        if g.type not in ("FAC", "GPE", "LOC"):
            continue
        for surface in g.surfaces:
            words = surface.split()
            if len(words) >= 3 and words[-1].lower() in site_words:
                sites.setdefault(key(" ".join(words[:-1])), g.type)
    if not sites:
        return
    given = vocab.load("given_names").all
    for g in groups:
        if g.type != "PER" or g.canonical or not g.mentions:
            continue
        found = {sites.get(key(s)) for s in g.surfaces}
        if None not in found and not any(s.split()[0].lower() in given for s in g.surfaces):
            g.type = "GPE" if "GPE" in found else min(t for t in found if t)
