"""Two words of one clause that tell one event share its date (``dating`` and ``discourse`` call it).

An event noun and the verb it is the subject of ("the attack killed"), the verb whose "in" / "during"
phrase it is ("were killed in an attack") or "when" clause ("killed when a bomb hit"), and a subjectless
participle and its main verb ("raids hit Raqqa killing 30") tell one event when their types agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.nlp.events.grammar import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsgraph.nlp.events.arguments import Draft

_TELLING_PREPS = frozenset({"in", "during"})
# the verb's object or passive subject: who underwent the event ("killed a commander in heavy clashes")
_UNDERGOER_DEPS = frozenset({"dobj", "nsubjpass"})


def share_one_telling(doc: Doc, anchors: dict[int, Draft | None]) -> None:
    """Two words that tell one event, of one type: the undated one takes the other's date.  Twice over, so
    a date passes along a chain ('hit the city killing 30 and injuring dozens on Thursday')."""
    for _ in range(2):
        for index, draft in anchors.items():
            if draft is None or draft.anchor.i != index:
                continue
            other = _told_with(doc[index], anchors)
            if other is None or other is draft or other.type != draft.type:
                continue
            undated, dated = (draft, other) if draft.date is None else (other, draft)
            if undated.date is None and dated.date is not None:
                undated.date, undated.date_distance = dated.date, dated.date_distance + 1


def _telling_phrase_of(noun: Token) -> Token | None:
    """The verb whose "in" / "during" phrase an event noun is ('were killed in an attack'; 'killed in air
    strikes and government bombardment': the bombardment too), also when the parser hangs the phrase on the verb's
    object ('killed 12 civilians in air strikes on Douma', 'killed a commander in heavy clashes')."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    if noun.dep_ not in ("pobj", "pcomp") or noun.head.lower_ not in _TELLING_PREPS:
        return None
    told = noun.head.head
    if told.pos_ == "NOUN" and told.dep_ in _UNDERGOER_DEPS and told.head.pos_ == "VERB":
        return told.head  # "killed 12 civilians in air strikes": the parser hangs the phrase on the victims
    return told


def _told_with(tok: Token, anchors: dict[int, Draft | None]) -> Draft | None:
    """The event ``tok`` tells again in its clause: an event noun's verb ('the attack killed'), the event
    whose "in" phrase it is ('were killed in an attack') or "when" clause ('killed when a bomb hit'); a
    subjectless participle's main verb ('raids hit Raqqa killing 30', 'ambushed a convoy on Saturday, killing
    19') or the participle it is joined to."""
    if tok.pos_ == "NOUN" and tok.dep_ in SUBJECT_DEPS:
        return anchors.get(tok.head.i)
    # "were killed in shelling on the village": the small model makes a bare "shelling" a verb of the phrase
    if (tok.pos_ == "NOUN" or tok.dep_ == "pcomp") and (told := _telling_phrase_of(tok)) is not None:
        return anchors.get(told.i)
    if tok.pos_ == "VERB" and tok.dep_ == "advcl" and any(c.lower_ == "when" and c.i < tok.i for c in tok.children):
        return anchors.get(tok.head.i)  # "eight people killed when a barrel bomb hit a building": one event
    if tok.pos_ != "VERB" or tok.tag_ != "VBG" or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in tok.children):
        return None
    if tok.dep_ == "advcl" or (tok.dep_ == "conj" and tok.head.tag_ == "VBG"):
        return anchors.get(tok.head.i)
    if tok.dep_ == "acl":  # commas stripped: "hit the city and its outskirts killing 30" hangs it on the object
        noun = tok.head
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        return anchors.get(noun.head.i) if noun.dep_ == "dobj" else None
    return None
