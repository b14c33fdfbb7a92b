"""Token repairs for scraped text: words glued by stripped markup, possessives with their apostrophe stripped.

Scraped pages lose the markup between words ("standardsDiscussion", "Office)Twitter",
"attackFNA") and often every apostrophe ("Syrias Hasakeh", "Bashar al-Assads forces",
"U.N.s envoy"). spaCy then reads one token where there are two, and a possessive as a
plural name. ``ScrapedTextTokenizer`` wraps spaCy's tokenizer and splits such tokens without
touching the text (offsets stay valid): a glued token at the glue, a stripped possessive into
its stem and an "s" whose NORM is "'s" — the small model's tagger, parser and NER embed NORM
(with the prefix, suffix and shape), so they read it as the possessive marker. For the same reason an
organisation's abbreviation spelled like a function word ("IS" for Islamic State, "WHO") keeps its capitals as its NORM:
with the NORM "is" the parser read "IS militants said" as a passive auxiliary and lost the speaker.

Only clear cases are split (README, "Scraped text"): glue where a lower-case word of four letters
or more meets a capitalised word or an abbreviation, or a capitalised word meets an agency, an
abbreviation or a page word ("FacebookComment"; "McDonald", "YouTube", "iPhone" stay whole), a
possessive where the stem is a name the document or the tables know (a country,
a large place, a known organisation, a weekday, a name after a given name, title or "al-")
and the next word can follow a possessive; plurals of peoples ("Kurds", "Syrians") never.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

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
# what a token must hold to be glued at all: a capital after a small letter, a glued bracket, stop or link
_GLUE_HINT = re.compile(r"[a-z][A-Z]|[a-z\d][.)\](]|\d[A-Z]|.http")
# a word that may be a stripped possessive: capitalised or an abbreviation ending in s ("Syrias", "U.N.s",
# "PKKs"), a noun whose plural is not "-s" ("citys"), a hyphen's second part ("Ki-moons"); or glued
_CANDIDATE = re.compile(r"(?<![\w.])(?:[A-Z][\w.']*s|[a-z]*(?:[^aeiou\W]y|ch|sh|x|z)s|(?<=-)[a-z]+s)\b"
                        r"|[a-z][A-Z]|[a-z\d][.)\](]|\d[A-Z]|.http")
_WORDS = re.compile(r"\w+")
# two capitalised words ("President Assad", "Bashar Assad"), overlapping; an Arabic article and a name
_PAIR = re.compile(r"\b(?=[A-Z])(?=([A-Z][a-z]+\.?) ([A-Z][\w'-]*))")
_ARTICLE = re.compile(r"\b([Aa][lnrsdtz]|[Ee]l|[Aa]sh)-([A-Z]\w*)")
_LINK = re.compile(r"https?|www\.|\.(?:com|org|net|co|ly|gov|int)", re.IGNORECASE)
_POSSESSIVE_SHAPE = re.compile(r"(?:[A-Z][\w'-]*[a-rt-z]|[A-Z]{2,}|(?:[A-Z]\.)+)s")
_NO_PLAIN_PLURAL = re.compile(r"[a-z]*(?:[^aeiou\W]y|ch|sh|x|z)")
# a word in capitals ("IS", "WHO", "IS-linked"), and a run of them (a headline set in capitals: "WHAT IS LEFT")
_CAPITALS = re.compile(r"(?<![\w.])[A-Z]{2,4}(?![\w.])")
_CAPITALS_RUN = re.compile(r"[A-Z]{2,} [A-Z]{2,4}(?![\w.])|(?<![\w.])[A-Z]{2,4} [A-Z]{2,}")
# a replacement character (or its UTF-8 bytes read as Latin-1, "ï¿½") where a scrape lost a quotation mark,
# glued before the word it opened: "ï¿½ï¿½Jaish al-Islam", "ï¿½ï¿½Deir ez-Zor"; inside a word it stands for a
# lost letter ("avuï¿½ï¿½olu") and is left alone
_LOST_QUOTE = re.compile(r"(?<!\S)(?:ï¿½|\ufffd)+(?=\w)")


class ScrapedTextTokenizer:
    """spaCy's tokenizer followed by the glue and possessive splits; everything else is the wrapped tokenizer's."""

    def __init__(self, tokenizer: Any, words: Iterable[str], nouns: Iterable[str]) -> None:
        self.tokenizer = tokenizer
        # the lemmatizer's word index (WordNet: common words and a few famous names) and its nouns
        self.words, self.nouns = frozenset(words), frozenset(nouns)

    def __call__(self, text: str) -> Doc:
        return repair(self.tokenizer(text), self.words, self.nouns, text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:  # to_disk, explain, rules ...: the wrapped tokenizer's
        return getattr(self.tokenizer, name)


def repair(doc: Doc, words: frozenset[str], nouns: frozenset[str], text: str | None = None) -> Doc:
    """``doc`` with glued tokens and stripped possessives split (the text is unchanged). Only tokens the
    raw text marks as candidates are looked at: building a spaCy ``Token`` for every word costs more
    (and so does ``doc.text``, joined anew at each call: ``text`` is the tokenized text when known)."""
    names = _Names(doc, doc.text if text is None else text, words, nouns)
    split(doc, names)
    for start, end in abbreviation_spans(names):
        span = doc.char_span(start, end)
        if span is not None and len(span) == 1:
            span[0].norm_ = span[0].text
    return doc


def abbreviation_spans(names: _Names) -> list[tuple[int, int]]:
    """Where the text writes a known organisation's abbreviation that is also a function word in small letters
    ("IS" for Islamic State, "WHO"), outside a run of capitals (a headline in capitals: "WHO IS TO BLAME").
    Countries are left alone: the model learnt "US" and "UK" as names ("The US Britain and France urged …"
    run together with the NORM "US")."""
    shouted = {i for m in _CAPITALS_RUN.finditer(names.text) for i in range(m.start(), m.end())}
    return [(m.start(), m.end()) for m in _CAPITALS.finditer(names.text)
            if m.group().lower() in STOP_WORDS and m.start() not in shouted
            and names.organizations.canonical_name(m.group()) is not None]


def split(doc: Doc, names: _Names) -> None:
    """Split ``doc``'s glued tokens and stripped possessives in place."""
    cuts: dict[int, list[int]] = {}
    possessives: set[int] = set()  # token indices whose last letter is a possessive's "s"
    for i in names.candidates():
        text = names.text_at(i)
        points = glue_points(text, names) if _GLUE_HINT.search(text) else []
        if not points and names.is_possessive(i):
            points = [len(text) - 1]
            possessives.add(i)
        if points:
            cuts[i] = points
    quotes = names.lost_quotes()
    for i, point in quotes:
        cuts[i] = sorted({point, *cuts.get(i, [])})
    if not cuts:
        return
    marks = {doc[i].idx + len(doc[i].text) - 1 for i in possessives}
    quote_marks = [(doc[i].idx, doc[i].idx + point) for i, point in quotes]
    with doc.retokenize() as retokenizer:
        for i, points in cuts.items():
            tok = doc[i]
            bounds = [0, *points, len(tok.text)]
            pieces = [tok.text[a:b] for a, b in pairwise(bounds)]
            retokenizer.split(tok, pieces, heads=[(tok, 0)] * len(pieces))
    # split() must be given heads, and they leave a partial parse (the first token no sentence start, a
    # piece headed by itself with no label) that the parser keeps and Span.root then fails on (E039):
    # before any pipe has run there is no parse to keep, so clear it
    doc.from_array([HEAD, DEP, SENT_START], numpy.zeros((len(doc), 3), dtype="uint64"))  # type: ignore[arg-type]
    for i in sorted(marks):
        span = doc.char_span(i, i + 1)
        if span is not None:
            span[0].norm_ = POSSESSIVE_NORM
    for start, end in quote_marks:  # read as the quotation mark it was: the word after it opens the quote
        span = doc.char_span(start, end)
        if span is not None:
            span[0].norm_ = '"'


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
    """What one document and the tables know as names, for the possessive test. The document's words are
    read off its text; a token is built only for the few candidates."""

    doc: Doc
    text: str
    words_index: frozenset[str]
    nouns: frozenset[str]
    _texts: dict[int, tuple[str, str]] = field(default_factory=dict)

    @cached_property
    def words(self) -> ScrapedTokens:
        found: ScrapedTokens = vocab.load("scraped_tokens")
        return found

    @cached_property
    def organizations(self) -> Organizations:
        found: Organizations = vocab.load("organizations")
        return found

    @cached_property
    def starts(self) -> list[int]:
        starts: list[int] = self.doc.to_array("IDX").tolist()
        return starts

    def candidates(self) -> list[int]:
        """Tokens that may be glued or stripped possessives, by index, in order."""
        found = set()
        for m in _CANDIDATE.finditer(self.text):
            i = bisect.bisect_right(self.starts, m.start()) - 1
            if i >= 0:
                found.add(i)
        return sorted(found)

    def lost_quotes(self) -> list[tuple[int, int]]:
        """Tokens opening with a lost quotation mark glued to a word, by index, with the offset where the word
        starts."""
        found = []
        for m in _LOST_QUOTE.finditer(self.text):
            i = bisect.bisect_right(self.starts, m.start()) - 1
            if i >= 0 and self.starts[i] == m.start() and len(self.text_at(i)) > m.end() - m.start():
                found.append((i, m.end() - m.start()))
        return found

    def text_at(self, i: int) -> str:
        return self._token(i)[0]

    def space_at(self, i: int) -> str:
        return self._token(i)[1]

    def _token(self, i: int) -> tuple[str, str]:
        if i not in self._texts:
            tok = self.doc[i]
            self._texts[i] = (tok.text, tok.whitespace_)
        return self._texts[i]

    @cached_property
    def plain_words(self) -> list[str]:
        return _WORDS.findall(self.text)

    @cached_property
    def written(self) -> frozenset[str]:
        return frozenset(self.plain_words)

    @cached_property
    def lower_words(self) -> frozenset[str]:
        return frozenset(w for w in self.plain_words if w.islower())

    @cached_property
    def name_heads(self) -> frozenset[str]:
        """Words that follow a given name, a title or "al-" somewhere in the document: surnames."""
        lists = _opener_words()
        heads = {m.group(2) for m in _PAIR.finditer(self.text)
                 if m.group(1).lower() in lists.given or m.group(1).lower() in lists.title_heads}
        heads |= {m.group(2) for m in _ARTICLE.finditer(self.text) if m.group(1).lower() in lists.articles}
        return frozenset(heads)

    def known_short(self, piece: str) -> bool:
        """A two-letter abbreviation that names something: "US", "UN", "AP"."""
        return geo.country_code(piece) is not None or self.organizations.canonical_name(piece) is not None

    def opener(self, i: int) -> str | None:
        """What token ``i`` follows that marks it a name: a given name, a title or an Arabic article ("al-Assad")."""
        if i == 0:
            return None
        prev, space = self.text_at(i - 1), self.space_at(i - 1)
        lists = _opener_words()
        if prev == "-" and space == "" and i >= 2:
            return "article" if self.text_at(i - 2).lower() in lists.articles else None
        low = prev.lower()
        if low in ("al", "el") and space:
            return "article"  # "al Qaedas", written without the hyphen
        if not prev.istitle() or space == "":
            return None
        if low in lists.given:
            return "given"
        return "title" if low in lists.title_heads else None

    def is_possessive(self, i: int) -> bool:
        """Token ``i`` is a name (or a noun such as "citys") with its possessive apostrophe stripped."""
        text, space = self.text_at(i), self.space_at(i)
        if len(text) < 4 or text[-1] != "s" or not space or not self._possessive_position(i):
            return False
        stem = text[:-1]
        if text.islower() and i >= 2 and (self.text_at(i - 1), self.space_at(i - 1)) == ("-", ""):
            # "Ban Ki-moons": a hyphenated name the document also writes without the s
            compound = f"{self.text_at(i - 2)}-{stem}"
            return self.text_at(i - 2).istitle() and compound in self.text.replace(compound + "s", "")
        if _NO_PLAIN_PLURAL.fullmatch(stem.lower()) and stem.lower() in self.nouns:
            return True  # "citys", "Observatorys", "Watchs": these nouns' plurals end in "-ies" or "-es"
        if _POSSESSIVE_SHAPE.fullmatch(text) is None or self._never_split(text, stem):
            return False
        if _ABBREVIATION.fullmatch(stem):
            return self.known_short(stem)
        return self._known_stem(i, stem)

    def _possessive_position(self, i: int) -> bool:
        """What follows can follow a possessive: a word, not "and", "said" or a full stop."""
        if i + 1 >= len(self.starts):
            return False
        nxt = self.text_at(i + 1)
        return nxt[:1].isalpha() and nxt.lower() not in self.words.not_before_possessive

    def _never_split(self, text: str, stem: str) -> bool:
        """A name ending in s ("Homs", "Hamas", "Reuters") or a plural of a people ("Kurds", "Syrians")."""
        low = stem.lower()
        if low in self.words.people_nouns or geo.demonym_country(stem) is not None:
            return True
        given = _opener_words().given
        if low in given or text.lower() in given:
            return True  # "Williams": a surname made of a given name and "s"; "Boris", "Chris": given names
        return (geo.country_code(text) is not None or self.organizations.canonical_name(text) is not None
                or geo.lookup_place(text) is not None)

    def _known_stem(self, i: int, stem: str) -> bool:
        low = stem.lower()
        if geo.country_code(stem) is not None or (low in date_words().weekdays and len(low) > 5):
            return True
        if self.organizations.canonical_name(stem) is not None or stem in self.name_heads:
            return True  # "Hezbollahs"; "Assads" where "President Assad" or "al-Assad" is written
        if i and self.space_at(i - 1) and self.organizations.canonical_name(f"{self.text_at(i - 1)} {stem}"):
            return True  # "TRT Worlds Ahmed al Burai reports": the last word of a known organisation's name
        cfg = settings().furniture
        place = geo.lookup_place(stem)
        if place is not None and place.population >= cfg.possessive_place_population \
                and (stem in self.written or place.population >= cfg.possessive_city_population):
            return True  # "Aleppos" beside "Aleppo", "Moscows"; not "Tal Hamis" for Hami, China
        # otherwise the document must write the name without the s too ("Nohas husband" beside "Noha"), and
        # the name must follow a given name, a title or "al-" ("Donald Trumps", "al-Assads"; not "Andrew Heavens",
        # "al-Quds") or be no common word ("Erdogans"; not "Forces", "Releases")
        opener = self.opener(i)
        if opener == "article" and self._article_name(i, stem):
            return True  # "Bashar al-Assads": a surname after a given name and "al-"; "al-Qaedas", "al Qaedas"
        if stem not in self.written:
            return False
        prev = self.text_at(i - 1) if i else ""
        if prev.istitle() and stem.lower() not in _opener_words().title_words \
                and re.search(rf"\b{re.escape(prev)} {re.escape(stem)}\b", self.text):
            return True  # "the Syrian Coalitions committee" where "the Syrian Coalition" is written
        return opener is not None or not (low in self.words_index or self.text_at(i).lower() in self.lower_words)


    def _article_name(self, i: int, stem: str) -> bool:
        """The name after "al-" (or "al ") is a known organisation's, or a surname after a given name."""
        hyphen = self.text_at(i - 1) == "-"
        article = self.text_at(i - 2) if hyphen else self.text_at(i - 1)
        before = i - (3 if hyphen else 2)
        return (self.organizations.canonical_name(f"{article}-{stem}") is not None
                or (before >= 0 and self.text_at(before).lower() in _opener_words().given))


@dataclass(frozen=True)
class _OpenerWords:
    given: frozenset[str]        # given names, lower case
    articles: frozenset[str]     # "al", "el": Arabic articles
    title_heads: frozenset[str]  # "president", "mr": a title before a name
    title_words: frozenset[str]  # every word of a title chain ("foreign", "minister")


@lru_cache(maxsize=1)
def _opener_words() -> _OpenerWords:
    titles: Titles = vocab.load("titles")
    given: GivenNames = vocab.load("given_names")
    return _OpenerWords(given=given.all, articles=vocab.load("common_words").arabic_articles,
                        title_heads=titles.heads | titles.honorifics,
                        title_words=titles.heads | titles.modifiers | titles.honorifics)
