"""Check the types of mention candidates against the gazetteer, the vocabularies and the words around them.

``retype`` asks the rules of ``RULES`` in order; the first that decides gives the candidate
its type (or drops it: not an entity).  Each rule is one observation about how spaCy's small
model goes wrong on news text: a city read as an organisation, a news agency as a person, a
surname as a place, part of a title as an organisation.  What the words around a name say of a place
("the village of X", "in X", "rebel-held X") is ``place_context.py``'s; what a name's own words say is
``name_kinds.py``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Span

from newsgraph import geo, vocab
from newsgraph.geo import Place
from newsgraph.nlp.entities import headlines, instruments, name_kinds, place_context
from newsgraph.nlp.entities.scans import MentionCandidate
from newsgraph.nlp.entities.verdicts import APOSTROPHES, UNDECIDED, Undecided, Verdict
from newsgraph.settings import settings
from newsgraph.vocab.common import Titles
from newsgraph.vocab.entities import InstitutionWords

# candidates from the vocabularies and patterns are typed by them already
LEXICON_ORIGINS = ("materiel", "facility", "known")


@dataclass
class Reading:
    """One candidate with what the rules look up about it, each looked up once."""

    cand: MentionCandidate
    doc: Doc
    span: Span | None  # the candidate's tokens

    @property
    def text(self) -> str:
        return self.cand.text

    @property
    def type(self) -> str:
        return self.cand.type

    @cached_property
    def iso(self) -> str | None:
        return geo.country_code(self.text)

    @cached_property
    def place(self) -> Place | None:
        """The gazetteer's reading, for places and one-word names (a longer "person" is looked up no further)."""
        looked_up = self.type in ("GPE", "LOC") or " " not in self.text
        return geo.lookup_place(self.text) if looked_up else None

    def as_type(self, type_: str, country: str | None = None) -> MentionCandidate:
        return replace(self.cand, type=type_, country=country) if country else replace(self.cand, type=type_)

    def word_before(self, back: int = 1) -> str | None:
        """The lower-case word ``back`` tokens before the candidate."""
        if self.span is None or self.span.start < back:
            return None
        return self.doc[self.span.start - back].lower_

    def word_after(self) -> str | None:
        """The lower-case word right after the candidate."""
        if self.span is None or self.span.end >= len(self.doc):
            return None
        return self.doc[self.span.end].lower_

    def after_locative(self, words: frozenset[str] | None = None) -> bool:
        locatives = words if words is not None else vocab.load("entity_words").locatives
        return self.word_before() in locatives

    def before_admin_word(self) -> bool:
        """ "al-Mahra governorate", "Borno state": a lower-case administrative noun right after the name."""
        if self.span is None or self.span.end >= len(self.doc):
            return False
        nxt = self.doc[self.span.end]
        return nxt.is_lower and nxt.text in vocab.load("common_words").admin_words

    def after_place_word(self) -> bool:
        """ "the village of Tall Tawil", "the town of Masyaf": a place whatever spaCy thought."""
        return self.word_before() == "of" and self.word_before(2) in vocab.load("entity_words").place_words

    def title_before(self) -> bool:
        """A title right before the name: "President Bush", "Mr Paris"."""
        titles: Titles = vocab.load("titles")
        return self.span is not None and self.span.start >= 1 and titles.is_title_word(
            self.doc[self.span.start - 1].text)

    def acts_like_person(self) -> bool:
        """A title before the name ("President Bush") or the name as subject of a verb ("Erdogan threatened")."""
        if self.span is None:
            return False
        if self.title_before():
            return True
        root = self.span.root
        return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and not self.after_locative()

    def possessor(self) -> bool:
        """ "towards Assads atrocities", "near Assad's forces": the name owns the noun after it (the scraped
        possessive's apostrophe lost or kept), so the preposition before it governs that noun, not the name."""
        if self.span is None:
            return False
        tail = self.span.text[len(self.text):] if self.span.text.startswith(self.text) else ""
        last = self.span[-1]
        glued_s = self.word_after() == "s" and not last.whitespace_  # "Assads" split as "Assad" + "s"
        return tail.lower() in ("s", "'s", "\u2019s") or glued_s or self.word_after() in ("'s", "\u2019s")

    def owns_ruler_noun(self) -> bool:
        """ "Bashar al-Assads regime", "Assad's regime": a ruler's noun after the name's possessive."""
        if self.span is None or self.span.end + 1 >= len(self.doc) or not self.possessor():
            return False
        after = self.doc[self.span.end + 1] if self.word_after() in ("s", *APOSTROPHES) else self.doc[self.span.end]
        return after.lower_ in vocab.load("entity_words").ruler_nouns

    def first_word_is_given_name(self) -> bool:
        return self.text.split()[0].lower() in vocab.load("given_names").all


