"""What the words of a speaker phrase say about whom it can refer to: its determiner and possessor, a
place it calls its base, the gender of a name, and whether a name is a subject of a main clause."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph import vocab
from newsgraph.geo.countries import country_code, demonym_country
from newsgraph.nlp.doc_text import doc_text
from newsgraph.vocab.claims import ClaimSources, Relays
from newsgraph.vocab.common import GivenNames, Titles
from newsgraph.vocab.entities import EntityWords


def _sources() -> ClaimSources:
    sources: ClaimSources = vocab.load("claims_sources")
    return sources


def name_gender(name: str) -> str | None:
    """The gender a person's name suggests: an honorific ("Mrs. Lopez"), else the first name after any
    titles ("Hillary Clinton", "Prime Minister Theresa May" -> "f"; ``data/given_names.json``)."""
    honorifics = _sources().gendered_honorifics
    given: GivenNames = vocab.load("given_names")
    titles: Titles = vocab.load("titles")
    for word in name.lower().replace(".", " ").split():
        if word in honorifics:
            return honorifics[word]
        found = given.gender.get(word)
        if found or not titles.is_title_word(word):
            return found
    return None


def not_a_person(name: str) -> bool:
    """A nationality or country name typed as a person by mistake cannot be "he" or "she"."""
    return demonym_country(name) is not None or country_code(name) is not None


def definite(head: Token) -> bool:
    determiners = _sources().anaphoric_determiners
    return any(c.dep_ == "det" and c.lower_ in determiners for c in head.children)


def owned(head: Token) -> bool:
    """"Clinton's spokesman" is not Clinton: a possessor makes the head someone else."""
    return any(c.dep_ == "poss" for c in head.children)


def is_subject(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    # the subject of a main clause: "Iran Air had flown …" inside what a speaker said is no new topic
    verb = span.root.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return span.root.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ROOT"


def based_abroad(head: Token) -> bool:
    """"the Britain-based Observatory", "a London-based group": a body described by where it is based, which
    is a source of its own and not the outlet that relays it ("the Britain-based Observatory said" after
    "SANA reported"), unless its head word is an outlet's ("the London-based newspaper")."""
    relays: Relays = vocab.load("relays")
    monitors: EntityWords = vocab.load("entity_words")  # "monitor" is an outlet's word too (the Monitor)
    before = doc_text(head.doc)[head.left_edge.idx:head.idx]
    return "-based" in before and (head.lower_ not in relays.outlet_words
                                   or head.lower_ in monitors.monitor_descriptors)


def relative_word(tok: Token) -> bool:
    """A relative pronoun ("X, who said …", "the charge that the ministry denied"), but not an acronym that
    spells one, capitalised inside its sentence: "the WHO said in a statement" is the World Health
    Organization speaking, not a relative clause on the noun before."""
    return tok.tag_ in ("WP", "WDT") and not acronym(tok)


def acronym(tok: Token) -> bool:
    """A word in capitals inside its sentence ("WHO", "IT"): a name's acronym even where it spells a pronoun."""
    return len(tok.text) > 1 and tok.text.isupper() and tok.i > tok.sent.start


def known_as(head: Token) -> Token | None:
    """The name a speaker noun is given in its own phrase: "the organisation known as the White Helmets", "an
    activist group known as the Local Coordination Committees", "volunteers popularly known as the White
    Helmets" (not "an official with Fatah al-Sham Front formerly known as Nusra Front": that names the front)."""
    for acl in head.rights:
        if acl.dep_ != "acl" or acl.lemma_.lower() != "know" or acl.tag_ != "VBN":
            continue
        for prep in acl.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None
