"""Who made the page: photo credits and the captions before them, bylines, standards lines.

* credits: "REUTERS/Bassam Khabieh", "AP Photo/Hassan Ammar", "(Photo: AFP)", "(File photo)",
  "(TRT World and Agencies)", "(With AFP and Reuters)", "File photo"; and a wire credit written
  without its slash after a sentence ("... said. REUTERS Rodi Said US Tanks to Storm Raqqa ...")
  with the title-case headline of the linked story that follows it (kind ``headline``);
* captions: the sentence before a credit when it ends with the photo's date ("... in the Duma
  neighbourhood of Damascus August 21 2013. REUTERS/Bassam Khabieh"), and a bracketed
  "(Photo Smoke is seen ... by AFP)";
* bylines: "Reporting by John Irish; Editing by Andrew Heavens", "Additional reporting by Tom
  Perry in Beirut", "(Writing by ...)", through the names and up to the next sentence;
* standards lines: "Our Standards: The Thomson Reuters Trust Principles."
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.model import Furniture
from newsgraph.nlp.dates.patterns import date_words
from newsgraph.nlp.furniture.patterns import (
    OPENERS,
    SMALL_WORDS,
    alternation,
    date_patterns,
    is_name_word,
    last_sentence_end,
    region,
    words,
    written_date,
)
from newsgraph.settings import settings

_WORD = re.compile(r"\S+")
_CREDIT_WORDS = 6  # "(With AFP Reuters and AP)"; a longer bracket is text, not a credit


def credits_and_captions(text: str) -> list[Furniture]:
    """Photo credits, the captions they sign and the headlines that follow inline wire credits."""
    found: list[Furniture] = []
    for start, end in _credit_spans(text):
        if (credit := region(text, start, end, "credit")) is not None:
            found.append(credit)
    found += _bracketed(text)
    found += _inline_credits(text)
    found += _agency_before_date(text)
    credits = sorted((c for c in found if c.kind == "credit"), key=lambda c: c.start)
    for credit in credits:
        caption = _caption_before(text, credit, found)
        if caption is not None:
            found.append(caption)
    return found


@lru_cache(maxsize=1)
def _slash_credit() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/])(?:\u00a9\s*)?(?:{alternation(words().agencies)})\s?/\s?(?=[A-Z])")


@lru_cache(maxsize=1)
def _credit_label() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(words().credit_labels)})\b", re.IGNORECASE)


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """ "AGENCY/Name Name" with its "/File Photo" tail, and a bare "File photo"."""
    spans: list[tuple[int, int]] = []
    if "hoto" in text:  # "File photo", "DHA Photo"
        spans += [m.span() for m in re.finditer(r"\bFile [Pp]hoto\b(?![^(]*\))", text)]
        spans += [m.span() for m in re.finditer(r"\b[A-Z]{2,5} Photo\b(?!/)", text)]  # "DHA Photo", "AA Photo"
    if "/" not in text:
        return spans
    for m in _slash_credit().finditer(text):
        end = _name_run_end(text, m.end(), settings().furniture.credit_name_words)
        tail = re.match(r"\s?/\s?(?:[A-Z][\w]*\s?){1,3}", text[end:])
        if tail and _credit_label().search(tail.group()):
            end += tail.end()
        spans.append((m.start(), end))
    return spans


def _name_run_end(text: str, pos: int, most: int) -> int:
    """End of up to ``most`` capitalised name words from ``pos``, stopping before a sentence opener."""
    end = pos
    for count, m in enumerate(_WORD.finditer(text, pos)):
        word = m.group()
        bare = word.rstrip(".,;:")
        if count >= most or not is_name_word(bare) or bare.lower() in OPENERS or (count and m.start() > end + 1):
            break
        end = m.start() + len(bare)
        if bare != word:
            break
    return end


# a place in capitals right before a bracket: "MOSCOW (", "DAMASCUS, Syria (" (a wire dateline, not a caption)
_WIRE_DATELINE = re.compile(r"(?<=\s)[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*(?:, [A-Z][a-z]+)? \(")
_WIRE_PLACE = re.compile(r"(?:^|(?<=[\s.]))[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*(?:, [A-Z][a-z]+)? $")


def _bracketed(text: str) -> list[Furniture]:
    """Brackets of credit words ("(TRT World and Agencies)", "(Photo AFP)") and bracketed captions."""
    lex = words()
    agencies = {a.lower() for a in lex.agencies}
    out = []
    for m in re.finditer(r"\(([^()]{2,400})\)", text):
        inner = m.group(1).strip()
        label = _credit_label().match(inner)
        if re.match(r"sources?\s*:", inner, re.IGNORECASE):
            kind: str | None = "source"
        elif label is not None:
            rest = inner[label.end():].strip(" :")
            kind = "caption" if len(rest.split()) > 4 else "credit"
        else:
            tokens = [w.lower().strip(".,") for w in inner.split()]
            credit_words = all(w in lex.credit_words or w in agencies for w in tokens)
            signed = (credit_words and any(w in agencies for w in tokens)) or tokens[-1] == "agencies"
            kind = "credit" if signed and len(tokens) <= _CREDIT_WORDS else None
        if kind == "credit" and _WIRE_PLACE.search(text, 0, m.start()):
            continue  # "… Reaches 207 MOSCOW (Sputnik) At the …": a wire dateline's outlet, who filed the story
        if kind is not None and (found := region(text, m.start(), m.end(), kind)) is not None:
            out.append(found)
    return out


@lru_cache(maxsize=1)
def _agency_then_date() -> re.Pattern[str]:
    weekday = "(?i:" + "|".join(re.escape(w) for w in sorted(date_words().weekdays, key=len, reverse=True)) + ")"
    return re.compile(rf"(?<![\w(])(?:{alternation(words().agencies)})(?=\s+{weekday}\.?,?\s+{date_patterns().date})")


def _agency_before_date(text: str) -> list[Furniture]:
    """ "Syria regime pounds Kurdish positions AFP Friday 19 Aug 2016 ...": the wire a page credits between
    its headline and its date."""
    return [f for m in _agency_then_date().finditer(text) if (f := region(text, *m.span(), "credit")) is not None]


@lru_cache(maxsize=1)
def _inline_credit() -> re.Pattern[str]:
    # an agency in capitals (or a wire's own name) right after a sentence, then the photographer
    upper = [a for a in words().agencies if a.isupper() or a in ("Sputnik", "AP Photo", "AFP Photo")]
    return re.compile(rf"(?<=[.!?\"\u201d] )(?:{alternation(upper)}) (?=[A-Z][\w'-]+ [A-Z])")


def _inline_credits(text: str) -> list[Furniture]:
    """ "... said. REUTERS Rodi Said US Tanks to Storm Raqqa as Major Offensive Takes Shape The ...": a wire
    credit without its slash, and the headline of the story it links to."""
    out = []
    for m in _inline_credit().finditer(text):
        end = _name_run_end(text, m.end(), settings().furniture.credit_name_words)
        if (credit := region(text, m.start(), end, "credit")) is None:
            continue
        out.append(credit)
        headline_end = _headline_end(text, end)
        if headline_end is not None and (headline := region(text, end, headline_end, "headline")) is not None:
            out.append(headline)
    return out


def _headline_end(text: str, pos: int) -> int | None:
    """End of a title-case headline starting at ``pos`` ("Syrian Army Reportedly Engaged in Fierce Fighting"):
    the capitalised run up to the word before the next sentence's first lower-case word."""
    run: list[re.Match[str]] = []
    for m in _WORD.finditer(text, pos):
        word = m.group().strip("\"'\u201c\u201d")
        if not word or not (is_name_word(word) or word.lower() in SMALL_WORDS or word[0].isdigit()):
            break
        run.append(m)
    if len(run) < 2:
        return None
    run.pop()  # the next sentence's first word ("The day before ...", "Syrian forces managed ...")
    while run and (run[-1].group().lower() in OPENERS or run[-1].group().lower() in SMALL_WORDS):
        run.pop()
    capitalised = [m for m in run if is_name_word(m.group())]
    if len(capitalised) < settings().furniture.headline_min_words:
        return None
    end = run[-1].end()
    dateline = _WIRE_DATELINE.search(text, pos, end + 2)
    if dateline is not None:  # "… Deal Reaches 207 MOSCOW (Sputnik) At the …": the headline ends at the
        end = len(text[:dateline.start()].rstrip())  # story's wire dateline, whose outlet filed the story
    return end if end > pos else None