Rule = Callable[[Reading], Verdict]


def retype(cand: MentionCandidate, doc: Doc) -> MentionCandidate | None:
    """Fix spaCy's types with the gazetteer and lexicons; None for what is not an entity."""
    reading = Reading(cand, doc, doc.char_span(cand.start, cand.end, alignment_mode="expand"))
    if cand.origin == "facility" and headlines.common_word_opening_headline(reading):
        return None  # "Blast Kills Grand Mosque": a headline's words before a facility's head noun
    if cand.origin in LEXICON_ORIGINS:
        return cand
    for rule in RULES:
        verdict = rule(reading)
        if isinstance(verdict, MentionCandidate) and verdict.type != cand.type:
            return replace(verdict, origin="context")  # the text showed the type: it outweighs spaCy's guess
        if not isinstance(verdict, Undecided):
            return verdict
    return cand


def _no_name(r: Reading) -> Verdict:
    """No letters, one character, a number spaCy read as a name, or capitals that name nothing ("CEO")."""
    text = r.text
    if not any(ch.isalpha() for ch in text) or len(text) < 2 or (text[0].isdigit() and r.cand.origin == "spacy"):
        return None
    return None if text in vocab.load("entity_words").not_acronyms else UNDECIDED


def _known_organization(r: Reading) -> Verdict:
    if r.type != "PER" and vocab.load("organizations").canonical_name(r.text):
        return r.as_type("ORG")
    return UNDECIDED


def _demonym_read_as_name(r: Reading) -> Verdict:
    """ "Syrian" tagged ORG or GPE is the demonym: a mention of its country, never a name of its own."""
    if r.type in ("ORG", "PER", "GPE", "LOC") and " " not in r.text and not r.iso:
        country = geo.demonym_country(r.text)
        if country:
            return replace(r.cand, type="NORP", country=country)
    return UNDECIDED


def _nationality(r: Reading) -> Verdict:
    """A NORP is a demonym (kept, with its country), a country or a town spaCy misread, or nothing."""
    if r.type != "NORP":
        return UNDECIDED
    demonym = geo.demonym_country(r.text)
    if demonym:
        return replace(r.cand, country=demonym)  # "the Syrian province of Aleppo", "Syrian state television"
    if r.before_admin_word() or (r.span is not None and name_kinds.place_noun_after(r.doc, r.span.end)):
        return r.as_type("GPE")  # "al-Mahra governorate", "the al-Sulaymaniyah neighbourhood": spaCy reads "al-"
    if r.iso:
        return r.as_type("GPE", r.iso)
    if geo.lookup_place(r.text) is not None:
        return r.as_type("GPE")  # spaCy reads some Arabic city names as nationalities
    return None


def _country(r: Reading) -> Verdict:
    """A country's name is the country ("England" is a place of its own, not another name of the UK)."""
    if r.iso and r.type in ("ORG", "PER", "FAC", "GPE", "LOC"):
        return replace(r.cand, type="GPE", country=None if geo.constituent_country(r.text) else r.iso)
    return UNDECIDED


def _town_read_as_other(r: Reading) -> Verdict:
    """A city is never an organisation; a "person" named like a city is the city after "in", or when the
    city is big and nothing shows a person (a surname is put back later)."""
    place = r.place
    if place is None or r.type not in ("ORG", "PER", "FAC"):
        return UNDECIDED
    big = place.population >= settings().entities.big_city_population
    # "Ankara said", "Homs has seen": a big city as the subject of a verb is the city (its government, its
    # people); only a title before it makes it a person ("a surname is put back later" covers the rest)
    if r.type != "PER" or place.kind != "city" or r.after_locative() or (big and not r.title_before()):
        return r.as_type("GPE")
    return UNDECIDED


