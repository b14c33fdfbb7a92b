"""PLOVER-typed events read off the dependency structure of each trigger's clause.

A trigger is a verb, typed by its lemma, its particle ("pull out") or the head
noun of its object ("open an embassy", "use chemical weapons"), or an event noun
("airstrikes", "the visit"); the vocabulary is data (data/events_triggers.json).
For each trigger:

- actors:   the subject of an active verb, the agent ("by X") of a passive one;
            for nouns the possessor, a demonym or name modifier ("Israeli airstrikes"), "by X"
- targets:  the object, the passive subject, "on / against / to / with X"
- location: a place entity after "in / at / near ..."
- date:     a date mention whose chain of syntactic heads reaches the trigger without
            leaving the trigger's clause; nothing is guessed from elsewhere in the sentence.

Only entities of the ``EntityIndex`` become participants: pronouns are not resolved here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from newsgraph.model import PLACE_TYPES, DateMention, Event, Span
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import Parsed

if TYPE_CHECKING:
    from spacy.tokens import Token

# A date climbing the tree stops at these: beyond them lies another clause with its own time.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "flat", "nummod", "det", "case", "quantmod"})
_CONTRACT_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    phrasal: dict[str, str]
    verb_objects: dict[str, dict[str, str | None]]
    nouns: dict[str, str]
    needs: dict[str, tuple[str, ...]]
    light_verbs: frozenset[str]
    occur_verbs: frozenset[str]
    weapon_words: frozenset[str]
    of_is_actor: frozenset[str]
    target_preps: frozenset[str]
    place_preps: frozenset[str]
    hypothetical_aux: frozenset[str]
    commitment_cues: frozenset[str]
    readiness_words: frozenset[str]
    hostile_types: frozenset[str]
    cancelling_verbs: frozenset[str]
    lemma_fixes: dict[str, str]
    hostile_exceptions: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The trigger vocabulary, loaded once from the package data."""
    path = resources.files("newsgraph") / "data" / "events_triggers.json"
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    needs = {k: tuple(v) for k, v in raw["nominal_needs_argument_of"].items() if not k.startswith("_")}
    return Lexicon(
        verbs=raw["verbs"], phrasal=raw["phrasal"], verb_objects=raw["verb_objects"], nouns=raw["nouns"],
        needs=needs, light_verbs=frozenset(raw["light_verbs"]), occur_verbs=frozenset(raw["occur_verbs"]),
        weapon_words=frozenset(raw["weapon_words"]), of_is_actor=frozenset(raw["of_is_actor"]),
        target_preps=frozenset(raw["target_preps"]), place_preps=frozenset(raw["place_preps"]),
        hypothetical_aux=frozenset(raw["hypothetical_aux"]),
        commitment_cues=frozenset(raw["commitment_cues"]["words"]), readiness_words=frozenset(raw["readiness_words"]),
        hostile_types=frozenset(raw["hostile_types"]["types"]),
        cancelling_verbs=frozenset(raw["cancelling_verbs"]["words"]),
        lemma_fixes={k: v for k, v in raw["lemma_fixes"].items() if not k.startswith("_")},
        hostile_exceptions=frozenset(raw["hostile_exceptions"]))


@dataclass
class _Draft:
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


def extract_events(parsed: Parsed, index: EntityIndex, dates: list[DateMention]) -> list[Event]:
    """One event per reported occurrence, in text order, ids v1, v2, …"""
    reader = _Reader(parsed, index, lexicon())
    drafts = reader.read()
    reader.attach_dates(drafts, dates)
    kept = [d for d in drafts if d.actors or d.targets or d.location or d.named_actor]
    kept.sort(key=lambda d: d.trigger_start)
    events = []
    for number, d in enumerate(kept, 1):
        sent = d.anchor.sent
        value = _contract_date(d.date.value) if d.date else None
        events.append(Event(
            id=f"v{number}", type=d.type, trigger=d.trigger,
            evidence=Span.of(parsed.text, sent.start_char, sent.end_char),
            date=value, date_text=d.date.text if d.date and value else None,
            actors=tuple(d.actors), targets=tuple(e for e in d.targets if e not in d.actors),
            location=d.location))
    return events


