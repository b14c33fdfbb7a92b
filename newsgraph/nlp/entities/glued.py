"""Names that scraped text ran together, and names spaCy cut short.

Scraped reporting loses the commas and apostrophes that part names, and spaCy-sm then tags two names as
one: "the United Nations envoy for Syria Staffan de Mistura" gives one organisation "Syria Staffan de
Mistura"; "government forces in Aleppo Syrian state media said" gives one place "Aleppo Syrian".
``split_glued`` parts such a span: a country or town the gazetteer knows, then a person's name (a given
name first, or a last word the document writes alone elsewhere, then capitalised words and name
particles); a place, then a demonym (a mention of its
country, not part of the place's name).

spaCy also reads the first word of an Arabic district's name as a person ("al-Sheikh" of "al-Sheikh
Maqsoud neighborhood").  ``whole_district_names`` takes the name before a settlement noun (or after "the
neighborhoods of") whole, and takes it whole wherever else the document writes it ("shells on al-Sheikh
Maqsoud claiming the lives"): no mention cut out of it survives.
"""

from __future__ import annotations

import re
from itertools import combinations, pairwise

from spacy.tokens import Doc, Span, Token

from newsgraph import geo, vocab
from newsgraph.nlp.doc_text import doc_text
from newsgraph.nlp.entities.scans import MentionCandidate, before_settlement_nouns
from newsgraph.nlp.token_arrays import tokens_where
from newsgraph.settings import settings
from newsgraph.vocab.common import CommonWords, Titles
from newsgraph.vocab.entities import InstitutionWords

Piece = tuple[int, int, str]  # token start, token end, type
NAME_ENTITY_TYPES = ("", "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")  # spaCy labels a name's words may have


def split_glued(doc: Doc, start: int, end: int) -> list[Piece] | None:
    """The names a spaCy entity ran together, each typed; None when it is one name."""
    return place_then_person(doc, start, end) or _place_then_demonym(doc, start, end) \
        or place_then_common_word(doc, start, end) or _name_then_known_organisation(doc, start, end) \
        or place_the_body(doc, start, end) or _place_then_attribution(doc, start, end)


def _place_then_attribution(doc: Doc, start: int, end: int) -> list[Piece] | None:
    """ "24 killed in raids on Syrias Idlib Monitor AFP Saturday ...", "civilians in IS stronghold in Syria Monitor
    Air strikes by ...": a wire headline's attribution (": monitor") run onto the place that ends it, and at times
    the body's first word after it; the place alone is the name."""
    descriptors = set(vocab.load("entity_words").monitor_descriptors)
    for k in range(start + 1, end):
        if doc[k].is_title and doc[k].lower_ in descriptors:
            place = doc[start:k].text
            if geo.country_code(place) is not None or geo.lookup_place(place) is not None:
                return [(start, k, "GPE")]
            return None
    return None


def place_the_body(doc: Doc, start: int, end: int) -> list[Piece] | None:
    """ "in the town of Harasta both also in Eastern Ghouta the Observatory said", "countryside of Homs the Syrian
    Army targeted": a place, then the subject of the next clause, a body named with "the", where scraped text lost
    the comma.  The words before the lower-case "the" must be a place (so tagged, or known to the gazetteer),
    and those after it must end in an organisation's word; "Save the Children", "Stop the War Coalition",
    "Omar the Chechen" stay whole."""
    heads = vocab.load("facilities").org_heads
    label = doc[start].ent_type_
    for k in range(start + 1, end - 1):
        if doc[k].text != "the" or not doc[k - 1].is_title or doc[end - 1].lower_ not in heads:
            continue
        place = doc[start:k]
        if label in ("GPE", "LOC") or geo.lookup_place(place.text) is not None or _called_a_place(doc, start):
            return [(start, k, label if label in ("GPE", "LOC") else "GPE"), (k + 1, end, "ORG")]
    return None