def _place_with_admin_word(r: Reading) -> Verdict:
    """ "A source at Homs Governorate told SANA", "shells on Daraa Province": a known place and an administrative
    noun name the province, however spaCy typed it (a site, an organisation)."""
    words = r.text.split()
    admin_words = vocab.load("common_words").admin_words
    if r.type not in ("ORG", "FAC") or len(words) < 2 or words[-1].lower() not in admin_words:
        return UNDECIDED
    return r.as_type("GPE") if geo.lookup_place(" ".join(words[:-1])) is not None else UNDECIDED


def _unknown_place(r: Reading) -> Verdict:
    """A "place" the gazetteer does not know: "H1N1" is no place, "NGO" and "MoD" are abbreviations."""
    if r.type not in ("GPE", "LOC") or r.iso is not None or r.place is not None:
        return UNDECIDED
    if any(ch.isdigit() for ch in r.text):
        return None
    if " " not in r.text and len(r.text) <= 5 and sum(ch.isupper() for ch in r.text) >= 2:
        return r.as_type("ORG")
    return UNDECIDED


def _unknown_place_acting_like_person(r: Reading) -> Verdict:
    """ "Erdogan threatened ...", "dealing with Assad who ...", "the Assad regime": one word, no place the
    gazetteer knows, and a person's grammar or a ruler's noun after it; an "organisation" or "site" before a
    ruler's noun is the ruler too when it is one word no vocabulary knows ("in Assad regime airstrikes") or a
    name that opens with a given name ("the Bashar al-Assad regime")."""
    ruled = r.word_after() in vocab.load("entity_words").ruler_nouns or r.owns_ruler_noun()
    if r.type == "GPE" and " " not in r.text and r.place is None and (
            r.acts_like_person() or r.word_after() == "who" or ruled):
        return r.as_type("PER")
    if ruled and r.type in ("GPE", "ORG", "FAC", "LOC") and r.place is None and not r.iso \
            and (" " not in r.text or r.first_word_is_given_name()):
        return r.as_type("PER")
    return UNDECIDED


def _group_called_a_group(r: Reading) -> Verdict:
    """ "the Aleppo-based Fastaqim opposition group", "the rebel group Fastaqim": a name the text calls a
    group, right before or after the noun, is an organisation (not a place the gazetteer knows)."""
    if r.type not in ("GPE", "LOC", "PER") or r.span is None or r.iso or r.place is not None \
            or (r.type == "PER" and r.first_word_is_given_name()):
        return UNDECIDED
    nouns = vocab.load("entity_words").based_nouns
    doc, end, start = r.doc, r.span.end, r.span.start
    after = [t for t in doc[end:end + 2] if t.is_lower]
    if after and (after[0].text in nouns or (len(after) == 2 and after[0].pos_ in ("NOUN", "ADJ")
                                             and after[1].text in nouns)):
        return r.as_type("ORG")
    before = doc[start - 2] if start >= 2 else None
    if before is not None and doc[start - 1].text in nouns and before.is_lower and before.pos_ in ("NOUN", "ADJ"):
        return r.as_type("ORG")  # "the rebel group Fastaqim", "the opposition group X"
    return UNDECIDED


def _institution_named_like_person(r: Reading) -> Verdict:
    """ "Darya Navgan Shipping": a "person" whose last word is an organisation or company word."""
    heads: InstitutionWords = vocab.load("facilities")
    if r.type == "PER" and " " in r.text and r.text.split()[-1].lower() in (heads.org_heads | heads.company_heads):
        return r.as_type("ORG")
    return UNDECIDED


def _place_named_like_person(r: Reading) -> Verdict:
    """ "Sayyeda Zeinab Area", "Hama District": a "person" whose last word, capitalised, ends an area's name."""
    words = r.text.split()
    if r.type == "PER" and len(words) >= 2 and words[-1][:1].isupper() \
            and words[-1].lower() in vocab.load("entity_words").area_nouns:
        return r.as_type("GPE")
    return UNDECIDED


