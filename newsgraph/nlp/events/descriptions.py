"""Places the text only describes, for dated events that have no other participant.

"At least 11 people were killed in shelling of the Syrian capital on Tuesday", "a car bomb exploded
in the northern city on Sunday": the event is real and dated, but its place is a description, so the
events stage (which keeps only events with a participant) would drop it.  Such a description is read
as the place the document itself names: "the capital" (with a demonym, "the Syrian capital") is the
capital of that country (without one, of the country the document names most) when the document
names that capital; "the city", "the town" is the city or town named last before the sentence.
The nouns are data (``place_descriptions`` in data/events_triggers.json).  Only a description with
"the" and no name of its own counts ("the city of Homs" is read by arguments.py already).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newsgraph.geo import country_code, demonym_country
from newsgraph.geo.gazetteer import country_records
from newsgraph.nlp.events.arguments import Draft
from newsgraph.nlp.index import EntityIndex

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.vocab.events import EventTriggers


def place_described(drafts: list[Draft], index: EntityIndex, lex: EventTriggers) -> None:
    """Give a dated event with no participant the place its "in the Syrian capital" describes, else the place
    of the phrase or clause it is told in; and one done by unnamed rulers ("the junta") those rulers' country."""
    for draft in drafts:
        if draft.date is None or draft.actors or draft.targets or draft.location:
            continue
        if not draft.named_actor:
            draft.location = (_described(draft.anchor, index, lex) or _own_clause_place(draft.anchor, index, lex)
                              or _host_place(draft.anchor, index, lex)
                              or _conflict_country(draft, index, lex))
        if draft.location is None and _acted_by_rulers(draft.anchor, lex):
            draft.actors = [c for c in (_theatre_entity(index),) if c is not None]


def _described(anchor: Token, index: EntityIndex, lex: EventTriggers) -> str | None:
    for pobj in _place_phrases(anchor, lex):
        found = _capital(pobj, index) if pobj.lemma_.lower() == "capital" else _last_city(pobj, index, lex)
        if found is not None:
            return found
    return None


# a clause of these is what someone says or a sentence of its own: its place is not the event's
_CLAUSE_WALLS = frozenset({"ccomp", "parataxis", "xcomp", "conj"})
_HOST_STEPS = 6


def _host_place(anchor: Token, index: EntityIndex, lex: EventTriggers) -> str | None:
    """"killed 1300 people when they unleashed chemical weapons east of Damascus in the attacks on Wednesday",
    "the war in Syria which began with the repression of demonstrations in 2011": an event told inside the
    phrase or clause of another word happened at the place that word's own "in / at / near X" or "east of X"
    phrase names (nearest word first; not past what someone says)."""
    tok = anchor
    for _ in range(_HOST_STEPS):
        if tok.dep_ in _CLAUSE_WALLS or tok.head.i == tok.i:
            return None
        tok = tok.head
        found = _named_place(tok, index, lex)
        if found is not None:
            return found
    return None


def _own_clause_place(anchor: Token, index: EntityIndex, lex: EventTriggers) -> str | None:
    """"the end of a ceasefire that came into force in Syria on September 12", "an offensive which began in
    Aleppo last week": an event noun's own past relative clause, which tells when it happened, tells where."""
    if anchor.pos_ not in ("NOUN", "PROPN"):
        return None
    for clause in anchor.children:
        if clause.dep_ in ("relcl", "acl") and clause.tag_ in ("VBD", "VBN"):
            found = _named_place(clause, index, lex)
            if found is not None:
                return found
    return None


def _named_place(head: Token, index: EntityIndex, lex: EventTriggers) -> str | None:
    """The most specific place entity of ``head``'s own place phrases."""
    phrases = [p for c in head.children if c.dep_ == "prep" and c.lower_ in lex.place_preps
               for p in c.children if p.dep_ == "pobj"]
    phrases += [p for c in head.children if c.dep_ in ("advmod", "npadvmod") and c.lower_ in lex.compass_words
                for of in c.children if of.dep_ == "prep" and of.lower_ == "of"
                for p in of.children if p.dep_ == "pobj"]
    for pobj in phrases:
        doc = pobj.doc
        found = [e for e in index.entities_within(doc[pobj.left_edge.i].idx, doc[pobj.right_edge.i].idx
                                                  + len(doc[pobj.right_edge.i]))
                 if index[e].type in ("GPE", "LOC", "FAC")]
        inside = [e for e in found if country_code(index[e].name) is None]
        if found:
            return (inside or found)[0]
    return None


def _place_phrases(anchor: Token, lex: EventTriggers) -> list[Token]:
    """The described places of the trigger's own "in / at / near the N" phrases and object, also through "of"
    ("in the Sumaria neighborhood of the Syrian capital")."""
    preps = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ in lex.place_preps]
    # "shot down east of the city"
    preps += [of for c in anchor.children if c.dep_ in ("advmod", "npadvmod") and c.lower_ in lex.compass_words
              for of in c.children if of.dep_ == "prep" and of.lower_ == "of"]
    found = []
    # "troops entered the town Tuesday", "stormed the city": the place the verb acts on
    objects = [c for c in anchor.children if c.dep_ == "dobj" and anchor.pos_ == "VERB"]
    for pobj in [p for prep in preps for p in prep.children if p.dep_ == "pobj"] + objects:
        inner = [q for of in pobj.children if of.dep_ == "prep" and of.lower_ == "of"
                 for q in of.children if q.dep_ == "pobj"]
        found += [q for q in (pobj, *inner) if _is_description(q, lex)]
    return found