def _name_then_known_organisation(doc: Doc, start: int, end: int) -> list[Piece] | None:
    """ "in Hama Human Rights Watch said", "with Al Arabiya Syrian National Coalition chief Ahmad Jarba", "the
    village of Tokhar Amnesty International said": a name, then a known organisation's whole name, where scraped
    text lost the comma or stop between them.  The name before must be one of its own: a known organisation, a
    country or a big town, or a name the text calls a place ("the village of Tokhar"); an adjective or a
    demonym before a known name belongs to it ("Free Syrian Army", "Palestinian Islamic Jihad")."""
    known = vocab.load("organizations")
    if known.canonical_name(doc[start:end].text) is not None:
        return None
    for cut in range(start + 1, end):
        if doc[cut - 1].text == "-" or doc[cut].text == "-" or not doc[cut].is_title \
                or known.canonical_name(doc[cut:end].text) is None:
            continue
        name = doc[start:cut]
        if any(geo.demonym_country(t.text) is not None for t in name) or not name[-1].is_alpha:
            return None
        if known.canonical_name(name.text) is not None:
            return [(start, cut, "ORG"), (cut, end, "ORG")]
        if _big_place(name.text) or _called_a_place(doc, start):
            return [(start, cut, "GPE"), (cut, end, "ORG")]
        return None
    return None


def _big_place(name: str) -> bool:
    place = geo.lookup_place(name)
    least = settings().entities.gazetteer_min_population
    return geo.country_code(name) is not None or (
        place is not None and (place.kind != "city" or place.population >= least))


def _called_a_place(doc: Doc, start: int) -> bool:
    """ "the village of X": the name at ``start`` follows a place word and "of"."""
    place_words = vocab.load("entity_words").place_words
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in place_words


def place_then_common_word(doc: Doc, start: int, end: int) -> list[Piece] | None:
    """ "Damascus Terrorists of the so called Jaish al-Islam targeted ...": a place the gazetteer knows, then one
    capitalised word the document writes in lower case elsewhere (a dateline or headline run into the sentence),
    which is no word of a name ("Damascus Police", "Idlib Countryside", "Damascus Governor" stay whole)."""
    if end - start < 2 or not doc[end - 1].is_title or geo.lookup_place(doc[start:end - 1].text) is None \
            or geo.lookup_place(doc[start:end].text) is not None:
        return None
    word = doc[end - 1].lower_
    heads: InstitutionWords = vocab.load("facilities")
    words = vocab.load("entity_words")
    naming = heads.org_heads | heads.facility_heads | heads.company_heads | words.settlement_nouns \
        | vocab.load("common_words").admin_words
    if word in naming or vocab.load("titles").is_title_word(doc[end - 1].text) \
            or not any(t.is_lower and t.lower_ == word for t in doc):
        return None
    return [(start, end - 1, "GPE")]


def place_then_person(doc: Doc, start: int, end: int, *, tagged_person: bool = False) -> list[Piece] | None:
    """ "Syria Staffan de Mistura": a country or town, then a person's name beginning with a given name (spaCy
    tags such a run an organisation, a place or, as in "the opposition-held district in Aleppo Ibrahim Abu Leith
    told ...", "the Governor for Aleppo Mohammad Hazouri said", a person).  A run tagged a person whose first word
    is a given name or a kunya's particle is one person's name, though that word names a place too ("Said Seif al
    Qalamoni", "Abu Mohamad al-Golani"); and in such a run the person must open with a given name, for a list of
    places lost its commas too ("in Daraa Idlib Hama and the Ghouta", "Hama" alone elsewhere, is no person).  A
    kunya's particle alone is no place ("Abu Abdelrahman Salqeen", though the gazetteer knows an Abu)."""
    given = vocab.load("given_names").all
    common: CommonWords = vocab.load("common_words")
    if tagged_person and (doc[start].lower_ in given or doc[start].lower_ in common.particles):
        return None
    kunya = doc[start].is_title and doc[start].lower_ in common.particles - common.arabic_articles
    for cut in range(start + 1 + kunya, end - 1):
        place = doc[start:cut]
        if (doc[cut].lower_ in given or (not tagged_person and surname_alone_elsewhere(doc, cut, end))) \
                and _person_shaped(doc[cut:end]) \
                and not place[-1].is_punct and (
                geo.country_code(place.text) is not None or geo.lookup_place(place.text) is not None):
            return [(start, cut, "GPE"), (cut, end, "PER")]
    return None


