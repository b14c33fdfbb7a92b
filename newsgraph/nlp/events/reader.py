"""The event reader: triggers found in the parse, their arguments, and the dates that reach them.

Three passes over the tokens, each adding to the drafts of the ones before: verbs typed by
the vocabulary, then pledges and demands stated through a reporting verb ("X said it will ..."),
then event nouns, which join the draft of the verb they hang on or become their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.symbols import NOUN, VERB

from newsgraph.nlp.events.arguments import ArgumentReader, Draft, add_ids, names_a_group
from newsgraph.nlp.events.grammar import SUBJECT_DEPS
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.token_arrays import tokens_where
from newsgraph.vocab.events import EventTriggers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# (type, the verb that carries it, who is addressed) of a pledge or demand
Commitment = tuple[str, "Token", "Token | None"]


class EventReader(ArgumentReader):
    def __init__(self, doc: Doc, index: EntityIndex, lex: EventTriggers) -> None:
        super().__init__(index, lex)
        self.doc = doc
        # every token that names an event, kept or not, so it can absorb its own dates
        self.anchors: dict[int, Draft | None] = {}
        # a verb's gapped conjuncts ("an embassy in A, and one in B"), which take the dates after them
        self.twins: dict[int, list[Draft]] = {}
        self.drafts: list[Draft] = []
        self._by_anchor: dict[int, Draft] = {}  # the kept drafts, by the token index of their anchor

    def read(self) -> list[Draft]:
        """Every event the document reports, in the order the passes found them."""
        # each pass reads only the tokens its first test lets through (``token_arrays``)
        for tok in tokens_where(self.doc, "POS", [VERB]):
            self._read_verb(tok)
        for tok in tokens_where(self.doc, "DEP", ["ccomp", "acomp"]):  # the clauses ``_commitment`` reads
            self._read_commitment(tok)
        for tok in tokens_where(self.doc, "POS", [NOUN]):
            self._read_noun(tok)
        return self.drafts

    def _keep(self, draft: Draft) -> Draft:
        self.drafts.append(draft)
        self._by_anchor[draft.anchor.i] = self.anchors[draft.anchor.i] = draft
        return draft

    # ------------------------------------------------------------------ verbs

    def _read_verb(self, tok: Token) -> None:
        if tok.pos_ != "VERB" or self._inside_name(tok):
            return
        typed = self._verb_type(tok)
        if typed is None and self._lemma(tok) in self.lex.saying_verbs and not self._unreal(tok):
            self._keep_saying(tok)
            return
        if typed is None or self._unreal(tok) or self._dependent_infinitive(tok):
            self._untyped_verb(tok, typed is not None)
            return
        kind, trigger = typed
        promised = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if promised is not None and self._lemma(tok) in self.lex.promise_verbs:
            kind = self._undertaking(promised)  # "vowed to retaliate": THREATEN
        if kind == "STATEMENT" and self._lemma(tok) in self.lex.commitment_cues and any(
                c.dep_ == "ccomp" for c in tok.children):
            # "the White House announced that ...": a claim (the claims stage), and an event only when dated
            self._keep_saying(tok)
            return
        draft = self._keep(Draft(tok, trigger, tok.idx, kind))
        self._verb_arguments(tok, draft)
        if " " in trigger and f"{self._lemma(tok)} {trigger.split()[-1].lower()}" in self.lex.undergoer_phrasal:
            # "Palmyra fell to IS": the place undergoes the taking, the force takes it
            draft.actors, draft.targets = [e for e in draft.targets if e not in draft.actors], draft.actors
        self.drafts.extend(self._gapped(tok, draft))

    def _untyped_verb(self, tok: Token, typed: bool) -> None:
        """A verb that is no event of its own: it takes no date, or gives its governor's event targets."""
        governor = self._by_anchor.get(tok.head.i) if tok.dep_ == "xcomp" else None
        if typed or governor is not None:
            self.anchors[tok.i] = None
        if governor is not None and not self._unreal(tok):
            # "threatened to fire rockets at Tel Aviv": the content names the targets
            content = Draft(tok, "", tok.idx, governor.type)
            self._verb_arguments(tok, content)
            add_ids(governor.targets, [e for e in content.targets if e not in governor.actors])
            governor.location = governor.location or content.location
            self.anchors[tok.i] = governor

    def _keep_saying(self, verb: Token) -> None:
        """'The Security Council said on Wednesday that ...', 'Hindo told Catholic News Agency Feb. 26': a
        saying is a STATEMENT of its speaker (to whom it was told, the target), kept when dated."""
        if self._dependent_infinitive(verb) or verb.dep_ in ("acl", "relcl", "amod"):
            return  # "... to say", "the report said to be ...": no act of saying of its own
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return  # "the vessel was added to the sanctions list", "he is said to have": no one speaks
        draft = self._keep(Draft(verb, verb.text, verb.idx, "STATEMENT", saying=True))
        subjects, passive = self._subjects(verb)
        for subj in subjects if not passive else []:
            add_ids(draft.actors, self._np_entities(subj))
            draft.named_actor = draft.named_actor or names_a_group(subj)
        for told in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
            add_ids(draft.targets, [e for e in self._np_entities(told) if e not in draft.actors])
        self._preps(verb, draft, noun=False)

    # ------------------------------------------------------- pledges and demands

    def _read_commitment(self, tok: Token) -> None:
        stance = self._commitment(tok)
        if stance is None:
            return
        kind, speaker_verb, addressee = stance
        draft = self._by_anchor.get(speaker_verb.i)
        if draft is None:
            draft = self._keep(Draft(speaker_verb, speaker_verb.text, speaker_verb.idx, kind))
            subjects, _ = self._subjects(speaker_verb)
            for subj in subjects:
                add_ids(draft.actors, self._np_entities(subj))
                draft.named_actor = draft.named_actor or names_a_group(subj)
            self._preps(speaker_verb, draft, noun=False)
        elif draft.type != "STATEMENT":
            return  # "warned", "demanded": the verb already says what it is
        draft.type, draft.saying = kind, False  # a pledge or demand is an event dated or not
        if addressee is not None:
            add_ids(draft.targets, [e for e in self._np_entities(addressee) if e not in draft.actors])

    def _commitment(self, tok: Token) -> Commitment | None:
        """'X said Y must ...' -> REQUEST of X on Y; 'X said it will ...' -> AGREE (THREATEN with 'unless',
        REJECT with 'not'); 'X is ready to ...' -> AGREE.  Returns (type, anchor verb, addressee)."""
        if self._lemma(tok) in self.lex.readiness_words and tok.dep_ == "acomp" and any(
                c.dep_ == "xcomp" for c in tok.children):
            return self._readiness(tok)
        if tok.dep_ != "ccomp" or self._lemma(tok.head) not in self.lex.commitment_cues or tok.head.pos_ != "VERB":
            return None
        return self._reported_commitment(tok)

    def _readiness(self, word: Token) -> Commitment:
        """'X is ready to ...', 'Syria says it is willing to withdraw'."""
        verb = word.head
        if verb.dep_ == "ccomp" and self._lemma(verb.head) in self.lex.commitment_cues:
            verb = verb.head  # "Syria says it is willing to withdraw": the saying is the pledge
        negated = word.lower_ in self.lex.unwilling_words or any(c.dep_ == "neg" for c in word.head.children)
        content = next(c for c in word.children if c.dep_ == "xcomp")
        return ("REJECT" if negated else self._undertaking(content)), verb, None

    def _reported_commitment(self, clause: Token) -> Commitment | None:
        """The clause a reporting verb reports: a demand ("must") or the speaker's own undertaking ("will")."""
        aux = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if aux & self.lex.demand_modals:
            return "REQUEST", clause.head, subject
        if not aux & self.lex.undertaking_modals or not self._speaker_is_subject(clause, subject):
            return None  # "X said Y will attack": a forecast, not an undertaking
        if any(c.dep_ == "neg" for c in clause.children):
            return "REJECT", clause.head, None
        if any(m.dep_ == "mark" and m.lower_ in self.lex.threat_marks
               for c in clause.children if c.dep_ == "advcl" for m in c.children):
            return "THREATEN", clause.head, None
        return self._undertaking(clause), clause.head, None

    def _speaker_is_subject(self, clause: Token, subject: Token | None) -> bool:
        """'X said it will ...', 'X said X will ...': the one who speaks undertakes."""
        speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        return bool(subject is None or subject.tag_ == "PRP" or (
            speaker is not None and set(self._np_entities(subject)) & set(self._np_entities(speaker))))

    def _undertaking(self, content: Token) -> str:
        """A promised act is AGREE; a promised hostile act ('would boycott', 'will impose') is THREATEN."""
        for verb in [content] + [c for c in content.children if c.dep_ in ("xcomp", "conj")]:
            typed = self._verb_type(verb)
            if (typed is not None and typed[0] in self.lex.hostile_types
                    and self._lemma(verb) not in self.lex.hostile_exceptions):
                return "THREATEN"
        return "AGREE"

    # ------------------------------------------------------------------ nouns

    def _read_noun(self, tok: Token) -> None:
        kind = self._noun_type(tok)
        if kind is None:
            return
        if (tok.dep_ in ("dobj", "nsubjpass") and self._lemma(tok.head) in self.lex.cancelling_verbs
                and kind not in self.lex.durable_types):
            self.anchors[tok.i] = None  # "cancelled a planned visit": no visit took place
            return
        outer = self.anchors.get(tok.head.head.i) if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if outer is not None and outer.anchor.i == tok.head.head.i and outer.type == kind:
            # "the lifting of sanctions on Iran": one event, told by both nouns
            self.anchors[tok.i] = outer
            self._noun_arguments(tok, outer)
            return
        draft = self._noun_draft(tok, kind)
        if draft is None:
            self.anchors[tok.i] = None
            return
        self.anchors[tok.i] = draft
        self._noun_arguments(tok, draft)
        self._undergone_by(tok, draft)

    def _undergone_by(self, tok: Token, draft: Draft) -> None:
        """'Kilis has been under rocket attacks from Syria': the subject of 'be' is what the event hits."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "under" or self._lemma(prep.head) != "be":
            return
        for subject in (c for c in prep.head.children if c.dep_ == "nsubj"):
            add_ids(draft.targets, [e for e in self._np_entities(subject) if e not in draft.actors])

    def _noun_draft(self, tok: Token, kind: str) -> Draft | None:
        """The draft an event noun belongs to: its verb's, a new one on its light verb, or its own;
        None when the verb it hangs on is negated or hypothetical."""
        host = self._host(tok)
        if host is None:
            return self._keep_unanchored(Draft(tok, tok.text, tok.idx, kind))
        light = tok.dep_ != "pobj" and self._lemma(host) in self.lex.light_verbs
        hosted = self._by_anchor.get(host.i)
        if hosted is not None and (hosted.type == kind or light):
            if light and not self._typed_by_object(host):  # "launched attacks": the noun says what happened
                hosted.type, hosted.trigger, hosted.trigger_start = kind, f"{host.text} {tok.text}", host.idx
            return hosted
        if host.i not in self.anchors and self._lemma(host) in self.lex.light_verbs | self.lex.occur_verbs:
            if self._unreal(host):
                return None
            draft = self._keep(Draft(host, f"{host.text} {tok.text}", host.idx, kind))
            self._verb_arguments(host, draft, object_is_event=True)
            self._aim_targets(host, draft)
            return draft
        if self.anchors.get(host.i, 0) is None:
            return None  # noun under a negated or hypothetical verb
        return self._keep_unanchored(Draft(tok, tok.text, tok.idx, kind))

    def _aim_targets(self, launcher: Token, draft: Draft) -> None:
        """'waged an assault since late September to recapture eastern Aleppo', 'launched an offensive to take
        Manbij': what the aim of a launching would take is what the launched event is against (the aim itself
        had not happened, so it is no event of its own)."""
        if self._lemma(launcher) not in self.lex.launch_verbs:
            return
        for aim in launcher.children:
            typed = self._verb_type(aim) if aim.dep_ in ("advcl", "xcomp") else None
            if typed is None or typed[0] not in self.lex.hostile_types or not any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in aim.children):
                continue
            content = Draft(aim, "", aim.idx, draft.type)
            self._verb_arguments(aim, content)
            add_ids(draft.targets, [e for e in content.targets if e not in draft.actors])
            draft.location = draft.location or content.location

    def _keep_unanchored(self, draft: Draft) -> Draft:
        """An event noun standing on its own: kept, but not a host other nouns can join."""
        self.drafts.append(draft)
        return draft

    def _host(self, noun: Token) -> Token | None:
        """The verb a noun trigger hangs on: its light verb, or the verb it is a complement of."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and self._through_collective(head.head).i == noun.i:
            noun, head = head.head, head.head.head  # "carried out a wave of strikes": the wave stands in
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            return head
        if noun.dep_ == "nsubj" and self._lemma(head) in self.lex.occur_verbs:
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.head.i in self.anchors:
            # "struck Rastan two days after the bombing": the bombing is another event, not the strike told again
            return None if head.lower_ in self.lex.sequence_preps else head.head
        return None

    # --------------------------------------------------------- verb filters

    def _gapped(self, verb: Token, draft: Draft) -> list[Draft]:
        """'opened an embassy in A in March, and an embassy in B in April': one event per conjunct."""
        out = []
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.pos_ not in ("NOUN", "PROPN") or self._noun_type(conj):
                continue
            twin = Draft(conj, draft.trigger, conj.idx, draft.type, actors=list(draft.actors))
            add_ids(twin.targets, self._np_entities(conj))
            self._preps(conj, twin, noun=False)
            self.anchors[conj.i] = twin
            out.append(twin)
        self.twins[verb.i] = out
        return out

    def _unreal(self, verb: Token) -> bool:
        """Negated, modal or conditional: reported as not (or not yet) happening."""
        for child in verb.children:
            if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in self.lex.hypothetical_aux):
                return True
            if child.dep_ == "mark" and child.lower_ in self.lex.conditional_marks:
                return True
            # "no aid convoys have entered the town since August", "no one was killed": negated by the subject
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                    c.dep_ == "det" and c.lower_ == "no" for c in child.children):
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
