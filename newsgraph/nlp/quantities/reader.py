"""Counts in a sentence: a number (or range, or size), its qualifier, the noun it counts and what happened.

    "killed at least 16 civilians"    -> killed, 16..None, "at least", unit "civilians"
    "as many as 1300"                 -> what the count before it counts, None..1300, "as many as"
    "a convoy of 11 buses"            -> buses, 11..11
    "between 20 and 30 rebels were arrested" -> arrested, 20..30, "between", unit "rebels"

What is counted comes from the dependency parse: the noun the number modifies ("16 *people*", "dozens
of *civilians*"), and the verb, adjective or noun above it that says what happened to them ("*killed*
16 people", "16 people were *killed*", "the death *toll* at 16", "15 of the *wounded*"), with a look
at the words just before the number when the small model misparses.  A number is not a count when it
is a name or a code ("Resolution 2254", "F-16"), money ("$12 billion"), a measure or a share ("10 km",
"50 percent"), a date or a time ("August 21", "1900 GMT"), or a year; nor when nothing it counts is
found (a bare number with no noun and no verb of the vocabulary).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.quantities.numbers import Number, digits, read_number
from newsgraph.vocab.quantities import QuantityWords

_ANCESTOR_STEPS = 3   # a count's noun, then up to this many heads, for the verb saying what happened
_LOOK_BEFORE = 3      # words before the number searched when the parse gives nothing ("toll at 16")
_LOOK_AFTER = 2       # ... and after it ("16 dead", "16 were killed")
_ELLIPSIS_WINDOW = 12  # a bare qualified number (not a size) this near a count counts the same
#                        ("hundreds - as many as 1300")
# "and" makes a range only after "between": "the toll rose to 13 and 106 injured" is two counts
_RANGE_WORDS = ("to", "-", "or")
_CLAUSE_STEPS = 4     # heads climbed from a count's noun to the verb of its clause
_OTHER_CLAUSES = ("ccomp", "advcl", "relcl", "parataxis", "conj", "csubj", "acl")  # not the count's clause


@dataclass(frozen=True)
class Count:
    """One count found in a sentence, by token positions; ``low``/``high`` None: open on that side."""

    start: int  # first token (the qualifier's, when there is one)
    end: int    # one past the last (the unit's, when there is one)
    counted: str
    low: int | None
    high: int | None
    qualifier: str | None
    unit: str | None


def read_counts(doc: Doc, start: int, end: int, words: QuantityWords) -> list[Count]:
    """Every count in tokens ``start``..``end`` (a sentence), in text order."""
    out: list[Count] = []
    i = start
    while i < end:
        number = read_number(doc, i, words, end)
        if number is None:
            i += 1
            continue
        count = _count(doc, number, start, end, words, out)
        if count is not None:
            out.append(count)
            i = max(count.end, number.end)
        else:
            i = number.end
    return out


def _count(doc: Doc, number: Number, start: int, end: int, words: QuantityWords, before: list[Count]) -> Count | None:
    if not number.vague and _not_a_count(doc, number, start, end, words):
        return None
    qualifier, q_start = _qualifier(doc, number.start, start, words)
    last, high = number, None
    if qualifier == "between" or (number.end + 1 < end and doc[number.end].lower_ in _RANGE_WORDS):
        second = read_number(doc, number.end + 1, words, end) if number.end + 1 < end else None
        if second is not None and not second.vague and second.value > number.value:
            last, high = second, second.value
        elif qualifier == "between":
            qualifier, q_start = None, number.start
    unit = _unit(doc, number, last, end, words)
    fate = _fate(doc, number, last, unit, start, end, words)
    if fate is None and (unit is None or words.unit_kind(unit.text) in ("people", "group")):
        fate = _part_of(doc, q_start, start, words, before) \
            or _clause_fate(doc, unit if unit is not None else doc[last.end - 1], start,
                            _next_number(doc, last.end, end, words), words)
    low_value, high_value, qualifier = _bounds(number, high, qualifier, words)
    unit_end = unit.i + 1 if unit is not None else last.end
    if unit is not None and words.unit_kind(unit.text) == "thing":
        counted = _plural(unit, words)
    elif fate is not None:
        counted = fate
    elif unit is not None and words.unit_kind(unit.text) is not None:
        counted = _plural(unit, words)
    elif qualifier is not None and not number.vague and before and number.start - before[-1].end <= _ELLIPSIS_WINDOW:
        return Count(q_start, unit_end, before[-1].counted, low_value, high_value, qualifier, before[-1].unit)
    else:
        return None
    unit_text = _unit_text(doc, unit) if unit is not None else None
    return Count(q_start, max(unit_end, last.end), counted, low_value, high_value, qualifier, unit_text)


def _bounds(number: Number, high: int | None, qualifier: str | None,
            words: QuantityWords) -> tuple[int | None, int | None, str | None]:
    """The low and high bounds the qualifier makes of a number (or range), and the qualifier ("dozens" for a size)."""
    low_value: int | None = number.value
    high_value: int | None = high if high is not None else (None if number.vague else number.value)
    if qualifier is None and number.vague:
        qualifier = number.phrase
    bound = words.qualifiers.get(qualifier or "")
    if bound == "low":
        high_value = high
    elif bound == "high":
        low_value, high_value = None, number.value
    return low_value, high_value, qualifier


def _not_a_count(doc: Doc, number: Number, start: int, end: int, words: QuantityWords) -> bool:
    first, last = doc[number.start], doc[number.end - 1]
    prev = doc[number.start - 1] if number.start > start else None
    nxt = doc[number.end] if number.end < end else None
    if first.ent_type_ in ("MONEY", "PERCENT", "ORDINAL") or last.ent_type_ in ("MONEY", "PERCENT", "ORDINAL"):
        return True
    if prev is not None and (prev.lower_ in words.not_counts or prev.lower_ in words.currencies
                             or prev.lower_ in words.date_words or prev.lower_ in ("#", "no.")):
        return True
    if nxt is not None and (nxt.lower_ in words.date_words or nxt.lower_ in words.currencies
                            or nxt.lower_ in words.measures):
        return True
    if prev is not None and prev.text == "-" and not prev.whitespace_ and number.start - 2 >= start \
            and doc[number.start - 2].is_alpha and not doc[number.start - 2].whitespace_:
        return True  # F-16, Su-24, MiG-29
    if nxt is not None and nxt.text == "-" and not last.whitespace_:
        return True  # a 12-year-old, a 16-member council
    value = digits(first.text)
    # a year: four digits, no comma, nothing counted right after it
    return value is not None and number.end - number.start == 1 and first.text.isdigit() \
        and len(first.text) == 4 and 1800 <= value <= 2100 \
        and (nxt is None or words.unit_kind(nxt.text) is None)


def _qualifier(doc: Doc, i: int, start: int, words: QuantityWords) -> tuple[str | None, int]:
    """The qualifier just before token ``i`` ("at least", "more than"), and where it starts."""
    for phrase in words.qualifiers:
        n = len(phrase.split())
        if i - n >= start and " ".join(t.lower_ for t in doc[i - n:i]) == phrase:
            return phrase, i - n
    if i - 1 >= start and doc[i - 1].lower_ == "between":
        return "between", i - 1
    return None, i


def _unit(doc: Doc, number: Number, last: Number, end: int, words: QuantityWords) -> Token | None:
    """The noun the number counts: its head ("16 people"), "of" + noun after a size ("dozens of people"),
    or the next noun within a few words ("16 Kurdish civilians")."""
    tok = doc[last.end - 1]
    if number.vague or tok.lower_ in words.scales:
        for child in doc[number.end - 1].children:
            if child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
        if last.end + 1 < end and doc[last.end].lower_ == "of":
            return _next_noun(doc, last.end + 1, end, words)
    head = tok.head
    if tok.dep_ in ("nummod", "quantmod", "conj") and head.pos_ in ("NOUN", "PROPN") \
            and 0 <= head.i - last.end <= 3 and head.i < _next_number(doc, last.end, end, words):
        return head
    return _next_noun(doc, last.end, end, words)


def _next_noun(doc: Doc, i: int, end: int, words: QuantityWords) -> Token | None:
    for tok in doc[i:min(end, i + 3)]:
        if tok.pos_ in ("NOUN", "PROPN") and (tok.tag_ in ("NNS", "NNPS") or words.unit_kind(tok.text)):
            return tok
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB") or tok.is_punct:
            return None
    return None


def _fate(doc: Doc, number: Number, last: Number, unit: Token | None, start: int, end: int,
          words: QuantityWords) -> str | None:
    """What happened to what is counted: from the parse above the count, else from the words beside it."""
    with_unit = unit is not None and words.unit_kind(unit.text) in ("people", "group", None)

    def fate_of(tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        counted = words.fates.get(lemma) or words.fates.get(tok.lower_)
        if counted is None or (lemma in words.fate_only_with_unit and (not with_unit or tok.pos_ != "VERB")):
            return None  # "forced 13000 residents to flee", not "government forces of ..."
        return counted

    base = unit if unit is not None else doc[last.end - 1]
    if (found := _fate_beside(doc, base, end, fate_of)) is not None:
        return found
    tok = base
    beyond = _next_number(doc, last.end, end, words)  # "risen to 13 and 106 injured": "injured" is the 106's
    for _ in range(_ANCESTOR_STEPS):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.i < beyond and (found := fate_of(tok)) is not None:
            return found
        for child in tok.children:  # "forced 13000 residents to flee"
            if child.dep_ == "xcomp" and child.i > base.i and (found := fate_of(child)):
                return found
    for j in range(number.start - 1, max(start, number.start - _LOOK_BEFORE - 1) - 1, -1):
        if digits(doc[j].text) is not None:
            break
        if (found := fate_of(doc[j])) is not None:
            return found
    after = (unit.i if unit is not None else last.end - 1) + 1
    for j in range(after, min(end, after + _LOOK_AFTER + 1)):
        if digits(doc[j].text) is not None:
            break  # "risen to 13 and 106 injured": the words after the next number are its own
        if (found := fate_of(doc[j])) is not None:
            return found
    return None


def _fate_beside(doc: Doc, base: Token, end: int, fate_of: Callable[[Token], str | None]) -> str | None:
    """The fate said on the count itself: by a word it governs ("16 people killed", "wounded civilians", "15 of
    the wounded"), or by the participle or adjective right after it, whatever the parse says of that word
    ("killed 304 militants and left more than 170 *wounded*", "22 *dead*")."""
    for child in base.children:
        if child.dep_ in ("amod", "acl", "relcl") and (found := fate_of(child)):
            return found
        if child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and (found := fate_of(obj)):
                return found
    nxt = doc[base.i + 1] if base.i + 1 < end else None
    return fate_of(nxt) if nxt is not None and nxt.tag_ in ("VBN", "JJ") else None


def _part_of(doc: Doc, i: int, start: int, words: QuantityWords, before: list[Count]) -> str | None:
    """What the count just before counts, when a part cue joins this one to it ("killed 11 civilians
    *including* four children", "the toll rose to 21 *including* three children"): the part is of the whole."""
    if not before or before[-1].counted not in words.fates.values():
        return None
    for cue in words.part_cues:
        n = len(cue.split())
        cue_start = i - n
        if cue_start >= max(start, before[-1].end) and cue_start - before[-1].end <= _ELLIPSIS_WINDOW \
                and " ".join(t.lower_ for t in doc[cue_start:i]) == cue:
            return before[-1].counted
    return None


def _clause_fate(doc: Doc, unit: Token, start: int, end: int, words: QuantityWords) -> str | None:
    """What happened to the people counted, said anywhere in their own clause by a word of killing or wounding
    ("six children were among the *dead*", "two women were stoned to *death*"), the nearest such word first;
    the clause: the subtree of the first verb above the count, without the clauses inside it."""
    head = unit
    for _ in range(_CLAUSE_STEPS):
        if head.pos_ in ("VERB", "AUX") or head.head is head:
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    found: list[tuple[int, str]] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        if start <= tok.i < end and tok.i != unit.i:
            lemma = tok.lemma_.lower()
            word = lemma if lemma in words.clause_fates else tok.lower_
            if word in words.clause_fates:
                found.append((abs(tok.i - unit.i), words.fates[word]))
        stack.extend(c for c in tok.children if c.dep_ not in _OTHER_CLAUSES)
    return min(found)[1] if found else None


def _next_number(doc: Doc, i: int, end: int, words: QuantityWords) -> int:
    """The position of the first number written in digits from token ``i`` that is not a part of the count
    before it ("at least 30 people *including 24* civilians were killed"), else ``end``."""
    return next((j for j in range(i, end) if digits(doc[j].text) is not None and not _after_part_cue(doc, j, i, words)),
                end)


def _after_part_cue(doc: Doc, j: int, start: int, words: QuantityWords) -> bool:
    return any(j - len(cue.split()) >= start and " ".join(t.lower_ for t in doc[j - len(cue.split()):j]) == cue
               for cue in words.part_cues)


def _plural(unit: Token, words: QuantityWords) -> str:
    """The unit as the vocabulary lists it: 'civilian' -> 'civilians', 'bus' -> 'buses'."""
    folded = unit.lower_
    if unit.tag_ in ("NNS", "NNPS") or unit.lower_ in ("people", "police", "personnel", "staff", "aircraft"):
        return folded
    for candidate in (folded + "s", folded + "es", folded[:-1] + "ies" if folded.endswith("y") else ""):
        if candidate and (candidate in words.people or candidate in words.groups or candidate in words.things):
            return candidate
    return folded


def _unit_text(doc: Doc, unit: Token) -> str:
    """The unit with its compound words ("barrel bombs", "government soldiers")."""
    first = unit.i
    while first - 1 >= 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == unit.i:
        first -= 1
    return doc[first:unit.i + 1].text
