"""Numbers as the text writes them: digits ("16", "1,300", "1.5 million"), words ("sixteen", "one hundred
and twenty", "twenty-five") and sizes without a number ("dozens", "tens of thousands")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.vocab.quantities import QuantityWords

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Number:
    """A number written over tokens ``start`` to ``end`` (exclusive); ``vague``: a size, not a number."""

    start: int
    end: int
    value: int
    vague: bool = False
    phrase: str = ""  # the vague word ("dozens"), for the qualifier


def digits(text: str) -> float | None:
    if not _DIGITS.match(text):
        return None
    return float(text.replace(",", ""))


def is_number_token(tok: Token, words: QuantityWords) -> bool:
    return digits(tok.text) is not None or tok.lower_ in words.number_words


def read_number(doc: Doc, i: int, words: QuantityWords, limit: int) -> Number | None:
    """The number that starts at token ``i`` (and ends before ``limit``), or None."""
    vague = _vague(doc, i, words, limit)
    if vague is not None:
        return vague
    tok = doc[i]
    if not is_number_token(tok, words):
        return None
    total, current, j = 0.0, 0.0, i
    while j < limit:
        t = doc[j]
        value = digits(t.text)
        lower = t.lower_
        if value is not None or lower in words.number_words:
            if j > i and not _joins(doc, j, words):
                break
            current += value if value is not None else words.number_words[lower]
        elif lower in words.scales and j > i:
            scale = words.scales[lower]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0.0
            else:
                current = (current or 1) * scale
        elif lower in ("-", "and") and j + 1 < limit and doc[j + 1].lower_ in words.number_words and j > i:
            pass  # "twenty-five", "one hundred and twenty"
        else:
            break
        j += 1
    value = round(total + current)
    return Number(i, j, value) if j > i else None


def _joins(doc: Doc, j: int, words: QuantityWords) -> bool:
    """Whether the number word at ``j`` continues the one before it ("twenty-five", "hundred and twenty")."""
    prev = doc[j - 1]
    if prev.lower_ in ("-", "and"):
        return True
    return prev.lower_ in words.number_words and doc[j].lower_ in words.number_words \
        and words.number_words[prev.lower_] >= 20 > words.number_words[doc[j].lower_] > 0


def _vague(doc: Doc, i: int, words: QuantityWords, limit: int) -> Number | None:
    """"dozens", "tens of thousands", "a dozen" starting at ``i``: the longest phrase the vocabulary has."""
    if i >= limit:
        return None
    best: Number | None = None
    for phrase, parts, low in words.vague_by_first_word.get(doc[i].lower_, ()):
        end = i + len(parts)
        if end <= limit and (best is None or end > best.end) and all(
                doc[k].lower_ == part for k, part in enumerate(parts[1:], i + 1)):
            best = Number(i, end, low, vague=True, phrase=phrase)
    return best
