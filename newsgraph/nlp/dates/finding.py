"""Date mentions in a parsed document: spaCy DATE spans plus patterns it misses,
split into list and range items, each normalised with its siblings' year and its clause's tense."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsgraph.model import DateMention
from newsgraph.nlp.dates.normalize import normalize_value
from newsgraph.nlp.dates.patterns import alternation, date_words, patterns
from newsgraph.nlp.dates.rules import MISSING, is_year
from newsgraph.nlp.dates.tense import clause_tense
from newsgraph.nlp.dates.values import CALENDAR

if TYPE_CHECKING:  # read at run time only through the Parsed it is given: no import of the parse step
    from newsgraph.nlp.parse import Parsed


def find_dates(parsed: Parsed) -> list[DateMention]:
    """Every date expression in ``parsed``, in order, one mention per item of a list or range."""
    cached = parsed.cache.get("dates")
    if isinstance(cached, list):
        return cached
    text, anchor = parsed.text, parsed.published
    out: list[DateMention] = []
    previous: str | None = None
    for group in _groups(text, _candidates(parsed)):
        items = [item for start, end in group for item in _split(text, start, end)]
        values = _normalize_items(parsed, items, anchor, previous)
        for (s, e), value in zip(items, values, strict=True):
            if value == MISSING:
                continue
            out.append(DateMention(s, e, text[s:e], value))
            if value and CALENDAR.match(value):
                previous = value
    parsed.cache["dates"] = out
    return out


_JOINER = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|to|through|until|till|&)\s+|[-\u2013\u2014]\s*)?", re.I)


def _groups(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Adjacent spans joined by "and", "to", a dash or a comma: one list or range
    ("from March to May 2020"), so items without a year can borrow their sibling's."""
    groups: list[list[tuple[int, int]]] = []
    for span in spans:
        if groups and _JOINER.fullmatch(text[groups[-1][-1][1]:span[0]]):
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _normalize_items(parsed: Parsed, items: list[tuple[int, int]], anchor: dt.date | None,
                     previous: str | None) -> list[str | None]:
    """Values of the items of one span; items without a year borrow it from a sibling."""
    text = parsed.text
    tense = clause_tense(parsed.doc, items[0][0], items[-1][1])
    years = [re.search(r"\b(\d{4})\b", text[s:e]) for s, e in items]
    values: list[str | None] = []
    last_month: str | None = None
    for i, (s, e) in enumerate(items):
        item = text[s:e]
        later = next((int(y.group(1)) for y in years[i:] if y), None)
        earlier = next((int(y.group(1)) for y in reversed(years[:i]) if y), None)
        sibling_year = later if later is not None else earlier
        if i and re.fullmatch(r"'?\d{2}", item.strip()) and earlier:  # "1957-58"
            item = str(earlier // 100 * 100 + int(item.strip()[-2:]))
        elif i and last_month and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?", item.strip()):
            item = f"{last_month} {item}"  # "March 4-6": the 6th of March
        value = normalize_value(item, anchor, previous, tense, sibling_year if len(items) > 1 else None)
        month = re.search(rf"\b{patterns().mon}", item.lower())
        last_month = month.group("mon") if month else last_month
        values.append(value)
        if value not in (None, MISSING) and CALENDAR.match(value or ""):
            previous = value
    return values


_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:and|or)\s+|\s(?:and|or|to|through|thru|until|till|&)\s+|(?<=\d)\s*[-/]\s*(?=\d)|\s*[-\u2013\u2014]\s*)\s*")


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list or range ("in March 2019, June 2020 and May 2021", "2009-2010")."""
    span = text[start:end]
    cuts = [(m.start(), m.end()) for m in _SEPARATOR.finditer(span) if _cuts_items(span, m)]
    cuts += [(m.start(), m.end()) for m in re.finditer(r",\s*", span) if _comma_separates(span, m)]
    cuts.sort()
    pieces, pos = [], 0
    for a, b in cuts:
        if a < pos:
            continue
        pieces.append((pos, a))
        pos = b
    pieces.append((pos, len(span)))
    items = []
    for a, b in pieces:
        piece = span[a:b]
        lead = len(piece) - len(piece.lstrip(" ,;(\"'"))
        connective = re.match(r"(?:between|from|since|until|till|through|and|or|to)\s+", piece[lead:], re.I)
        lead += connective.end() if connective else 0  # "between 2011": the item is "2011"
        piece_core = piece[lead:].rstrip(" ,;()\"'")
        if piece_core:
            s = start + a + lead
            items.append((s, s + len(piece_core)))
    return items or [(start, end)]


def _cuts_items(span: str, m: re.Match[str]) -> bool:
    """A dash, "and", "to" separates two dates only when both sides look like dates."""
    left, right = span[:m.start()].lower(), span[m.end():].lower()
    if re.search(r"\b(mid|between)$", left) or not left.strip() or not right.strip():
        return False
    if re.search(r"\d{1,2}([-/.])\d{1,2}\1\d{2,4}", span):  # one numeric date, not a range
        return False
    return bool(_starts_like_date(right) and _ends_like_date(left))


def _comma_separates(span: str, m: re.Match[str]) -> bool:
    """Commas separate list items ("March 2019, June 2020"), not a date's parts ("March 4, 2021")."""
    left, right = span[:m.start()].lower(), span[m.end():].lower()
    if re.match(r"(and|or)\b", right):
        return False  # handled by the separator pattern
    if re.fullmatch(rf".*\b{patterns().wd}", left):
        return False  # "Friday, March 22"
    if re.match(r"\d{4}\b", right):
        return bool(re.search(r"\b\d{4}$", left))  # "2019, 2020", but not "March 4, 2021"
    return bool(re.match(patterns().mon, right)) and bool(re.search(rf"(?:\d|{patterns().mon})$", left))


