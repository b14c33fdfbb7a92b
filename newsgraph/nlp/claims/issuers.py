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
