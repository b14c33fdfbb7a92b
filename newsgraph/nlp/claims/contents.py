"""What a reporting verb's frame says: one function per shape the content can take.

``verb_content`` tries the shapes in order; the first that applies decides, even when
what it finds is empty (a clausal complement that lies outside the statement unit is
not replaced by the quote beside the verb). A shape returns ``None`` when it does not
apply and ``Found(content)`` when it does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph import vocab
from newsgraph.nlp.claims.runons import end_frame, has_clause, speaker_word
from newsgraph.nlp.claims.spans import Offsets, clip_subtrees, quote_ends_sentence, trim_span
from newsgraph.nlp.doc_text import doc_text
from newsgraph.settings import settings
from newsgraph.vocab.claims import ClaimSources, ReportingVerbs

FRAME_COMMAS = (",", "—", "–")          # "…, X said." / "… — X said."
FRAME_ADVERBIALS = ("advmod", "prep", "cc", "npadvmod")  # "In addition, …", "However …": the frame's, not said


@dataclass(frozen=True)
class VerbFrame:
    """A reporting verb with its source, in its statement unit ``[start, end)`` of tokens; ``source``: the
    first and last token of a source phrase found from the words rather than the parse (``runons``)."""

    cue: Token
    subject: Token
    start: int
    end: int
    quotes: list[Offsets]
    source: tuple[int, int] | None = None

    @property
    def doc(self) -> Doc:
        return self.cue.doc

    def clip(self, heads: list[Token], *, keep_subject: bool = False) -> Offsets | None:
        """The heads' subtrees inside the unit, cut off the source (unless ``keep_subject``); before a source
        read from the words, all of the unit before it (the parser may have put the source inside what was said,
        or what was said in the source: "… in southern Aleppo city the Britain-based Syrian Observatory for
        Human Rights monitor said", "… nine people in Maarat al-Numan on Sunday the Observatory said")."""
        if self.source is not None and not keep_subject and all(h.i < self.source[0] for h in heads):
            return trim_span(self.doc, self.start, self.source[0] - 1)
        return clip_subtrees(heads, self.start, self.end, self.doc, exclude=None if keep_subject else self.subject)

    def inside(self, tok: Token) -> bool:
        return self.start <= tok.i < self.end


@dataclass(frozen=True)
class Found:
    """A content shape applies; ``content`` is what it covers (None: nothing usable)."""

    content: Offsets | None


Shape = Callable[[VerbFrame], Found | None]


def verb_content(frame: VerbFrame) -> Offsets | None:
    """What the frame reports, from the first content shape that applies."""
    for shape in CONTENT_SHAPES:
        found = shape(frame)
        if found is not None:
            return found.content
    return None


def clausal_complement(frame: VerbFrame) -> Found | None:
    """"X said that …", "… the economy grew, X said": the verb's clausal complement (or parataxis before it)."""
    cue, doc = frame.cue, frame.doc
    # a clause before a semicolon is a sentence of its own ("X did not respond; Tehran denied arming …"),
    # unless the frame after it closes the sentence ("… near the city of Raqqa; Sputnik reported.")
    closing = _closes_unit(frame)
    comps = [c for c in cue.children if c.dep_ in ("ccomp", "parataxis") and frame.inside(c)
             and not (c.dep_ == "parataxis" and c.i > cue.i)
             and not (c.i < cue.i and not closing and any(t.text == ";" for t in doc[c.right_edge.i:cue.i]))
             and not _time_clause(c)]  # "… activists said as violence continued": when, not what
    comps = [c for c in comps if c.dep_ == "ccomp"] or comps
    return Found(frame.clip(comps)) if comps else None


def _closes_unit(frame: VerbFrame) -> bool:
    """The frame is the end of its sentence: a closing verb with only punctuation after it."""
    cue, doc = frame.cue, frame.doc
    return cue.lemma_.lower() in _reporting().closing_verbs and all(
        t.is_punct or t.is_space for t in doc[cue.i + 1:frame.end])


def _time_clause(clause: Token) -> bool:
    subordinators = vocab.load("claims_sources").time_subordinators
    return any(m.dep_ == "mark" and m.lower_ in subordinators for m in clause.children)


def statement_clause(frame: VerbFrame) -> Found | None:
    """"said in a statement that …": the parser hangs the that-clause on the noun of the phrase."""
    prepositions = _reporting().statement_prepositions
    for prep in (c for c in frame.cue.children if c.dep_ == "prep" and c.i > frame.cue.i and c.lower_ in prepositions):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            for clause in noun.children:
                if (clause.dep_ in ("acl", "relcl", "ccomp") and frame.inside(clause)
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                        and any(g.dep_ in ("nsubj", "nsubjpass") for g in clause.children)):
                    return Found(frame.clip([clause]))
    return None


def adverbial_clause(frame: VerbFrame) -> Found | None:
    """"Trump said after the convention he would …": a finite clause the parser hung as an adverbial."""
    cue = frame.cue
    clauses = [c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and frame.inside(c)
               and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
               and not any(g.dep_ == "mark" and g.lower_ != "that" for g in c.children)]
    return Found(frame.clip(clauses)) if clauses else None


def as_frame(frame: VerbFrame) -> Found | None:
    """"…, as police have said": the main clause around the frame is what was said (the frame has no
    complement of its own; "as warships continue to patrol" is no frame)."""
    cue, subject, doc = frame.cue, frame.subject, frame.doc
    if not (cue.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "as" for g in cue.children)
            and not any(g.dep_ in ("xcomp", "ccomp", "dobj") for g in cue.children)
            and subject.head.i == cue.i and subject.dep_ == "nsubj" and frame.inside(cue.head)):
        return None
    if _no_speaker_noun(subject):
        return None  # "… bombed Kurdish positions on Friday as fighting between the two sides continued"
    mark = next(g for g in cue.children if g.dep_ == "mark" and g.lower_ == "as")
    if frame.source is not None and has_clause(doc, mark.i + 1, frame.source[0]):
        return None  # "… came as a car bomb wounded 37 people in Homs state television reported": "as" is said
    lo, hi = cue.left_edge.i, cue.right_edge.i
    before_is_longer = lo - frame.start > frame.end - 1 - hi
    return Found(trim_span(doc, frame.start, lo - 1) if before_is_longer else trim_span(doc, hi + 1, frame.end - 1))


