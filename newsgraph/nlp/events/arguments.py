"""Participants of an event: actors, targets and place, read off the trigger's phrase.

Only entities of the ``EntityIndex`` become participants; a demonym stands for its
country when the document names that country.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.geo import country_code, demonym_country
from newsgraph.model import PLACE_TYPES, DateMention
from newsgraph.nlp.events.grammar import SUBJECT_DEPS
from newsgraph.nlp.events.triggers import TriggerTyper, phrase_tokens
from newsgraph.nlp.index import EntityIndex
from newsgraph.settings import settings

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass
class Draft:
    """An event under construction: ``anchor`` is the token dates must reach."""

    anchor: Token
    trigger: str
    trigger_start: int
    type: str
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    location: str | None = None
    date: DateMention | None = None
    date_distance: int = 99
    named_actor: bool = False  # "Burundian militiamen": a named group that is no entity of the index
    saying: bool = False  # "X said on Monday ...": a STATEMENT kept only when a date of its own reaches it


class ArgumentReader(TriggerTyper):
    """Fills drafts' participants (trigger typing tells event nouns from places and targets)."""

    def _verb_arguments(self, verb: Token, draft: Draft, object_is_event: bool = False) -> None:
        subjects, passive = self._subjects(verb)
        for subj in subjects:
            if not passive and subj.i != verb.i and self._noun_type(subj):
                self._noun_arguments(subj, draft)  # "the Aleppo bomb attack killed ...": the attack's own roles
                continue
            add_ids(draft.targets if passive else draft.actors, self._np_entities(subj))
            draft.named_actor = draft.named_actor or (not passive and names_a_group(subj))
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    add_ids(draft.actors, self._np_entities(pobj))
                    draft.named_actor = draft.named_actor or names_a_group(pobj)
                    subjects.append(pobj)
            elif child.dep_ in ("dobj", "dative", "nsubjpass") and not (object_is_event and child.dep_ == "dobj"):
                found = self._np_entities(child)
                draft.named_actor = draft.named_actor or names_a_group(child)
                add_ids(draft.targets, found)
                if not found:  # "an embassy in Azerbaijan": the object's own complements
                    self._preps(child, draft, noun=False)
        if draft.type in self.lex.addressed_types:  # "demanded that the US cancel ...": the US is asked
            for comp in (c for c in verb.children if c.dep_ == "ccomp"):
                for subj in (c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")):
                    add_ids(draft.targets, self._np_entities(subj))
        self._modified_noun(verb, draft)
        self._preps(verb, draft, noun=False)
        for phrase in subjects:  # the verb's own place phrase comes first
            self._place_of(phrase, draft)

    def _modified_noun(self, verb: Token, draft: Draft) -> None:
        """The noun a participle modifies: what undergoes it."""
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the study released last week": the noun undergoes it
            add_ids(draft.targets, self._np_entities(verb.head))
        actor = self._mistagged_subject(verb)
        if actor is not None:  # "the SDF besieged Manbij" read as "the [SDF besieged] Manbij"
            add_ids(draft.actors, [actor])
            add_ids(draft.targets, [e for e in self._np_entities(verb.head) if e != actor])

    def _mistagged_subject(self, verb: Token) -> str | None:
        """'the Syrian Democratic Force [SDF] besieged Manbij', 'the Nusra Front captured government-held
        positions': a past verb of the vocabulary the parser made an adjective of the noun after it, right
        after a named group or person, which is its subject.  Not after a place ("Syria's besieged Homs
        province": a description of the province) nor after a possessive."""
        if verb.dep_ != "amod" or verb.tag_ not in ("VBN", "VBD", "JJ") or verb.head.i < verb.i or verb.i == 0:
            return None
        before = verb.doc[verb.i - 1]
        if before.text in ("]", ")") and verb.i > 1:
            before = verb.doc[verb.i - 2]
        if before.tag_ == "POS" or before.lower_.endswith("s'"):
            return None
        eid = self.index.entity_at(before.idx, before.idx + len(before.text))
        entity = self.index[eid] if eid is not None else None
        if entity is None or entity.type not in ("ORG", "PER"):
            return None
        ends = [m.end for m in entity.mentions if m.start <= before.idx < m.end]
        return eid if ends and max(ends) == before.idx + len(before.text) else None  # the name ends here

    def _noun_arguments(self, noun: Token, draft: Draft) -> None:
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                for eid in self._np_entities(child):
                    entity = self.index[eid]
                    if entity.type in ("WEA", "VEH"):
                        continue  # "chemical weapons attack": the instrument, not who attacked
                    if entity.type in ("LOC", "FAC") or (entity.type == "GPE" and country_code(entity.name) is None):
                        # "the Aleppo bomb attack": where it happened; a country ("U.S. strikes") acts
                        draft.location = draft.location or eid
                    else:
                        add_ids(draft.actors, [eid])
                draft.named_actor = draft.named_actor or names_a_group(child)
            elif child.dep_ == "acl" and child.tag_ == "VBN":  # "a deal brokered by Iran", "strikes carried out by X"
                for pobj in (p for a in child.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"):
                    add_ids(draft.actors, self._np_entities(pobj))
                    draft.named_actor = draft.named_actor or names_a_group(pobj)
            elif child.dep_ == "relcl" and self._made_by_subject(child):
                for subj in (c for c in child.children if c.dep_ == "nsubj"):  # "a ceasefire that Turkey brokered"
                    add_ids(draft.actors, self._np_entities(subj))
                    draft.named_actor = draft.named_actor or names_a_group(subj)
        claimant = self._claimant(noun)
        if claimant is not None:
            subjects, passive = self._subjects(claimant)
            for subj in subjects if not passive else []:
                add_ids(draft.actors, self._np_entities(subj))
                draft.named_actor = draft.named_actor or names_a_group(subj)
        self._preps(noun, draft, noun=True)

    def _made_by_subject(self, clause: Token) -> bool:
        """'a ceasefire that Turkey and Russia brokered', 'the offensive the army launched': an object relative
        clause in the past whose verb names no event of its own says who made the event."""
        subject_is_relative = any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in clause.children)
        return (clause.tag_ in ("VBD", "VBN") and not subject_is_relative and self._verb_type(clause) is None
                and self._lemma(clause) not in self.lex.commitment_cues)  # "the attack sources said": a report

    def _claimant(self, noun: Token) -> Token | None:
        """'IS claimed the bombing', 'X claimed responsibility for the attack': the verb whose subject
        carried out the event ``noun`` names."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "for" and self._lemma(head.head) in self.lex.responsibility_nouns:
            noun, head = head.head, head.head.head
        if noun.dep_ == "dobj" and head.pos_ == "VERB" and self._lemma(head) in self.lex.claiming_verbs:
            return head
        return None

    def _place_of(self, phrase: Token, draft: Draft) -> None:
        """'Hezbollah fighters near Damascus', 'a strike on the market in Tora': a participant's own
        place phrase locates the event."""
        # "at Olya, a small port in Astrakhan province": an unknown place is placed by its apposition
        preps = [c for t in (phrase, *(a for a in phrase.children if a.dep_ == "appos")) for c in t.children]
        for prep in preps:
            if draft.location is None and prep.dep_ == "prep" and prep.lower_ in self.lex.place_preps:
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    draft.location = draft.location or self._most_specific(self._places(pobj, self._np_entities(pobj)))
        draft.location = draft.location or self._compass_place(phrase)  # "a village north of Aleppo"

    def _places(self, pobj: Token, found: list[str]) -> list[str]:
        """The place entities a phrase names, with the one its 'of' names ('the central Syrian city of Homs')."""
        places = [e for e in found if self.index[e].type in PLACE_TYPES]
        for prep in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for inner in (c for c in prep.children if c.dep_ == "pobj"):
                add_ids(places, [e for e in self._np_entities(inner) if self.index[e].type in PLACE_TYPES])
        return places

    def _most_specific(self, places: list[str]) -> str | None:
        """'in Syria's second city Aleppo', 'in Aleppo, Syria': the city, not its country."""
        inside = [e for e in places if country_code(self.index[e].name) is None]
        return next(iter(inside or places), None)

    def _compass_place(self, head: Token) -> str | None:
        """'killed 10 people east of Damascus', 'unleashed chemical weapons east and southwest of Damascus':
        the place a direction's "of" phrase names."""
        words = (c for c in head.children if c.dep_ in ("advmod", "npadvmod") and c.lower_ in self.lex.compass_words)
        for word in words:
            for pobj in (p for prep in word.children if prep.dep_ == "prep" and prep.lower_ == "of"
                         for p in prep.children if p.dep_ == "pobj"):
                found = self._most_specific(self._places(pobj, self._np_entities(pobj)))
                if found is not None:
                    return found
        return None

    def _preps(self, head: Token, draft: Draft, noun: bool) -> None:
        lex = self.lex
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            word = prep.lower_
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if not noun and self._noun_type(pobj):
                    continue  # "killed in U.S. air strikes": the strikes are an event, not a place or target
                found = self._np_entities(pobj)
                places = self._places(pobj, found) if word in lex.place_preps else []
                aimed = word == "at" and draft.type in lex.aimed_types  # "fired at Tel Aviv"
                if places and not aimed and (word != "at" or len(places) == len(found)):
                    draft.location = draft.location or self._most_specific(places)
                elif word == "by" and noun:
                    add_ids(draft.actors, found)
                elif word == "of" and noun:
                    add_ids(draft.actors if draft.type in lex.of_is_actor else draft.targets, found)
                elif word == "from":
                    add_ids(draft.targets if draft.type in lex.from_is_target else draft.actors if noun else [], found)
                elif word in lex.target_preps:
                    add_ids(draft.targets, found)
                if word == "including" and not noun:
                    # "killed 58 people including 11 children in Idlib province": the parser hangs the verb's
                    # place phrase on the last of the victims
                    self._place_of(pobj, draft)
                if not places and (word in lex.place_preps or word in lex.target_preps):
                    # "at a jail in Dili", "outside the Interior Ministry in Ankara", "a strike on the market
                    # in Tora": the place of the site
                    self._place_of(pobj, draft)
        draft.location = draft.location or self._compass_place(head)  # after "in Douma", "east of Damascus"

    def _subjects(self, verb: Token) -> tuple[list[Token], bool]:
        """The subject of a verb (and whether the verb is passive), found through control
        ('threatened to shell'), coordination and relative clauses."""
        hung = self._hung_subject(verb)
        if hung is not None:
            return [hung], False
        v = verb
        for _ in range(settings().events.subject_climb):
            found = self._own_subjects(v, verb)
            if found is not None:
                return found
            borrowed = self._borrowed_subjects(v)
            if borrowed is not None:
                return borrowed, False
            governor = self._governing_verb(v)
            if governor is None:
                break
            v = governor
        return [], False

    def _hung_subject(self, verb: Token) -> Token | None:
        """'..., the Alma Center disclosed': a finite verb right after a noun the parser hung
        elsewhere; that noun is its subject."""
        left = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
        if (left is not None and verb.tag_ in ("VBD", "VBZ", "VBP") and left.pos_ in ("NOUN", "PROPN")
                and left.head.i != verb.i and left.dep_ in ("appos", "conj", "npadvmod", "dobj", "pobj")
                and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
            return left
        return None

    def _own_subjects(self, v: Token, verb: Token) -> tuple[list[Token], bool] | None:
        """The subjects ``v`` has itself (``verb``: the verb asked about, the only one that can be passive)."""
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
        if not subjects:
            return None
        passive = subjects[0].dep_ == "nsubjpass" and v.i == verb.i
        reporter = self._reporter(v, subjects)
        if reporter:
            return reporter, passive
        if subjects[0].tag_ in ("WDT", "WP") and v.dep_ == "relcl":
            subjects = [v.head]
        return subjects, passive

    def _reporter(self, v: Token, subjects: list[Token]) -> list[Token]:
        """'Switzerland said it had expelled ...': the pronoun is the one who says so."""
        if (len(subjects) == 1 and subjects[0].lower_ in self.lex.reporter_pronouns and v.dep_ == "ccomp"
                and self._lemma(v.head) in self.lex.commitment_cues):
            reporter = [c for c in v.head.children if c.dep_ == "nsubj"]
            if reporter and reporter[0].tag_ != "PRP":
                return reporter
        return []

    @staticmethod
    def _borrowed_subjects(v: Token) -> list[Token] | None:
        """Who acts in a clause without a subject of its own: the noun a relative clause modifies,
        the object of a control verb ('urged Syria to withdraw'), the owner of a policy
        ('Iran's policy of distributing weapons')."""
        if v.dep_ == "relcl":
            return [v.head]
        if (v.dep_ == "acl" and v.head.dep_ == "ROOT" and v.head.i < v.i and v.head.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ in ("dobj", "ccomp") for c in v.children)):
            # "Niger, Mali and Burkina Faso, all led by juntas, announced ... that": a sentence the parser
            # left without a verb, its main verb read as a participle of the subject
            return [v.head]
        if v.dep_ == "xcomp":
            objects = [c for c in v.head.children if c.dep_ in ("dobj", "dative")]
            if objects:
                return objects
        if v.dep_ == "pcomp" and v.head.lower_ == "of":
            owner = v.head.head
            # "accused Iran of supplying drones", "accused government forces of gassing ...": the accused acts
            if owner.dep_ == "dobj" and owner.head.pos_ == "VERB":
                return [owner]
            objects = [c for c in owner.children if c.dep_ == "dobj"] if owner.pos_ == "VERB" else []
            if objects:
                return objects
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("NOUN", "PROPN"):
            return [c for c in v.head.head.children if c.dep_ == "poss"]
        return None

    @staticmethod
    def _governing_verb(v: Token) -> Token | None:
        """The word whose subject ``v`` shares: the verb it complements or is coordinated with."""
        if v.dep_ in ("xcomp", "conj", "advcl", "acomp") and v.head.i != v.i:
            return v.head
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            return v.head.head
        return None

    def _np_entities(self, head: Token) -> list[str]:
        """Entities a noun phrase names: its words, possessor and coordinated members, not its clauses."""
        ids: list[str] = []
        tokens = phrase_tokens(head)
        # "regime ally Iran", "the capital Damascus": an apposition names the same participant
        tokens += [t for member in list(tokens) for c in member.children if c.dep_ == "appos" for t in phrase_tokens(c)]
        for tok in tokens:
            eid = self.index.entity_at(tok.idx, tok.idx + len(tok.text))
            if eid is not None and eid not in ids:
                ids.append(eid)
        for tok in tokens:  # "a Russian Su-35", "Iranian President X": the country acts too
            eid = self._demonym_entity(tok)
            if eid is not None and eid not in ids:
                ids.append(eid)
        if not ids and head.pos_ in ("NOUN", "NUM", "PRON"):
            # "supporters of Ben Bella", "activists from the Fatah Party": the group stands for them
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        add_ids(ids, self._np_entities(pobj))
        return ids

    def _demonym_entity(self, tok: Token) -> str | None:
        """'Israeli' -> the document's entity for Israel, when the document has one."""
        if not tok.text[:1].isupper() or (tok.ent_type_ not in ("NORP", "GPE") and tok.pos_ != "ADJ"):
            return None
        return country_entity(self.index, tok.text, self.lex.demonym_endings)


def names_a_group(head: Token) -> bool:
    """Whether a participant phrase names someone even if no entity was linked ('Afghan rebels')."""
    tokens = phrase_tokens(head)
    for child in head.children:  # "thousands of Iraqi Kurds", "a member of parliament, Mohammed Mamoun"
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in ("of", "from")):
            tokens.extend(child.subtree)
    # a date is no one: "a March 2011 uprising" names no group though "March" is a proper noun
    return any(t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or (t.pos_ == "PROPN" and t.ent_type_ not in (
        "DATE", "TIME")) for t in tokens)


def add_ids(into: list[str], ids: list[str]) -> None:
    for eid in ids:
        if eid not in into:
            into.append(eid)


def country_entity(index: EntityIndex, word: str, endings: tuple[str, ...]) -> str | None:
    """The GPE entity of the country a demonym names ("Israeli" -> Israel), if the document has one."""
    gpes = [e for e in index.entities.values() if e.type == "GPE"]
    code = demonym_country(word)
    if code:
        for entity in gpes:
            # the country itself, not one of its cities
            if (entity.country or "").upper() == code.upper() and country_code(entity.name) == code:
                return entity.id
    # Demonyms the table lacks: 'Syrian' ~ 'Syria', 'Iraqi' ~ 'Iraq', 'Lebanese' ~ 'Lebanon' (a stem of
    # settings().events.demonym_stem letters or more).
    low = word.casefold()
    if not low.endswith(endings):
        return None
    shortest = settings().events.demonym_stem
    for entity in gpes:
        name = entity.name.casefold()
        stem = name[:max(shortest, len(name) - 1)]
        if len(name) >= shortest and " " not in name and low.startswith(stem) and low != name:
            return entity.id
    return None