def surname_alone_elsewhere(doc: Doc, first: int, end: int) -> bool:
    """The name's last word stands alone elsewhere in the document, as a surname does ("the Syrian Coalition
    Muwaffaq Nyrabia said ... Nyrabia added"): capitalised, with no capitalised word on either side; and no
    word of the name is written in lower case ("Countryside Terrorist": "the terrorist attack")."""
    lower, alone = _document_words(doc)
    return not any(t.lower_ in lower for t in doc[first:end]) and any(
        i != end - 1 for i in alone.get(doc[end - 1].text, ()))


def _document_words(doc: Doc) -> tuple[frozenset[str], dict[str, list[int]]]:
    """The words the document writes in lower case, and where each word stands with no capitalised word on
    either side: read once per document (asked for every cut of every candidate name)."""
    known = doc.user_data.get("newsgraph_lone_words")
    if known is not None and known[0] == len(doc):
        return known[1], known[2]
    strings = doc.vocab.strings  # the words from spaCy's arrays: no Token made for each
    rows: list[list[int]] = doc.to_array(["ORTH", "IS_TITLE", "IS_LOWER", "LOWER"]).tolist() if len(doc) else []
    texts, titled = [strings[orth] for orth, _, _, _ in rows], [bool(title) for _, title, _, _ in rows]
    lower = frozenset(strings[low] for _, _, is_lower, low in rows if is_lower)
    alone: dict[str, list[int]] = {}
    last = len(texts) - 1
    for i, text in enumerate(texts):
        if (i == 0 or not titled[i - 1]) and (i == last or not titled[i + 1]):
            alone.setdefault(text, []).append(i)
    doc.user_data["newsgraph_lone_words"] = (len(doc), lower, alone)
    return lower, alone


def _person_shaped(words: Span) -> bool:
    """Two to four capitalised words, with name particles between them ("de", "al-", "bin"), none a title or
    an organisation's, company's or site's word."""
    common: CommonWords = vocab.load("common_words")
    titles: Titles = vocab.load("titles")
    heads: InstitutionWords = vocab.load("facilities")
    particles = common.particles | vocab.load("entity_words").surname_particles
    capitalised = [t for t in words if t.is_title]
    if not 2 <= len(capitalised) <= 4 or not words[-1].is_title:
        return False
    words_of_places = vocab.load("entity_words").area_nouns | vocab.load("entity_words").settlement_nouns
    institution = heads.org_heads | heads.company_heads | heads.facility_heads | common.admin_words \
        | words_of_places  # "Caspian Marine Logistics", "Anderson County Crimestoppers"
    return all((t.is_title and t.is_alpha and t.lower_ not in institution and not titles.is_title_word(t.text))
               or t.lower_ in particles or t.text == "-" for t in words)


def _place_then_demonym(doc: Doc, start: int, end: int) -> list[Piece] | None:
    """ "Aleppo Syrian": a place the gazetteer knows, then a demonym; the whole is no place."""
    if end - start < 2 or geo.demonym_country(doc[end - 1].text) is None:
        return None
    head_end = end - 1
    while head_end > start and (doc[head_end - 1].is_punct or doc[head_end - 1].is_space):
        head_end -= 1  # "Hama. - Syrian": a dateline's dash
    head = doc[start:head_end]
    if not len(head) or geo.lookup_place(doc[start:end].text) is not None or geo.lookup_place(head.text) is None:
        return None
    return [(start, head_end, "GPE")]  # the demonym names its country only where the document names it


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
