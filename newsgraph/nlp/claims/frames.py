"""From a raw cue match to an ``Attribution``: source and cue extents, content grown to its quotes, stance."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsgraph import vocab
from newsgraph.nlp.claims.attitudes import attitude_stance
from newsgraph.nlp.claims.coref import SpeakerResolver
from newsgraph.nlp.claims.cues import citing_frame
from newsgraph.nlp.claims.denials import negated_denial, rejects_a_request
from newsgraph.nlp.claims.phrases import relative_word
from newsgraph.nlp.claims.spans import (
    NP_POS,
    Attribution,
    CueMatch,
    Offsets,
    Units,
    evidence_span,
    quote_ends_sentence,
)
from newsgraph.nlp.claims.speakers import names_outlet
from newsgraph.nlp.claims.subjects import subject_host
from newsgraph.settings import settings
from newsgraph.vocab.claims import Hedges, ReportingVerbs


def attribution_from_match(match: CueMatch, doc: Doc, text: str, quotes: list[Offsets], units: Units,
                           unit_of: dict[int, int], resolver: SpeakerResolver,
                           cue_starts: frozenset[int] = frozenset()) -> Attribution:
    """The attribution a cue match makes: cue and source extents, the speaker, the content grown to its
    quotes, the evidence units and the stance."""
    cue = match.cue
    cue_span, cue_text = _cue_of(match, text)
    full, core = _source_phrase(match, units[unit_of[cue.i]][0])
    subject = match.subject
    if relative_word(subject) and cue.dep_ == "relcl":  # "X, who said …": the source is "who", the speaker X
        subject = cue.head
        core = doc[subject.left_edge.i:subject.i + 1]
    host = subject_host(cue) if match.inherited else None
    if host is not None and host.i in resolver.cue_sources:  # "… Steifo said adding that …": said's speaker
        speaker, speaker_text = resolver.cue_sources[host.i]
    else:
        speaker, speaker_text = _speaker(core, subject, resolver, text)
    via: tuple[str, ...] = ()
    cited = _cited(cue) if match.kind == "verb" else None
    outlet = (names_outlet(resolver.index, speaker, speaker_text) if speaker is not None
              else subject.lower_ in vocab.load("relays").outlet_words)  # "state television reported, citing"
    if cited is not None and outlet:
        # "Sham FM radio reported, citing a senior official": the official speaks, the outlet relays
        via, subject, core = (speaker,) if speaker else (), cited, doc[cited.left_edge.i:cited.i + 1]
        full = (cited.left_edge.idx, cited.right_edge.idx + len(cited.right_edge.text))
        speaker, speaker_text = _speaker(core, subject, resolver, text)
        if match.content[0] <= cited.head.idx < match.content[1]:  # "…, citing a military source, that …"
            after = cited.right_edge.i + 1
            while after < len(doc) and (doc[after].is_punct or doc[after].is_space):
                after += 1
            if after < len(doc) and doc[after].idx < match.content[1]:
                match = replace(match, content=(doc[after].idx, match.content[1]))
    if speaker:
        resolver.remember(subject.idx, speaker, cue)
    resolver.cue_sources[cue.i] = (speaker, speaker_text)
    resolver.cue_of_source[subject.i] = cue.i
    # a transcript line's words start after its label, even inside the quote marks
    content = match.content if match.kind == "colon" else _with_quotes(match.content, quotes, text, [cue_span, full],
                                                                        cue_starts - {cue.idx})
    pieces = [cue_span, content, full]
    evidence = evidence_span(doc, min(p[0] for p in pieces), max(p[1] for p in pieces), units, unit_of)
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    lemma = cue.lemma_.lower()
    named_denial = match.kind == "noun" and lemma in verbs.denial_nouns
    return Attribution(
        source=full, cue=cue_span, content=content, evidence=evidence, cue_text=cue_text,
        stance=_match_stance(match, content), speaker=speaker, speaker_text=speaker_text, cue_token=cue.i,
        disputes=(match.kind == "verb" and lemma in verbs.disputing) or named_denial, via=via,
        named_denial=named_denial)


def _speaker(core: Span, subject: Token, resolver: SpeakerResolver, text: str) -> tuple[str | None, str]:
    """The speaker entity and the speaker's words; a pronoun or descriptor referring back to a speaker that
    is no entity takes that speaker's words ("He said" after "an official at the governor's office said")."""
    speaker, antecedent = resolver.resolve_speaker(core, subject)
    words = text[core.start_char:core.end_char] if len(core) else subject.text
    if antecedent is not None and (subject.pos_ == "PRON" or len(core) <= 2):  # "he", "the official"
        words = antecedent.text
    if not speaker:
        resolver.remember_phrase(subject, words, antecedent)
    return speaker, words


