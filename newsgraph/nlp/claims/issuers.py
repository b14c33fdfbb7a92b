"""Who issued a document the text named before: "the statement said" after "the interior ministry said in
a statement", "the FSA division issued a statement …", or a run of "the statement said".

Read from the cues already resolved (``SpeakerResolver.cue_sources``): the speaker of the frame the
document sits in or is the source of. A speaker that is no entity is given by its words ("the U.S.
military"); a document whose own issuer was never found gives none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from newsgraph import vocab
from newsgraph.nlp.claims.speakers import Spoken
from newsgraph.nlp.index import EntityIndex
from newsgraph.settings import settings
from newsgraph.vocab.claims import ClaimSources, ReportingVerbs

Referent = str | Spoken | None
AGENTS = ("PER", "ORG", "GPE")  # who may own a document


def within_reach(document: Token, anaphor: Token) -> bool:
    """The document was named at most ``document_reach_sentences`` sentences before "the statement"."""
    lo, hi = document.sent.start, anaphor.sent.start
    between = sum(1 for s in anaphor.doc.sents if lo < s.start <= hi)
    return between <= settings().claims.document_reach_sentences


def issuer(document: Token, index: EntityIndex, cue_of_source: Mapping[int, int],
           cue_sources: Mapping[int, tuple[str | None, str]], spoken: Sequence[Spoken]) -> Referent:
    """Who gave the document named at ``document``: the speaker of the frame it is the source of ("the
    statement said"), of the frame it sits in ("X said in a statement on Tuesday", "X confirmed late on
    Tuesday in a statement"), or the subject that issued it ("the division also issued a statement")."""
    cue = cue_of_source.get(document.i)
    if cue is not None:  # "the statement said" before: its speaker, if it was found
        return cue_sources.get(cue, (None, ""))[0]
    issued = _issuing_subject(document)
    if issued is not None:
        hit = index.entity_at(issued.idx, issued.idx + len(issued.text))
        words = document.doc[issued.left_edge.i:issued.right_edge.i + 1].text
        return hit or _by_words(words, spoken, document)
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    reach = settings().claims.statement_frame_words
    if document.dep_ != "pobj" or document.head.lower_ not in verbs.statement_prepositions:
        return None
    before = [c for c in cue_sources if c < document.head.i and document.head.i - c <= reach
              and document.doc[c].sent == document.sent]
    if not before:
        return None
    entity, words = cue_sources[max(before)]
    return entity or _by_words(words, spoken, document)


def _issuing_subject(document: Token) -> Token | None:
    """"The FSA's seventh division also issued a statement": the subject of an issuing verb."""
    sources: ClaimSources = vocab.load("claims_sources")
    verb = document.head
    if document.dep_ != "dobj" or verb.lemma_.lower() not in sources.issuing_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _by_words(words: str, spoken: Sequence[Spoken], document: Token) -> Spoken:
    return next((r for r in reversed(spoken) if r.entity is None and r.text == words),
                Spoken(document.idx, None, words, "", ""))


def owner_in_phrase(index: EntityIndex, noun: Token) -> str | None:
    """The agent of "a study published by X", or the owner in "X's study", "the X study", "a study by X"."""
    sources: ClaimSources = vocab.load("claims_sources")
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in sources.carrier_verbs:
            continue  # "the statement carried by state news agency SANA": SANA relays it (links.py), owns nothing
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "a study published on Tuesday by X"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            for tok in (c for c in (agent.children if agent is not None else ()) if c.dep_ == "pobj"):
                hit = index.entity_at(tok.idx, tok.idx + len(tok.text))
                if hit and index[hit].type in AGENTS:
                    return hit
        if child.dep_ in ("poss", "compound", "nmod", "nsubj") or (
                child.dep_ == "prep" and child.lower_ in sources.owner_prepositions):
            targets = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
            for tok in targets:
                hit = index.entity_at(tok.idx, tok.idx + len(tok.text))
                if hit and index[hit].type in AGENTS:
                    return hit
    return None


def statement_of_last_body(index: EntityIndex, history: Sequence[tuple[int, str]], head: Token) -> str | None:
    """"The ministry said … The statement added …": no statement was named, so it is the statement of the
    organisation quoted last (``history``: offset and entity of the speakers so far), unless another body has
    since become a sentence's subject ("The Observatory said … The Turkish army shelled … The statement
    said" names no one's statement)."""
    last = next(((at, eid) for at, eid in reversed(history) if index[eid].type == "ORG"), None)
    if last is None:
        return None
    at, eid = last
    bodies = vocab.load("claims_sources").body_nouns
    for sent in head.doc.sents:
        if sent.start_char <= at or sent.start_char > head.idx:
            continue
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i >= head.i:
            continue
        other = index.entity_at(subject.idx, subject.idx + len(subject.text))
        if other != eid and (subject.lemma_.lower() in bodies or (
                other is not None and index[other].type in ("ORG", "GPE"))):
            return None
    return eid
