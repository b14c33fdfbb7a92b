"""The event reader: triggers found in the parse, their arguments, and the dates that reach them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.nlp.events.arguments import ArgumentReader, Draft, add_ids, names_a_group
from newsgraph.nlp.events.vocabulary import SUBJECT_DEPS, Lexicon
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import Parsed

if TYPE_CHECKING:
    from spacy.tokens import Token


class EventReader(ArgumentReader):
    def __init__(self, parsed: Parsed, index: EntityIndex, lex: Lexicon) -> None:
        super().__init__(index, lex)
        self.parsed = parsed
        # every token that names an event, kept or not, so it can absorb its own dates
        self.anchors: dict[int, Draft | None] = {}
        # a verb's gapped conjuncts ("an embassy in A, and one in B"), which take the dates after them
        self.twins: dict[int, list[Draft]] = {}

    def read(self) -> list[Draft]:
        drafts: list[Draft] = []
        by_anchor: dict[int, Draft] = {}
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
                    content = Draft(tok, "", tok.idx, governor.type)
                    self._verb_arguments(tok, content)
                    add_ids(governor.targets, [e for e in content.targets if e not in governor.actors])
                    governor.location = governor.location or content.location
                    self.anchors[tok.i] = governor
                continue
            kind, trigger = typed
            promised = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            if promised is not None and self._lemma(tok) in self.lex.promise_verbs:
                kind = self._undertaking(promised)  # "vowed to retaliate": THREATEN
            if kind == "STATEMENT" and self._lemma(tok) in self.lex.commitment_cues and any(
                    c.dep_ == "ccomp" for c in tok.children):
                continue  # "the White House announced that ...": a claim (claims.py), not an event
            draft = Draft(tok, trigger, tok.idx, kind)
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
                draft = Draft(speaker_verb, speaker_verb.text, speaker_verb.idx, kind)
                subjects, _ = self._subjects(speaker_verb)
                for subj in subjects:
                    add_ids(draft.actors, self._np_entities(subj))
                    draft.named_actor = draft.named_actor or names_a_group(subj)
                self._preps(speaker_verb, draft, noun=False)
                drafts.append(draft)
                by_anchor[speaker_verb.i] = self.anchors[speaker_verb.i] = draft
            elif draft.type != "STATEMENT":
                continue  # "warned", "demanded": the verb already says what it is
            draft.type = kind
            if addressee is not None:
                add_ids(draft.targets, [e for e in self._np_entities(addressee) if e not in draft.actors])
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
                draft = Draft(host, f"{host.text} {tok.text}", host.idx, kind)
                self._verb_arguments(host, draft, object_is_event=True)
                drafts.append(draft)
                by_anchor[host.i] = self.anchors[host.i] = draft
            elif host is not None and self.anchors.get(host.i, 0) is None:
                self.anchors[tok.i] = None  # noun under a negated or hypothetical verb
                continue
            else:
                draft = Draft(tok, tok.text, tok.idx, kind)
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
            return head.head
        return None

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