def _no_speaker_noun(subject: Token) -> bool:
    """A gerund that names an activity, no one who speaks and no text ("fighting", "shelling"; a plain noun
    may name people the vocabulary lacks: "as some of her supporters privately noted")."""
    return subject.tag_ == "VBG" and not speaker_word(subject)


def phrase_content(frame: VerbFrame) -> Found | None:
    """"revealed the plan", "vowed to …", "described the strikes as …", "called for …", "pointed to …": the
    object, infinitive or prepositional phrase that the verb's vocabulary entry says is what was said."""
    verbs = _reporting()
    cue, lemma = frame.cue, frame.cue.lemma_.lower()
    if not verbs.takes_phrase_content(lemma):
        return None
    # the infinitive is what was said even when an object is not ("expects to …")
    in_object = lemma in verbs.object_content and (lemma not in verbs.finding or reports_findings(frame.subject))
    heads = [c for c in cue.children if c.dep_ in ("dobj", "attr", "oprd") and c.i > cue.i and in_object]
    prepositions = verbs.object_prepositions.get(lemma, ())
    heads += [c for c in cue.children if c.dep_ == "prep" and c.lower_ in prepositions]
    if lemma in verbs.infinitive_content:
        heads += [c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i]
    return Found(frame.clip(heads)) if heads else None


