"""Shared pieces of attribution finding: the records, statement units, quotes and spans.

A statement *unit* is a sentence further cut at line breaks (a paragraph break
always ends a statement); spans are character offsets into the document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
from spacy.tokens import Doc, Span, Token

from newsgraph import vocab
from newsgraph.nlp.doc_text import doc_text
from newsgraph.settings import settings

Offsets = tuple[int, int]
Unit = tuple[int, int]   # a statement unit: first token, one past the last
Units = list[Unit]
NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART", "CCONJ"}
CLOSE_QUOTES = "”»"
QUOTE_MARK = re.compile(r"''|``|[\"“”«»]")
_LINE_BREAK = re.compile("\n")


@dataclass(frozen=True)
class Attribution:
    """One attribution with the offsets a span-level benchmark needs."""

    source: Offsets | None       # the whole source phrase, appositions included
    cue: Offsets | None
    content: Offsets
    evidence: Offsets
    cue_text: str
    stance: str
    speaker: str | None
    speaker_text: str | None
    via: tuple[str, ...] = ()
    nested: bool = False          # inside another attribution's content
    cue_token: int = -1
    disputes: bool = False        # the cue disputes or denies what its content reports
    disputed_by: int | None = None  # position (in the returned list) of the disputing attribution
    named_denial: bool = False    # a denial noun's ("repeated denials by Assad"): kept when reported in another


FrameKind = Literal["verb", "noun", "according", "colon", "dash"]


@dataclass(frozen=True)
class CueMatch:
    """What a cue pattern found: the frame of one attribution, before its extents and stance are worked out.

    ``kind`` says which frame: a reporting or attitude ``verb`` (also predicate adjectives), a claim
    ``noun`` ("Trump's claim that …"), ``according`` to X (also "in this poll"), a transcript ``colon``
    ("PENCE: …") or a ``dash`` signing a quote ("“…” ― Jane Doe")."""

    cue: Token
    subject: Token                    # the head of the source phrase
    content: Offsets
    kind: FrameKind
    inherited: bool = False           # the subject is the one of the verb the cue hangs from ("…, adding that")
    cue_end: Token | None = None      # the last word of a phrase cue ("according to", "In")
    source_span: Span | None = None   # the source phrase when not read from the parse: a signed name ("―
                                      # Jane Doe"), a speaker in a frame without commas (``runons``)


def sentence_units(doc: Doc) -> list[tuple[int, int]]:
    """Sentences, further cut at line breaks: a paragraph break always ends a statement."""
    # the tokens holding a line break, found from the text's breaks (a token's trailing whitespace is one space
    # at most, so every break lies inside a token), not by reading every token's text
    starts = doc.to_array("IDX")
    breaks = sorted({int(i) for i in np.searchsorted(starts, [m.start() for m in _LINE_BREAK.finditer(doc_text(doc))],
                                                       side="right") - 1 if i >= 0 and "\n" in doc[int(i)].text})
    units = []
    at = 0
    for sent in doc.sents:
        start = sent.start
        while at < len(breaks) and breaks[at] < sent.start:
            at += 1
        while at < len(breaks) and breaks[at] < sent.end:
            if breaks[at] > start:
                units.append((start, breaks[at]))
                start = breaks[at] + 1
            at += 1
        if start < sent.end:
            units.append((start, sent.end))
    return [(s, e) for s, e in units if any(not t.is_space for t in doc[s:e])]


def quote_regions(text: str) -> list[Offsets]:
    """Direct quotes, marks included; a quote left open at a paragraph end closes there, or at the end of its
    first sentence when more sentences than ``open_quote_max_sentences`` follow it (scraped pages run a
    whole article into one paragraph, and one lost closing mark would swallow every claim after it); a
    straight mark that can only open a quote ("… said. "We …") while one is open, after a sentence end,
    closes the earlier quote at its first sentence end."""
    limits = settings().claims
    regions: list[Offsets] = []
    offset = 0
    for para in text.split("\n"):
        opened: int | None = None
        for m in QUOTE_MARK.finditer(para):
            mark = m.group()
            closing = mark in CLOSE_QUOTES or mark == "''" or (mark == '"' and opened is not None)
            if mark == "''" and opened is None:
                closing = False
            if closing and opened is not None and mark == '"' and _only_opens(para, m.start()):
                end = _first_sentence_end(para, opened, m.start())
                if end is not None:  # '"The strikes hit a market said X. The army said "We …'
                    end = _inverted_frame_at(para, opened, end) or end
                    regions.append((offset + opened, offset + end))
                    opened = m.start()
                    continue
            if closing and opened is not None:
                regions.append((offset + opened, offset + m.end()))
                opened = None
            elif not closing and opened is None and not _lost_opening(para, m.start()):
                opened = m.start()
        if opened is not None and len(para) - opened > limits.open_quote_min_chars:
            end = len(para.rstrip())
            if len(SENTENCE_END.findall(para, opened, end)) > limits.open_quote_max_sentences:
                end = _first_sentence_end(para, opened, end) or end
            end = _inverted_frame_at(para, opened, _first_sentence_end(para, opened, end) or end) or end
            regions.append((offset + opened, offset + end))
        offset += len(para) + 1
    return regions


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _inverted_frame_at(para: str, start: int, stop: int) -> int | None:
    """Where a quote left open is attributed inside its own first sentence, its closing mark lost with the
    comma before the frame ('"The bombing is an outrage said Silvia X MSFs manager …'): the quote ends at the
    frame, so the frame is read and its speaker is not taken for the one quoted before."""
    words = vocab.load("claims_sources").inverted_frame_words
    for found in INVERTED_FRAME.finditer(para, start, stop):
        if found.group(1).lower() in words:
            return found.start()
    return None


INVERTED_FRAME = re.compile(r"(?<=\w)\s+(\w+)\s+(?=[A-Z])")


def _only_opens(para: str, at: int) -> bool:
    """A straight quote mark with a space (or nothing) before it and a word after it can only open a quote."""
    return (at == 0 or para[at - 1].isspace()) and at + 1 < len(para) and para[at + 1].isalnum()


def _lost_opening(para: str, at: int) -> bool:
    """A straight mark glued to the word before it and followed by a space, with no quote open, closes a quote
    whose opening mark was lost ('… near Maraat al-Nuaman" the sources said. "The ISIL …', '… will be the last"
    he added. In …'): unless the next mark closes, it opens nothing (else the frame after it reads as quoted)."""
    if at == 0 or para[at - 1].isspace() or (at + 1 < len(para) and not para[at + 1].isspace()):
        return False
    after = para.find('"', at + 1)
    return after < 0 or _only_opens(para, after)


def _first_sentence_end(para: str, start: int, stop: int) -> int | None:
    """Where the first sentence after ``start`` ends (after its stop), before ``stop``; None if none does."""
    found = SENTENCE_END.search(para, start, stop)
    return found.start() if found is not None else None


def quote_ends_sentence(quote: Offsets, text: str) -> bool:
    """The quote's last words close a sentence with a full stop ("“We have done it before.”"): what follows
    is a new sentence, not the quote's attribution (unlike "“…,” she said" or "“Why?” she asked"); also with
    the stop outside the mark, as British and scraped copy writes it ("were "gravely wounded by shrapnel".")."""
    return (text[quote[0]:quote[1]].rstrip("\"“”'’»« ").endswith(".")
            or text[quote[1]:quote[1] + 1] == ".")


def quoted_tokens(doc: Doc, regions: list[Offsets]) -> frozenset[int]:
    """The tokens inside a quote, marks excluded, found in one pass: ``quote_regions`` gives the regions in
    text order and disjoint, so a token is only ever inside the first region that does not end before it."""
    inside = set()
    k = 0
    starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []  # each token's offset: no Token made
    for i, start in enumerate(starts):
        while k < len(regions) and regions[k][1] - 1 <= start:
            k += 1
        if k < len(regions) and regions[k][0] < start:
            inside.add(i)
    return frozenset(inside)


def trim_span(doc: Doc, lo: int, hi: int) -> Offsets | None:
    while lo <= hi and (doc[lo].is_space or doc[lo].text in (",", ";", ":", "—", "–")):
        lo += 1
    while hi >= lo and (doc[hi].is_space or doc[hi].text in (",", ";", ":", "—", "–")):
        hi -= 1
    if hi < lo:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def clip_subtrees(heads: list[Token], us: int, ue: int, doc: Doc, exclude: Token | None = None) -> Offsets | None:
    """Character span of the heads' subtrees, kept inside the unit and off the speaker."""
    lo = min(max(h.left_edge.i, us) for h in heads)
    hi = max(min(h.right_edge.i, ue - 1) for h in heads)
    if exclude is not None and lo <= exclude.i <= hi:
        lo = max(lo, exclude.right_edge.i + 1)
    while lo <= hi and ((doc[lo].is_punct and doc[lo].text not in "\"“'‘«") or doc[lo].is_space):
        lo += 1
    return trim_span(doc, lo, hi)


def evidence_span(doc: Doc, start: int, end: int, units: Units, unit_of: dict[int, int]) -> Offsets:
    """The whole unit(s) covering [start, end)."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    u0 = unit_of.get(first[0].i, 0) if first is not None and len(first) else 0
    u1 = unit_of.get(last[-1].i, u0) if last is not None and len(last) else u0
    s, e = units[u0][0], units[max(u0, u1)][1]
    while e - 1 > s and doc[e - 1].is_space:
        e -= 1
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
