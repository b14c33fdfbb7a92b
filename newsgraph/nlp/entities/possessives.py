"""Names that kept a stripped possessive's "s": one identity with the name the document writes bare.

The scraped-text tokenizer (``nlp/furniture/tokens.py``) splits "Syrias", "Assads", "U.N.s" before a word
that can follow a possessive; it leaves the s where the next word is a bracket or a quote ("Syrias
(pro-regime militia) National Defence Forces", "arm Syrias "moderate opposition""), where the name is
several words ("Islamic States advance", "the State Departments Jen Psaki", "US Air Forces attacks") or
where the surname is written with a given name elsewhere ("Assads Air Force" beside "Bashar al-Assad"),
and on a person's full name ("Bashar Assads regime", "Donald Trumps new policy").
The mention then names a second thing ("Syrias" beside "Syria", typed anything) and its claims and events
another actor. ``drop_possessive_s`` cuts the s off such a mention when the document names the thing
without it, so the two are one entity; names that end in s ("Hamas" beside "Hama", "Homs", "Williams")
stay whole.  A place the gazetteer knows, with the s before a lower-case noun or adjective ("Idlibs vast
militant-held area", "Damascuss ally"), a known organisation ("al-Qaedas Syrian affiliate", "Hezbollahs
fighters"), and a person's full name likewise ("Bashar Assads forces", "Theresa
Mays governing party") lose the s though the document never writes them bare: a name that
ends in s is followed by its verb ("Laurent Fabius said", "Valerie Amos told"), a comma or "and".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from newsgraph import geo, vocab
from newsgraph.nlp.doc_text import doc_text
from newsgraph.nlp.entities.scans import MentionCandidate
from newsgraph.vocab.common import GivenNames
from newsgraph.vocab.entities import Organizations
from newsgraph.vocab.furniture import ScrapedTokens

NAMED_TYPES = ("PER", "ORG", "GPE", "LOC", "FAC")
FINITE = ("VBD", "VBZ", "VBP", "MD")  # "the Armed Forces established": a plural subject's verb
OWNED = ("NN", "NNS", "JJ", "JJS", "JJR", "VBG")  # "Bashar Assads forces", "Trumps new", "Mays governing"
# a word after the name, maybe behind an opening bracket or quote mark: "Syrias (pro-regime …", "Syrias "moderate",
# or a count ("journalists killed in Syrias 30-month war")
AFTER = re.compile(r"[ \t]+[(\"“‘']?([A-Za-z0-9][\w-]*)")  # also "Syrias 30-month war"
STRIPPED = re.compile(r"(?:[a-z]|[A-Z]\.)s")  # "Syrias", "Ki-moons", "U.N.s": not "USS", not "Reuters'"


def drop_possessive_s(found: list[MentionCandidate], doc: Doc) -> list[MentionCandidate]:
    """The candidates, with a stripped possessive's s cut off each name the document also names without it."""
    bare: dict[str, Counter[str]] = {}
    for c in found:
        if c.type in NAMED_TYPES:
            bare.setdefault(c.text, Counter())[c.type] += 1
    surnames = {_last_word(c.text) for c in found if c.type == "PER" and " " in c.text}
    known: Organizations = vocab.load("organizations")
    out = []
    for c in found:
        stem = c.text[:-1]
        # written bare ("Syria" beside "Syrias"), or a surname of a person named in full ("Assads", "Bashar
        # Assads" beside "Bashar al-Assad"); the name keeps the type its bare mentions have
        owning = _full_name_owning(c, doc)
        place = stem not in bare and _place_owning(c, doc)
        group = stem not in bare and known.canonical_name(stem) is not None  # "al-Qaedas Syrian affiliate"
        if c.type in NAMED_TYPES and (stem in bare or _last_word(stem) in surnames or owning or place or group) \
                and _possessive(c, doc, owning):
            kind = bare[stem].most_common(1)[0][0] if stem in bare else "GPE" if place else "ORG" if group else "PER"
            out.append(replace(c, end=c.end - 1, text=stem, type=kind))
        else:
            out.append(c)
    return out


def _possessive(c: MentionCandidate, doc: Doc, owning: bool) -> bool:
    """The mention ends in an apostrophe-less possessive s: a word follows that is no verb of the name ("the
    Army and Armed Forces established …"), and the name with its s is no name of its own (a country, a known
    organisation, a place, a people, a given name).  A person's full name whose surname is a given name's form
    with an s, then a noun the person owns ("Saddam Husseins forces", "Theresa Mays governing party"), is the
    possessive of "Saddam Hussein": a full name ends in a given name and an s only in English patronymics
    ("Serena Williams first title"), which are listed."""
    if len(c.text) < 4 or STRIPPED.fullmatch(c.text[-2:]) is None:
        return False
    after = AFTER.match(doc_text(doc), c.end)
    scraped: ScrapedTokens = vocab.load("scraped_tokens")
    if after is None or after.group(1).lower() in scraped.not_before_possessive:
        return False
    word = doc.char_span(after.start(1), after.end(1), alignment_mode="expand")
    if word is not None and len(word) and word[0].tag_ in FINITE:
        return False
    known: Organizations = vocab.load("organizations")
    given: GivenNames = vocab.load("given_names")
    whole, last = c.text, _last_word(c.text).lower()
    if known.canonical_name(whole) is not None or geo.country_code(whole) is not None:
        return False  # "Hamas", "United States"
    if last in scraped.people_nouns or geo.demonym_country(_last_word(c.text)[:-1]) is not None:
        return False  # "the Kurds", "Syrians"
    if (last in given.gender or (last[:-1] in given.gender and c.type == "PER")) \
            and not (owning and last not in scraped.surnames_ending_in_s):
        return False  # "Boris", "Chris", "Williams"
    return geo.lookup_place(whole) is None  # "Homs", "Kilis", "Tartus"


def _full_name_owning(c: MentionCandidate, doc: Doc) -> bool:
    """ "Bashar Assads forces": a person's name of several words right before a lower-case noun or adjective."""
    return c.type == "PER" and " " in c.text.strip() and _owns_next_word(c, doc)


def _place_owning(c: MentionCandidate, doc: Doc) -> bool:
    """ "Idlibs vast militant-held area", "Moscows aerial campaign", "Ankaras offensive": a place the gazetteer
    knows, with the s, before a lower-case noun or adjective, where the text never writes the place bare."""
    return " " not in c.text.strip() and geo.lookup_place(c.text[:-1]) is not None and _owns_next_word(c, doc)


def _owns_next_word(c: MentionCandidate, doc: Doc) -> bool:
    """The word right after the mention, one space on, is a lower-case noun or adjective it may own."""
    after = AFTER.match(doc_text(doc), c.end)
    if after is None or after.start(1) != c.end + 1 or not after.group(1).islower():
        return False
    word = doc.char_span(after.start(1), after.end(1), alignment_mode="expand")
    return word is not None and len(word) == 1 and word[0].tag_ in OWNED


def _last_word(name: str) -> str:
    return name.replace("-", " ").split()[-1] if name.strip() else name
