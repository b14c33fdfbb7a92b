"""Lexicon and pattern scans for mentions spaCy's NER misses or mistypes.

Each scan proposes typed ``Candidate`` spans from the vocabularies in ``newsgraph/data``
(known organisations and outlets, weapon systems, vehicles and named vessels, facility
heads) or from a general pattern (an abbreviation in capitals, "the tanker X", "wrote on
X"); ``mentions.find_mentions`` merges them with spaCy's repaired entities.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph import geo
from newsgraph.nlp import lexicon

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# Arabic (and similar) name particles that spaCy splits off: "Deir ez-Zor", "Qasim al-Araji", "Abu Mahdi",
# "wal-Muslimin".
PARTICLES = {"al", "el", "ez", "ad", "as", "ash", "az", "an", "ar", "at", "ed", "es", "er", "et", "bin", "bint",
             "ibn", "abu", "bani", "ul", "ud", "wal"}
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


def _token_sequences(doc: Doc, max_len: int = 8) -> Iterable[tuple[int, int, str]]:
    for i in range(len(doc)):
        for j in range(i + 1, min(len(doc), i + max_len) + 1):
            yield i, j, doc[i:j].text


def known_organizations(doc: Doc) -> list[Candidate]:
    known = lexicon.known_organizations()
    out = []
    for i in range(len(doc)):
        if not doc[i].text[0].isupper():
            continue  # a known name starts with a capital: build no spans elsewhere
        for j in range(i + 1, min(len(doc), i + 10) + 1):
            span = doc[i:j]
            text = span.text
            if known.canonical_name(text) is None:
                continue
            if len(text) <= 3 and not text.isupper():
                continue  # short forms ("AP", "IS") only in capitals: "Is", "Ap" are words
            out.append(Candidate(span.start_char, span.end_char, text, "ORG", "known"))
            branch = _branch_end(doc, j)
            if branch:
                span = doc[i:branch]  # "Islamic State Sahel Province": a branch is named after its parent
                out.append(Candidate(span.start_char, span.end_char, span.text, "ORG", "known"))
    return out


def _branch_end(doc: Doc, j: int) -> int | None:
    """End of "Sahel Province" / "West Africa Province" right after a known group's name, if any."""
    for k in range(j + 1, min(len(doc), j + 3) + 1):
        if not all(t.text[0].isupper() for t in doc[j:k]) or doc[j].is_sent_start:
            return None
        if doc[k - 1].text in ("Province", "Wilayat", "Branch"):
            return k
    return None


def acronyms(doc: Doc) -> list[Candidate]:
    """Abbreviations spaCy left untagged ("known by its French abbreviation, CERS"): organisations."""
    out = []
    for tok in doc:
        text = tok.text
        if (3 <= len(text) <= 7 and text.isalpha() and text.isupper() and text not in NOT_ACRONYMS
                and not lexicon.titles().is_title_word(text) and geo.country_code(text) is None):
            out.append(Candidate(tok.idx, tok.idx + len(text), text, "ORG", "acronym"))
    return out


def _has_context(doc: Doc, i: int, j: int, context: frozenset[str], window: int = 4) -> bool:
    lo, hi = max(0, i - window), min(len(doc), j + window)
    return any(t.lower_ in context or t.lemma_.lower() in context for t in doc[lo:hi])


def materiel(doc: Doc) -> list[Candidate]:
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
        elif (j - i == 1 and any(p.match(text) for p in weapons.patterns) and _has_context(doc, i, j, weapons.context)) or (j - i > 1 and span.text.lower() in weapons.classes):
            out.append(Candidate(span.start_char, span.end_char, text, "WEA", "materiel"))
        if j - i >= 2 and doc[i].text in vehicles.ship_prefixes and all(t.is_title for t in span[1:]):
            out.append(Candidate(span.start_char, span.end_char, text, "VEH", "materiel"))
    return out


# lower-case particles that can open a site's name ("al-Khadim air base"); "at", "as", "an" are left out
# because they are also English words ("at Malaca\u00f1ang Palace")
_SITE_PARTICLES = {"al", "el", "ad", "ash", "ar", "az", "ez"}
# ports named after a sea or region are descriptions, not sites: "the Red Sea port"
_PORT_HEADS = {"port", "seaport", "harbor", "harbour"}


def _site_name_word(tok: Token) -> bool:
    text = tok.text
    return (text[0].isupper() and text[0].isalpha()) or tok.lower_ in _SITE_PARTICLES


