"""Lists of places scraped text ran together without their commas ("Aleppo Idlib Homs", "Qatar Saudi Arabia and
Turkey"), which spaCy tags as one name: cut into one mention per place."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph import geo, vocab
from newsgraph.settings import settings


def places_listed(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """ "Aleppo Idlib Homs", "Idlib Syria": scraped text drops the commas of a list of places, and spaCy tags
    the list as one name.  When each word is a place the gazetteer knows and the whole is none, each is a
    mention (typed by ``retyping.py``); a "person" only when two of the places are countries or big cities by
    their own names and no word is a given name or said twice ("Aleppo Homs Hasaka"; not "Ramon Villanueva",
    "Tai Ahmad", "Mieh Mieh"; nor "Abu Kamal": a name's particle opens one name).  A country of several words
    in the list stays whole ("Turkey Qatar Saudi Arabia and Iran", "Syria United States Russia")."""
    words = doc[start:end]
    if len(words) < 2 or words[0].lower_ in vocab.load("given_names").all \
            or words[0].lower_ in vocab.load("common_words").particles \
            or geo.lookup_place(words.text) is not None \
            or not all(t.is_title and t.is_alpha and geo.lookup_place(t.text) is not None for t in words) \
            or (label == "PER" and not _places_not_person(words)):
        return [(start, end)]
    return _country_pieces(doc, start, end)


def _country_pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The words from ``start`` to ``end`` one place each, but for a country's name of up to three words."""
    pieces: list[tuple[int, int]] = []
    i = start
    while i < end:
        stop = next((j for j in range(min(i + 3, end), i + 1, -1) if geo.country_code(doc[i:j].text)), i + 1)
        pieces.append((i, stop))
        i = stop
    return pieces


def _places_not_person(words: Span) -> bool:
    given = vocab.load("given_names").all
    return sum(_big_place(t.text) for t in words) >= 2 and len({t.lower_ for t in words}) == len(words) \
        and not any(t.lower_ in given for t in words)


def _big_place(word: str) -> bool:
    place = geo.lookup_place(word)
    big = settings().entities.big_city_population  # by its own name: "Tai" is no other name of Taizhou here
    return place is not None and (place.kind == "country" or (place.population >= big and place.name == word))