def _contract_date(value: str | None) -> str | None:
    """The value at a contract precision (YYYY, YYYY-MM, YYYY-MM-DD), or None."""
    from newsgraph.nlp import dates as dates_stage

    reduce = getattr(dates_stage, "contract_date", None)
    if reduce is not None:
        return reduce(value) if value else None
    return value if value and _CONTRACT_DATE.fullmatch(value) else None


class _Reader:
    def __init__(self, parsed: Parsed, index: EntityIndex, lex: Lexicon) -> None:
        self.parsed, self.index, self.lex = parsed, index, lex
        # every token that names an event, kept or not, so it can absorb its own dates
        self.anchors: dict[int, _Draft | None] = {}

    # ---- triggers -------------------------------------------------------------------------
    def read(self) -> list[_Draft]:
        drafts: list[_Draft] = []
        by_anchor: dict[int, _Draft] = {}
        doc = self.parsed.doc
        for tok in doc:
            if tok.pos_ != "VERB" or self._inside_name(tok):
                continue
            typed = self._verb_type(tok)
            governor = by_anchor.get(tok.head.i) if tok.dep_ == "xcomp" else None
            if typed is None or self._unreal(tok) or self._dependent_infinitive(tok):
                if typed is not None or governor is not None:
                    self.anchors[tok.i] = None
                if governor is not None and not self._unreal(tok):
                    # "threatened to fire rockets at Tel Aviv": the content names the targets
                    content = _Draft(tok, "", tok.idx, governor.type)
                    self._verb_arguments(tok, content)
                    _add(governor.targets, [e for e in content.targets if e not in governor.actors])
                    governor.location = governor.location or content.location
                    self.anchors[tok.i] = governor
                continue
            kind, trigger = typed
            if kind == "STATEMENT" and self._lemma(tok) in self.lex.commitment_cues and any(
                    c.dep_ == "ccomp" for c in tok.children):
                continue  # "the White House announced that ...": a claim (claims.py), not an event
            draft = _Draft(tok, trigger, tok.idx, kind)
            self._verb_arguments(tok, draft)
            drafts.append(draft)
            by_anchor[tok.i] = self.anchors[tok.i] = draft
            drafts.extend(self._gapped(tok, draft))
        for tok in doc:
            stance = self._commitment(tok)
            if stance is None:
                continue
            kind, speaker_verb, addressee = stance
            draft = by_anchor.get(speaker_verb.i)
            if draft is None:
                draft = _Draft(speaker_verb, speaker_verb.text, speaker_verb.idx, kind)
                subjects, _ = self._subjects(speaker_verb)
                for subj in subjects:
                    _add(draft.actors, self._np_entities(subj))
                    draft.named_actor = draft.named_actor or _names_a_group(subj)
                self._preps(speaker_verb, draft, noun=False)
                drafts.append(draft)
                by_anchor[speaker_verb.i] = self.anchors[speaker_verb.i] = draft
            elif draft.type != "STATEMENT":
                continue  # "warned", "demanded": the verb already says what it is
            draft.type = kind
            if addressee is not None:
                _add(draft.targets, [e for e in self._np_entities(addressee) if e not in draft.actors])
        for tok in doc:
            kind = self._noun_type(tok)
            if kind is None:
                continue
            if tok.dep_ in ("dobj", "nsubjpass") and self._lemma(tok.head) in self.lex.cancelling_verbs:
                self.anchors[tok.i] = None  # "cancelled a planned visit": no visit took place
                continue
            host = self._host(tok)
            light = host is not None and tok.dep_ != "pobj" and self._lemma(host) in self.lex.light_verbs
            if host is not None and host.i in by_anchor and (by_anchor[host.i].type == kind or light):
                draft = by_anchor[host.i]
                if light and not self._typed_by_object(host):  # "launched attacks": the noun says what happened
                    draft.type, draft.trigger, draft.trigger_start = kind, f"{host.text} {tok.text}", host.idx
            elif host is not None and host.i not in self.anchors and self._lemma(host) in self.lex.light_verbs | self.lex.occur_verbs:
                if self._unreal(host):
                    self.anchors[tok.i] = None
                    continue
                draft = _Draft(host, f"{host.text} {tok.text}", host.idx, kind)
                self._verb_arguments(host, draft, object_is_event=True)
                drafts.append(draft)
                by_anchor[host.i] = self.anchors[host.i] = draft
            elif host is not None and self.anchors.get(host.i, 0) is None:
                self.anchors[tok.i] = None  # noun under a negated or hypothetical verb
                continue
            else:
                draft = _Draft(tok, tok.text, tok.idx, kind)
                drafts.append(draft)
            self.anchors[tok.i] = draft
            self._noun_arguments(tok, draft)
        return drafts

    def _commitment(self, tok: Token) -> tuple[str, Token, Token | None] | None:
        """'X said Y must ...' -> REQUEST of X on Y; 'X said it will ...' -> AGREE (THREATEN with 'unless',
        REJECT with 'not'); 'X is ready to ...' -> AGREE.  Returns (type, anchor verb, addressee)."""
        lex = self.lex
        if self._lemma(tok) in lex.readiness_words and tok.dep_ == "acomp" and any(
                c.dep_ == "xcomp" for c in tok.children):
            verb = tok.head
            if verb.dep_ == "ccomp" and self._lemma(verb.head) in lex.commitment_cues:
                verb = verb.head  # "Syria says it is willing to withdraw": the saying is the pledge
            negated = tok.lower_ == "unwilling" or any(c.dep_ == "neg" for c in tok.head.children)
            content = next(c for c in tok.children if c.dep_ == "xcomp")
            return ("REJECT" if negated else self._undertaking(content)), verb, None
        if tok.dep_ != "ccomp" or self._lemma(tok.head) not in lex.commitment_cues or tok.head.pos_ != "VERB":
            return None
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if aux & {"must", "should"}:
            return "REQUEST", tok.head, subject
        if not aux & {"will", "would", "'ll", "shall", "wo"}:
            return None
        speaker = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        own = subject is None or subject.tag_ == "PRP" or (
            speaker is not None and set(self._np_entities(subject)) & set(self._np_entities(speaker)))
        if not own:
            return None  # "X said Y will attack": a forecast, not an undertaking
        if any(c.dep_ == "neg" for c in tok.children):
            return "REJECT", tok.head, None
        if any(m.dep_ == "mark" and m.lower_ == "unless" for c in tok.children if c.dep_ == "advcl"
               for m in c.children):
            return "THREATEN", tok.head, None
        return self._undertaking(tok), tok.head, None

    def _undertaking(self, content: Token) -> str:
        """A promised act is AGREE; a promised hostile act ('would boycott', 'will impose') is THREATEN."""
        for verb in [content] + [c for c in content.children if c.dep_ in ("xcomp", "conj")]:
            typed = self._verb_type(verb)
            if typed is not None and typed[0] in self.lex.hostile_types and self._lemma(verb) not in self.lex.hostile_exceptions:
                return "THREATEN"
        return "AGREE"

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
            for key in (obj.lower_, obj.lemma_.lower()):
                if key in table:
                    return _typed(table[key], tok.text)
            if self._is_weapon(obj) and "@weapon" in table:
                return _typed(table["@weapon"], tok.text)
            if "*" in table:
                return _typed(table["*"], tok.text)
        elif table is not None and "*" in table and table["*"] is None:
            return None  # "use", "produce": events only with the right kind of object
        return _typed(lex.verbs.get(lemma), tok.text)

    def _lemma(self, tok: Token) -> str:
        lemma = tok.lemma_.lower()
        return self.lex.lemma_fixes.get(lemma, lemma)

    def _typed_by_object(self, verb: Token) -> bool:
        """'lifted a curfew': the verb-object entry, not the noun alone, says what happened."""
        table = self.lex.verb_objects.get(self._lemma(verb), {})
        obj = self._object_of(verb)
        return obj is not None and (obj.lower_ in table or obj.lemma_.lower() in table)

    def _noun_type(self, tok: Token) -> str | None:
        if tok.pos_ != "NOUN" or tok.dep_ == "compound" or tok.ent_type_ in ("DATE", "TIME") or self._inside_name(tok):
            return None
        if tok.head.lower_ == "of" and tok.head.head.lower_ in ("case", "event"):
            return None  # "in case of an attack": a hypothesis
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return None
        nouns, kind = self.lex.nouns, None
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and f"{c.lower_} {self._lemma(tok)}" in nouns:
                kind = nouns[f"{c.lower_} {self._lemma(tok)}"]
        kind = kind or nouns.get(tok.lower_) or nouns.get(self._lemma(tok))
        needs = self.lex.needs.get(self._lemma(tok))
        if kind and needs and not self._satisfies(tok, needs):
            return None
        return kind

    def _satisfies(self, noun: Token, needs: tuple[str, ...]) -> bool:
        """'production of missiles' is an event, 'film production' is not."""
        words = [t for t in _phrase_tokens(noun, with_preps=True) if t.i != noun.i]
        for need in needs:
            if need == "@weapon" and any(self._is_weapon(t) for t in words):
                return True
            if need == "by" and any(c.dep_ in ("poss", "prep") and (c.dep_ == "poss" or c.lower_ == "by")
                                    for c in noun.children):
                return True
            if any(t.lemma_.lower() == need for t in words):
                return True
        return False

    def _host(self, noun: Token) -> Token | None:
        """The verb a noun trigger hangs on: its light verb, or the verb it is a complement of."""
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            return head
        if noun.dep_ == "nsubj" and self._lemma(head) in self.lex.occur_verbs:
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.head.i in self.anchors:
            return head.head
        return None

    def _gapped(self, verb: Token, draft: _Draft) -> list[_Draft]:
        """'opened an embassy in A in March, and an embassy in B in April': one event per conjunct."""
        out = []
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.pos_ not in ("NOUN", "PROPN") or self._noun_type(conj):
                continue
            twin = _Draft(conj, draft.trigger, conj.idx, draft.type, actors=list(draft.actors))
            _add(twin.targets, self._np_entities(conj))
            self._preps(conj, twin, noun=False)
            self.anchors[conj.i] = twin
            out.append(twin)
        return out

    # ---- arguments ------------------------------------------------------------------------
    def _verb_arguments(self, verb: Token, draft: _Draft, object_is_event: bool = False) -> None:
        subjects, passive = self._subjects(verb)
        for subj in subjects:
            _add(draft.targets if passive else draft.actors, self._np_entities(subj))
            draft.named_actor = draft.named_actor or (not passive and _names_a_group(subj))
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    _add(draft.actors, self._np_entities(pobj))
                    draft.named_actor = draft.named_actor or _names_a_group(pobj)
                    subjects.append(pobj)
            elif child.dep_ in ("dobj", "dative", "nsubjpass") and not (object_is_event and child.dep_ == "dobj"):
                found = self._np_entities(child)
                draft.named_actor = draft.named_actor or _names_a_group(child)
                _add(draft.targets, found)
                if not found:  # "an embassy in Azerbaijan": the object's own complements
                    self._preps(child, draft, noun=False)
        if draft.type in ("REQUEST", "ACCUSE", "THREATEN"):  # "demanded that the US cancel ...": the US is asked
            for comp in (c for c in verb.children if c.dep_ == "ccomp"):
                for subj in (c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")):
                    _add(draft.targets, self._np_entities(subj))
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the study released last week": the noun undergoes it
            _add(draft.targets, self._np_entities(verb.head))
        self._preps(verb, draft, noun=False)
        for phrase in subjects:  # the verb's own place phrase comes first
            self._place_of(phrase, draft)

    def _noun_arguments(self, noun: Token, draft: _Draft) -> None:
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                _add(draft.actors, self._np_entities(child))
                draft.named_actor = draft.named_actor or _names_a_group(child)
        self._preps(noun, draft, noun=True)

    def _place_of(self, phrase: Token, draft: _Draft) -> None:
        """'Hezbollah fighters near Damascus': a participant's own place phrase locates the event."""
        for prep in phrase.children:
            if draft.location is None and prep.dep_ == "prep" and prep.lower_ in self.lex.place_preps:
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    places = [e for e in self._np_entities(pobj) if self.index[e].type in PLACE_TYPES]
                    draft.location = draft.location or (places[0] if places else None)

    def _preps(self, head: Token, draft: _Draft, noun: bool) -> None:
        lex = self.lex
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            word = prep.lower_
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if not noun and self._noun_type(pobj):
                    continue  # "killed in U.S. air strikes": the strikes are an event, not a place or target
                found = self._np_entities(pobj)
                places = [e for e in found if self.index[e].type in PLACE_TYPES]
                aimed = word == "at" and draft.type in ("ASSAULT", "THREATEN", "COERCE")  # "fired at Tel Aviv"
                if word in lex.place_preps and places and not aimed and (word != "at" or len(places) == len(found)):
                    draft.location = draft.location or places[0]
                elif word == "by" and noun:
                    _add(draft.actors, found)
                elif word == "of" and noun:
                    _add(draft.actors if draft.type in lex.of_is_actor else draft.targets, found)
                elif word == "from":
                    _add(draft.targets if draft.type == "RETREAT" else draft.actors if noun else [], found)
                elif word in lex.target_preps:
                    _add(draft.targets, found)
                if not found and word in lex.place_preps:
                    self._place_of(pobj, draft)  # "at a jail in Dili"

    def _subjects(self, verb: Token) -> tuple[list[Token], bool]:
        """The subject of a verb, found through control ('threatened to shell') and relative clauses."""
        v = verb
        left = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
        if (left is not None and verb.tag_ in ("VBD", "VBZ", "VBP") and left.pos_ in ("NOUN", "PROPN")
                and left.head.i != verb.i and left.dep_ in ("appos", "conj", "npadvmod", "dobj", "pobj")
                and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
            # "..., the Alma Center disclosed": a finite verb right after a noun the parser hung
            # elsewhere; that noun is its subject
            return [left], False
        for _ in range(8):
            subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
            if (len(subjects) == 1 and subjects[0].lower_ in ("it", "they", "he", "she", "we") and v.dep_ == "ccomp"
                    and self._lemma(v.head) in self.lex.commitment_cues):
                # "Switzerland said it had expelled ...": the pronoun is the one who says so
                reporter = [c for c in v.head.children if c.dep_ == "nsubj"]
                if reporter and reporter[0].tag_ != "PRP":
                    return reporter, subjects[0].dep_ == "nsubjpass" and v.i == verb.i
            if subjects:
                passive = subjects[0].dep_ == "nsubjpass" and v.i == verb.i
                if subjects[0].tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                    subjects = [v.head]
                return subjects, passive
            if v.dep_ == "relcl":
                return [v.head], False
            if v.dep_ == "xcomp":
                objects = [c for c in v.head.children if c.dep_ in ("dobj", "dative")]
                if objects:  # "urged Syria to withdraw": the object acts
                    return objects, False
            if v.dep_ in ("xcomp", "conj", "advcl", "acomp") and v.head.i != v.i:
                v = v.head
                continue
            if v.dep_ == "pcomp" and v.head.dep_ == "prep":
                owner = v.head.head  # "Iran's policy of distributing weapons"
                if owner.pos_ in ("NOUN", "PROPN"):
                    return [c for c in owner.children if c.dep_ == "poss"], False
                v = owner
                continue
            break
        return [], False

    def _np_entities(self, head: Token) -> list[str]:
        """Entities a noun phrase names: its words, possessor and coordinated members, not its clauses."""
        ids: list[str] = []
        tokens = _phrase_tokens(head)
        for tok in tokens:
            eid = self.index.entity_at(tok.idx, tok.idx + len(tok.text))
            if eid is not None and eid not in ids:
                ids.append(eid)
        if not ids:
            for tok in tokens:
                eid = self._demonym_entity(tok)
                if eid is not None and eid not in ids:
                    ids.append(eid)
        if not ids and head.pos_ in ("NOUN", "NUM", "PRON"):
            # "supporters of Ben Bella", "activists from the Fatah Party": the group stands for them
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        _add(ids, self._np_entities(pobj))
        return ids

    def _demonym_entity(self, tok: Token) -> str | None:
        """'Israeli' -> the document's entity for Israel, when the document has one."""
        if not tok.text[:1].isupper() or tok.ent_type_ not in ("NORP", "GPE") and tok.pos_ != "ADJ":
            return None
        return _country_entity(self.index, tok.text)

    # ---- helpers --------------------------------------------------------------------------
    def _object_of(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return verb.head
        return None

    def _is_weapon(self, tok: Token) -> bool:
        eid = self.index.entity_at(tok.idx, tok.idx + len(tok.text))
        if eid is not None and self.index[eid].type == "WEA":
            return True
        return self._lemma(tok) in self.lex.weapon_words or tok.lower_ in self.lex.weapon_words

    def _unreal(self, verb: Token) -> bool:
        """Negated, modal or conditional: reported as not (or not yet) happening."""
        for child in verb.children:
            if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in self.lex.hypothetical_aux):
                return True
            if child.dep_ == "mark" and child.lower_ in ("if", "unless"):
                return True
        return False

    def _dependent_infinitive(self, verb: Token) -> bool:
        """'to promote', 'agreed to set up': a purpose or the content of another event, not an occurrence."""
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "to develop and manufacture"
            return self._dependent_infinitive(verb.head)
        if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return False
        if verb.dep_ in ("advcl", "acl", "relcl", "csubj", "ccomp"):
            return True
        # "agreed to set up": content of the governing event; "the goal is to develop": an aim
        return verb.dep_ == "xcomp" and (verb.head.i in self.anchors or self._lemma(verb.head) == "be")

    def _inside_name(self, tok: Token) -> bool:
        """Words of a name ('Peace Agreement Commission') are not triggers."""
        eid = self.index.entity_at(tok.idx, tok.idx + len(tok.text))
        return eid is not None and self.index[eid].type != "WEA"

    # ---- dates ----------------------------------------------------------------------------
    def attach_dates(self, drafts: list[_Draft], dates: list[DateMention]) -> None:
        """Give each event the nearest date whose head chain reaches it inside its clause."""
        doc = self.parsed.doc
        for mention in dates:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            tok, steps = span.root, 0
            while True:
                if tok.i in self.anchors and not span.start <= tok.i < span.end:
                    draft = self.anchors[tok.i]
                    if draft is not None and steps < draft.date_distance:
                        draft.date, draft.date_distance = mention, steps
                    break
                if tok.head.i == tok.i or tok.dep_ in CLAUSE_DEPS or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
                    break
                tok, steps = tok.head, steps + 1


def _names_a_group(head: Token) -> bool:
    """Whether a participant phrase names someone even if no entity was linked ('Afghan rebels')."""
    tokens = _phrase_tokens(head)
    for child in head.children:  # "thousands of Iraqi Kurds", "a member of parliament, Mohammed Mamoun"
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in ("of", "from")):
            tokens.extend(child.subtree)
    return any(t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or t.pos_ == "PROPN" for t in tokens)


def _typed(kind: str | None, trigger: str) -> tuple[str, str] | None:
    return (kind, trigger) if kind else None


def _add(into: list[str], ids: list[str]) -> None:
    for eid in ids:
        if eid not in into:
            into.append(eid)


def _phrase_tokens(head: Token, with_preps: bool = False) -> list[Token]:
    """The head word, its modifiers and coordinated members; PPs only when asked."""
    out = [head]
    for child in head.children:
        if child.dep_ in NP_DEPS or (with_preps and child.dep_ in ("prep", "pobj")):
            out.extend(child.subtree)
        elif child.dep_ == "conj":
            out.extend(_phrase_tokens(child, with_preps))
    return out


def _country_entity(index: EntityIndex, word: str) -> str | None:
    """The GPE entity of the country a demonym names, via places.demonym_country when available."""
    from newsgraph.nlp import places

    demonym_country = getattr(places, "demonym_country", None)
    country_code = getattr(places, "country_code", None)
    gpes = [e for e in index.entities.values() if e.type == "GPE"]
    code = demonym_country(word) if demonym_country is not None else None
    if code:
        for entity in gpes:
            # the country itself, not one of its cities
            if (entity.country or "").upper() == code.upper() and (
                    country_code is None or country_code(entity.name) == code):
                return entity.id
    # Without a code table: 'Syrian' ~ 'Syria', 'Iraqi' ~ 'Iraq', 'Lebanese' ~ 'Lebanon' (stem of 4+ letters).
    low = word.casefold()
    if not re.search(r"(an|ian|i|ese|ish)$", low):
        return None
    for entity in gpes:
        name = entity.name.casefold()
        stem = name[:max(4, len(name) - 1)]
        if len(name) >= 4 and " " not in name and low.startswith(stem) and low != name:
            return entity.id
    return None
