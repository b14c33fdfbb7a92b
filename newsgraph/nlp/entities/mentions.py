"""Find typed entity mentions: spaCy's NER, repaired, plus lexicon and pattern matches.

spaCy's small English model finds most names but splits long institution
names ("the Syrian Scientific Studies" + "Research Center"), cuts Arabic
names at the article ("Deir" for "Deir ez-Zor"), types surnames as places and
news agencies as people, and misses weapon systems.  Each repair here is a
general rule; the vocabularies are data files read through ``newsgraph.vocab``
(``entities``: organizations, weapons, vehicles, facilities, entity_words); page furniture is the
furniture stage's (``parsed.furniture``).
Types are then checked against the gazetteer and the vocabularies (``retyping.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from newsgraph import geo, vocab
from newsgraph.nlp.entities.bounds import opens_next_sentence, trimmed
from newsgraph.nlp.entities.glued import (
    place_the_body,
    place_then_common_word,
    place_then_person,
    split_glued,
    surname_alone_elsewhere,
)
from newsgraph.nlp.entities.name_kinds import apposed_noun_kind
from newsgraph.nlp.entities.place_lists import places_listed
from newsgraph.nlp.entities.place_runs import split_place_runs, whole_district_names
from newsgraph.nlp.entities.possessives import drop_possessive_s
from newsgraph.nlp.entities.retyping import retype
from newsgraph.nlp.entities.scans import (
    MentionCandidate,
    acronyms,
    before_settlement_nouns,
    candidate,
    facilities,
    known_organizations,
    materiel,
    named_weapons,
    platform_x,
    vessels,
)
from newsgraph.nlp.furniture import Screen
from newsgraph.nlp.parse import Parsed
from newsgraph.nlp.token_arrays import tokens_where
from newsgraph.settings import settings
from newsgraph.vocab.common import CommonWords, Titles
from newsgraph.vocab.entities import InstitutionWords

SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP"}
# Priority when spans overlap: a lexicon or pattern match beats spaCy's guess.
PRIORITY = {"known": 4, "facility": 3, "materiel": 3, "spacy": 1, "context": 1, "place-word": 0, "gazetteer": 0,
            "acronym": 0}
# spaCy labels that never hold a place, though spaCy-sm gives them to towns it does not know ("Kramatorsk")
NOT_NAMED_TYPES = {"", "PRODUCT", "WORK_OF_ART", "EVENT"}


def find_mentions(parsed: Parsed) -> list[MentionCandidate]:
    doc = parsed.doc
    furniture = Screen(parsed.furniture)  # the furniture stage's regions (nlp/furniture): no mention from them
    found = list(_spacy_candidates(doc))
    for scan in (known_organizations, materiel, vessels, named_weapons, platform_x, facilities, acronyms,
                 _places_after_place_words, _places_before_settlement_nouns, _armed_group_names, _gazetteer_places,
                 _apposed_names):
        found += scan(doc)
    chosen = whole_district_names(doc, _without_overlaps(found))  # "al-Sheikh" of "al-Sheikh Maqsoud"
    chosen = [c for c in chosen if not furniture.blocks_entities(c.start)]
    disease_after = _disease_after()
    chosen = [c for c in chosen if not disease_after.match(parsed.text, c.end)]
    chosen = drop_possessive_s(chosen, doc)  # "Syrias (pro-regime …" beside "Syria": one name
    return split_place_runs([c for c in (retype(c, doc) for c in chosen) if c is not None])


@lru_cache(maxsize=1)
def _disease_after() -> re.Pattern[str]:
    """A disease word right after a name: "West Nile virus", "Lassa fever" name no place or person."""
    heads = vocab.load("entity_words").disease_heads
    return re.compile(r"[\s-]+(?:" + "|".join(re.escape(h) for h in heads) + r")\b", re.IGNORECASE)


# --- spaCy's entities, repaired -------------------------------------------------------------

def _spacy_candidates(doc: Doc) -> Iterable[MentionCandidate]:
    words: InstitutionWords = vocab.load("facilities")
    for ent in doc.ents:
        label = SPACY_TYPES.get(ent.label_)
        bounds = trimmed(doc, ent.start, ent.end, label) if label is not None else None
        if label is None or bounds is None:
            continue
        start, end = _over_kunya_particle(doc, *_extend_particles(doc, *bounds))
        if label == "NORP" and end - start == 2 and _opens_with_kunya_particle(doc, start):
            label = "GPE"  # no demonym opens with a name's particle: spaCy's NORP "Abu Kamal" is a town (a
            # man's kunya read so has more words: "Abu Abdelrahman Salqeen")
        if label in ("ORG", "FAC", "PER"):
            start, end, label = _extend_institution(doc, start, end, label, words)
        if label in ("ORG", "PER") and _company_word_read_as_nationality(doc, start, end, words):
            start -= 1  # "Astra Volga Cargo": spaCy reads the company's first word as a nationality
        if label == "PER":
            start = _after_titles(doc, start, end)
        cut = _nested_institution(doc, start, end, words) if label == "ORG" else None
        person = _person_after_institution(doc, start, end, words) if label == "ORG" and not cut else None
        if person is not None:  # "the Syrian Coalition Anas Abdah": scraped text lost the comma between them
            yield candidate(doc[start:person], "ORG", "spacy")
            yield candidate(doc[person:end], "PER", "context")
            continue
        glued = split_glued(doc, start, end) if label in ("ORG", "GPE", "LOC", "NORP") else (
            place_then_person(doc, start, end, tagged_person=True) or place_then_common_word(doc, start, end)) \
            if label == "PER" else place_the_body(doc, start, end) if label == "FAC" else None
        # "Aleppo Ibrahim Abu Leith told", "Aleppo Death toll", "the district of Midane the Observatory said"
        if glued is not None:  # "Syria Staffan de Mistura", "Aleppo Syrian": scraped text lost the comma
            yield from (candidate(doc[a:b], type_, "context" if type_ == "PER" else "spacy") for a, b, type_ in glued)
            continue
        for a, b in ((start, cut), (cut + 2, end)) if cut else places_listed(doc, start, end, label):
            yield candidate(doc[a:b], label, "spacy")


def _company_word_read_as_nationality(doc: Doc, start: int, end: int, words: InstitutionWords) -> bool:
    """ "Astra Volga Cargo": a capitalised word before a company name that spaCy calls NORP but is no demonym."""
    before = doc[start - 1] if start > 0 else None
    return (doc[end - 1].lower_ in words.company_heads and before is not None and before.ent_type_ == "NORP"
            and before.is_title and not before.is_sent_start and geo.demonym_country(before.text) is None)


def _after_titles(doc: Doc, start: int, end: int) -> int:
    """ "President Vladimir Putin": the title is a role, not part of the name."""
    titles: Titles = vocab.load("titles")
    while start < end - 1 and titles.is_title_word(doc[start].text) and doc[start].is_title:
        start += 1
    return start


def _nested_institution(doc: Doc, start: int, end: int, words: InstitutionWords) -> int | None:
    """ "Western Command of the Armed Forces of the Philippines": a unit "of the" a country's institution
    names two institutions (the first part of the second); the index of "of" where they split, if so."""
    heads = words.org_heads
    for k in range(start + 2, end - 3):
        if doc[k].lower_ == "of" and doc[k + 1].lower_ == "the" and doc[k - 1].lower_ in heads \
                and doc[k + 2].is_title and any(t.lower_ in heads for t in doc[k + 2:end]) \
                and geo.lookup_place(doc[end - 1].text) is not None:
            return k
    return None


def _person_after_institution(doc: Doc, start: int, end: int, words: InstitutionWords) -> int | None:
    """Where a person's name begins inside an "organisation" that runs an institution's name into it ("President
    of the Syrian Coalition Anas Abdah"): after an organisation word, two or three capitalised words that are
    no organisation, site, title or place word, the first of them a given name or the last a surname the
    document writes alone elsewhere."""
    given = vocab.load("given_names").all
    titles: Titles = vocab.load("titles")
    heads = words.org_heads | words.facility_heads | words.company_heads
    for cut in range(start + 2, end - 1):
        rest = doc[cut:end]
        if doc[cut - 1].lower_ in heads and 2 <= len(rest) <= 3 \
                and (rest[0].lower_ in given or surname_alone_elsewhere(doc, cut, end)) and all(
                t.is_title and t.is_alpha and t.lower_ not in heads and not titles.is_title_word(t.text) for t in rest):
            return cut
    return None


def _extend_particles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a span over hyphenated name particles on either side: "Deir" -> "Deir ez-Zor"."""
    particles = vocab.load("common_words").particles
    n = len(doc)
    while True:
        if end + 2 < n and doc[end].lower_ in particles and doc[end + 1].text == "-" and doc[end + 2].is_title:
            end += 3
        elif end + 1 < n and doc[end].text == "-" and doc[end + 1].is_title and doc[end - 1].lower_ in particles:
            end += 2
        else:
            break
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in particles:
        start -= 2
    return start, end


def _over_kunya_particle(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """ "Abu Kamal": spaCy-sm tags a name's particle and the word after it as two entities ("Abu", "Kamal"), and
    the gazetteer then finds a town for each alone (Abu in India, Kamal in Indonesia); a particle alone names
    nothing, so the span grows over the capitalised words spaCy tagged right after it."""
    if end - start != 1 or not _opens_with_kunya_particle(doc, start):
        return start, end
    if end < len(doc) and doc[end].is_title and doc[end].ent_iob_ == "B":
        end += 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return start, end


def _opens_with_kunya_particle(doc: Doc, start: int) -> bool:
    """ "Abu", "Umm", "Ibn" written capitalised (not an Arabic article: "Al Bab" is another matter)."""
    common = vocab.load("common_words")
    return doc[start].is_title and doc[start].lower_ in common.particles - common.arabic_articles


def _extend_institution(doc: Doc, start: int, end: int, label: str,
                        words: InstitutionWords) -> tuple[int, int, str]:
    """Join a name spaCy split at "and"/"of" and keep a trailing number ("Institute 4000")."""
    heads = words.org_heads | words.facility_heads
    end = _over_compass_pair(doc, end)
    connectors = vocab.load("entity_words").connectors
    probe = end
    while probe + 1 < len(doc) and doc[probe].lower_ in connectors and doc[probe + 1].is_title:
        probe = _connected_name_end(doc, probe + 1, end, connectors)
        if doc[probe - 1].lower_ not in heads:
            break
        end = probe
        if label == "PER":
            label = "ORG"
    if end < len(doc) and doc[end].like_num and doc[end].text.isdigit() and doc[end - 1].lower_ in heads:
        end += 1
    return start, end, label


def _over_compass_pair(doc: Doc, end: int) -> int:
    """ "Autonomous Administration of North and East Syria": one name, not two."""
    directions = vocab.load("common_words").directions
    if end + 2 < len(doc) and doc[end - 1].lower_ in directions and doc[end].lower_ == "and" \
            and doc[end + 1].lower_ in directions and doc[end + 1].is_title:
        end += 2
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
    return end


def _connected_name_end(doc: Doc, probe: int, floor: int, connectors: frozenset[str]) -> int:
    """End of the capitalised words (and connectors) from ``probe``, without trailing connectors."""
    while probe < len(doc) and (doc[probe].is_title or doc[probe].lower_ in connectors) \
            and not doc[probe].is_sent_start:
        probe += 1
    while probe > floor and doc[probe - 1].lower_ in connectors:
        probe -= 1
    return probe


def _without_overlaps(found: list[MentionCandidate]) -> list[MentionCandidate]:
    ranked = sorted(found, key=lambda c: (-PRIORITY[c.origin], -(c.end - c.start), c.start))
    taken: list[MentionCandidate] = []
    for cand in ranked:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
        elif cand.origin == "spacy" and cand.type == "ORG" and cand.text.istitle() and any(
                t.start >= cand.start and t.end <= cand.end and t.origin == "known"
                and (t.end - t.start) < (cand.end - cand.start) for t in taken):
            # spaCy's longer name contains a known abbreviation: "Tasnim News Agency" over "Tasnim"
            taken = [t for t in taken if not (t.start >= cand.start and t.end <= cand.end)]
            if all(cand.end <= t.start or cand.start >= t.end for t in taken):
                taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


# --- places spaCy did not tag ---------------------------------------------------------------

def _gazetteer_places(doc: Doc) -> list[MentionCandidate]:
    """Countries and large towns spaCy did not tag ("Aleppo was shelled"): single proper nouns only."""
    min_population = settings().entities.gazetteer_min_population
    out = []
    for tok in tokens_where(doc, "POS", [PROPN]):
        if tok.ent_type_ not in NOT_NAMED_TYPES or not tok.is_title or len(tok.text) < 4:
            continue
        if (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN") or (tok.i and doc[tok.i - 1].text == "-"):
            continue  # part of a longer name spaCy did not recognise ("Faylaq al-Sham")
        place = geo.lookup_place(tok.text)
        if place is not None and (place.kind != "city" or place.population >= min_population):
            out.append(candidate(doc[tok.i:tok.i + 1], "GPE", "gazetteer"))
    return out


def _places_after_place_words(doc: Doc) -> list[MentionCandidate]:
    """ "the port of Hodeidah", "the village of Tall Tawil": names spaCy did not tag."""
    words = vocab.load("entity_words")
    place_words = words.place_words
    common: CommonWords = vocab.load("common_words")
    out = []
    for tok in tokens_where(doc, "IS_TITLE", [1]):
        if not (tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].lower_ in place_words
                and doc[tok.i - 2].is_lower):
            continue
        end = tok.i + 1
        while end < len(doc) and (doc[end].is_title or doc[end].lower_ in common.particles or doc[end].text == "-") \
                and not opens_next_sentence(doc[end], words):  # "the city of Aleppo Nearly 30 terrorists"
            end += 1
        while end > tok.i + 1 and not doc[end - 1].is_title:
            end -= 1
        out.append(candidate(doc[tok.i:end], "GPE", "place-word"))
    return out


def _places_before_settlement_nouns(doc: Doc) -> list[MentionCandidate]:
    """ "the al-Sulaymaniyah neighbourhood", "Bab Touma district": an untagged name before a settlement noun."""
    common: CommonWords = vocab.load("common_words")
    determiners = vocab.load("entity_words").determiners

    def extends(word: Token, following: Token, noun: Token) -> bool:
        return not word.ent_type_ and (word.is_title or word.text == "-" or word.lower_ in common.particles)

    out = []
    for first, end in before_settlement_nouns(doc, extends):
        start = first
        while start < end and not doc[start].is_title and not (
                doc[start].lower_ in common.particles and start + 1 < end and doc[start + 1].text == "-"):
            start += 1  # a leading article or particle belongs to the name only when hyphened to it
        while start < end and (doc[start].is_stop or doc[start].lower_ in determiners):
            start += 1  # "The neighbourhood is ...": a sentence's first word is no name
        name = doc[start:end]
        if len(name) and any(t.is_title and t.pos_ == "PROPN" for t in name) \
                and geo.demonym_country(name.text) is None and geo.country_code(name.text) is None:
            out.append(candidate(name, "GPE", "place-word"))
    return out


def _apposed_names(doc: Doc) -> list[MentionCandidate]:
    """ "Vaindloo, a tiny island about 25 kilometres off the coast": an untagged name before an apposition whose
    head noun says what it is (``name_kinds.apposed_noun_kind``), typed so."""
    common: CommonWords = vocab.load("common_words")
    out = []
    for comma in tokens_where(doc, "ORTH", [","]):
        if not 1 <= comma.i < len(doc) - 2 or not doc[comma.i - 1].is_title or doc[comma.i - 1].ent_type_:
            continue
        kind = apposed_noun_kind(doc, comma.i)
        if kind is None:
            continue
        start = comma.i - 1
        while start > 0 and not doc[start].is_sent_start and not doc[start - 1].ent_type_ and (
                doc[start - 1].is_title or doc[start - 1].text == "-" or doc[start - 1].lower_ in common.particles):
            start -= 1
        while start < comma.i and not doc[start].is_title:
            start += 1
        name = doc[start:comma.i]
        if len(name) and not name[0].is_sent_start and all(t.pos_ == "PROPN" for t in name if t.is_title) \
                and geo.demonym_country(name.text) is None:
            out.append(candidate(name, kind, "place-word"))
    return out


def _armed_group_names(doc: Doc) -> list[MentionCandidate]:
    """ "the Faylaq al-Sham Islamist faction": a group word and a hyphened Arabic name after it, untagged."""
    words = vocab.load("entity_words")
    common: CommonWords = vocab.load("common_words")
    out = []
    for tok in tokens_where(doc, "LOWER", words.group_name_words):
        if not (tok.i < len(doc) - 3 and tok.is_title and doc[tok.i + 1].lower_ in common.particles
                and doc[tok.i + 2].text == "-" and doc[tok.i + 3].is_title):
            continue
        end = tok.i + 4
        while end + 2 < len(doc) and doc[end].lower_ in common.particles and doc[end + 1].text == "-" \
                and doc[end + 2].is_title:
            end += 3  # "Harakat Nour al-Din al-Zenki"
        out.append(candidate(doc[tok.i:end], "ORG", "context"))
    return out