def _person_named_like_institution(r: Reading) -> Verdict:
    """ "Kremlin spokesman Dmitry Orlov": spaCy-sm reads the name as the Kremlin's; a first name and no
    organisation word at the end make it a person."""
    words = r.text.split()
    heads: InstitutionWords = vocab.load("facilities")
    if r.type == "ORG" and 2 <= len(words) <= 3 and r.first_word_is_given_name() \
            and words[-1].lower() not in heads.org_heads:
        return r.as_type("PER")
    return UNDECIDED


def _title_fragment(r: Reading) -> Verdict:
    """ "Defense" in "Former Defense Secretary Mark Esper", "Iraqi National Security" in "Iraqi National
    Security Adviser Qasim al-Araji", "State" in "Secretary of State Daniel Harlow": part of a title."""
    return None if _is_title_fragment(r.doc, r.span) else UNDECIDED


def _is_title_fragment(doc: Doc, span: Span | None) -> bool:
    if span is None or span.end >= len(doc):
        return False
    titles: Titles = vocab.load("titles")
    j = span.end
    if (span.start >= 2 and doc[span.start - 1].lower_ == "of" and titles.is_head(doc[span.start - 2].text)
            and doc[span.start - 2].is_title and doc[j].ent_type_ == "PERSON"):
        return True  # the office in "Secretary of State Daniel Harlow"
    if not (doc[j].is_title and titles.is_title_word(doc[j].text)):
        return False
    if all(titles.is_title_word(t.text) for t in span):
        return True
    while j < len(doc) and doc[j].is_title and titles.is_title_word(doc[j].text):
        j += 1
    return j < len(doc) and doc[j].ent_type_ == "PERSON"


def _person_after_title(r: Reading) -> Verdict:
    """ "his French counterpart Laurent Fabius", "UN envoy Staffan de Mistura", "Russia's deputy defense minister,
    Yunus-Bek Yevkurov, visited": a name right after a title head (or apposed to it between commas) is a person,
    though spaCy read an organisation (unless an organisation word ends it)."""
    if r.type != "ORG" or r.span is None or r.span.start == 0 or not 2 <= len(r.text.split()) <= 4:
        return UNDECIDED
    titles: Titles = vocab.load("titles")
    heads: InstitutionWords = vocab.load("facilities")
    doc, start, end = r.doc, r.span.start, r.span.end
    apposed = start >= 2 and doc[start - 1].text == "," and end < len(doc) and doc[end].text == ","
    before = doc[start - 2] if apposed else doc[start - 1]
    last = r.text.split()[-1].lower()
    if titles.is_head(before.text) and before.pos_ in ("NOUN", "PROPN") and last not in heads.org_heads \
            and last not in heads.company_heads and all(w[:1].isupper() for w in r.text.split()):
        return r.as_type("PER")
    return UNDECIDED


def _person_in_capitals(r: Reading) -> Verdict:
    """ "SANA": people are not written in capitals in running text."""
    if r.text.isupper() and r.type == "PER" and len(r.text) <= 6:
        return r.as_type("ORG")
    return UNDECIDED


RULES: tuple[Rule, ...] = (
    _no_name, name_kinds.no_entity, instruments.body_of_law, headlines.headline_run_into_name, _known_organization,
    name_kinds.opening_of_known_organisation, _demonym_read_as_name,
    name_kinds.apposed_kind, name_kinds.outlet_named,
    name_kinds.kunya, _nationality, _country, name_kinds.armed_group, _town_read_as_other, _place_with_admin_word,
    _unknown_place,
    _group_called_a_group, _unknown_place_acting_like_person,
    place_context.held_by_a_side, place_context.name_in_place_context, name_kinds.arabic_place_name,
    name_kinds.article_name_alone, name_kinds.called_a_place, name_kinds.listed_among_places,
    name_kinds.place_named_as_organisation, _institution_named_like_person, _place_named_like_person,
    _person_named_like_institution, _title_fragment, _person_after_title, _person_in_capitals,
)
