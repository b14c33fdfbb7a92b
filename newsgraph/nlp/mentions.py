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
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsgraph.nlp import lexicon, places
from newsgraph.nlp.parse import Parsed

SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
CONNECTORS = {"and", "of", "for", "&", "on", "de", "d'", "du", "des", "la"}
# Arabic (and similar) name particles that spaCy splits off: "Deir ez-Zor", "Qasim al-Araji", "Abu Mahdi".
PARTICLES = {"al", "el", "ez", "ad", "as", "ash", "az", "an", "ar", "at", "ed", "es", "er", "et", "bin", "bint",
             "ibn", "abu", "bani", "ul", "ud"}
APOSTROPHES = ("'s", "\u2019s", "'", "\u2019")
# Priority when spans overlap: a lexicon or pattern match beats spaCy's guess.
PRIORITY = {"known": 4, "facility": 3, "materiel": 3, "spacy": 1, "place-word": 0, "gazetteer": 0, "acronym": 0}
# A proper noun spaCy left untagged is taken as a place only if it names a town at least this big.
GAZETTEER_MIN_POPULATION = 100_000
# Capitalised words that are not names of organisations even when written in capitals.
NOT_ACRONYMS = {"TV", "CEO", "CFO", "AM", "PM", "ID", "OK", "GMT", "UTC", "EST", "PST", "USD", "EUR", "GDP",
                "DNA", "PDF", "FAQ", "NGO", "NGOs", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XX", "NO", "BREAKING"}


@dataclass(frozen=True)
class Candidate:
    """A typed mention before entities are formed; ``type`` may be NORP (a demonym, not an entity)."""

    start: int
    end: int
    text: str
    type: str
    origin: str  # "spacy", "known", "facility", "materiel"
    country: str | None = None  # for demonyms and countries


# a name right before one of these names a disease, not the place or person: "West Nile virus",
# "Reston ebolavirus", "Lassa fever", "Spanish flu"
_DISEASE_AFTER = re.compile(r"[\s-]+(?:virus(?:es)?|ebolavirus|fever|disease|flu|encephalitis)\b", re.IGNORECASE)


def find_mentions(parsed: Parsed) -> list[Candidate]:
    doc = parsed.doc
    furniture = _furniture_ranges(parsed.text)
    found = list(_spacy_candidates(doc))
    found += _known_organizations(doc)
    found += _materiel(doc)
    found += _facilities(doc)
    found += _acronyms(doc)
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
        cut = next((t.i for t in doc[start:end] if t.text in "([{"), None)
        if cut is not None:
            end = cut  # "Qatar Red Crescent Society (QRCS": the abbreviation is a mention of its own
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if start >= end:
            continue
        start, end = _extend_particles(doc, start, end)
        if label in ("ORG", "FAC", "PER"):
            start, end, label = _extend_institution(doc, start, end, label, words)
        if label == "PER":
            while start < end - 1 and lexicon.titles().is_title_word(doc[start].text) and doc[start].is_title:
                start += 1  # "President Vladimir Putin": the title is a role, not part of the name
        span = doc[start:end]
        yield Candidate(span.start_char, span.end_char, span.text, label, "spacy")


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


# --- lexicon and pattern matches ------------------------------------------------------------

def _token_sequences(doc: Doc, max_len: int = 8) -> Iterable[tuple[int, int, str]]:
    for i in range(len(doc)):
        for j in range(i + 1, min(len(doc), i + max_len) + 1):
            yield i, j, doc[i:j].text


def _known_organizations(doc: Doc) -> list[Candidate]:
    known = lexicon.known_organizations()
    out = []
    for i in range(len(doc)):
        if not (doc[i].is_title or doc[i].is_upper):
            continue  # a known name starts with a capital: build no spans elsewhere
        for j in range(i + 1, min(len(doc), i + 7) + 1):
            span = doc[i:j]
            text = span.text
            if not text[0].isupper() or known.canonical_name(text) is None:
                continue
            if len(text) <= 3 and not text.isupper():
                continue  # short forms ("AP", "IS") only in capitals: "Is", "Ap" are words
            out.append(Candidate(span.start_char, span.end_char, text, "ORG", "known"))
    return out


def _acronyms(doc: Doc) -> list[Candidate]:
    """Abbreviations spaCy left untagged ("known by its French abbreviation, CERS"): organisations."""
    out = []
    for tok in doc:
        text = tok.text
        if (3 <= len(text) <= 7 and text.isalpha() and text.isupper() and text not in NOT_ACRONYMS
                and not lexicon.titles().is_title_word(text) and places.country_code(text) is None):
            out.append(Candidate(tok.idx, tok.idx + len(text), text, "ORG", "acronym"))
    return out


def _has_context(doc: Doc, i: int, j: int, context: frozenset[str], window: int = 4) -> bool:
    lo, hi = max(0, i - window), min(len(doc), j + window)
    return any(t.lower_ in context or t.lemma_.lower() in context for t in doc[lo:hi])


def _materiel(doc: Doc) -> list[Candidate]:
    weapons, vehicles = lexicon.weapons(), lexicon.vehicles()
    out = []
    for i, j, text in _token_sequences(doc, 4):
        span = doc[i:j]
        single_word = j - i == 1 and not any(ch.isdigit() for ch in text)
        kind = "WEA" if text in weapons.names else "VEH" if text in vehicles.names else None
        if kind and (not single_word or _has_context(doc, i, j, weapons.context)):
            out.append(Candidate(span.start_char, span.end_char, text, kind, "materiel"))
        elif j - i == 1 and any(p.match(text) for p in vehicles.patterns):
            out.append(Candidate(span.start_char, span.end_char, text, "VEH", "materiel"))
        elif j - i == 1 and any(p.match(text) for p in weapons.patterns) and _has_context(doc, i, j, weapons.context):
            out.append(Candidate(span.start_char, span.end_char, text, "WEA", "materiel"))
        elif j - i > 1 and span.text.lower() in weapons.classes:
            out.append(Candidate(span.start_char, span.end_char, text, "WEA", "materiel"))
        if j - i >= 2 and doc[i].text in vehicles.ship_prefixes and all(t.is_title for t in span[1:]):
            out.append(Candidate(span.start_char, span.end_char, text, "VEH", "materiel"))
    return out


_FACILITY_NAME = re.compile(r"^(?:[A-Z][\w'\u2019-]*|al|el|as|ad|ash|an|ar|at|az)$")


def _facilities(doc: Doc) -> list[Candidate]:
    """Named sites: capitalised name + facility head ("Hmeimim air base"), or head + number ("Tower 22")."""
    heads = lexicon.institution_words().facility_heads
    out = []
    for tok in doc:
        head_len = 2 if tok.i + 1 < len(doc) and f"{tok.lower_} {doc[tok.i + 1].lower_}" in heads else 1
        if head_len == 1 and tok.lower_ not in heads:
            continue
        end = tok.i + head_len
        start = tok.i
        while start > 0 and _FACILITY_NAME.match(doc[start - 1].text) and not doc[start - 1].is_sent_start \
                and doc[start - 1].lower_ not in DETERMINERS and not doc[start - 1].is_punct:
            start -= 1
        while start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in PARTICLES:
            start -= 2
        if start < tok.i and any(t.is_title or t.is_upper for t in doc[start:tok.i]):
            if all(places.country_code(t.text) is None for t in doc[start:tok.i]) and not doc[start].pos_ == "ADJ":
                span = doc[start:end]
                out.append(Candidate(span.start_char, span.end_char, span.text, "FAC", "facility"))
        elif tok.is_title and end < len(doc) and doc[end].text.isdigit() and start == tok.i:
            span = doc[start:end + 1]
            out.append(Candidate(span.start_char, span.end_char, span.text, "FAC", "facility"))
    return out


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
    if not any(ch.isalpha() for ch in text) or len(text) < 2 or text[0].isdigit() and cand.origin == "spacy":
        return None
    if text in NOT_ACRONYMS:
        return None
    if cand.origin in ("materiel", "facility"):
        return cand
    if cand.origin == "known":
        return cand
    known = lexicon.known_organizations().canonical_name(text)
    if known and cand.type != "PER":
        return replace(cand, type="ORG")
    iso = places.country_code(text)
    if cand.type == "NORP":
        demonym = places.demonym_country(text)
        if demonym:
            return replace(cand, country=demonym)
        if iso:
            return replace(cand, type="GPE", country=iso)
        if places.lookup_place(text) is not None:
            return replace(cand, type="GPE")  # spaCy reads some Arabic city names as nationalities
        return None
    if iso and cand.type in ("ORG", "PER", "FAC", "GPE", "LOC"):
        # "England" is a place of its own, not another name of the United Kingdom
        return replace(cand, type="GPE", country=None if places.constituent_country(text) else iso)
    looked_up = cand.type in ("GPE", "LOC") or " " not in text
    place = places.lookup_place(text) if looked_up else None
    if place is not None and cand.type in ("ORG", "PER", "FAC") and (
            cand.type != "PER" or place.kind != "city" or _after_locative(cand, doc)
            or place.population >= 500_000 and not _acts_like_person(cand, doc)):
        return replace(cand, type="GPE")  # a city is never an organisation; a surname is put back later
    if cand.type in ("GPE", "LOC") and iso is None and place is None:
        if any(ch.isdigit() for ch in text):
            return None  # "H1N1", "COVID-19": not places
        if " " not in text and len(text) <= 5 and sum(ch.isupper() for ch in text) >= 2:
            return replace(cand, type="ORG")  # "NGO", "MoD": abbreviations the gazetteer does not know
    if cand.type == "GPE" and " " not in text and place is None and _acts_like_person(cand, doc):
        return replace(cand, type="PER")  # "Erdogan threatened ...": not a place the gazetteer knows
    if cand.type in ("PER", "ORG") and _after_place_word(cand, doc):
        return replace(cand, type="GPE")
    if _is_title_fragment(cand, doc):
        return None
    if text.isupper() and cand.type == "PER" and len(text) <= 6:
        return replace(cand, type="ORG")  # "SANA": people are not written in capitals in running text
    return cand


PLACE_WORDS = {"village", "town", "city", "province", "governorate", "district", "region", "neighbourhood",
               "neighborhood", "suburb", "countryside", "outskirts", "municipality", "county", "state", "port",
               "capital", "island", "valley", "camp"}


def _gazetteer_places(doc: Doc) -> list[Candidate]:
    """Countries and large towns spaCy did not tag ("Aleppo was shelled"): single proper nouns only."""
    out = []
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.is_title or len(tok.text) < 4:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of a longer name spaCy did not recognise
        place = places.lookup_place(tok.text)
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


def _after_locative(cand: Candidate, doc: Doc) -> bool:
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and span.start >= 1 and doc[span.start - 1].lower_ in LOCATIVES


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
