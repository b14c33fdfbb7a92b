"""Token repairs for scraped text: words glued by stripped markup, possessives with their apostrophe stripped.

Scraped pages lose the markup between words ("standardsDiscussion", "Office)Twitter",
"attackFNA") and often every apostrophe ("Syrias Hasakeh", "Bashar al-Assads forces",
"U.N.s envoy"). spaCy then reads one token where there are two, and a possessive as a
plural name. ``ScrapedTextTokenizer`` wraps spaCy's tokenizer and splits such tokens without
touching the text (offsets stay valid): a glued token at the glue, a stripped possessive into
its stem and an "s" whose NORM is "'s" — the small model's tagger, parser and NER embed NORM
(with the prefix, suffix and shape), so they read it as the possessive marker.

Only clear cases are split (README, "Scraped text"): glue where a word of at least four
letters meets a capitalised word or an abbreviation ("McDonald", "YouTube", "iPhone" stay
whole), a possessive where the stem is a name the document or the tables know (a country,
a large place, a known organisation, a weekday, a name after a given name, title or "al-")
and the next word can follow a possessive; plurals of peoples ("Kurds", "Syrians") never.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph import geo, vocab
from newsgraph.nlp.dates.patterns import date_words
from newsgraph.settings import settings
from newsgraph.vocab.common import GivenNames, Titles
from newsgraph.vocab.entities import Organizations
from newsgraph.vocab.furniture import ScrapedTokens

POSSESSIVE_NORM = "'s"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")
_ABBREVIATION = re.compile(r"[A-Z]{2,}|(?:[A-Z]\.){2,}")
# a bracket or full stop glued between words: "Office)Twitter", "2014.In", "24.07.2016(updated"
_PUNCT_GLUE = re.compile(r"(?<=[a-z\d]{3})[.)\]](?=[A-Z][a-z])|(?<=[a-z\d]{2})\((?=[a-z]{3})"
                         r"|(?<=[a-z]{3})[)\]](?=[A-Z])|(?<=\d{4})(?=[A-Z][a-z]{2})")
# a link glued to the word before it: "familyhttpst.co5rT60", "night.httpst.co"
_URL_GLUE = re.compile(r"(?<=[A-Za-z]{2})(?=\.?https?(?::|/|[a-z]{0,3}\.))")
_LINK = re.compile(r"https?|www\.|\.(?:com|org|net|co|ly|gov|int)", re.IGNORECASE)
_POSSESSIVE_SHAPE = re.compile(r"(?:[A-Z][\w'-]*[a-rt-z]|[A-Z]{2,}|(?:[A-Z]\.)+)s")
_NO_PLAIN_PLURAL = re.compile(r"[a-z]*(?:[^aeiou\W]y|ch|sh|x|z)")


class ScrapedTextTokenizer:
    """spaCy's tokenizer followed by the glue and possessive splits; everything else is the wrapped tokenizer's."""

    def __init__(self, tokenizer: Any, words: Iterable[str], nouns: Iterable[str]) -> None:
        self.tokenizer = tokenizer
        # the lemmatizer's word index (WordNet: common words and a few famous names) and its nouns
        self.words, self.nouns = frozenset(words), frozenset(nouns)

    def __call__(self, text: str) -> Doc:
        return repair(self.tokenizer(text), self.words, self.nouns)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:  # to_disk, explain, rules ...: the wrapped tokenizer's
        return getattr(self.tokenizer, name)


def repair(doc: Doc, words: frozenset[str], nouns: frozenset[str]) -> Doc:
    """``doc`` with glued tokens and stripped possessives split (the text is unchanged)."""
    names = _Names(doc, words, nouns)
    cuts: dict[int, list[int]] = {}
    possessives: set[int] = set()  # character offsets of the split-off "s" of possessives
    for tok in doc:
        points = glue_points(tok.text, names)
        if not points and names.is_possessive(tok):
            points = [len(tok.text) - 1]
            possessives.add(tok.idx + points[0])
        if points:
            cuts[tok.i] = points
    if not cuts:
        return doc
    with doc.retokenize() as retokenizer:
        for i, points in cuts.items():
            tok = doc[i]
            bounds = [0, *points, len(tok.text)]
            pieces = [tok.text[a:b] for a, b in pairwise(bounds)]
            retokenizer.split(tok, pieces, heads=[(tok, 0)] * len(pieces))
    for tok in doc:
        if tok.idx in possessives:
            tok.norm_ = POSSESSIVE_NORM
    return doc


def glue_points(word: str, names: _Names) -> list[int]:
    """Offsets inside ``word`` where stripped markup glued two words together (empty: none)."""
    if len(word) < 6 or word in names.words.camel_case_names:
        return []
    points: set[int] = set()
    link = _URL_GLUE.search(word)
    if link is not None:  # the word glued before a link; the link itself is left whole
        points.update(p for p in (link.start(), link.start() + 1 if word[link.start()] == "." else 0) if p)
        word = word[:link.start()]
    if _LINK.search(word):
        return sorted(points)
    segments = _CAMEL.split(word)
    offset = 0
    for left, right in pairwise(segments):
        offset += len(left)
        if _glued(left, right, names):
            points.add(offset)
    for m in _PUNCT_GLUE.finditer(word):
        points.update(p for p in (m.start(), m.end()) if 0 < p < len(word))
    return sorted(points)


def _glued(left: str, right: str, names: _Names) -> bool:
    """``left`` + ``right`` is two words: a lower-case word of four letters or more, then a capitalised word or
    an abbreviation ("standardsDiscussion", "attackFNA"); or a capitalised word and an agency, an abbreviation or
    a page word ("SmithAFP", "DefenceUS", "FacebookComment"; not "SpecialEurasia", "WhatsApp")."""
    word = re.search(r"[A-Za-z]+$", left)
    if word is None or not re.fullmatch(r"[A-Z]?[a-z]+", word.group()):
        return False
    if len(word.group()) < settings().furniture.glue_min_letters:
        return False
    head = re.match(r"(?:[A-Z]\.){2,}|[A-Z]{2,}(?![a-z])|[A-Z][a-z]+", right)
    if head is None:
        return False
    piece = head.group()
    if _ABBREVIATION.fullmatch(piece):
        return len(piece.replace(".", "")) >= 3 or names.known_short(piece)
    if not _CAPITALISED.fullmatch(piece):
        return False
    page_words = names.words.glue_words
    return word.group().islower() or word.group() in page_words or piece in page_words


@dataclass
class _Names:
    """What one document and the tables know as names, for the possessive test."""

    doc: Doc
    words_index: frozenset[str]
    nouns: frozenset[str]

    @cached_property
    def words(self) -> ScrapedTokens:
        found: ScrapedTokens = vocab.load("scraped_tokens")
        return found

    @cached_property
    def organizations(self) -> Organizations:
        found: Organizations = vocab.load("organizations")
        return found

    @cached_property
    def tokens(self) -> frozenset[str]:
        return frozenset(t.text for t in self.doc)

    @cached_property
    def lower_words(self) -> frozenset[str]:
        return frozenset(t.text for t in self.doc if t.is_lower)

    @cached_property
    def name_heads(self) -> frozenset[str]:
        """Words that follow a given name, a title or "al-" somewhere in the document: surnames."""
        return frozenset(t.text for t in self.doc if _name_opener(t) is not None)

    def known_short(self, piece: str) -> bool:
        """A two-letter abbreviation that names something: "US", "UN", "AP"."""
        return geo.country_code(piece) is not None or self.organizations.canonical_name(piece) is not None

    def is_possessive(self, tok: Token) -> bool:
        """``tok`` is a name (or a "-y" noun: "citys") with its possessive apostrophe stripped."""
        text = tok.text
        if len(text) < 4 or not text.endswith("s") or not self._possessive_position(tok):
            return False
        stem = text[:-1]
        if tok.is_lower and tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-1).whitespace_ == "":
            # "Ban Ki-moons": a hyphenated name the document also writes without the s
            compound = f"{tok.nbor(-2).text}-{stem}"
            return tok.nbor(-2).is_title and compound in self.doc.text.replace(compound + "s", "")
        if _NO_PLAIN_PLURAL.fullmatch(stem.lower()) and stem.lower() in self.nouns:
            return True  # "citys", "Observatorys", "Watchs": these nouns' plurals end in "-ies" or "-es"
        if _POSSESSIVE_SHAPE.fullmatch(text) is None or self._never_split(text, stem):
            return False
        if _ABBREVIATION.fullmatch(stem):
            return self.known_short(stem) or self.organizations.canonical_name(stem) is not None
        return self._known_stem(tok, stem)

    def _possessive_position(self, tok: Token) -> bool:
        """What follows can follow a possessive: a word, not "and", "said" or a full stop."""
        nxt = tok.nbor() if tok.i + 1 < len(self.doc) else None
        if nxt is None or tok.whitespace_ == "" or not nxt.text[:1].isalpha():
            return False
        return nxt.lower_ not in self.words.not_before_possessive

    def _never_split(self, text: str, stem: str) -> bool:
        """A name ending in s ("Homs", "Hamas", "Reuters") or a plural of a people ("Kurds", "Syrians")."""
        low = stem.lower()
        if low in self.words.people_nouns or geo.demonym_country(stem) is not None:
            return True
        if low in _given_names().all or text.lower() in _given_names().all:
            return True  # "Williams": a surname made of a given name and "s"; "Boris", "Chris": given names
        return (geo.country_code(text) is not None or self.organizations.canonical_name(text) is not None
                or geo.lookup_place(text) is not None)

    def _known_stem(self, tok: Token, stem: str) -> bool:
        low = stem.lower()
        if geo.country_code(stem) is not None or (low in date_words().weekdays and len(low) > 5):
            return True
        if self.organizations.canonical_name(stem) is not None or stem in self.name_heads:
            return True  # "Hezbollahs"; "Assads" where "President Assad" or "al-Assad" is written
        place = geo.lookup_place(stem)
        if place is not None and place.population >= settings().furniture.possessive_place_population \
                and (stem in self.tokens or place.population >= settings().furniture.possessive_city_population):
            return True  # "Aleppos" beside "Aleppo", "Moscows"; not "Tal Hamis" for Hami, China
        # otherwise the document must write the name without the s too ("Nohas husband" beside "Noha"), and
        # the name must follow a given name, a title or "al-" ("Donald Trumps", "al-Assads"; not "Andrew Heavens",
        # "al-Quds") or be no common word ("Erdogans"; not "Forces", "Releases")
        opener = _name_opener(tok)
        if opener == "article" and tok.i >= 3 and (
                tok.nbor(-3).lower_ in _given_names().all
                or self.organizations.canonical_name(f"{tok.nbor(-2).text}-{stem}") is not None):
            return True  # "Bashar al-Assads": a surname after a given name and "al-"; "al-Qaedas"
        if stem not in self.tokens:
            return False
        if tok.i > 0 and tok.nbor(-1).is_title and not _titles().is_title_word(stem) \
                and re.search(rf"\b{re.escape(tok.nbor(-1).text)} {re.escape(stem)}\b", self.doc.text):
            return True  # "the Syrian Coalitions committee" where "the Syrian Coalition" is written
        return opener is not None or not (low in self.words_index or tok.lower_ in self.lower_words)


def _name_opener(tok: Token) -> str | None:
    """What ``tok`` follows that marks it a name: a given name, a title or an Arabic article ("al-Assad")."""
    if tok.i == 0:
        return None
    prev = tok.nbor(-1)
    if prev.text == "-" and prev.whitespace_ == "" and tok.i >= 2:
        return "article" if tok.nbor(-2).lower_ in vocab.load("common_words").arabic_articles else None
    if not prev.is_title or prev.whitespace_ == "":
        return None
    if prev.lower_ in _given_names().all:
        return "given"
    titles = _titles()
    return "title" if titles.is_head(prev.text) or prev.lower_ in titles.honorifics else None


def _titles() -> Titles:
    found: Titles = vocab.load("titles")
    return found


def _given_names() -> GivenNames:
    found: GivenNames = vocab.load("given_names")
    return found