def _cited(cue: Token) -> Token | None:
    """Who a frame cites: "reported citing a senior regime official", "said, quoting a military source"."""
    quoting = vocab.load("reporting_verbs").quoting_verbs
    near = list(cue.children) + [g for c in cue.children if c.dep_ == "ccomp" for g in c.children]
    for child in near:
        if child.tag_ == "VBG" and child.lemma_.lower() in quoting and child.i > cue.i and citing_frame(child) == cue:
            return next((c for c in child.children if c.dep_ == "dobj"), None)
    return None


def _cue_of(match: CueMatch, text: str) -> tuple[Offsets, str]:
    """The cue's extent and words: a verb with its modifiers in place ("has repeatedly said") and its
    particles ("pointed out"), a phrase cue whole ("according to")."""
    cue = match.cue
    if match.kind in ("verb", "noun"):
        span = _cue_extent(cue, match.content) if match.kind == "verb" else (cue.idx, cue.idx + len(cue.text))
        particles = [c for c in cue.rights if c.dep_ == "prt"]
        return span, cue.text + "".join(" " + c.text for c in particles)
    if match.kind == "according" and match.cue_end is not None:
        end = match.cue_end
        span = (cue.idx, end.idx + len(end.text))
        return span, text[span[0]:span[1]]
    return (cue.idx, cue.idx + len(cue.text)), cue.text


def _source_phrase(match: CueMatch, unit_start: int) -> tuple[Offsets, Span]:
    """The whole source phrase (PolNeAR style: appositions and relative clauses kept) and its core, the
    words the speaker is resolved from."""
    cue, subject = match.cue, match.subject
    doc = cue.doc
    if match.source_span is not None:  # a signed name, or a source read from the words (``runons``)
        name = match.source_span
        return (name.start_char, name.end_char), name
    left_phrase = (match.kind == "verb" and subject.dep_ != "nsubj" and not match.inherited and subject.i < cue.i
                   and subject.head != subject and cue.dep_ != "acl")
    if left_phrase:  # a subject the parser missed: the noun phrase just left of the cue
        lo = subject.i
        times = vocab.load("claims_sources").time_nouns  # "In the meantime other sources said"
        while (lo - 1 >= unit_start and doc[lo - 1].pos_ in NP_POS and doc[lo - 1].text != ","
               and doc[lo - 1].lower_ not in times):
            lo -= 1
        return (doc[lo].idx, subject.idx + len(subject.text)), doc[lo:subject.i + 1]
    if match.kind == "colon":  # a transcript label: the words before the colon
        lo = unit_start
        while lo < cue.i - 1 and (doc[lo].is_quote or doc[lo].is_space):
            lo += 1
        return (doc[lo].idx, subject.idx + len(subject.text)), doc[lo:subject.i + 1]
    return _subject_phrase(match)


def _subject_phrase(match: CueMatch) -> tuple[Offsets, Span]:
    """The subject's subtree, without a trailing comma or possessive marker (kept for "Trump's claim that …")."""
    cue, subject = match.cue, match.subject
    doc = cue.doc
    left = subject.left_edge.i
    while left >= 2 and doc[left - 1].text == "-" and not doc[left - 2].whitespace_ and not doc[left - 1].whitespace_:
        left = doc[left - 2].left_edge.i  # "His ex-wife", "Vice-president …": the word split at its hyphen
    left = _past_clause_words(doc, left, subject.i)
    if cue.dep_ == "acl" and subject.i == cue.head.i:
        lo, hi = left, subject.i
    else:
        lo, hi = left, subject.right_edge.i
    lo = _source_left_edge(subject, lo)
    keep_case = match.kind == "noun"
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space or (doc[hi].dep_ == "case" and not keep_case)):
        hi -= 1
    start = left
    while start < subject.i and doc[start].is_punct:
        start += 1
    return (doc[lo].idx, doc[hi].idx + len(doc[hi].text)), doc[start:subject.i + 1]


