"""Which event a date hung on a word that names none dates: the event that word governs.

The small parser often hangs a date on a verb or noun next to the event it tells ("retaliation for an
assault on a base on Friday": the assault; "the raid on Friday sparked clashes": the clashes). These
repairs stay inside the word's own phrase or its direct complements; dating.py calls them while it walks
a date's chain of heads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.nlp.events.arguments import Draft
from newsgraph.nlp.events.grammar import SUBJECT_DEPS
from newsgraph.vocab import load

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# inside a noun phrase a date may reach an event noun through these
_NP_WALK = frozenset({"prep", "pobj", "compound", "amod", "nmod", "poss", "appos"})


def governed_event(tok: Token, span: Span, anchors: dict[int, Draft | None]) -> int | None:
    """An event that ``tok`` (itself no trigger) governs: an event noun inside its noun phrase,
    or the event noun that is its subject."""
    if tok.pos_ in ("VERB", "AUX"):
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and anchors.get(c.i) is not None]
        if not subjects:
            caused = _caused(tok, anchors)
            caused = caused if caused is not None else _carried_out(tok, anchors)
            caused = caused if caused is not None else _undergone(tok, anchors)
            caused = caused if caused is not None else _sequel_of(tok, span, anchors)
            caused = caused if caused is not None else _counted_among(tok, anchors)
            return caused if caused is not None else _predicated(tok, span, anchors)
        clause = _clause_ending_before(subjects[0], span, anchors)
        return clause if clause is not None else subjects[0].i
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    found: list[int] = []
    stack = [c for c in tok.children if _walked(c) and not c.i <= span.start <= c.right_edge.i]
    while stack:
        child = stack.pop()
        if anchors.get(child.i) is not None:
            found.append(child.i)
        stack.extend(c for c in child.children if _walked(c))
    return min(found, key=lambda i: abs(i - span.start)) if found else None


def _caused(verb: Token, anchors: dict[int, Draft | None]) -> int | None:
    """"a red line that already in June triggered more U.S. aid", "the raid on Friday sparked clashes": a date hung
    on a verb of causing dates the event its object names, which the cause set off then."""
    if verb.lemma_.lower() not in load("events_triggers").causing_verbs:
        return None
    return next((c.i for c in verb.children if c.dep_ == "dobj" and anchors.get(c.i) is not None), None)


def _carried_out(verb: Token, anchors: dict[int, Draft | None]) -> int | None:
    """"Leon, who early this year was forced to step down", "troops on Monday managed to enter the town": a date
    hung on an implicative verb (its complement happened when it did) dates the event its "to" complement names."""
    if verb.lemma_.lower() not in load("events_triggers").implicative_verbs:
        return None
    return next((c.i for c in verb.children if c.dep_ == "xcomp" and anchors.get(c.i) is not None), None)


def _undergone(verb: Token, anchors: dict[int, Draft | None]) -> int | None:
    """"Kilis has been under rocket attacks since mid-January", "the convoy came under fire on Sunday": a date
    hung on "be" / "come" dates the event its "under" phrase names."""
    if verb.lemma_.lower() not in ("be", "come"):
        return None
    return next((p.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"
                 for p in c.children if p.dep_ == "pobj" and anchors.get(p.i) is not None), None)


# the phrases that name the event an aftermath follows, or one a state holds against ("Despite the government's
# recapture of Aleppo city late last year rebel groups maintain a presence": FA-KES 226, 335)
_SEQUEL_PREPS = frozenset({"after", "following", "since", "despite"})


def _sequel_of(verb: Token, span: Span, anchors: dict[int, Draft | None]) -> int | None:
    """"The fleeing increased after the SDF besieged Manbij on June 10", "prices rose after the strike on the
    depot on Monday": a date right after the "after" phrase of a verb that names no event of its own (an
    aftermath: a rise, an increase) dates the event that phrase names, the news the aftermath follows."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _SEQUEL_PREPS):
        gap = verb.doc[prep.right_edge.i + 1:span.start]
        if prep.i > span.start or not all(t.is_punct or t.i == span.root.head.i for t in gap):
            continue
        found = [t.i for t in prep.subtree if anchors.get(t.i) is not None]
        if found:
            return found[-1]
    return None


def _counted_among(verb: Token, anchors: dict[int, Draft | None]) -> int | None:
    """"On Saturday two women and two children were among eight people killed when a barrel bomb hit ...",
    "The dead on Monday were 12 soldiers wounded in the ambush": a date hung on a copula that only counts the
    victims dates the event its "among" or predicate noun's participle tells."""
    if verb.lemma_.lower() != "be":
        return None
    nouns = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"
             for p in c.children if p.dep_ == "pobj"]
    nouns += [c for c in verb.children if c.dep_ == "attr"]
    for noun in nouns:
        for clause in (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"):
            if anchors.get(clause.i) is not None:
                return clause.i
    return None


def _predicated(verb: Token, span: Span, anchors: dict[int, Draft | None]) -> int | None:
    """"The incident was a subject of talks between Netanyahu and Obama during the president's trip this week",
    "Ras al-Ain was the scene of fierce fighting last year": a date hung on a copula whose predicate noun names no
    event dates the event noun inside that predicate's phrase."""
    if verb.lemma_.lower() != "be":
        return None
    for attr in (c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN" and c.i not in anchors):
        found = governed_event(attr, span, anchors)
        if found is not None:
            return found
    return None


def _walked(child: Token) -> bool:
    """A part of the noun phrase a date may reach an event noun through; not a participle before the noun
    ("US-backed forces on Sunday engaged ...": the backing is an attribute of the forces, not news of the day)."""
    return child.dep_ in _NP_WALK and not (child.dep_ == "amod" and child.tag_ == "VBN" and child.i < child.head.i)


def _clause_ending_before(subject: Token, span: Span, anchors: dict[int, Draft | None]) -> int | None:
    """'The assault on the town from which the jihadists were expelled last month sparked an exodus': a date
    hung on the main verb right after a relative clause that closes its subject dates that clause's event."""
    if span.start != subject.right_edge.i + 1:
        return None
    for clause in subject.subtree:
        if (clause.dep_ in ("relcl", "acl") and clause.right_edge.i == subject.right_edge.i
                and anchors.get(clause.i) is not None):
            return clause.i
    return None
