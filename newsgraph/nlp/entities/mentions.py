"""Find typed entity mentions: spaCy's NER, repaired, plus lexicon and pattern matches.

spaCy's small English model finds most names but splits long institution
names ("the Syrian Scientific Studies" + "Research Center"), cuts Arabic
names at the article ("Deir" for "Deir ez-Zor"), types surnames as places and
news agencies as people, and misses weapon systems.  Each repair here is a
general rule; the vocabularies are data files (see lexicon.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from newsgraph import geo
from newsgraph.nlp import lexicon
from newsgraph.nlp.entities.scans import (
    DETERMINERS,
    NOT_ACRONYMS,
    PARTICLES,
    Candidate,
    acronyms,
    facilities,
    known_organizations,
    materiel,
    named_weapons,
    platform_x,
    vessels,
)
from newsgraph.nlp.parse import Parsed

SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP"}
CONNECTORS = {"and", "of", "for", "&", "on", "de", "d'", "du", "des", "la"}
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
              "lower"}
APOSTROPHES = ("'s", "\u2019s", "'", "\u2019")
# Priority when spans overlap: a lexicon or pattern match beats spaCy's guess.
PRIORITY = {"known": 4, "facility": 3, "materiel": 3, "spacy": 1, "place-word": 0, "gazetteer": 0, "acronym": 0}
# A proper noun spaCy left untagged is taken as a place only if it names a town at least this big.
GAZETTEER_MIN_POPULATION = 100_000

# a name right before one of these names a disease, not the place or person: "West Nile virus",
# "Reston ebolavirus", "Lassa fever", "Spanish flu"
_DISEASE_AFTER = re.compile(r"[\s-]+(?:virus(?:es)?|ebolavirus|fever|disease|flu|encephalitis)\b", re.IGNORECASE)


def find_mentions(parsed: Parsed) -> list[Candidate]:
    doc = parsed.doc
    furniture = _furniture_ranges(parsed.text)
    found = list(_spacy_candidates(doc))
    found += known_organizations(doc)
    found += materiel(doc)
    found += vessels(doc)
    found += named_weapons(doc)
    found += platform_x(doc)
    found += facilities(doc)
    found += acronyms(doc)
    found += _places_after_place_words(doc)
    found += _gazetteer_places(doc)
    chosen = _without_overlaps(found)
    chosen = [c for c in chosen if not any(s <= c.start < e for s, e in furniture)]
    chosen = [c for c in chosen if not _DISEASE_AFTER.match(parsed.text, c.end)]
    return [c for c in (_retype(c, doc) for c in chosen) if c is not None]


# --- spaCy's entities, repaired -------------------------------------------------------------

def _spacy_candidates(doc: Doc) -> Iterable[Candidate]:
    words = lexicon.institution_words()
    for ent in doc.ents:
        label = SPACY_TYPES.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in DETERMINERS:
            start += 1
        while end > start and (doc[end - 1].text in APOSTROPHES or doc[end - 1].is_punct
                               or doc[end - 1].lower_ in CONNECTORS):
            end -= 1
        cut = next((t.i for t in doc[start:end] if t.text in "([{" or (t.text == "," and label != "PER")), None)
        if cut is not None:
            # "Qatar Red Crescent Society (QRCS": the abbreviation is a mention of its own; "Amuda, Qamishli":
            # a list of names, each a mention of its own (the rest is found by the scans and the gazetteer)
            end = cut
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if start >= end:
            continue
        start, end = _extend_particles(doc, start, end)
        if label in ("ORG", "FAC", "PER"):
            start, end, label = _extend_institution(doc, start, end, label, words)
        before = doc[start - 1] if start > 0 else None
        if label in ("ORG", "PER") and doc[end - 1].lower_ in words.company_heads and before is not None \
                and before.ent_type_ == "NORP" and before.is_title and not before.is_sent_start \
                and geo.demonym_country(before.text) is None:
            start -= 1  # "Astra Volga Cargo": spaCy reads the company's first word as a nationality
        if label == "PER":
            while start < end - 1 and lexicon.titles().is_title_word(doc[start].text) and doc[start].is_title:
                start += 1  # "President Vladimir Putin": the title is a role, not part of the name
        cut = _nested_institution(doc, start, end, words) if label == "ORG" else None
        for a, b in ((start, cut), (cut + 2, end)) if cut else ((start, end),):
            span = doc[a:b]
            yield Candidate(span.start_char, span.end_char, span.text, label, "spacy")


def _nested_institution(doc: Doc, start: int, end: int, words: lexicon.InstitutionWords) -> int | None:
    """ "Western Command of the Armed Forces of the Philippines": a unit "of the" a country's institution
    names two institutions (the first part of the second); the index of "of" where they split, if so."""
    heads = words.org_heads
    for k in range(start + 2, end - 3):
        if doc[k].lower_ == "of" and doc[k + 1].lower_ == "the" and doc[k - 1].lower_ in heads \
                and doc[k + 2].is_title and any(t.lower_ in heads for t in doc[k + 2:end]) \
                and geo.lookup_place(doc[end - 1].text) is not None:
            return k
    return None


def _extend_particles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a span over hyphenated name particles on either side: "Deir" -> "Deir ez-Zor"."""
    n = len(doc)
    while True:
        if end + 2 < n and doc[end].lower_ in PARTICLES and doc[end + 1].text == "-" and doc[end + 2].is_title:
            end += 3
        elif end + 1 < n and doc[end].text == "-" and doc[end + 1].is_title and doc[end - 1].lower_ in PARTICLES:
            end += 2
        else:
            break
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in PARTICLES:
        start -= 2
    return start, end