def _starts_like_date(s: str) -> bool:
    p = patterns()
    return bool(re.match(rf"(?:the |early |late |mid-?)?(?:{p.mon}|{p.wd}|{p.season}|'?\d)", s))


def _ends_like_date(s: str) -> bool:
    p = patterns()
    return bool(re.search(rf"(?:{p.mon}|{p.wd}|{p.season}|\d)$", s))


@lru_cache(maxsize=1)
def _timelike() -> re.Pattern[str]:
    """A TIME span with these words names a day ("Friday night", "this morning")."""
    return re.compile(rf"\b({alternation(date_words().day_times)})\b", re.I)


def _candidates(parsed: Parsed) -> list[tuple[int, int]]:
    """Character spans of date expressions: spaCy's DATE spans (and TIME spans naming a day),
    cleaned of possessives and guarded against numbers that are not years, plus pattern
    matches spaCy missed."""
    text = parsed.text
    spans: list[tuple[int, int]] = []
    for ent in parsed.doc.ents:
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and _timelike().search(ent.text)):
            start, end = _trim(text, ent.start_char, ent.end_char)
            end = _day_around_end(ent, start, end)
            if end > start and not _not_a_year(parsed, ent, text[start:end]) and (
                    _day_after_preposition(ent) or not _names_something(ent)):
                spans.append((start, end))
    names = [(ent.start_char, ent.end_char) for ent in parsed.doc.ents if ent.label_ in _NAME_LABELS]
    for m in _extra_pattern().finditer(text):
        s, e = m.start("x"), m.end("x")
        found = parsed.doc.char_span(s, e, alignment_mode="expand")
        if found is None or (not _day_after_preposition(found)
                             and (any(a < e and s < b for a, b in names) or _names_something(found))):
            continue  # "Halab Today TV", "the Friday Mosque": part of a name
        inside = [(a, b) for a, b in spans if a < e and s < b]
        if _replaces(text, found, (s, e), inside):
            spans = [sp for sp in spans if sp not in inside] + [(s, e)]
    return sorted(spans)


