"""District names spaCy cut short, and lists of places scraped text ran together.

spaCy reads the first word of an Arabic district's name as a person ("al-Sheikh" of "al-Sheikh
Maqsoud neighborhood").  ``whole_district_names`` takes the name before a settlement noun (or after "the
neighborhoods of") whole, and takes it whole wherever else the document writes it ("shells on al-Sheikh
Maqsoud claiming the lives"): no mention cut out of it survives.  ``split_place_runs`` cuts a list of places
that lost its commas into its places.  (Split from ``glued.py``, which parts two names of different kinds.)
"""

from __future__ import annotations

import re
from itertools import combinations, pairwise

from spacy.tokens import Doc, Span, Token

from newsgraph import geo, vocab
from newsgraph.nlp.doc_text import doc_text
from newsgraph.nlp.entities.scans import MentionCandidate, before_settlement_nouns
from newsgraph.nlp.token_arrays import tokens_where
from newsgraph.vocab.common import CommonWords
from newsgraph.vocab.entities import InstitutionWords

NAME_ENTITY_TYPES = ("", "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")  # spaCy labels a name's words may have


# --- district names -------------------------------------------------------------------------

def whole_district_names(doc: Doc, found: list[MentionCandidate]) -> list[MentionCandidate]:
    """The candidates, with every mention cut out of a district's name ("al-Sheikh" of "al-Sheikh Maqsoud
    neighborhood") replaced by the whole name, here and wherever else the document writes it."""
    names = {doc[a:b].text for a, b in [*_named_before_settlement_nouns(doc), *_named_after_place_words(doc)]
             if _one_name(doc[a:b])}
    if not names:
        return found
    spans = sorted({(m.start(), m.end()) for name in names
                    for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", doc_text(doc))})
    kept: list[MentionCandidate] = []
    placed: set[tuple[int, int]] = set()
    for c in found:
        whole = next(((s, e) for s, e in spans if s <= c.start and c.end <= e and (s, e) != (c.start, c.end)), None)
        if whole is None:
            kept.append(c)
        else:
            placed.add(whole)
    wholes = [MentionCandidate(s, e, doc_text(doc)[s:e], "GPE", "place-word") for s, e in placed]
    kept = [c for c in kept if all(c.end <= s or c.start >= e for s, e in placed)]
    return sorted(kept + wholes, key=lambda c: c.start)


def _one_name(words: Span) -> bool:
    """Two capitalised words that are not two places: "al-Sheikh Maqsoud", not "Tariq al-Bab Bustan al-Qasr"
    nor "Binnish Taftanaz" (scraped lists of districts and towns without their commas)."""
    capitalised = [t for t in words if t.is_title]
    return len(capitalised) == 2 and not all(geo.lookup_place(t.text) is not None for t in capitalised)


def _named_before_settlement_nouns(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of names right before a lower-case settlement noun, whatever spaCy
    tagged in them: "al-Sheikh Maqsoud neighborhood", "Bab Touma district"."""
    particles = vocab.load("common_words").particles

    def extends(word: Token, following: Token, noun: Token) -> bool:
        if word.is_title and following.i < noun.i and (geo.demonym_country(word.text) or geo.lookup_place(word.text)):
            return False  # "Aleppo Sheikh Maqsoud", "Kurdish Sheikh Maqsoud": the city or people before the name
        return _name_word(word) or word.text == "-" or (word.lower_ in particles and following.text == "-")

    out = []
    for first, end in before_settlement_nouns(doc, extends):
        start = first
        if doc[start].text == "-":
            start += 1
        if " " in doc[start:end].text:
            out.append((start, end))
    return out


def _named_after_place_words(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of names after a place word and "of", whatever spaCy tagged in them:
    "the neighborhoods of al-Sheikh Saad and al-Mazzeh", "the village of Tall Tawil"."""
    words = vocab.load("entity_words")
    place_words = words.place_words | words.settlement_nouns
    common: CommonWords = vocab.load("common_words")
    out = []
    for tok in tokens_where(doc, "LOWER", ["of"]):
        if not (0 < tok.i < len(doc) - 1 and doc[tok.i - 1].is_lower and doc[tok.i - 1].text in place_words):
            continue
        start = end = tok.i + 1
        while end < len(doc) and (_name_word(doc[end]) or (doc[end].text == "-" and end > start) or (
                doc[end].lower_ in common.particles and end + 1 < len(doc) and doc[end + 1].text == "-")):
            if end > start and doc[end].is_title and geo.lookup_place(doc[start:end].text) is not None:
                break  # "the city of Aleppo Homs": a place the gazetteer knows ends before the next name
            end += 1
        while end > start and not doc[end - 1].is_title:
            end -= 1
        if " " in doc[start:end].text:
            out.append((start, end))
    return out


def _name_word(tok: Token) -> bool:
    """A capitalised word that may stand in a place's name: not "In" opening a sentence, not "Sunday", not
    "Syrian"."""
    return tok.is_title and tok.is_alpha and not tok.is_stop and tok.ent_type_ in NAME_ENTITY_TYPES \
        and geo.demonym_country(tok.text) is None


# --- lists of places run together ---------------------------------------------------------------

_PIECE_START = re.compile(r"(?<=\s)(?=[A-Z]|(?:al|el|Al|El)-)")


def split_place_runs(found: list[MentionCandidate]) -> list[MentionCandidate]:
    """The typed candidates, with a list of places scraped text ran together cut into its places: "al-Midan
    al-Faid and al-Hamadaniyeh neighborhoods", "a suburb of Sayeda Zeinab Syria June 11", "attack on al-Fouaa
    Idleb".  Scraped text drops the commas of a list (or of a caption's "place, country, date") and spaCy tags
    the run as one name.  A place or organisation is cut at a space before a capital or an Arabic article when
    every piece is a place the document names on its own elsewhere (also before a lower-case noun: "Sayeda
    Zeinab shrine") or the gazetteer knows (``_known_place``), none a compass or generic word ("Eastern
    Aleppo"), at least one of them named on its own, and the whole is no place the gazetteer knows ("New
    Aleppo", "Kafr Hamra" stay whole: their first word is no place).  A place keeps no
    lower-case words after its name that name no kind of place ("bombing the town of Daraya hours after",
    "the town of Jayrud 60 kilometres from"; "Hama province", "Qalamoun mountains" keep theirs)."""
    found = [_without_calendar_tail(_without_common_tail(c)) for c in found]  # "Ariha August 3"
    places = {_name_part(c.text) for c in found if c.type in ("GPE", "LOC", "FAC")}
    out: list[MentionCandidate] = []
    for c in found:
        pieces = _place_pieces(c, places) if c.type in ("GPE", "LOC", "FAC", "ORG") and " " in c.text else None
        if pieces is None:
            out.append(c)
            continue
        out += [MentionCandidate(c.start + a, c.start + b, c.text[a:b], "GPE", c.origin) for a, b in pieces]
    return out


_COMMON_TAIL = re.compile(r"(?:\s+(?:[a-z]+|\d[\d,.]*))+$")


def _name_part(text: str) -> str:
    """ "Sayeda Zeinab shrine" -> "Sayeda Zeinab": the capitalised name before lower-case words."""
    return _COMMON_TAIL.sub("", text) or text


def _without_calendar_tail(c: MentionCandidate) -> MentionCandidate:
    """ "Aleppo Syria September" (a caption's "Aleppo, Syria, September 21, 2016"), "Ariha August": a place
    keeps no month or weekday run onto it; a person may ("Theresa May")."""
    words = c.text.split()
    calendar: frozenset[str] = vocab.load("dates").calendar_words
    if c.type not in ("GPE", "LOC", "FAC") or len(words) < 2 or words[-1].lower().strip(".") not in calendar:
        return c
    end = c.text.rindex(words[-1])
    text = c.text[:end].rstrip()
    return MentionCandidate(c.start, c.start + len(text), text, c.type, c.origin, c.country)


def _without_common_tail(c: MentionCandidate) -> MentionCandidate:
    tail = _COMMON_TAIL.search(c.text) if c.type in ("GPE", "LOC") else None
    if tail is None or tail.start() == 0:
        return c
    words = vocab.load("entity_words")
    heads: InstitutionWords = vocab.load("facilities")
    naming = words.settlement_nouns | words.place_words | vocab.load("common_words").admin_words | heads.org_heads \
        | heads.facility_heads | words.landform_nouns
    last = c.text.split()[-1]
    if last in naming or c.text[tail.start():].split()[0] in vocab.load("common_words").particles:
        return c
    return MentionCandidate(c.start, c.start + tail.start(), c.text[:tail.start()], c.type, c.origin, c.country)


def _place_pieces(c: MentionCandidate, places: set[str]) -> list[tuple[int, int]] | None:
    if geo.lookup_place(c.text) is not None:
        return None
    cuts = [m.start() for m in _PIECE_START.finditer(c.text)]
    common = vocab.load("common_words")
    qualifiers = common.directions | common.compass_compounds | vocab.load("entity_words").generic_words
    for count in range(1, min(len(cuts), 3) + 1):
        for chosen in combinations(cuts, count):
            bounds = [0, *chosen, len(c.text)]
            pieces = [(a, len(c.text[a:b].rstrip()) + a) for a, b in pairwise(bounds)]
            texts = [c.text[a:b] for a, b in pieces]
            if all((t in places or _known_place(t)) and t.lower() not in qualifiers for t in texts) \
                    and any(t in places for t in texts):
                return pieces
    return None


def _known_place(piece: str) -> bool:
    """A piece the gazetteer knows, which opens with no Arabic article and is no toponym word alone: "Daraa
    al-Balad", "Aleppo al-Jadida" and "Bab Touma" are one name each (not Balad in Iraq, El Jadida, Al Bab)."""
    first = piece.split("-", 1)[0].lower()
    return first not in vocab.load("common_words").arabic_articles \
        and piece.lower() not in vocab.load("entity_words").toponym_words and geo.lookup_place(piece) is not None