def _extend_institution(doc: Doc, start: int, end: int, label: str,
                        words: lexicon.InstitutionWords) -> tuple[int, int, str]:
    """Join a name spaCy split at "and"/"of" and keep a trailing number ("Institute 4000")."""
    heads = words.org_heads | words.facility_heads
    if end + 2 < len(doc) and doc[end - 1].lower_ in DIRECTIONS and doc[end].lower_ == "and" \
            and doc[end + 1].lower_ in DIRECTIONS and doc[end + 1].is_title:
        end += 2  # "Autonomous Administration of North and East Syria": one name, not two
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
    probe = end
    while probe + 1 < len(doc) and doc[probe].lower_ in CONNECTORS and doc[probe + 1].is_title:
        probe += 1
        while probe < len(doc) and (doc[probe].is_title or doc[probe].lower_ in CONNECTORS) and not doc[probe].is_sent_start:
            probe += 1
        while probe > end and doc[probe - 1].lower_ in CONNECTORS:
            probe -= 1
        if doc[probe - 1].lower_ in heads:
            end = probe
            if label == "PER":
                label = "ORG"
        else:
            break
    if end < len(doc) and doc[end].like_num and doc[end].text.isdigit() and doc[end - 1].lower_ in heads:
        end += 1
    return start, end, label



def _without_overlaps(found: list[Candidate]) -> list[Candidate]:
    ranked = sorted(found, key=lambda c: (-PRIORITY[c.origin], -(c.end - c.start), c.start))
    taken: list[Candidate] = []
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


# --- typing --------------------------------------------------------------------------------

