"""The tense of a date's clause: whether a bare "March" or "Friday" lies before or after the publication date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.nlp.dates.patterns import date_words
from newsgraph.settings import settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """"past" or "future" from the verb governing the date at [start, end), None when present or unknown."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    cfg, words = settings().dates, date_words().tense
    # the nearest preposition before the date ("postponed until 15:00 GMT Saturday")
    before = next((t.lower_ for t in reversed(doc[max(span.start - cfg.tense_lookback, 0):span.start])
                   if t.pos_ in ("ADP", "SCONJ", "VERB", "AUX")), "")
    token = span.root
    for _ in range(cfg.tense_climb):  # up to the governing finite verb: "agreed to sell ... in October"
        if _finite(token) or token.head.i == token.i:
            break
        if token.tag_ == "VB" and before in words.period_preps:
            return None  # "a program to run through June": a planned period, not a past one
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(token, before) or _inherited_tense(token, before)


def _inherited_tense(verb: Token, before: str) -> str | None:
    """'... which was on the front line before the army retook the city in December': a bare present
    form the parser gave no tense ('retook' read as VBP) in a clause joined to a past one is past."""
    if verb.tag_ not in ("VBP", "VBZ") or verb.dep_ not in ("advcl", "conj") or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    return "past" if _verb_tense(verb.head, before) == "past" else None


def _finite(token: Token) -> bool:
    """A verb with a tense of its own: not an infinitive or participle heading a dependent clause."""
    return token.pos_ in ("VERB", "AUX") and not (
        token.tag_ in ("VB", "VBG", "VBN") and token.dep_ in ("xcomp", "acl", "advcl", "relcl", "pcomp")
        and not any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in token.children))


def _verb_tense(verb: Token, before: str) -> str | None:
    """The tense the verb group says ("will", "has", "is going to", a deadline "until")."""
    words = date_words().tense
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb]
    if any(h.lower_ in words.future_aux for h in helpers):
        return "future"
    if before in words.deadline_preps and verb.tag_ != "VBD":
        return "future"  # a deadline: "has been postponed until Saturday"
    if any(h.tag_ == "VBD" for h in helpers) or any(h.lower_ in words.perfect_aux for h in helpers):
        return "past"
    if any(h.lower_ in words.present_be for h in helpers) and verb.lower_ == "going":
        return "future"
    return None