def _replaces(text: str, found: Any, match: tuple[int, int], inside: list[tuple[int, int]]) -> bool:
    """Whether a pattern match stands for the spaCy spans it overlaps: those it contains ("26 November 2017"
    over "November 2017"), one that swallowed a weekday after "on" into the noun phrase before it ("the age of
    eight on Tuesday"), or one that ran a day after "on" into the name after it ("On June 1 Daraya received")."""
    s, e = match
    if inside == [(s, e)]:
        return False
    if _weekday_after_preposition(found) and all(_swallows(text, a, b, s) for a, b in inside):
        return True
    if _month_day_after_preposition(found) and all(
            a == s and text[e:b][:2].strip().istitle() and not _starts_like_date(text[e:b].strip().lower())
            for a, b in inside):
        return True
    return all(s <= a and b <= e for a, b in inside)


# what may follow "the day before" for it to be a date of its own ("The day before, jets bombed", "fell the day
# before extending"), not "the day before <a noun>" (the vote's day, which the text does not give)
_AFTER_DAY_AROUND = ("VBD", "VBZ", "VBP", "VBN", "MD", "IN", "RB", "CC", "TO", "WDT")


def _day_around_end(ent: Any, start: int, end: int) -> int:
    """The end of "the day before" / "the night after" where spaCy tagged only "the day"."""
    doc = ent.doc
    if ent.text[start - ent.start_char:end - ent.start_char].lower() not in ("the day", "the night"):
        return end
    word = doc[ent.end] if ent.end < len(doc) else None
    lex = date_words()
    if word is None or lex.offset_words.get(word.lower_, (0, True))[1] or word.lower_ not in ("before", "after"):
        return end
    nxt = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if any(c.dep_ in ("pobj", "pcomp") for c in word.children) and not (nxt is not None and nxt.tag_ == "VBG"):
        return end
    if nxt is None or nxt.is_punct or nxt.is_sent_start or nxt.tag_ in _AFTER_DAY_AROUND or (
            nxt.tag_ == "VBG" and word.lower_ == "before"):
        return word.idx + len(word.text)
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing possessives and punctuation spaCy sometimes includes."""
    piece = text[start:end]
    piece = re.sub(r"(?:\s+(?:and|or|to|through))+$", "", piece)  # spaCy's "the 1980s and"
    piece = re.sub(r"(?:['\u2019]s|['\u2019])$", "", piece)
    stripped = piece.rstrip(" ,;:)\"'\u201d")
    if stripped.endswith(".") and not re.search(rf"\b{patterns().mon}$", stripped.lower()):
        stripped = stripped[:-1]
    lead = len(stripped) - len(stripped.lstrip(" ,;:(\"'\u201c"))
    return start + lead, start + len(stripped)


_NAME_LABELS = ("PERSON", "ORG", "FAC", "GPE", "LOC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW")


def _names_something(span: Any) -> bool:
    """"April 7th Street", "Halab Today TV": a date word inside a proper name."""
    last, doc = span[-1], span.doc
    head = last.head
    if (head.i >= span.end and head.pos_ == "PROPN" and head.is_title
            and last.dep_ in ("compound", "nmod", "amod", "nummod")):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    one_word = len(span) == 1 and span[0].lower_ in date_words().deictic_words
    return bool(one_word and span[0].is_title and before is not None and before.pos_ == "PROPN"
                and not before.is_sent_start and after is not None and after.is_title)


def _weekday_after_preposition(span: Any) -> bool:
    """"On Wednesday Moscow vetoed", "Also on Saturday Syrian Army troops": with the commas stripped spaCy
    runs the weekday into the name after it, but a weekday right after "on" (or "since", "until") is a date."""
    doc = span.doc
    return bool(len(span) == 1 and span[0].lower_ in date_words().weekdays and span.start > 0
                and doc[span.start - 1].lower_ in date_words().prepositions)


def _day_after_preposition(span: Any) -> bool:
    """A weekday, or a month and its day ("on November 4th Isis carried out", "On June 1 Daraya received":
    the parser hangs the day on the name after it, as in "April 7th Street"), right after a preposition."""
    return _weekday_after_preposition(span) or _month_day_after_preposition(span)


def _month_day_after_preposition(span: Any) -> bool:
    doc = span.doc
    head = span[-1].head  # "on April 7th Street": the name is the preposition's object, the day part of it
    named = head.i >= span.end and head.dep_ == "pobj" and head.head.i == span.start - 1
    return bool(span.start > 0 and doc[span.start - 1].lower_ in date_words().prepositions and not named
                and re.fullmatch(rf"{patterns().mon} \d{{1,2}}(?:st|nd|rd|th)?", span.text.lower()))


def _swallows(text: str, start: int, end: int, weekday: int) -> bool:
    """Whether spaCy's span ``start:end`` ran the noun phrase before "on <weekday>" into one DATE span: the
    words before the weekday's preposition name no month, weekday, season, unit, number or date modifier."""
    p, lex = patterns(), date_words()
    lead = text[start:weekday].lower()
    lead = lead[:lead.rstrip().rfind(" ") + 1] if " " in lead.rstrip() else ""
    modifiers = alternation(m.strip("-") for m in lex.modifiers if m.strip("-"))
    return bool(lead.strip()) and start < weekday < end and not re.search(
        rf"\b(?:{p.mon}|{p.wd}|{p.season}|{p.unit}|{modifiers})\b|\d", lead)