def facilities(doc: Doc) -> list[Candidate]:
    """Named sites: capitalised name + facility head ("Hmeimim air base"), or head + number ("Tower 22")."""
    heads = lexicon.institution_words().facility_heads
    out = []
    for tok in doc:
        head_len = 2 if tok.i + 1 < len(doc) and f"{tok.lower_} {doc[tok.i + 1].lower_}" in heads else 1
        if head_len == 1 and tok.lower_ not in heads:
            continue
        end = tok.i + head_len
        start = tok.i
        while start > 0 and _site_name_word(doc[start - 1]) and not doc[start - 1].is_sent_start \
                and doc[start - 1].lower_ not in DETERMINERS and not doc[start - 1].is_punct:
            start -= 1
        while start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in PARTICLES:
            start -= 2
        while start < tok.i and doc[start].lower_ in _SITE_PARTICLES and doc[start + 1].text != "-":
            start += 1
        name = doc[start:tok.i]
        if tok.lower_ in _PORT_HEADS and geo.lookup_place(name.text) is not None and geo.lookup_place(
                name.text).kind not in ("city", "admin", "country"):
            continue
        if start < tok.i and any(t.text[0].isupper() for t in name):
            if all(geo.country_code(t.text) is None for t in name) and not doc[start].pos_ == "ADJ":
                span = doc[start:end]
                out.append(Candidate(span.start_char, span.end_char, span.text, "FAC", "facility"))
        elif tok.is_title and end < len(doc) and doc[end].text.isdigit() and start == tok.i:
            span = doc[start:end + 1]
            out.append(Candidate(span.start_char, span.end_char, span.text, "FAC", "facility"))
    return out



# --- craft named by their context -----------------------------------------------------------

_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


def _not_a_craft_name(tok: Token) -> bool:
    """Words after "the tanker" that are not its name: countries, nationalities, dates ("the tanker Russia
    seized", "the ship Houthi forces attacked", "the vessel Tuesday")."""
    return (tok.lower_ in _CALENDAR or tok.ent_type_ == "NORP" or geo.country_code(tok.text) is not None
            or geo.demonym_country(tok.text) is not None)


def _craft_name_end(doc: Doc, start: int, max_words: int = 4) -> int:
    """End of a vessel's name opening at ``start``: capitalised words, numbers, Roman numerals, hyphens."""
    end = start
    while end < len(doc) and end - start < max_words:
        tok = doc[end]
        if tok.text[0].isupper() or (tok.like_num and end > start):
            end += 1
        elif tok.text == "-" and end > start and end + 1 < len(doc) and doc[end + 1].text[0].isalnum():
            end += 2
        else:
            break
        if end < len(doc) and doc[end].is_sent_start:
            break
    return end


def vessels(doc: Doc) -> list[Candidate]:
    """ "the frigate Hamburg", "the tanker Eagle S", "the Russian-flagged Volgo-Balt 217", "Kilo-class": a
    craft is a vehicle whatever it is named after (a city, a person, a bird)."""
    cues = lexicon.craft_cues()
    out = []
    for tok in doc[:-1]:
        after = tok.i + 1
        two = f"{doc[tok.i - 1].lower_} {tok.lower_}" if tok.i else ""
        is_cue = (tok.lower_ == cues.flag_marker and tok.i >= 2 and doc[tok.i - 1].text == "-") or (
            tok.is_lower and (tok.text in cues.vessel_descriptors or two in cues.vessel_descriptors))
        if tok.lower_ == "class" and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].text[0].isupper():
            span = doc[tok.i - 2:tok.i + 1]  # "Kilo-class": a class of craft named like one
            out.append(Candidate(span.start_char, span.end_char, span.text, "VEH", "materiel"))
            continue
        if not is_cue or not doc[after].text[0].isupper() or doc[after].is_sent_start or _not_a_craft_name(doc[after]):
            continue
        end = _craft_name_end(doc, after)
        if lexicon.known_organizations().canonical_name(doc[after:end].text):
            continue
        span = doc[after:end]
        out.append(Candidate(span.start_char, span.end_char, span.text, "VEH", "materiel"))
    return out


def named_weapons(doc: Doc) -> list[Candidate]:
    """An unlisted brand name right before a weapon word is a weapon system: "Blue Spear missiles"."""
    heads = lexicon.craft_cues().weapon_heads
    known = lexicon.known_organizations()
    out = []
    for tok in doc[1:-1]:
        joined = doc[tok.i + 1].text == "-" and tok.i + 2 < len(doc)
        hyphened = f"{tok.lower_}-{doc[tok.i + 2].lower_}" if joined else ""
        if tok.lower_ not in heads and hyphened not in heads:
            continue  # "missiles"; "anti-ship" is three tokens
        start = tok.i
        while start > 0 and tok.i - start < 3 and doc[start - 1].text[0].isupper() and not doc[start - 1].is_punct \
                and not _not_a_craft_name(doc[start - 1]) and doc[start - 1].ent_type_ != "GPE":
            start -= 1
        if start == tok.i or doc[start].is_sent_start:
            continue
        span = doc[start:tok.i]
        if (known.canonical_name(span.text) or known.canonical_name(span.text + "s")
                or geo.lookup_place(span.text) is not None or lexicon.titles().is_title_word(span.text)):
            continue  # "Houthi drones", "Gaza rockets": who fires them or where, not the system
        out.append(Candidate(span.start_char, span.end_char, span.text, "WEA", "materiel"))
    return out


def platform_x(doc: Doc) -> list[Candidate]:
    """ "wrote on X", "in a post on X.": the social network, a one-letter name spaCy cannot see."""
    out = []
    for tok in doc[1:]:
        if tok.text in ("X", "X.") and doc[tok.i - 1].lower_ in ("on", "via") and (
                tok.i + 1 == len(doc) or tok.text == "X." or doc[tok.i + 1].is_punct
                or doc[tok.i + 1].lower_ in ("that", "and", "on", "in", "late", "early", "after")):
            out.append(Candidate(tok.idx, tok.idx + 1, "X", "ORG", "known"))
    return out