def _retype(cand: Candidate, doc: Doc) -> Candidate | None:
    """Fix spaCy's types with the gazetteer and lexicons; drop what is not an entity."""
    text = cand.text
    if cand.origin in ("materiel", "facility", "known"):
        return cand
    if not any(ch.isalpha() for ch in text) or len(text) < 2 or (text[0].isdigit() and cand.origin == "spacy"):
        return None
    if text in NOT_ACRONYMS:
        return None
    known = lexicon.known_organizations().canonical_name(text)
    if known and cand.type != "PER":
        return replace(cand, type="ORG")
    iso = geo.country_code(text)
    if cand.type == "NORP":
        if _before_admin_word(cand, doc):
            return replace(cand, type="GPE")  # "al-Mahra governorate": spaCy reads the "al-" as a nationality
        demonym = geo.demonym_country(text)
        if demonym:
            return replace(cand, country=demonym)
        if iso:
            return replace(cand, type="GPE", country=iso)
        if geo.lookup_place(text) is not None:
            return replace(cand, type="GPE")  # spaCy reads some Arabic city names as nationalities
        return None
    if iso and cand.type in ("ORG", "PER", "FAC", "GPE", "LOC"):
        # "England" is a place of its own, not another name of the United Kingdom
        return replace(cand, type="GPE", country=None if geo.constituent_country(text) else iso)
    looked_up = cand.type in ("GPE", "LOC") or " " not in text
    place = geo.lookup_place(text) if looked_up else None
    if place is not None and cand.type in ("ORG", "PER", "FAC") and (
            cand.type != "PER" or place.kind != "city" or _after_locative(cand, doc)
            or (place.population >= 500_000 and not _acts_like_person(cand, doc))):
        return replace(cand, type="GPE")  # a city is never an organisation; a surname is put back later
    if cand.type in ("GPE", "LOC") and iso is None and place is None:
        if any(ch.isdigit() for ch in text):
            return None  # "H1N1", "COVID-19": not places
        if " " not in text and len(text) <= 5 and sum(ch.isupper() for ch in text) >= 2:
            return replace(cand, type="ORG")  # "NGO", "MoD": abbreviations the gazetteer does not know
    if cand.type == "GPE" and " " not in text and place is None and _acts_like_person(cand, doc):
        return replace(cand, type="PER")  # "Erdogan threatened ...": not a place the gazetteer knows
    if cand.type in ("PER", "ORG") and (_after_place_word(cand, doc) or _before_admin_word(cand, doc)):
        return replace(cand, type="GPE")
    if cand.type == "PER" and _after_locative(cand, doc, PLACE_LOCATIVES) and not _known_given_name(text.split()[0]) \
            and not text.endswith(APOSTROPHES):
        return replace(cand, type="GPE")  # "villagers in Maaten al-Sarra": people are not "in" a person
    if cand.type == "PER" and " " in text and text.split()[-1].lower() in (
            lexicon.institution_words().org_heads | lexicon.institution_words().company_heads):
        return replace(cand, type="ORG")  # "Darya Navgan Shipping": a company named like a person
    if cand.type == "ORG" and 2 <= len(text.split()) <= 3 and _known_given_name(text.split()[0]) \
            and text.split()[-1].lower() not in lexicon.institution_words().org_heads:
        return replace(cand, type="PER")  # "Kremlin spokesman Dmitry Orlov": spaCy-sm reads the name as the Kremlin's
    if _is_title_fragment(cand, doc):
        return None
    if text.isupper() and cand.type == "PER" and len(text) <= 6:
        return replace(cand, type="ORG")  # "SANA": people are not written in capitals in running text
    return cand


PLACE_WORDS = {"village", "town", "city", "province", "governorate", "district", "region", "neighbourhood",
               "neighborhood", "suburb", "countryside", "outskirts", "municipality", "county", "state", "port",
               "capital", "island", "valley", "camp"}


# spaCy labels that never hold a place, though spaCy-sm gives them to towns it does not know ("Kramatorsk")
NOT_NAMED_TYPES = {"", "PRODUCT", "WORK_OF_ART", "EVENT"}


def _gazetteer_places(doc: Doc) -> list[Candidate]:
    """Countries and large towns spaCy did not tag ("Aleppo was shelled"): single proper nouns only."""
    out = []
    for tok in doc:
        if tok.ent_type_ not in NOT_NAMED_TYPES or tok.pos_ != "PROPN" or not tok.is_title or len(tok.text) < 4:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of a longer name spaCy did not recognise
        place = geo.lookup_place(tok.text)
        if place is not None and (place.kind != "city" or place.population >= GAZETTEER_MIN_POPULATION):
            out.append(Candidate(tok.idx, tok.idx + len(tok.text), tok.text, "GPE", "gazetteer"))
    return out


