"""Which words name an event, and of what PLOVER type: verbs by lemma, particle or object,
nouns by their own entry (with the argument some of them need to count)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.model import PLACE_TYPES
from newsgraph.nlp.events.grammar import NP_DEPS
from newsgraph.nlp.index import EntityIndex
from newsgraph.vocab.events import EventTriggers

if TYPE_CHECKING:
    from spacy.tokens import Token


class TriggerTyper:
    """Typing of candidate triggers against the vocabulary and the document's entities."""

    def __init__(self, index: EntityIndex, lex: EventTriggers) -> None:
        self.index, self.lex = index, lex

    def _verb_type(self, tok: Token) -> tuple[str, str] | None:
        lemma, lex = self._lemma(tok), self.lex
        for child in tok.children:
            if child.dep_ in ("prt", "prep", "dobj"):
                key = f"{lemma} {child.lower_}"
                if key in lex.phrasal:
                    return lex.phrasal[key], f"{tok.text} {child.text}"
        table = lex.verb_objects.get(lemma)
        obj = self._object_of(tok)
        if table is not None and obj is not None:
            if "@carrier" in table and self._carries_aid(tok):  # "an aid convoy entered Eastern Ghouta"
                return _typed(table["@carrier"], tok.text)
            for key in (obj.lower_, obj.lemma_.lower()):
                if key in table:
                    return _typed(table[key], tok.text)
            weapon = self._is_weapon(obj) or any(self._is_weapon(c) for c in obj.children if c.dep_ == "compound")
            if weapon and "@weapon" in table:  # "bought missile systems"
                return _typed(table["@weapon"], tok.text)
            if "@place" in table and self._names_place(obj):  # "the last French soldiers left Niamey"
                return _typed(table["@place"], tok.text)
            if "*" in table:
                return _typed(table["*"], tok.text)
        elif table is not None and "*" in table and table["*"] is None:
            return None  # "use", "produce": events only with the right kind of object
        return _typed(lex.verbs.get(lemma), tok.text)

    def _carries_aid(self, verb: Token) -> bool:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        words = [] if subject is None else [subject] + [c for c in subject.children if c.dep_ in ("compound", "amod")]
        return any(self._lemma(w) in self.lex.aid_carriers for w in words)

    def _lemma(self, tok: Token) -> str:
        lemma = tok.lemma_.lower()
        return self.lex.lemma_fixes.get(lemma, lemma)

    def _typed_by_object(self, verb: Token) -> bool:
        """'lifted a curfew': the verb-object entry, not the noun alone, says what happened."""
        table = self.lex.verb_objects.get(self._lemma(verb), {})
        obj = self._object_of(verb)
        return obj is not None and (obj.lower_ in table or obj.lemma_.lower() in table)

    def _noun_type(self, tok: Token) -> str | None:
        if tok.pos_ != "NOUN" or tok.dep_ == "compound" or tok.ent_type_ in ("DATE", "TIME"):
            return None
        nouns, kind = self.lex.nouns, None
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and f"{c.lower_} {self._lemma(tok)}" in nouns:
                kind = nouns[f"{c.lower_} {self._lemma(tok)}"]
        kind = kind or nouns.get(tok.lower_) or nouns.get(self._lemma(tok))
        if not kind or self._inside_name(tok):  # the event nouns first: most nouns are none
            return None
        if tok.head.lower_ == "of" and tok.head.head.lower_ in self.lex.hypothesis_nouns:
            return None  # "in case of an attack": a hypothesis
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return None
        needs = self.lex.needs.get(self._lemma(tok))
        if kind and needs and not self._satisfies(tok, needs):
            return None
        return kind

    def _satisfies(self, noun: Token, needs: tuple[str, ...]) -> bool:
        """'production of missiles' is an event, 'film production' is not."""
        words = [t for t in phrase_tokens(noun, with_preps=True) if t.i != noun.i]
        for need in needs:
            if need == "@weapon" and any(self._is_weapon(t) for t in words):
                return True
            if need == "by" and any(c.dep_ in ("poss", "prep") and (c.dep_ == "poss" or c.lower_ == "by")
                                    for c in noun.children):
                return True
            if any(t.lemma_.lower() == need for t in words):
                return True
        return False

    def _object_of(self, verb: Token) -> Token | None:
        found = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if found is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
            found = verb.head
        return self._through_collective(found) if found is not None else None

    def _through_collective(self, noun: Token) -> Token:
        """'a consignment of missiles' -> 'missiles': a verb acts on what the collective counts."""
        if self._lemma(noun) in self.lex.collective_nouns:
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
        return noun

    def _is_weapon(self, tok: Token) -> bool:
        eid = self.index.entity_at(tok.idx, tok.idx + len(tok.text))
        if eid is not None and self.index[eid].type == "WEA":
            return True
        return self._lemma(tok) in self.lex.weapon_words or tok.lower_ in self.lex.weapon_words

    def _names_place(self, noun: Token) -> bool:
        """'Niamey', 'the al-Foua and Kefraya towns', 'the town of Hader': a phrase naming a place entity."""
        words = phrase_tokens(noun) + [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                       for p in c.children if p.dep_ == "pobj" for t in phrase_tokens(p)]
        for word in words:  # a name, not a demonym: "left a Filipino sailor injured" leaves no place
            if word.pos_ != "PROPN" or word.ent_type_ == "NORP":  # "Filipino" is a demonym, not a place
                continue
            eid = self.index.entity_at(word.idx, word.idx + len(word.text))
            if eid is not None and self.index[eid].type in PLACE_TYPES:
                return True
        return False

    def _inside_name(self, tok: Token) -> bool:
        """Words of a name ('Peace Agreement Commission') are not triggers."""
        eid = self.index.entity_at(tok.idx, tok.idx + len(tok.text))
        return eid is not None and self.index[eid].type != "WEA"


def _typed(kind: str | None, trigger: str) -> tuple[str, str] | None:
    return (kind, trigger) if kind else None


def phrase_tokens(head: Token, with_preps: bool = False) -> list[Token]:
    """The head word, its modifiers and coordinated members; PPs only when asked."""
    out = [head]
    for child in head.children:
        if child.dep_ in NP_DEPS or (with_preps and child.dep_ in ("prep", "pobj")):
            out.extend(child.subtree)
        elif child.dep_ == "conj":
            out.extend(phrase_tokens(child, with_preps))
    return out
