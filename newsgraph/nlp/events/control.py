"""A place held since a date: "Tabaqa held by Daesh since 2014", "the city of Manbij which has been under YPG
control since August", "Eastern Aleppo has been held by the opposition since 2012".

Such a sentence tells a state, but its "since" date is when the state began: the holder took the place
then (a COERCE event, as "seize" is), and that taking is what a timeline of the place needs. The
sentence must name the place held; the holder is the actor when it is an entity. A control shared
("divided between rebel and government control since 2012") names no one taking the place and is left
out; a "since" phrase without a date ("since shortly after the crisis began") dates nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.model import DateMention
from newsgraph.nlp.events.arguments import Draft
from newsgraph.nlp.events.triggers import phrase_tokens
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.token_arrays import tokens_where
from newsgraph.vocab.events import EventTriggers

TAKING = "COERCE"
_HOLDERS = frozenset({"PER", "ORG", "GPE"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_RELATIVE = frozenset({"which", "that", "where"})


def control_taken(doc: Doc, index: EntityIndex, dates: list[DateMention], lex: EventTriggers,
                  anchors: dict[int, Draft | None]) -> list[Draft]:
    """One taking per "held by X since DATE" / "under X control since DATE" whose place the sentence names.
    A word already read as a trigger is not read twice: "under siege by Hezbollah since July" dates the
    siege the reader found and places it, when it has no date or place of its own."""
    drafts = []
    for since in (t for t in tokens_where(doc, "LOWER", ["since"]) if t.dep_ == "prep"):
        head = since.head
        date = _date_of(since, dates)
        found = _held(head, lex) if date is not None and anchors.get(head.i) is None else None
        if found is None:
            continue
        trigger, holder, held, word = found
        place = _place(held, index)
        if place is None:
            continue
        actors = [e for e in _entities(holder, index) if index[e].type in _HOLDERS and e != place]
        told = anchors.get(word.i)
        if told is not None:
            if told.location is None and (told.date is None or (date is not None and told.date.start == date.start)):
                told.date, told.date_distance, told.location = date, 1, place
                told.actors = told.actors or actors[:1]
            continue
        drafts.append(Draft(anchor=head, trigger=trigger, trigger_start=head.idx, type=TAKING,
                            actors=actors[:1], location=place, date=date, date_distance=1))
    return drafts


def _date_of(since: Token, dates: list[DateMention]) -> DateMention | None:
    """The date mention that is the "since" phrase's object ("since 2014", "since August")."""
    pobj = next((c for c in since.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    start, end = pobj.left_edge.idx, pobj.right_edge.idx + len(pobj.right_edge)
    return next((d for d in dates if start <= d.start and d.end <= end and d.value), None)


def _held(head: Token, lex: EventTriggers) -> tuple[str, Token, Token | None, Token] | None:
    """(trigger text, holder, place held, the word telling the holding) of "held by X" (a participle, or a
    passive with the place as its subject) or of "has been under X control" (a copula with the place as its
    subject)."""
    if head.tag_ == "VBN" and head.lemma_.lower() in lex.holding_verbs:
        return _held_by(head)
    return _under_control(head, lex) if head.lemma_ == "be" else None


def _held_by(verb: Token) -> tuple[str, Token, Token | None, Token] | None:
    agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
    held = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return (verb.text, agent, _antecedent(held), verb) if agent is not None and held is not None else None


def _under_control(copula: Token, lex: EventTriggers) -> tuple[str, Token, Token | None, Token] | None:
    control = next((p for c in copula.children if c.dep_ == "prep" and c.lower_ == "under"
                    for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in lex.control_nouns), None)
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if control is None or subject is None:
        return None
    # "under YPG control", "under siege by Syrian regime forces"
    holder = next((c for c in control.children if c.dep_ in ("compound", "amod", "poss")), None)
    holder = holder or next((p for c in control.children if c.dep_ == "prep" and c.lower_ == "by"
                             for p in c.children if p.dep_ == "pobj"), None)
    return (f"under {control.text}", holder, _antecedent(subject), control) if holder is not None else None


def _antecedent(noun: Token | None) -> Token | None:
    """'the city of Manbij which has been under ...': a relative pronoun stands for the noun its clause is on."""
    if noun is not None and noun.lower_ in _RELATIVE:
        clause = noun.head
        return clause.head if clause.dep_ == "relcl" else None
    return noun


def _entities(noun: Token | None, index: EntityIndex) -> list[str]:
    if noun is None:
        return []
    words = phrase_tokens(noun)
    start, end = min(w.idx for w in words), max(w.idx + len(w) for w in words)
    return index.entities_within(start, end)


def _place(noun: Token | None, index: EntityIndex) -> str | None:
    """The place the held phrase names, also through "of" ("the town of Salma", "the city of Manbij")."""
    if noun is None:
        return None
    inner = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    for phrase in (noun, *inner):
        found = [e for e in _entities(phrase, index) if index[e].type in _PLACES]
        if found:
            return found[0]
    return None
