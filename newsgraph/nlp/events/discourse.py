"""Dates an event takes from the text around its clause, when no date of its own reaches it.

Run after ``dating.attach_dates`` (which only follows syntactic heads inside one clause):

- **a date's "when" clause**: "since Dec. 25, 2024, when the tanker cut the cable", "in 2011,
  when protests began": the events of the clause "when" opens happen at that date, however the
  parser hung the clause (the small model often attaches it to the main verb);
- **an event told again**: "A bomb killed six people in Aleppo on Wednesday. The blast hit the
  neighbourhood of Salaheddin": a definite event noun ("the blast", "this attack") with no date
  of its own names the event of its type reported just before, and takes that event's date.  Only
  the nearest earlier event of the same type counts, within a few sentences, and only when it is
  dated; "the previous attack", "another strike" and named events ("the Ghouta attack") are other
  events and take nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.model import DateMention
from newsgraph.nlp.events.arguments import Draft
from newsgraph.settings import settings
from newsgraph.vocab.events import EventTriggers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# a date taken from the discourse counts as this many steps away: any date that reaches the event itself is nearer
_BORROWED = 50


def date_from_discourse(doc: Doc, anchors: dict[int, Draft | None], dates: list[DateMention],
                        lex: EventTriggers) -> None:
    """Date the undated events of a date's "when" clause, then the events a definite noun tells again."""
    for mention in dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            for draft in _when_clause(span, anchors):
                if draft.date is None:
                    draft.date, draft.date_distance = mention, _BORROWED
    _date_told_again(doc, anchors, lex)


def _when_clause(span: Span, anchors: dict[int, Draft | None]) -> list[Draft]:
    """The events of the clause a "when" right after the date opens ("March 2011, when protests began")."""
    doc = span.doc
    nxt = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    if nxt >= span.sent.end or doc[nxt].lower_ != "when":
        return []
    clause = doc[nxt].head
    found = [anchors[t.i] for t in [clause, *(c for c in clause.children if c.dep_ == "conj")] if anchors.get(t.i)]
    if not found and clause.i != nxt:
        # the parser hung the clause's verb elsewhere: the first event after "when", before a ';' or another date
        for tok in doc[nxt + 1:span.sent.end]:
            if tok.text == ";" or tok.ent_type_ == "DATE":
                break
            if anchors.get(tok.i) is not None and tok.pos_ in ("VERB", "AUX"):
                found.append(anchors[tok.i])
                break
    return [d for d in found if d is not None]


def _date_told_again(doc: Doc, anchors: dict[int, Draft | None], lex: EventTriggers) -> None:
    order = sorted(i for i, d in anchors.items() if d is not None)
    sentence_of = {i: doc[i].sent.start for i in order}
    starts = sorted({s.start for s in doc.sents})
    window = settings().events.anaphor_sentences
    for position, index in enumerate(order):
        noun = doc[index]
        draft = anchors[index]
        if draft is None or not _tells_again(noun, lex):
            continue
        undated = [d for d in (draft, _verb_told_by(noun, draft, anchors)) if d is not None and d.date is None]
        if not undated:
            continue
        earliest = starts[max(0, starts.index(sentence_of[index]) - window)]
        antecedent = _antecedent(order[:position], anchors, draft, undated, earliest)
        if antecedent is not None and antecedent.date is not None:
            for told in undated:
                told.date, told.date_distance = antecedent.date, _BORROWED


def _tells_again(noun: Token, lex: EventTriggers) -> bool:
    """'The blast', 'this attack': a definite event noun with no name, owner or date of its own."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in lex.anaphor_determiners for c in noun.children):
        return False
    for child in noun.children:
        if child.dep_ == "poss" or child.ent_type_ == "DATE" or child.lower_ in lex.anaphor_blockers:
            return False  # "Saturday's attack", "the previous attack"
        if child.dep_ in ("compound", "nmod", "amod") and child.pos_ == "PROPN":
            return False  # "the Ghouta attack": a named event
    return True


def _verb_told_by(noun: Token, draft: Draft, anchors: dict[int, Draft | None]) -> Draft | None:
    """'The blast hit the neighbourhood': the verb whose subject the noun is tells the same event."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = anchors.get(noun.head.i)
    return verb if verb is not None and verb is not draft and verb.type == draft.type else None


def _antecedent(earlier: list[int], anchors: dict[int, Draft | None], draft: Draft, told: list[Draft],
                since: int) -> Draft | None:
    """The nearest event of the same type before the noun, not before token ``since``."""
    for index in reversed(earlier):
        if index < since:
            return None
        candidate = anchors[index]
        if candidate is None or any(candidate is t for t in told) or candidate.type != draft.type:
            continue
        return candidate
    return None
