"""A parsed document's text, joined once.

spaCy's ``Doc.text`` joins every token's text again on each read; the stages read it per candidate, per
mention and per cue, so it cost a share of the entities and claims stages.  The text of a ``Doc`` never
changes (retokenizing keeps it), so it is kept in the document's ``user_data`` on the first read.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsgraph_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per document."""
    known = doc.user_data.get(_KEY)
    if known is not None and known[0] == len(doc):
        return str(known[1])
    text = doc.text
    doc.user_data[_KEY] = (len(doc), text)
    return text
