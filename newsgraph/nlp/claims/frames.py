"""From a raw cue match to an ``Attribution``: source and cue extents, content grown to its quotes, stance."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.nlp.claims.attitudes import attitude_stance
from newsgraph.nlp.claims.coref import SpeakerResolver
from newsgraph.nlp.claims.spans import NP_POS, Attribution, Offsets, Units, evidence_span, quote_ends_sentence
from newsgraph.nlp.index import EntityIndex


def attribution_from_match(r: dict[str, Any], doc: Doc, text: str, quotes: list[Offsets], units: Units,
            unit_of: dict[int, int], index: EntityIndex, resolver: SpeakerResolver,
            lex: dict[str, Any], cue_starts: frozenset[int] = frozenset()) -> Attribution:
    cue: Token = r["cue"]
    subject: Token = r["subject"]
    if r["kind"] in ("verb", "noun"):
        cue_span = _cue_extent(cue, r["content"]) if r["kind"] == "verb" else (cue.idx, cue.idx + len(cue.text))
        particles = [c for c in cue.rights if c.dep_ == "prt"]
        cue_text = cue.text + "".join(" " + c.text for c in particles)
    elif r["kind"] == "according":
        end = r["cue_end"]
        cue_span = (cue.idx, end.idx + len(end.text))
        cue_text = text[cue_span[0]:cue_span[1]]
    else:
        cue_span, cue_text = (cue.idx, cue.idx + len(cue.text)), cue.text
    # the whole source phrase (PolNeAR style) and its core (for the entity)
    left_phrase = (r["kind"] == "verb" and subject.dep_ != "nsubj" and not r["inherited"] and subject.i < cue.i
                   and subject.head != subject and cue.dep_ != "acl")
    if r["kind"] == "dash":
        name = r["source_span"]
        full, core = (name.start_char, name.end_char), name
    elif left_phrase:  # a subject the parser missed: the noun phrase just left of the cue
        lo = subject.i
        unit_start = units[unit_of[cue.i]][0]
        while lo - 1 >= unit_start and doc[lo - 1].pos_ in NP_POS and doc[lo - 1].text != ",":
            lo -= 1
        full = (doc[lo].idx, subject.idx + len(subject.text))
        core = doc[lo:subject.i + 1]
    elif r["kind"] == "colon":  # a transcript label: the words before the colon
        lo = units[unit_of[cue.i]][0]
        while lo < cue.i - 1 and (doc[lo].is_quote or doc[lo].is_space):
            lo += 1
        full, core = (doc[lo].idx, subject.idx + len(subject.text)), doc[lo:subject.i + 1]
    else:
        if cue.dep_ == "acl" and subject.i == cue.head.i:
            lo, hi = subject.left_edge.i, subject.i
        else:
            lo, hi = subject.left_edge.i, subject.right_edge.i
        lo = _source_left_edge(subject, lo)
        # "Trump's claim that …": the possessive marker belongs to the source phrase
        keep_case = r["kind"] == "noun"
        while hi > lo and (doc[hi].is_punct or doc[hi].is_space or (doc[hi].dep_ == "case" and not keep_case)):
            hi -= 1
        full = (doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        start = subject.left_edge.i
        while start < subject.i and doc[start].is_punct:
            start += 1
        core = doc[start:subject.i + 1]
    if subject.tag_ in ("WP", "WDT") and cue.dep_ == "relcl":  # "X, who said …": the source is "who", the speaker X
        referent = cue.head
        core = doc[referent.left_edge.i:referent.i + 1]
        subject = referent
    speaker = resolver.resolve(core, subject)
    speaker_text = text[core.start_char:core.end_char] if len(core) else subject.text
    if speaker:
        resolver.remember(subject.idx, speaker, cue)
    # a transcript line's words start after its label, even inside the quote marks
    content = r["content"] if r["kind"] == "colon" else _with_quotes(r["content"], quotes, text, [cue_span, full],
                                                                     cue_starts - {cue.idx})
    pieces = [cue_span, content] + ([full] if full else [])
    evidence = evidence_span(doc, min(p[0] for p in pieces), max(p[1] for p in pieces), units, unit_of)
    lemma = cue.lemma_.lower()
    stance = {"verb": lambda: _stance(cue, lemma, content, doc, lex),
              "noun": lambda: lex["stance"].get(lemma, "asserted")}.get(r["kind"], lambda: "asserted")()
    return Attribution(
        source=full, cue=cue_span, content=content, evidence=evidence, cue_text=cue_text, stance=stance,
        speaker=speaker, speaker_text=speaker_text, cue_token=cue.i,
        disputes=r["kind"] == "verb" and lemma in lex["disputing"])


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
    framed = set()
    for s, e in frame:
        framed.update(range(s, e))
    changed = True
    while changed:
        changed = False
        for q in quotes:
            if q[0] < content[1] and q[1] > content[0]:
                grown = (min(content[0], q[0]), max(content[1], q[1]))
            elif q[0] >= content[1] or q[1] <= content[0]:
                lo, hi = (content[1], q[0]) if q[0] >= content[1] else (q[1], content[0])
                if hi - lo > 300 or "\n" in text[lo:hi] or any(lo <= c < hi for c in other_cues):
                    continue
                if q[0] >= content[1] and _has_own_frame(q, text, other_cues):
                    continue  # "…, officials said. “…,” Jane Doe told X.": the next quote is Jane Doe's
                if q[1] <= content[0] and quote_ends_sentence(q, text):
                    continue  # "“A,” X said. “B.” Y said …": B continues X, it is not Y's
                gap = "".join(ch for i, ch in enumerate(text[lo:hi], lo) if i not in framed)
                # only the frame (and a few words of it: "told Al Jazeera on Monday") may lie between
                if "\n" in text[lo:hi] or len(re.findall(r"\w+", gap)) > 2 or not framed & set(range(lo, hi)):
                    continue
                grown = (min(content[0], q[0]), max(content[1], q[1]))
            else:
                continue
            if grown != content:
                content, changed = grown, True
    return content


def _has_own_frame(quote: Offsets, text: str, other_cues: frozenset[int]) -> bool:
    """Another cue follows the quote in its own sentence ("“…,” Jane Doe, an engineer, told X."); a quote
    closing its sentence ("“… before.” The governor said …") leaves the next sentence to itself."""
    if quote_ends_sentence(quote, text):
        return False
    end = re.search(r"[.!?](?=\s)|\n", text[quote[1]:])
    stop = quote[1] + (end.start() if end else len(text) - quote[1])
    return any(quote[1] <= c < stop for c in other_cues)


def _stance(cue: Token, lemma: str, content: Offsets, doc: Doc, lex: dict[str, Any]) -> str:
    stance = lex["stance"].get(lemma) or attitude_stance(cue) or "asserted"
    negated = any(c.dep_ == "neg" for c in cue.children)
    if negated and stance == "confirmed":
        return "hedged"
    if negated and stance == "denied":
        return "asserted"
    if stance != "asserted":
        return stance
    if any(c.lower_ in lex["frame_hedges"] for c in cue.children if c.dep_ == "advmod"):
        return "hedged"
    return content_stance(doc, content, lex, stance)


def content_stance(doc: Doc, content: Offsets, lex: dict[str, Any], stance: str = "asserted") -> str:
    """The stance the words of an asserted content give it: hedges ("possibly", "may", "I cannot confirm
    them") make it hedged, a past main verb negated by "never" ("had never supplied") a denial."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return stance
    for tok in span:
        if tok.lower_ in lex["hedge_adverbs"]:
            return "hedged"
        if tok.lower_ in lex["modals"] and tok.dep_ == "aux" and not (content[0] <= tok.head.head.idx < content[1]
                                                                     and tok.head.head.i != tok.head.i):
            return "hedged"
        if tok.lemma_.lower() in lex["unverified"] and any(c.dep_ == "neg" for c in tok.children):
            return "hedged"
    for tok in span:
        main = tok.head.i == tok.i or not content[0] <= tok.head.idx < content[1]
        if main and tok.tag_ in ("VBN", "VBD") and any(
                c.dep_ == "neg" and c.lower_ in lex["denial_negations"] for c in tok.children):
            return "denied"
    return stance