def _not_a_year(parsed: Parsed, ent: Any, span_text: str) -> bool:
    """"Resolution 1701", "F-35", "S-300", "Institute 4000", "1,500": numbers, not dates."""
    bare = span_text.strip()
    if not re.fullmatch(r"\d[\d,.]*", bare):
        return False
    if not re.fullmatch(r"\d{4}", bare) or not is_year(int(bare)):
        return True
    text = parsed.text
    if ent.start_char and re.match(r"[-\w/#]", text[ent.start_char - 1]):
        return True  # glued to letters or a hyphen: a model or code name
    prev = parsed.doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and (prev.lower_ in date_words().number_guards
                             or (prev.pos_ in ("PROPN", "NOUN") and prev.is_title and prev.i > prev.sent.start)):
        return True
    nxt = parsed.doc[ent.end] if ent.end < len(parsed.doc) else None
    quantity = prev is not None and prev.lower_ in date_words().count_words
    return bool(quantity and nxt is not None and nxt.tag_ == "NNS")


@lru_cache(maxsize=1)
def _extra_pattern() -> re.Pattern[str]:
    """Date expressions spaCy's small model tends to miss (its DATE recall is ~0.8)."""
    lex = date_words()
    months = alternation(w.capitalize() for w in lex.months if len(w) > 3 or w == "may")
    # "Jul", "Jan", "Mar" alone may be names or words; with a day and a year ("11 Jul 2015", "Jul 11 2015")
    # they are dates, as scraped wire pages write them in the text as well as in their datelines
    short = alternation(w.capitalize() for w in lex.months if len(w) <= 3 and w != "may")
    days = alternation(w.capitalize() for w in lex.weekdays)  # "Saturday 11 Jul 2015", "Sat 11 Jul 2015"
    weekdays = alternation(w.capitalize() for w in lex.weekdays if len(w) > 4)
    deictic = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in lex.missed_words)
    phrases = "|".join(f"(?<=[{p[0].upper()}{p[0]}]{re.escape(p[1:])} ){re.escape(phrase)}"
                       for phrase, p in lex.missed_phrases.items())
    return re.compile(
        rf"(?<![\w-])(?P<x>(?:{months})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"
        r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"
        r"|(?:1[5-9]|20)\d0s"
        rf"|\d{{1,2}} (?:{months}) \d{{4}}|(?:{months}) \d{{4}}"
        rf"|(?:(?:{days}),? )?(?:\d{{1,2}} (?:{short})\.? \d{{4}}|(?:{short})\.? \d{{1,2}},? \d{{4}})"
        rf"|(?:{weekdays})|(?:{deictic})|{phrases})(?![\\w-])")
