"""Denials reported after the charge they deny, in a relative or reduced clause.

News style states an accusation and hangs its denial on it: "Damascus has accused rebels of shelling the
safe corridors, which rebels have denied", "… it cooperates with Damascus, an accusation the YPG has
denied", "… killing over 1000 civilians with poison gas - an accusation dismissed by the government". The
denying verb then has no clause of its own (its object is "which", or the charge noun it modifies), so
no content shape of ``contents`` fits; what it denies is the clause before the relative pronoun or the
charge noun, and its speaker is the relative clause's subject or the passive's agent.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph import vocab
from newsgraph.nlp.claims.runons import has_clause
from newsgraph.nlp.claims.spans import CueMatch, Unit, trim_span
from newsgraph.vocab.claims import ReportingVerbs

RELATIVE_PRONOUNS = ("which", "that")


def relative_denial(cue: Token, unit: Unit, doc: Doc) -> CueMatch | None:
    """"…, which rebels have denied", "…, an accusation the YPG has denied", "… - a charge dismissed by the
    government": the subject (or agent) of the denying verb denies the clause the charge follows."""
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    lemma = cue.lemma_.lower()
    if verbs.stance.get(lemma) != "denied" or cue.dep_ not in ("relcl", "acl"):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
        return None  # "the government, which denied its forces were behind it": a clause of its own
    us = unit[0]
    found = _relative_frame(cue, verbs) if cue.dep_ == "relcl" else _passive_frame(cue, verbs)
    if found is None:
        return None
    speaker, charge_start = found
    if charge_start <= us or not has_clause(doc, us, charge_start):
        return None
    content = trim_span(doc, us, charge_start - 1)
    if content is None:
        return None
    return CueMatch(cue=cue, subject=speaker, content=content, kind="verb")


def _relative_frame(cue: Token, verbs: ReportingVerbs) -> tuple[Token, int] | None:
    """The relative clause's subject and where the denied charge ends: before "which", or before the charge
    noun the clause modifies ("an accusation the YPG has denied")."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subject is None or subject.tag_ in ("WDT", "WP"):
        return None  # "the regime, which denied any responsibility": the antecedent is the speaker
    pronoun = next((c for c in cue.children if c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS
                    and c.tag_ in ("WDT", "WP")), None)
    if pronoun is not None:
        return subject, pronoun.i
    head = cue.head
    if any(c.dep_ == "dobj" for c in cue.children) or head.lemma_.lower() not in verbs.claim_nouns:
        return None
    return subject, head.left_edge.i


def _passive_frame(cue: Token, verbs: ReportingVerbs) -> tuple[Token, int] | None:
    """"… - an accusation dismissed by the government": the agent denies the charge before the noun."""
    head = cue.head
    if cue.tag_ != "VBN" or head.lemma_.lower() not in verbs.claim_nouns or head.i > cue.i:
        return None
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if source is None:
        return None
    return source, head.left_edge.i
