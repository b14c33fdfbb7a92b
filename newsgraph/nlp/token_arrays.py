"""Which tokens of a document have a given attribute value, found in one pass of spaCy's C arrays.

The stages read every token of a document in several passes, most of which test one attribute first
("is it a verb", "is it 'after'") and return for nearly every token.  Making a Python ``Token`` for each
costs more than the test: ``Doc.to_array`` reads the attribute of all tokens at once, and only the tokens
that pass are made.  A pass over the result sees exactly the tokens the test would have let through, in
document order.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

# up to this many values, one array comparison per value (a few microseconds each) beats ``np.isin``, which
# sorts (about 0.1 ms a call on a 1,500-token document, measured)
FEW_VALUES = 8


def tokens_where(doc: Doc, attr: str, values: Iterable[str | int]) -> list[Token]:
    """The tokens whose ``attr`` ("POS", "DEP", "LOWER", ...) is one of ``values``, in document order.

    ``values`` are strings ("ccomp", "after") or symbol ids (``spacy.symbols.VERB`` for "POS", whose
    array holds the symbol, not the string's hash).
    """
    if not len(doc):
        return []
    wanted = [v if isinstance(v, int) else get_string_id(v) for v in values]
    if not wanted:
        return []
    column = doc.to_array(attr)
    ids = np.array(wanted, dtype=column.dtype)  # compared as the array's own type (hashes are 64-bit unsigned)
    if len(ids) <= FEW_VALUES:  # most passes ask for one or two values: a comparison each costs less than isin
        hits = column == ids[0]
        for value in ids[1:]:
            hits |= column == value
    else:
        hits = np.isin(column, ids)
    return [doc[int(i)] for i in np.flatnonzero(hits)]