def _places_after_place_words(doc: Doc) -> list[Candidate]:
    """ "the port of Hodeidah", "the village of Tall Tawil": names spaCy did not tag."""
    out = []
    for tok in doc[2:]:
        if not (tok.is_title and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].lower_ in PLACE_WORDS
                and doc[tok.i - 2].is_lower):
            continue
        end = tok.i + 1
        while end < len(doc) and (doc[end].is_title or doc[end].lower_ in PARTICLES or doc[end].text == "-"):
            end += 1
        while end > tok.i + 1 and not doc[end - 1].is_title:
            end -= 1
        span = doc[tok.i:end]
        out.append(Candidate(span.start_char, span.end_char, span.text, "GPE", "place-word"))
    return out


def _acts_like_person(cand: Candidate, doc: Doc) -> bool:
    """A title before the name ("President Bush") or the name as subject of a verb ("Erdogan threatened")."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    if span.start >= 1 and lexicon.titles().is_title_word(doc[span.start - 1].text):
        return True
    root = span.root
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and _after_locative(cand, doc) is False


LOCATIVES = {"in", "near", "at", "from", "outside", "around", "into", "towards", "toward", "to"}
# after these a name is a place, not a person ("in Maaten al-Sarra"); "to", "from", "at" also take people
PLACE_LOCATIVES = {"in", "near", "outside", "around", "towards", "toward"}
# a lower-case administrative noun after a name makes it a place: "al-Mahra governorate", "Borno state"
ADMIN_WORDS = {"governorate", "province", "district", "region", "oblast", "county", "municipality", "state",
               "prefecture", "department", "commune"}


def _before_admin_word(cand: Candidate, doc: Doc) -> bool:
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].is_lower and doc[span.end].text in ADMIN_WORDS


def _known_given_name(word: str) -> bool:
    names = lexicon.given_names()
    return word.lower() in names


def _after_locative(cand: Candidate, doc: Doc, words: set[str] = LOCATIVES) -> bool:
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and span.start >= 1 and doc[span.start - 1].lower_ in words


def _after_place_word(cand: Candidate, doc: Doc) -> bool:
    """ "the village of Tall Tawil", "the town of Masyaf": a place whatever spaCy thought."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return (span is not None and span.start >= 2 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in PLACE_WORDS)


def _is_title_fragment(cand: Candidate, doc: Doc) -> bool:
    """ "Defense" in "Former Defense Secretary Mark Esper" and "Iraqi National Security" in "Iraqi
    National Security Adviser Qasim al-Araji" are parts of a title, not organisations."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    titles = lexicon.titles()
    j = span.end
    if (span.start >= 2 and doc[span.start - 1].lower_ == "of" and titles.is_head(doc[span.start - 2].text)
            and doc[span.start - 2].is_title and doc[j].ent_type_ == "PERSON"):
        return True  # "State" in "Secretary of State Daniel Harlow": the office, part of the title
    if not (doc[j].is_title and titles.is_title_word(doc[j].text)):
        return False
    if all(titles.is_title_word(t.text) for t in span):
        return True
    while j < len(doc) and doc[j].is_title and titles.is_title_word(doc[j].text):
        j += 1
    return j < len(doc) and doc[j].ent_type_ == "PERSON"


def _furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are page furniture ("Read more:", "Sources")."""
    furniture = lexicon.furniture_lines()
    ranges = []
    offset = 0
    for line in text.splitlines(keepends=True):
        label = line.strip().rstrip(":").strip().lower()
        if label in furniture or (label.split(":")[0].strip() in furniture and len(label) < 60):
            ranges.append((offset, offset + len(line)))
        offset += len(line)
    return ranges
