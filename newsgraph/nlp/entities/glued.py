"""Names that scraped text ran together, and names spaCy cut short.

Scraped reporting loses the commas and apostrophes that part names, and spaCy-sm then tags two names as
one: "the United Nations envoy for Syria Staffan de Mistura" gives one organisation "Syria Staffan de
Mistura"; "government forces in Aleppo Syrian state media said" gives one place "Aleppo Syrian".
``split_glued`` parts such a span: a country or town the gazetteer knows, then a person's name (a given
name first, or a last word the document writes alone elsewhere, then capitalised words and name
particles); a place, then a demonym (a mention of its
country, not part of the place's name).

District names cut short and lists of places run together are in ``place_runs.py``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph import geo, vocab
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
