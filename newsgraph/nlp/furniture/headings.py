"""Furniture that is a whole line: labels ("Read more:", "Sources") and mid-text section headings.

A section heading is a short line in title case with no final punctuation, between two
paragraphs ("Regional Reactions", "Economic Pressure"): the line before it ends a sentence and a
line follows it. The text's first line (its headline) and a dateline are never headings.
"""

from __future__ import annotations

from newsgraph.model import Furniture
from newsgraph.nlp.dateline import Dateline
from newsgraph.nlp.furniture.patterns import SMALL_WORDS, region, words
from newsgraph.settings import settings

_ENDS_SENTENCE = ".!?:\"'\u201d\u2019)"


def line_furniture(text: str, dateline: Dateline | None) -> list[Furniture]:
    lines = _lines(text)
    out = []
    first = next((i for i, (_, line) in enumerate(lines) if line.strip()), None)
    for i, (start, line) in enumerate(lines):
        end = start + len(line)
        if _is_label(line):
            found = region(text, start, end, "line")
        elif i != first and not _in_dateline(start, end, dateline) and _is_heading(lines, i):
            found = region(text, start, end, "heading")
        else:
            found = None
        if found is not None:
            out.append(found)
    return out


def _lines(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.splitlines(keepends=True):
        out.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return out


def _is_label(line: str) -> bool:
    """ "Read more:", "Sources", "Read also: Iran warns ..." (short)."""
    label = line.strip().rstrip(":").strip().lower()
    furniture = words().lines
    return label in furniture or (label.split(":")[0].strip() in furniture and ":" in label
                                  and len(label) < settings().furniture.line_chars)


def _is_heading(lines: list[tuple[int, str]], i: int) -> bool:
    line = lines[i][1].strip()
    tokens = line.split()
    if not tokens or len(tokens) > settings().furniture.heading_words or line[-1] in _ENDS_SENTENCE + ",;":
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in SMALL_WORDS for w in tokens):
        return False
    before = next((text.strip() for _, text in reversed(lines[:i]) if text.strip()), "")
    after = next((text.strip() for _, text in lines[i + 1:] if text.strip()), "")
    return bool(before) and bool(after) and before[-1] in _ENDS_SENTENCE


def _in_dateline(start: int, end: int, dateline: Dateline | None) -> bool:
    return dateline is not None and start < dateline.end and end > dateline.start