def _match_stance(match: CueMatch, content: Offsets) -> str:
    """A verb's stance from its lemma, negation and hedges; a claim noun's from its lemma; others assert."""
    if match.kind == "verb":
        return _stance(match.cue, content)
    if match.kind == "noun":
        verbs: ReportingVerbs = vocab.load("reporting_verbs")
        lemma = match.cue.lemma_.lower()
        return "denied" if lemma in verbs.denial_nouns else verbs.stance.get(lemma, "asserted")
    return "asserted"


def _past_clause_words(doc: Doc, lo: int, head: int) -> int:
    """Past the words of the clause before that the parser hung on a source named without its comma: a time
    ("… shortly after midnight AFPs correspondent said", "In the meantime other sources said", "meanwhile
    activists said"), an adverb before a determiner ("Earlier the reporter noted") or opening the sentence
    ("Earlier state television had reported"), or the count a verb before it takes, its comma stripped ("…
    killed 12 people and wounded 50 state media reported"; "by 33 factions" keeps its count)."""
    sources = vocab.load("claims_sources")
    times = sources.time_nouns
    while lo < head and (doc[lo].ent_type_ in ("DATE", "TIME") or doc[lo].lower_ in times
                         or (doc[lo].pos_ == "DET" and doc[lo + 1].lower_ in times)
                         or (doc[lo].pos_ == "ADV" and doc[lo + 1].pos_ == "DET")
                         or (doc[lo].lower_ in sources.sentence_adverbs and doc[lo].is_sent_start)
                         or _count_of_verb_before(doc, lo)):
        lo += 1
    return lo


def _count_of_verb_before(doc: Doc, at: int) -> bool:
    """A number right after a verb of the clause before ("wounded 50 state media reported" is 50 wounded), and
    the plural it counts before a name ("killed 13 people MSF said")."""
    if at > 1 and doc[at - 1].like_num and doc[at].tag_ == "NNS" and doc[at + 1].pos_ == "PROPN":
        return _count_of_verb_before(doc, at - 1)
    return (doc[at].like_num and at > 0 and doc[at - 1].pos_ == "VERB" and doc[at - 1].whitespace_ != ""
            and doc[at + 1].pos_ in ("NOUN", "PROPN", "ADJ"))


def _source_left_edge(head: Token, lo: int) -> int:
    """Where the source phrase starts: not at a focus word or a time stamp before it ("Even China",
    "Both X and Y", "11:05 a.m. Donald Trump")."""
    doc = head.doc
    for child in head.lefts:
        if child.dep_ in ("advmod", "preconj", "npadvmod") and child.i == lo:
            lo = child.right_edge.i + 1
    while lo < head.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return lo


def _cue_extent(cue: Token, content: Offsets) -> Offsets:
    """The cue with the words that modify it in place: "has repeatedly said", "said Monday", "called for"."""
    doc = cue.doc
    lo = cue.i
    while lo - 1 >= 0 and doc[lo - 1].head.i == cue.i and doc[lo - 1].dep_ in ("aux", "auxpass", "neg", "advmod"):
        lo -= 1
    hi = cue.i
    while hi + 1 < len(doc) and doc[hi + 1].idx < content[0]:
        nxt = doc[hi + 1]
        if nxt.head.i == cue.i and nxt.dep_ in ("prt", "advmod", "npadvmod"):
            hi = nxt.right_edge.i
        elif nxt.head.i == cue.i and nxt.dep_ == "prep" and nxt.right_edge.idx < content[0]:
            hi = nxt.right_edge.i  # "said in an interview with CNN"
        elif nxt.head.i == cue.i and nxt.dep_ == "prep" and doc[nxt.i + 1].idx >= content[0]:
            hi = nxt.i  # "called for [content]"
        else:
            break
    hi_tok = doc[hi]
    return doc[lo].idx, hi_tok.idx + len(hi_tok.text)