def parenthetical(frame: VerbFrame) -> Found | None:
    """"The museum, Mr. Bush said, celebrated …": the sentence around a parenthetical frame (not a clause
    after a semicolon: "…; Tehran has denied arming the group" is a sentence of its own)."""
    cue, doc = frame.cue, frame.doc
    frame_start = min(frame.subject.left_edge.i, cue.i)
    if (cue.dep_ == "parataxis" and cue.head.i != cue.i and frame.inside(cue.head)
            and not any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.i > cue.i for c in cue.children)
            and not (frame_start > frame.start and doc[frame_start - 1].text == ";")):
        return Found(frame.clip([cue.head], keep_subject=True))
    return None


def quote_beside(frame: VerbFrame) -> Found | None:
    """A direct quote in the unit or right before it ("“…?” she said."), a few words at most from the frame;
    never across a paragraph break (a new paragraph is a new statement)."""
    cue, subject, doc = frame.cue, frame.subject, frame.doc
    text = doc_text(doc)
    unit_start, unit_end = doc[frame.start].idx, doc[frame.end - 1].idx + len(doc[frame.end - 1].text)
    frame_lo = min(subject.left_edge.idx, cue.idx)
    frame_hi = max(subject.right_edge.idx + len(subject.right_edge.text), cue.idx + len(cue.text))
    for q in frame.quotes:
        touching = q[0] < unit_end and q[1] > unit_start
        just_before = (q[1] <= unit_start and not text[q[1]:unit_start].strip()
                       and "\n" not in text[q[1]:unit_start] and not quote_ends_sentence(q, text))
        if (touching or just_before) and not q[0] <= cue.idx < q[1]:
            between = text[q[1]:frame_lo] if q[1] <= frame_lo else text[frame_hi:q[0]]
            if len(re.findall(r"\w+", between)) <= settings().claims.words_beside_quote:
                return Found(q)
    return None


def before_frame_comma(frame: VerbFrame) -> Found | None:
    """"…, X said." with the parser hiding the link: the stretch before the frame's comma, without the
    frame's own sentence adverbials ("In addition, …", "However …")."""
    cue, subject, doc = frame.cue, frame.subject, frame.doc
    left = subject.left_edge.i if subject.i < cue.i else cue.i
    if not (left - 1 > frame.start + 2 and doc[left - 1].text in FRAME_COMMAS):
        return None
    start = frame.start
    while start < left - 1 and doc[start].head.i == cue.i and doc[start].dep_ in FRAME_ADVERBIALS:
        start = doc[start].right_edge.i + 1
        while start < left - 1 and (doc[start].is_punct or doc[start].is_space):
            start += 1
    return Found(trim_span(doc, start, left - 1))


def before_closing_frame(frame: VerbFrame) -> Found | None:
    """"… killed five militiamen the Observatory said": scraped text without the frame's comma, the frame
    closing the sentence (``runons.end_frame``)."""
    subject, doc = frame.subject, frame.doc
    if frame.source is not None:
        lo, hi = frame.source
    else:
        lo, hi = subject.left_edge.i, subject.right_edge.i
        # not a date the parser hung on the source: "… on Saturday state television reported"
        while lo < subject.i and (doc[lo].is_punct or doc[lo].is_space or doc[lo].ent_type_ in ("DATE", "TIME")):
            lo += 1
    found = end_frame(frame.cue, lo, hi, frame.start, frame.end)
    return Found(trim_span(doc, *found)) if found is not None else None


CONTENT_SHAPES: tuple[Shape, ...] = (clausal_complement, statement_clause, adverbial_clause, as_frame,
                                     phrase_content, parenthetical, quote_beside, before_frame_comma,
                                     before_closing_frame)


def reports_findings(subject: Token) -> bool:
    """A study, report or named body: "the study found higher rates", not "they found a way"."""
    sources: ClaimSources = vocab.load("claims_sources")
    documents = sources.document_nouns
    return (subject.lemma_.lower() in documents or subject.lower_ in documents or subject.pos_ == "PROPN"
            or subject.ent_type_ in ("ORG", "GPE", "NORP"))


def _reporting() -> ReportingVerbs:
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    return verbs
