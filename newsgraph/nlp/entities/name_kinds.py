"""What kind of thing a name is, read off its own words and the words around it.

Reporting on the Syrian war (and on the Arabic-speaking world generally) names armed groups,
neighbourhoods and villages that spaCy's small model has never seen; it reads most of them as
people.  Their words give them away: an armed group's name opens with "Jaish", "Jabhat",
"Ahrar" ("Jaish al-Islam", "Jabhat Fath al-Sham"), a place's name with "Bab", "Khan", "Deir"
("Bab Sharqi", "Khan Arnabeh"), and the text calls places places ("Maisaloun neighborhood",
"the towns of Nubbul and al-Zahraa", "al-Foua and Kefraya towns").  The words of faiths,
sects and peoples ("Alawite", "Takfiri", "Kurd") and bare dates ("Sat Mar") are no entity.
Each test here is one rule of ``retyping.RULES``; the word lists are ``data/entity_words.json``.  The words of a
Title Case headline run into the text are ``headlines.py``'s.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from newsgraph import geo, vocab
from newsgraph.nlp.doc_text import doc_text
from newsgraph.nlp.entities import headlines
from newsgraph.nlp.entities.verdicts import UNDECIDED, Verdict
from newsgraph.vocab.common import Titles
from newsgraph.vocab.entities import EntityWords, InstitutionWords

if TYPE_CHECKING:
    from newsgraph.nlp.entities.retyping import Reading

# how far a list of names may run before the place noun or "the towns of" that types all of them
LIST_REACH = 20
# how many modifiers may stand between an apposition's article and its head noun ("a tiny, remote island")
APPOSITION_REACH = 5


def _words() -> EntityWords:
    words: EntityWords = vocab.load("entity_words")
    return words


def no_entity(r: Reading) -> Verdict:
    """A faith, sect, ideology or people ("Alawite", "Shia Muslims", "Kurd"), only calendar words and numbers ("Sat
    Mar", "Oct 2014"), or a direction word alone as a place ("the West")."""
    words = [w.strip(".").lower().replace("\u2019", "'") for w in r.text.replace("-", " ").split()]
    if not words:
        return UNDECIDED
    if all(w in _words().identity_words for w in words) or (r.type != "NORP" and _a_date(words)):
        return None  # "Sat Mar", "Oct 2014": a date spaCy read as a name
    if r.cand.origin == "spacy" and not any(ch.isupper() for ch in r.text) and not (
            r.type == "ORG" and any(w in vocab.load("facilities").org_heads for w in words)):
        return None  # "warplanes", "mosques": spaCy's lower-case guesses name nothing ("the interior ministry" does)
    if r.type in ("GPE", "LOC") and len(words) == 1 and words[0] in vocab.load("common_words").directions:
        return None  # "the West has accused Russia", "the East": a bloc or a direction, no place on the map
    if r.type in ("PER", "ORG") and r.span is not None and any(t.text[0].isdigit() for t in r.span[:-1]):
        return None  # "Kills 30 Daesh": a headline's words, not a name (a number ends a name: "Institute 4000")
    if all(w in _words().occasion_words or w in vocab.load("common_words").arabic_articles for w in words):
        return None  # "Eid al-Fitr", "Ramadan": a feast is a date, not a place or a person
    if r.cand.origin == "spacy" and headlines.common_word_opening_sentence(r):
        return None  # "Rockets fired from multiple launchers hit ...", where the text writes "rockets"
    if r.cand.origin in ("spacy", "acronym") and headlines.common_word_in_capitals(r):
        return None  # "WINNING RESPECT", "BASES": a section heading in capitals, where the text writes "bases"
    return None if r.cand.origin == "spacy" and headlines.headline_words(r, words) else UNDECIDED


def _a_date(words: list[str]) -> bool:
    """Month and weekday words, maybe with numbers ("sat mar", "oct 2014")."""
    calendar: frozenset[str] = vocab.load("dates").calendar_words
    return all(w in calendar or w.isdigit() for w in words) and any(w in calendar for w in words)


def opening_of_known_organisation(r: Reading) -> Verdict:
    """ "Elsewhere the Syrian Observatory reported ...", "according to the Syrian Network": the words of a known
    organisation's name before its first preposition ("Syrian Observatory for Human Rights") are that
    organisation, though spaCy read a place or a person, unless the gazetteer knows a place so named.  Typed so,
    the mention joins the full name where the document writes it."""
    if r.type not in ("GPE", "LOC", "PER", "FAC") or r.iso or r.text.lower() not in _known_openings() \
            or r.place is not None:
        return UNDECIDED
    return r.as_type("ORG")


@lru_cache(maxsize=1)
def _known_openings() -> frozenset[str]:
    """The lower-case words before the first preposition of every known organisation's name, two words or more."""
    prepositions = ("for", "of", "on")
    openings = set()
    for form in vocab.load("organizations").forms:
        words = form.split()
        cut = next((i for i, w in enumerate(words) if w.lower() in prepositions), 0)
        if cut >= 2 and all(w[:1].isupper() for w in words[:cut]):
            openings.add(" ".join(words[:cut]).lower())
    return frozenset(openings)


def armed_group(r: Reading) -> Verdict:
    """ "Jaish al-Islam", "Ahrar al-Sham", "Jabhat Fath al-Sham", "Hayat Tahrir al-Sham": an organisation."""
    if r.type not in ("PER", "GPE", "LOC", "FAC") or " " not in r.text.strip():
        return UNDECIDED
    words = _words()
    plain = r.text.lower().replace("\u2019", "'").split()
    first = plain[0]
    if first not in words.group_name_words:
        return UNDECIDED
    if first in words.group_name_ambiguous_words and not (
            any(w in words.group_name_words for w in plain[1:]) or _has_article(r.text.split()[1])):
        return UNDECIDED  # "Hayat Saleh", "Fateh Hassan": a given name, unless a group word or "al-" follows
    return r.as_type("ORG")


def _has_article(word: str) -> bool:
    articles = vocab.load("common_words").arabic_articles
    return ("-" in word and word.split("-", 1)[0].lower() in articles) or word.lower() in articles


def arabic_place_name(r: Reading) -> Verdict:
    """ "Bab Sharqi", "Khan Arnabeh", "Deir Hafer": a place, unless a title stands before it or an
    organisation word ends it ("Deir ez-Zor Military Council"); spaCy's "site" so named is the place too ("in the
    Khan Sheikhun"), unless a site's word ends it."""
    parts = re.split(r"[ -]", r.text.strip())  # "Maaret-al-Numan" is written as one word too
    if r.type not in ("PER", "ORG", "FAC") or len(parts) < 2 or r.span is None:
        return UNDECIDED
    words = _words()
    heads: InstitutionWords = vocab.load("facilities")
    titles: Titles = vocab.load("titles")
    first, last = parts[0].lower(), r.text.split()[-1].lower()
    before = r.doc[r.span.start - 1].text if r.span.start else ""
    if r.type == "FAC" and (last in heads.facility_heads or r.cand.origin != "spacy"):
        return UNDECIDED  # "Bab al-Hawa crossing": a site named after its place
    if first in words.toponym_words and last not in heads.org_heads and not titles.is_title_word(before):
        return r.as_type("GPE")
    return UNDECIDED


def article_name_alone(r: Reading) -> Verdict:
    """ "districts including al-Kalaseh Bustan al-Qasr and al-Sakhour", "the Jamiyat al Zahra frontline": a
    "person" named by the Arabic article and one word alone is a place (44 such in a store of the 804 FA-KES
    articles, all but a few neighbourhoods, villages and fields), unless a title or a person's grammar stands
    by it, a ruler's noun follows it ("the al-Assad regime"), or the text names a person with that surname
    ("Bashar al-Assad ... al-Assad")."""
    words = r.text.split()
    if r.type != "PER" or r.span is None or not 1 <= len(words) <= 2:
        return UNDECIDED
    head, _, rest = words[0].partition("-") if len(words) == 1 else (words[0], " ", words[1])
    articles = vocab.load("common_words").arabic_articles
    if head.lower() not in articles or not rest[:1].isupper() or r.acts_like_person() or r.possessor() \
            or r.word_after() in _words().ruler_nouns or _surname_of_someone(r):
        return UNDECIDED
    return r.as_type("GPE")


def _surname_of_someone(r: Reading) -> bool:
    """The name right after a given name or a kunya's particle somewhere in the text: a person's surname."""
    openers = vocab.load("given_names").all | vocab.load("common_words").particles
    # "Al-Barazi whose comments" after "Governor Talal al-Barazi": the article's capital differs
    for found in re.finditer(r"\b([A-Z][a-z]+)[ ]+(?i:" + re.escape(r.text) + r")\b", doc_text(r.doc)):
        if found.group(1).lower() in openers:
            return True
    return False


def called_a_place(r: Reading) -> Verdict:
    """ "Maisaloun neighborhood", "al-Foua and Kefraya towns", "the towns of Nubbul and al-Zahraa", "in
    al-Arqoub": the text calls the name a place."""
    if r.type not in ("PER", "ORG") or r.span is None or vocab.load("organizations").canonical_name(r.text):
        return UNDECIDED
    if place_noun_after(r.doc, r.span.end) or (_place_words_before(r.doc, r.span.start) and not (
            r.type == "PER" and (r.possessor() or _full_name(r)))):  # "a stronghold of Bashar al-Assads regime"
        return r.as_type("GPE")
    words = _words()
    heads: InstitutionWords = vocab.load("facilities")
    if r.type == "ORG" and r.after_locative(words.place_locatives) and _has_article(r.text.split()[0]) \
            and r.text.split()[-1].lower() not in heads.org_heads:
        return r.as_type("GPE")  # "the industrial area in al-Arqoub"
    return UNDECIDED


def _full_name(r: Reading) -> bool:
    """A given name and more: "clashes in the areas of Daraa and Rami Abdel Rahman of the Observatory counted" (a
    list lost its sentence break) is a person; a village's one word may be a given name ("the areas of Hafez"), and
    so may the first word of the place a place word names ("the neighbourhoods of Seif al-Dawla and Zubdiya")."""
    return " " in r.text.strip() and r.first_word_is_given_name() and r.word_before() != "of"


def apposed_kind(r: Reading) -> Verdict:
    """ "Vaindloo, a tiny island about 25 kilometres off the coast", "Maaten al-Sarra, a remote air base near the
    border": the head noun of the apposition after the name says what it is (not a country's name, whose type
    the vocabulary gave; spaCy reads some unknown island and town names as nationalities)."""
    if r.type not in ("PER", "ORG", "GPE", "LOC", "FAC", "NORP") or r.span is None or r.iso \
            or (r.type == "NORP" and geo.demonym_country(r.text) is not None):
        return UNDECIDED  # a demonym is its country's mention: "Syrian, a ..." is no name
    kind = apposed_noun_kind(r.doc, r.span.end)
    if kind == "FAC" and r.place is not None:
        return UNDECIDED  # "Tartus, a port where ...": a town the gazetteer knows stays the town
    return r.as_type(kind) if kind is not None else UNDECIDED  # the apposition decides, same type or not


def outlet_named(r: Reading) -> Verdict:
    """ "the daily Frankfurter Allgemeine Zeitung", "Lebanese TV channel Al-Mayadin": a name right after a
    lower-case outlet noun is that outlet (a country keeps its type: "the channel Syria ..." is rare)."""
    if r.type in ("PER", "ORG", "GPE", "LOC", "FAC") and not r.iso and r.span is not None and r.span.start >= 1:
        before = r.doc[r.span.start - 1]
        if before.is_lower and before.text in _words().outlet_nouns:
            return r.as_type("ORG")
    return UNDECIDED


def apposed_noun_kind(doc: Doc, end: int) -> str | None:
    """The type ``apposed_kinds`` gives the head noun of ", a/an/the [modifiers] NOUN" at ``end``: the noun is
    the phrase's head when no lower-case noun follows it ("a village elder" is a person)."""
    kinds = _words().apposed_kinds
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return None
    for k in range(end + 2, min(end + 2 + APPOSITION_REACH, len(doc))):
        for width in (2, 1):
            noun = doc[k:k + width]
            kind = kinds.get(noun.text.lower()) if len(noun) == width and noun[-1].is_lower else None
            after = doc[k + width] if k + width < len(doc) else None
            if kind is not None and (after is None or not (after.is_lower and after.pos_ == "NOUN")):
                return kind
        word = doc[k]
        if not (word.is_lower or word.text == "-" or word.like_num or geo.demonym_country(word.text)):
            return None  # the apposition's words end: "Russia, the country's ally Iran ..."
    return None


def listed_among_places(r: Reading) -> Verdict:
    """ "wounded in Foua and Kafyra in Idleb", "shells on al-Foaa and Kefraya in Idleb countryside", "the area
    between al-Jafra and al-Koniko in Deir Ezzor": names after a preposition of place and before "in" and a
    place the gazetteer knows are places within it (not a known organisation, nor a name opening with a given
    name)."""
    if r.type not in ("PER", "ORG") or r.span is None or vocab.load("organizations").canonical_name(r.text) \
            or r.first_word_is_given_name():
        return UNDECIDED
    doc = r.doc
    start, end = r.span.start, r.span.end
    while start > 0 and not doc[start].is_sent_start and _in_name_list(doc[start - 1].text) \
            and doc[start - 1].lower_ not in _words().place_locatives:
        start -= 1
    while end < len(doc) and not doc[end].is_sent_start and _in_name_list(doc[end].text) and doc[end].lower_ != "in":
        end += 1
    before = doc[start - 1].lower_ if start > 0 else ""
    listed = any(t.lower_ == "and" for t in doc[start:end])
    if not (before in _words().place_locatives or (listed and before in _words().list_prepositions)) \
            or end + 1 >= len(doc) or doc[end].lower_ != "in" or not _names_known_place(doc, end + 1):
        return UNDECIDED
    return r.as_type("GPE")


def _names_known_place(doc: Doc, i: int) -> bool:
    """The capitalised words at ``i`` name a place the gazetteer knows, maybe with a stripped possessive's s, or
    one the text calls so ("in Deir Ezzors northern countryside")."""
    end = i
    while end < len(doc) and end - i < 3 and doc[end].is_title and not doc[end].is_sent_start:
        end += 1
    k = end + (end < len(doc) and doc[end].lower_ in ("s", "'s", "\u2019s"))  # "Deir Ezzor" + "s": a possessive
    while k < len(doc) and k - end < 3 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k += 1
    if end > i and k < len(doc) and doc[k].is_lower and doc[k].text in _words().settlement_nouns:
        return True
    for j in range(end, i, -1):
        words = doc[i:j].text
        if geo.lookup_place(words) is not None or (words.endswith("s") and geo.lookup_place(words[:-1]) is not None):
            return True
    return False


def place_named_as_organisation(r: Reading) -> Verdict:
    """ "Eastern Ghouta", "Damascus Countryside" (SANA's name for the governorate) read as organisations: a place
    the gazetteer knows with a direction before it or a settlement noun after it is a place."""
    if r.type != "ORG" or r.cand.origin != "spacy" or " " not in r.text.strip():
        return UNDECIDED
    words = r.text.split()
    directions = vocab.load("common_words").directions
    if words[-1].lower() in vocab.load("facilities").org_heads:
        return UNDECIDED
    rest = words[1:] if words[0].lower() in directions else words[:-1] \
        if words[-1].lower() in _words().settlement_nouns else []
    if rest and geo.lookup_place(" ".join(rest)) is not None:
        return r.as_type("GPE")
    return UNDECIDED


def _in_name_list(text: str) -> bool:
    """A token that may stand inside a list of names: a capitalised word, a particle, a hyphen, "and", a comma."""
    particles = vocab.load("common_words").particles
    return text[:1].isupper() or text in ("and", ",", "-") or text.lower() in particles


def place_noun_after(doc: Doc, end: int) -> bool:
    """A settlement noun right after the name, or after the rest of a list of names ("X and Y towns")."""
    nouns = _words().settlement_nouns
    j = end
    while j < len(doc) and j - end < LIST_REACH and not doc[j].is_sent_start \
            and _in_name_list(doc[j].text) and doc[j].lower_ not in nouns:
        j += 1
    return j < len(doc) and doc[j].is_lower and doc[j].text in nouns and (
        j == end or any(t.lower_ == "and" or t.text == "," for t in doc[end:j]))


def _place_words_before(doc: Doc, start: int) -> bool:
    """ "the towns of Nubbul and al-Zahraa", "the neighbourhoods of A, B and C": a place word and "of" open
    the list the name stands in."""
    place_words = _words().place_words | _words().settlement_nouns
    i = start
    while i > 0 and start - i < LIST_REACH and doc[i - 1].lower_ != "of" and not doc[i].is_sent_start \
            and _in_name_list(doc[i - 1].text):
        i -= 1
    listed = i == start or any(t.lower_ == "and" or t.text == "," for t in doc[i:start])
    return listed and i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].is_lower and doc[i - 2].text in place_words


def kunya(r: Reading) -> Verdict:
    """ "Abu Mohamad al-Golani", "Abu Yazan al-Noiami": a name opening with a kunya's particle and a given name,
    then a surname, is a person, though spaCy read an organisation, a place or a nationality ("Abu Abdelrahman
    Salqeen"), and stays one after "the militant group" ("Abu Kamal", two words, is a town; "Abu Ubaidah Ibn
    al-Jarrah mosque", ending in a site's word, is the mosque)."""
    words = r.text.split()
    if r.type not in ("PER", "ORG", "GPE", "LOC", "FAC", "NORP") or len(words) < 3 or r.iso \
            or geo.lookup_place(r.text):
        return UNDECIDED
    particles = vocab.load("common_words").particles
    heads: InstitutionWords = vocab.load("facilities")
    last = words[-1].lower()
    if words[0][:1].isupper() and words[0].lower() in particles and words[1].lower() in vocab.load("given_names").all \
            and last not in heads.org_heads | heads.facility_heads | heads.company_heads \
            and all(w[:1].isupper() or w.lower() in particles or w[:3].lower() in ("al-", "el-") for w in words):
        return r.as_type("PER")
    return UNDECIDED