def _with_quotes(content: Offsets, quotes: list[Offsets], text: str, frame: list[Offsets],
                 other_cues: frozenset[int] = frozenset()) -> Offsets:
    """Grow the content to the quotes it overlaps, and to quotes that only the frame separates from it
    ("“We will win,” she said. “And soon.”" is one statement); never across another cue ("…,” he said,
    adding that “…”" is two statements)."""
    framed: set[int] = set()
    for s, e in frame:
        framed.update(range(s, e))
    changed = True
    while changed:
        changed = False
        for q in quotes:
            overlaps = q[0] < content[1] and q[1] > content[0]
            if overlaps or _joined_across_frame(q, content, text, framed, other_cues):
                grown = (min(content[0], q[0]), max(content[1], q[1]))
                if grown != content:
                    content, changed = grown, True
    return content


def _joined_across_frame(quote: Offsets, content: Offsets, text: str, framed: set[int],
                         other_cues: frozenset[int]) -> bool:
    """A quote apart from the content belongs to it when only this frame (and a few words of it: "told Al
    Jazeera on Monday") lies between them, in one paragraph, with no other cue and no other frame."""
    limits = settings().claims
    after = quote[0] >= content[1]
    lo, hi = (content[1], quote[0]) if after else (quote[1], content[0])
    if hi - lo > limits.join_gap_chars or "\n" in text[lo:hi] or any(lo <= c < hi for c in other_cues):
        return False
    if after and _has_own_frame(quote, text, other_cues):
        return False  # "…, officials said. “…,” Jane Doe told X.": the next quote is Jane Doe's
    if not after and quote_ends_sentence(quote, text):
        return False  # "“A,” X said. “B.” Y said …": B continues X, it is not Y's
    gap = "".join(ch for i, ch in enumerate(text[lo:hi], lo) if i not in framed)
    return len(re.findall(r"\w+", gap)) <= limits.join_gap_words and bool(framed & set(range(lo, hi)))


def _has_own_frame(quote: Offsets, text: str, other_cues: frozenset[int]) -> bool:
    """Another cue follows the quote in its own sentence ("“…,” Jane Doe, an engineer, told X."); a quote
    closing its sentence ("“… before.” The governor said …") leaves the next sentence to itself."""
    if quote_ends_sentence(quote, text):
        return False
    end = re.search(r"[.!?](?=\s)|\n", text[quote[1]:])
    stop = quote[1] + (end.start() if end else len(text) - quote[1])
    return any(quote[1] <= c < stop for c in other_cues)


def _stance(cue: Token, content: Offsets) -> str:
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    hedges: Hedges = vocab.load("hedges")
    stance = verbs.stance.get(cue.lemma_.lower()) or attitude_stance(cue) or "asserted"
    negated = any(c.dep_ == "neg" for c in cue.children)
    if negated and stance == "confirmed":
        return "hedged"
    if stance == "denied" and (negated or rejects_a_request(cue)):
        return "asserted"  # "did not deny", "rejected the demand they withdraw"
    if stance != "asserted":
        return stance
    if any(c.lower_ in hedges.frame_words for c in cue.children if c.dep_ == "advmod"):
        return "hedged"
    return content_stance(cue.doc, content, stance)


def content_stance(doc: Doc, content: Offsets, stance: str = "asserted") -> str:
    """The stance the words of an asserted content give it: hedges ("possibly", "may", "I cannot confirm
    them") make it hedged, a negated clause that rejects a charge ("had never supplied weapons") a denial."""
    hedges: Hedges = vocab.load("hedges")
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return stance
    for tok in span:
        if tok.lower_ in hedges.adverbs:
            return "hedged"
        if tok.lower_ in hedges.modals and tok.dep_ == "aux" and not (content[0] <= tok.head.head.idx < content[1]
                                                                     and tok.head.head.i != tok.head.i):
            return "hedged"
        if tok.lemma_.lower() in hedges.unverified_verbs and any(c.dep_ == "neg" for c in tok.children):
            return "hedged"
    return "denied" if negated_denial(span) else stance