def _caption_before(text: str, credit: Furniture, found: list[Furniture]) -> Furniture | None:
    """The sentence before ``credit`` when it is a photo caption: it ends with the photo's date
    ("... Damascus August 21 2013."), possibly followed by other credits ("(File photo)")."""
    end = credit.start
    while True:  # step back over credits right before this one: "... 2017 (File photo) (TRT World and Agencies)"
        before = [f for f in found if f.kind == "credit" and 0 <= end - f.end <= 1 and f.start < end]
        if not before:
            break
        end = before[0].start
    floor = max([f.end for f in found if f.end <= end] + [0])
    start = last_sentence_end(text, len(text[:end].rstrip().rstrip(".")), floor)  # not the caption's own stop
    body = text[start:end].rstrip(" .")
    dates = list(written_date().finditer(body))
    if not dates or dates[-1].end() != len(body) or start == end:
        return None
    if len(body.split()) > settings().furniture.caption_words:
        return None
    return region(text, start, end, "caption")


@lru_cache(maxsize=1)
def _byline_label() -> re.Pattern[str]:
    # every label ends in "by": found from each "by" backwards (an alternation tried at every word is slow)
    return re.compile(rf"\b(?:{alternation(words().byline_labels)})\Z", re.IGNORECASE)


def _byline_labels(text: str) -> list[re.Match[str]]:
    found = []
    for by in re.finditer(r"\b[Bb][Yy]\b", text):
        label = _byline_label().search(text, max(0, by.start() - 40), by.end())
        if label is not None:
            found.append(label)
    return found


def bylines(text: str, stops: list[Furniture]) -> list[Furniture]:
    """ "Reporting by X; Editing by Y": from the label through the names, up to the next sentence or ``stops``."""
    lex = words()
    out = []
    for m in _byline_labels(text):
        if m.start() and not text[m.start()].isupper() and text[m.start() - 1] not in "(;":
            continue  # "... was reporting by phone": running text
        limit = min([s.start for s in stops if s.start >= m.end()] + [len(text)])
        end = m.end()
        for w in _WORD.finditer(text, m.end(), limit):
            word = w.group().strip(";,&/()")
            if word and not (is_name_word(word) or word.lower() in lex.byline_words):
                break
            end = w.end()
            if w.group().endswith((".", ")")) and not re.search(r"\b[A-Z]\.$", w.group()):
                break
        if (found := region(text, m.start() - (text[m.start() - 1:m.start()] == "("), end, "byline")) is not None:
            out.append(found)
    return out


@lru_cache(maxsize=1)
def _standards() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(words().standards, flexible=True)})\.?")


def standards(text: str) -> list[Furniture]:
    """ "Our Standards: The Thomson Reuters Trust Principles.": lines outlets add to every story."""
    return [f for m in _standards().finditer(text) if (f := region(text, *m.span(), "standards")) is not None]