def _is_description(noun: Token, lex: EventTriggers) -> bool:
    """'the Syrian capital', 'the northern city': "the", a described noun, no name or "of" phrase."""
    children = list(noun.children)
    return (noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.place_descriptions
            and any(c.dep_ == "det" and c.lower_ == "the" for c in children)
            and not any(c.pos_ == "PROPN" or c.dep_ in ("prep", "appos", "compound", "poss") for c in children))


def _capital(noun: Token, index: EntityIndex) -> str | None:
    """The entity of the capital of the country the description's demonym names, else of the document's
    most-named country, when the document names that capital."""
    code = next((c for t in noun.children if t.dep_ == "amod" and (c := demonym_country(t.text))), None)
    code = code or _main_country(index)
    capital = (country_records().get((code or "").upper()) or {}).get("capital") if code else None
    if not capital:
        return None
    wanted = str(capital).casefold()
    for entity in index.entities.values():
        if entity.type == "GPE" and (entity.name.casefold() == wanted
                                     or wanted in (a.casefold() for a in entity.aliases)):
            return entity.id
    return None


def _conflict_country(draft: Draft, index: EntityIndex, lex: EventTriggers) -> str | None:
    """"since the conflict began in March 2011", "the war that began in 2011", "a civil war which sprung from a
    March 2011 uprising": a country's conflict told with no name or owner, dated in its own sentence, is the
    conflict of the country the document names most."""
    anchor = draft.anchor
    nouns = [anchor] + [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
    noun = next((n for n in nouns if n.pos_ == "NOUN" and n.lemma_.lower() in lex.conflict_nouns), None)
    if noun is None or draft.date is None or not noun.sent.start_char <= draft.date.start < noun.sent.end_char:
        return None
    # "a March 2011 uprising", "the 2011 civil war": a date in the noun's own modifiers makes it that one conflict
    own_date = noun.left_edge.idx <= draft.date.start < noun.idx
    if not own_date and not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    return _theatre_entity(index)


def _acted_by_rulers(anchor: Token, lex: EventTriggers) -> bool:
    """"The regime launched eight air raids", "government forces shelled the town", "regime air strikes": the
    event's subject (or the noun's modifier, or its "by" phrase) is a country's rulers, unnamed."""
    if anchor.pos_ in ("VERB", "AUX"):
        doers = [c for c in anchor.children if c.dep_ == "nsubj"]
        doers += [p for a in anchor.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    else:
        doers = [c for c in anchor.children if c.dep_ in ("compound", "amod", "nmod")]
        doers += [p for b in anchor.children if b.dep_ == "prep" and b.lower_ == "by" for p in b.children
                  if p.dep_ == "pobj"]
    return any(_ruler(t, lex) for d in doers for t in (d, *(c for c in d.children if c.dep_ in ("compound", "amod"))))


def _ruler(tok: Token, lex: EventTriggers) -> bool:
    """'regime', 'government' as a noun of their own; not 'anti-government protests', 'pro-government militias'."""
    glued = tok.i > 0 and tok.doc[tok.i - 1].text == "-"
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.ruler_nouns and not glued


def _theatre_entity(index: EntityIndex) -> str | None:
    """The entity of the country the document's places lie in most."""
    code = _theatre_country(index)
    countries = [e for e in index.entities.values() if e.type == "GPE" and code and country_code(e.name) == code]
    return max(countries, key=lambda e: len(e.mentions)).id if countries else None


def _theatre_country(index: EntityIndex) -> str | None:
    """The country the document's places lie in most ("Russian jets pounded Aleppo": Syria, not Russia)."""
    counts: Counter[str] = Counter()
    for entity in index.entities.values():
        if entity.type in ("GPE", "LOC", "FAC") and entity.country:
            counts[entity.country.upper()] += len(entity.mentions)
    return counts.most_common(1)[0][0] if counts else None


def _main_country(index: EntityIndex) -> str | None:
    counts: Counter[str] = Counter()
    for entity in index.entities.values():
        code = country_code(entity.name) if entity.type == "GPE" else None
        if code:
            counts[code] += len(entity.mentions)
    return counts.most_common(1)[0][0] if counts else None


def _last_city(noun: Token, index: EntityIndex, lex: EventTriggers) -> str | None:
    """The city or town the document named last before the sentence (a country or region is not one)."""
    offset = noun.sent.start_char
    while True:
        found = index.last_before(offset, ("GPE",))
        if found is None:
            return None
        entity = index[found]
        if country_code(entity.name) is None and not set(entity.name.casefold().split()) & lex.region_words:
            return found
        offset = max(m.start for m in entity.mentions if m.end <= offset)
