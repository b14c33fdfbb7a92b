"""Attributed statements: who said what, relayed by whom, with what stance.

Works on the dependency parse.  A *cue* is a reporting verb from
``data/reporting_verbs.json`` (or "according to", or a transcript colon); its
*source* is the verb's subject (or the noun phrase just before it, or the
subject it shares with the verb it hangs from); its *content* is the clausal
complement, the object of verbs like "reveal"/"describe … as", the direct
quote beside it, or the rest of the sentence for "…, X said."  Direct quotes
are found from the quote marks themselves, so a quote that opens in one
sentence and is attributed at the end of the next is one claim.

``find_attributions`` returns rich internal records with source/cue/content
offsets (used by bench/attribution.py); ``extract_claims`` maps them to the
contract's ``Claim``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.model import Claim, Span
from newsgraph.nlp.coref import SpeakerResolver
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import Parsed

Offsets = tuple[int, int]
NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART", "CCONJ"}
CLOSE_QUOTES = "”»"
QUOTE_MARK = re.compile(r"''|``|[\"“”«»]")


@dataclass(frozen=True)
class Attribution:
    """One attribution with the offsets a span-level benchmark needs."""

    source: Offsets | None       # the whole source phrase, appositions included
    cue: Offsets | None
    content: Offsets
    evidence: Offsets
    cue_text: str
    stance: str
    speaker: str | None
    speaker_text: str | None
    via: tuple[str, ...] = ()
    nested: bool = False          # inside another attribution's content
    cue_token: int = -1
    disputes: bool = False        # the cue disputes or denies what its content reports
    disputed_by: int | None = None  # position (in the returned list) of the disputing attribution


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """Reporting verbs by stance, relay phrases and hedges, from the data files."""
    def load(name: str) -> dict[str, Any]:
        return json.loads(resources.files("newsgraph.data").joinpath(name).read_text("utf-8"))
    verbs = load("reporting_verbs.json")
    relays = load("relays.json")
    hedges = load("hedges.json")
    stance = {lemma: st for st, lemmas in verbs["stance"].items() for lemma in lemmas}
    broad = {lemma: "asserted" for lemma in verbs["broad"]["asserted"]} | stance
    phrases = sorted(relays["phrases"], key=len, reverse=True)
    return {
        "stance": stance,
        "broad_stance": broad,
        "xcomp": frozenset(verbs["broad"]["xcomp"]),
        "disputing": frozenset(verbs["disputing"]),
        "object": frozenset(verbs["object_content"]),
        "object_prep": verbs["object_with_preposition"],
        "relay": re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE),
        "outlets": frozenset(relays["outlet_words"]),
        "claim_nouns": frozenset(verbs["claim_nouns"]),
        "modals": frozenset(hedges["modals"]),
        "hedge_adverbs": frozenset(hedges["adverbs"]),
        "frame_hedges": frozenset(hedges["frame_words"]),
    }


def extract_claims(parsed: Parsed, index: EntityIndex) -> list[Claim]:
    found = find_attributions(parsed, index)
    text = parsed.text
    claims = []
    quotes = quote_regions(text)
    for n, a in enumerate(found, 1):
        content = _claim_text(text, a, quotes)
        about = [e for e in index.entities_within(*a.content) if e != a.speaker and e not in a.via]
        claims.append(Claim(
            id=f"c{n}", speaker=a.speaker, speaker_text=a.speaker_text, cue=a.cue_text, stance=a.stance,
            text=content, evidence=Span.of(text, *a.evidence), via=a.via, about=tuple(about),
            disputed_by=f"c{a.disputed_by + 1}" if a.disputed_by is not None else None))
    return claims


def _claim_text(text: str, a: Attribution, quotes: list[Offsets]) -> str:
    """The content without the frame: quotes joined when the frame sits between them."""
    strip = " \t\n,;:\"“”'‘’"
    inside = [q for q in quotes if a.content[0] <= q[0] and q[1] <= a.content[1]]
    frame_inside = any(s and a.content[0] <= s[0] < a.content[1] for s in (a.source, a.cue))
    if len(inside) > 1 and frame_inside:
        return " ".join(text[s:e].strip(strip) for s, e in inside)
    return text[a.content[0]:a.content[1]].strip(strip)


def find_attributions(parsed: Parsed, index: EntityIndex, broad: bool = False) -> list[Attribution]:
    """Every attribution in the document, in text order.

    ``broad`` adds verbs of intention and evaluation ("wants to", "opposes"),
    which PolNeAR counts as attributions but newsgraph's claims do not.
    """
    doc, text = parsed.doc, parsed.text
    lex = lexicon()
    units = _units(doc)
    unit_of = {tok.i: n for n, (s, e) in enumerate(units) for tok in doc[s:e]}
    quotes = quote_regions(text)
    resolver = SpeakerResolver(index)
    raw: list[dict[str, Any]] = []
    for tok in doc:
        if tok.i not in unit_of:
            continue
        # a transcript label opening a quoted line ("PENCE: Well, …") still names the speaker
        if _inside(quotes, tok.idx) and not (tok.text == ":" and _speaker_label(tok, units[unit_of[tok.i]][0])):
            continue
        found = None
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            found = _according(tok, units[unit_of[tok.i]], doc)
        elif tok.lemma_.lower() in lex["broad_stance" if broad else "stance"] and (
                tok.pos_ in ("VERB", "AUX") or _verb_tagged_noun(tok)):
            found = _verb_claim(tok, units, unit_of, quotes, doc, lex, broad)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex["claim_nouns"]:
            found = _noun_claim(tok, units[unit_of[tok.i]], doc)
        elif tok.text == ":" and _speaker_label(tok, units[unit_of[tok.i]][0]):
            found = _transcript(tok, units, unit_of, doc)
        if found:
            raw.append(found)
    raw += [d for d in _dash_quotes(doc, text) if d["cue"].i in unit_of]
    raw = _merge_according(raw, unit_of)
    cue_starts = frozenset(r["cue"].idx for r in raw)
    out = [_finish(r, doc, text, quotes, units, unit_of, index, resolver, lex, cue_starts) for r in raw]
    out = _continued_quotes(out, quotes, text, units, doc)
    out = _relays(out, doc, text, units, unit_of, index, lex)
    out = _nesting(sorted(out, key=lambda a: (a.evidence[0], a.cue[0] if a.cue else a.content[0])), lex)
    return out


# -- units and quotes -----------------------------------------------------------------------

def _units(doc: Doc) -> list[tuple[int, int]]:
    """Sentences, further cut at line breaks: a paragraph break always ends a statement."""
    units = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text or (tok.i > sent.start and "\n" in doc[tok.i - 1].whitespace_):
                if tok.i > start and "\n" in tok.text:
                    units.append((start, tok.i))
                    start = tok.i + 1
                elif tok.i > start:
                    units.append((start, tok.i))
                    start = tok.i
        if start < sent.end:
            units.append((start, sent.end))
    return [(s, e) for s, e in units if any(not t.is_space for t in doc[s:e])]


def quote_regions(text: str) -> list[Offsets]:
    """Direct quotes, marks included; a quote left open at a paragraph end closes there."""
    regions: list[Offsets] = []
    offset = 0
    for para in text.split("\n"):
        opened: int | None = None
        for m in QUOTE_MARK.finditer(para):
            mark = m.group()
            closing = mark in CLOSE_QUOTES or mark == "''" or (mark == '"' and opened is not None)
            if mark == "''" and opened is None:
                closing = False
            if closing and opened is not None:
                regions.append((offset + opened, offset + m.end()))
                opened = None
            elif not closing and opened is None:
                opened = m.start()
        if opened is not None and len(para) - opened > 20:
            regions.append((offset + opened, offset + len(para.rstrip())))
        offset += len(para) + 1
    return regions


def _inside(regions: list[Offsets], pos: int) -> bool:
    return any(s < pos < e - 1 for s, e in regions)


# -- cue patterns ---------------------------------------------------------------------------

def _speaker_label(colon: Token, unit_start: int) -> bool:
    """A transcript line "PENCE: …" or "Pat Caddell: …": only proper nouns before the colon."""
    start = unit_start
    while start < colon.i and colon.doc[start].is_quote:
        start += 1
    before = colon.doc[start:colon.i]
    # headlines label their speaker too ("Sanders: Clinton needs to …", "Poll: Voters …")
    return 0 < len(before) <= 4 and all(t.pos_ == "PROPN" or t.is_upper or t.is_title for t in before)


def _verb_tagged_noun(tok: Token) -> bool:
    """"Trump claims that …", "Obama says …" in headlines: a verb the tagger took for a plural noun."""
    return (tok.pos_ == "NOUN" and tok.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in tok.children)
            and any(c.dep_ in ("ccomp", "xcomp") for c in tok.children))


def _verb_claim(cue: Token, units: list[tuple[int, int]], unit_of: dict[int, int], quotes: list[Offsets],
                doc: Doc, lex: dict[str, Any], broad: bool = False) -> dict[str, Any] | None:
    us, ue = units[unit_of[cue.i]]
    passive = _passive_frame(cue, us, ue, doc)
    if passive is not None:
        return passive
    subject, inherited = _subject(cue)
    if subject is None:
        subject = _left_noun_phrase(cue, us)
    if subject is None or subject.lower_ in ("it", "there") and subject.dep_ == "expl":
        return None
    # "He said:" closing its line introduces the next paragraph, not a quote before it
    colon_last = cue.i + 1 == ue - 1 and doc[ue - 1].text == ":"
    content = None if colon_last else _content(cue, subject, us, ue, quotes, doc, lex, broad)
    if content is None and doc[ue - 1].text == ":" or (content is None and cue.i + 1 < ue and doc[cue.i + 1].text == ":"):
        after = ue
        while after < len(doc) and doc[after].is_space:
            after += 1
        nxt = unit_of.get(after)
        if nxt is not None:
            ns, ne = units[nxt]
            content = (doc[ns].idx, doc[ne - 1].idx + len(doc[ne - 1].text))
    if content is None:
        return None
    return {"cue": cue, "subject": subject, "inherited": inherited, "content": content, "kind": "verb"}


def _passive_frame(cue: Token, us: int, ue: int, doc: Doc) -> dict[str, Any] | None:
    """"The issue was first reported by The Post", "it was claimed by X that …": the agent is the source."""
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if source is None or any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None  # "as reported by X" names a relay, handled with the other relay phrases
    comps = [c for c in cue.children if c.dep_ == "ccomp" and us <= c.i < ue]
    said = comps or [c for c in cue.children if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "this", "that")]
    content = _clip(said, us, ue, doc) if said else None
    if content is None:
        return None
    return {"cue": cue, "subject": source, "inherited": False, "content": content, "kind": "verb"}


def _subject(cue: Token) -> tuple[Token | None, bool]:
    """The verb's own subject, or the one it shares ("…, noting that", "and added that")."""
    for child in cue.children:
        if child.dep_ == "nsubj":
            return child, False
    if cue.dep_ == "acl" and (cue.head.pos_ in ("NOUN", "PROPN") or cue.head.lemma_.lower() in lexicon()["claim_nouns"]):
        return cue.head, False
    host = cue.head.head if cue.dep_ == "pcomp" and cue.head.dep_ == "prep" else cue.head
    if cue.dep_ in ("conj", "advcl", "xcomp", "pcomp") and host.pos_ in ("VERB", "AUX"):
        head_subject, _ = _subject(host)
        if head_subject is not None:
            return head_subject, True
    return None, False


def _left_noun_phrase(cue: Token, unit_start: int) -> Token | None:
    """The noun phrase just before a verb the parser left without a subject ("…, the Center disclosed")."""
    i = cue.i - 1
    while i >= unit_start and cue.doc[i].pos_ == "ADV":
        i -= 1
    if i < unit_start or cue.doc[i].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return cue.doc[i]


def _content(cue: Token, subject: Token, us: int, ue: int, quotes: list[Offsets], doc: Doc,
             lex: dict[str, Any], broad: bool = False) -> Offsets | None:
    lemma = cue.lemma_.lower()
    comps = [c for c in cue.children if c.dep_ in ("ccomp", "parataxis") and us <= c.i < ue
             and not (c.dep_ == "parataxis" and c.i > cue.i)]
    comps = [c for c in comps if c.dep_ == "ccomp"] or comps
    if comps:
        return _clip(comps, us, ue, doc, exclude=subject)
    if lemma in lex["stance"]:
        # "Trump said after the convention he would …": the parser hangs the clause as an advcl
        clauses = [c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and us <= c.i < ue
                   and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                   and not any(g.dep_ == "mark" and g.lower_ != "that" for g in c.children)]
        if clauses:
            return _clip(clauses, us, ue, doc, exclude=subject)
    if cue.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "as" for g in cue.children) \
            and subject.head.i == cue.i and subject.dep_ == "nsubj" and us <= cue.head.i < ue:
        # "…, as police have said": the main clause around the frame is what was said
        lo, hi = cue.left_edge.i, cue.right_edge.i
        return _trim(doc, us, lo - 1) if lo - us > ue - 1 - hi else _trim(doc, hi + 1, ue - 1)
    if lemma in lex["object"] or broad or lemma in lex["xcomp"] and lemma in lex["stance"]:
        # "vowed to …", "expects to …": the infinitive is what was said even when an object is not
        in_object = lemma in lex["object"] or broad
        objs = [c for c in cue.children if c.dep_ in ("dobj", "attr", "oprd") and c.i > cue.i and in_object]
        prep = lex["object_prep"].get(lemma)
        if prep:
            objs += [c for c in cue.children if c.dep_ == "prep" and c.lower_ == prep]
        if lemma in lex["xcomp"] and (broad or lemma in lex["stance"]):
            objs += [c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i]
        if objs:
            return _clip(objs, us, ue, doc, exclude=subject)
    if cue.dep_ == "parataxis" and cue.head.i != cue.i and us <= cue.head.i < ue:
        # "The museum, Mr. Bush said, celebrated …": the sentence around the parenthetical frame
        return _clip([cue.head], us, ue, doc)
    if lemma in ("point",):
        preps = [c for c in cue.children if c.dep_ == "prep" and c.lower_ == "to"]
        if preps:
            return _clip(preps, us, ue, doc, exclude=subject)
    unit_span = (doc[us].idx, doc[ue - 1].idx + len(doc[ue - 1].text))
    frame = (min(subject.left_edge.idx, cue.idx), max(subject.right_edge.idx + len(subject.right_edge.text),
                                                      cue.idx + len(cue.text)))
    for q in quotes:  # a direct quote right beside the "X said" frame
        touching = q[0] < unit_span[1] and q[1] > unit_span[0]
        just_before = q[1] <= unit_span[0] and not doc.text[q[1]:unit_span[0]].strip()  # "“…?” she said."
        if (touching or just_before) and not q[0] <= cue.idx < q[1]:
            between = doc.text[q[1]:frame[0]] if q[1] <= frame[0] else doc.text[frame[1]:q[0]]
            if len(re.findall(r"\w+", between)) <= 4:
                return q
    # "…, X said." with the parser hiding the link: the stretch before the frame's comma
    left = subject.left_edge.i if subject.i < cue.i else cue.i
    if left - 1 > us + 2 and doc[left - 1].text in (",", "—", "–"):
        start = us
        # a sentence adverbial of the frame ("In addition, …", "However …") is not part of what was said
        while start < left - 1 and doc[start].head.i == cue.i and doc[start].dep_ in ("advmod", "prep", "cc", "npadvmod"):
            start = doc[start].right_edge.i + 1
            while start < left - 1 and (doc[start].is_punct or doc[start].is_space):
                start += 1
        return _trim(doc, start, left - 1)
    return None


def _clip(heads: list[Token], us: int, ue: int, doc: Doc, exclude: Token | None = None) -> Offsets | None:
    """Character span of the heads' subtrees, kept inside the unit and off the speaker."""
    lo = min(max(h.left_edge.i, us) for h in heads)
    hi = max(min(h.right_edge.i, ue - 1) for h in heads)
    if exclude is not None and lo <= exclude.i <= hi:
        lo = max(lo, exclude.right_edge.i + 1)
    while lo <= hi and (doc[lo].is_punct and doc[lo].text not in "\"“'‘«" or doc[lo].is_space):
        lo += 1
    return _trim(doc, lo, hi)


def _noun_claim(noun: Token, unit: tuple[int, int], doc: Doc) -> dict[str, Any] | None:
    """"Trump's claim that …", "the ministry's statement that …": the possessor said the that-clause."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:  # "a New York Times report that …": the named owner as a compound
        owner = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if owner is None or clause is None:
        return None
    content = _clip([clause], unit[0], unit[1], doc)
    if content is None:
        return None
    return {"cue": noun, "subject": owner, "inherited": False, "content": content, "kind": "noun"}


def _according(tok: Token, unit: tuple[int, int], doc: Doc) -> dict[str, Any] | None:
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    # "according to show insiders": a misparse hangs the source as a clause under "to"
    objs = objs or [c for c in to.children if c.dep_ == "pcomp" and c.i > to.i]
    if not objs:
        return None
    source = objs[0]
    us, ue = unit
    lo, hi = source.left_edge.i, source.right_edge.i
    # content: the unit without the "according to X" phrase
    if tok.i - us > ue - hi:
        content = _trim(doc, us, tok.i - 1)
    else:
        content = _trim(doc, hi + 1, ue - 1)
    if content is None:
        return None
    return {"cue": tok, "cue_end": to, "subject": source, "inherited": False, "content": content, "kind": "according"}


def _transcript(colon: Token, units: list[tuple[int, int]], unit_of: dict[int, int], doc: Doc) -> dict[str, Any] | None:
    us, ue = units[unit_of[colon.i]]
    content = _trim(doc, colon.i + 1, ue - 1)
    if content is None and unit_of.get(ue) is not None:
        ns, ne = units[unit_of[ue]]
        content = _trim(doc, ns, ne - 1)
    if content is None:
        return None
    return {"cue": colon, "subject": doc[colon.i - 1], "inherited": False, "content": content, "kind": "colon"}


DASH_NAME = re.compile(r"(?<=[\"“”'’.!?])[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*"
                       r"([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,4})\.?[ \t\u00a0]*(?=\n|$|[\"“”])")


def _dash_quotes(doc: Doc, text: str) -> list[dict[str, Any]]:
    """"“We need change.” ― Jane Doe": a quote signed with a dash and a name right after it."""
    found = []
    for m in DASH_NAME.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev = [p for p in DASH_NAME.finditer(text, line_start, m.start())]
        start = prev[-1].end() if prev else line_start
        while start < m.start() and text[start].isspace():
            start += 1
        if start >= m.start() or text[start] not in "\"“”" or m.start() - start < 15:
            continue
        name = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        cue = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or cue is None or not len(name) or not len(cue):
            continue
        found.append({"cue": cue[0], "subject": name[-1], "source_span": name, "inherited": False,
                      "content": (start, m.start()), "kind": "dash"})
    return found


def _trim(doc: Doc, lo: int, hi: int) -> Offsets | None:
    while lo <= hi and (doc[lo].is_space or doc[lo].text in (",", ";", ":", "—", "–")):
        lo += 1
    while hi >= lo and (doc[hi].is_space or doc[hi].text in (",", ";", ":", "—", "–")):
        hi -= 1
    if hi < lo:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _merge_according(raw: list[dict[str, Any]], unit_of: dict[int, int]) -> list[dict[str, Any]]:
    """"X said …, according to SANA": the according-phrase is the relay of X's claim, not a claim."""
    verbs_by_unit = {unit_of[r["cue"].i] for r in raw if r["kind"] == "verb"}
    out = []
    for r in raw:
        if r["kind"] == "according" and unit_of[r["cue"].i] in verbs_by_unit:
            continue
        out.append(r)
    return out


# -- from raw match to attribution ------------------------------------------------------------

def _finish(r: dict[str, Any], doc: Doc, text: str, quotes: list[Offsets], units: list[tuple[int, int]],
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
    else:
        if cue.dep_ == "acl" and subject.i == cue.head.i:
            lo, hi = subject.left_edge.i, subject.i
        else:
            lo, hi = subject.left_edge.i, subject.right_edge.i
        while hi > lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ == "case"):
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
    evidence = _evidence(doc, min(p[0] for p in pieces), max(p[1] for p in pieces), units, unit_of)
    lemma = cue.lemma_.lower()
    stance = {"verb": lambda: _stance(cue, lemma, content, doc, lex),
              "noun": lambda: lex["stance"].get(lemma, "asserted")}.get(r["kind"], lambda: "asserted")()
    return Attribution(
        source=full, cue=cue_span, content=content, evidence=evidence, cue_text=cue_text, stance=stance,
        speaker=speaker, speaker_text=speaker_text, cue_token=cue.i,
        disputes=r["kind"] == "verb" and lemma in lex["disputing"])


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


def _evidence(doc: Doc, start: int, end: int, units: list[tuple[int, int]], unit_of: dict[int, int]) -> Offsets:
    """The whole unit(s) covering [start, end)."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    u0 = unit_of.get(first[0].i, 0) if first is not None and len(first) else 0
    u1 = unit_of.get(last[-1].i, u0) if last is not None and len(last) else u0
    s, e = units[u0][0], units[max(u0, u1)][1]
    while e - 1 > s and doc[e - 1].is_space:
        e -= 1
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)


def _stance(cue: Token, lemma: str, content: Offsets, doc: Doc, lex: dict[str, Any]) -> str:
    stance = lex["stance"].get(lemma, "asserted")
    negated = any(c.dep_ == "neg" for c in cue.children)
    if negated and stance == "confirmed":
        return "hedged"
    if negated and stance == "denied":
        return "asserted"
    if stance != "asserted":
        return stance
    if any(c.lower_ in lex["frame_hedges"] for c in cue.children if c.dep_ == "advmod"):
        return "hedged"
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return stance
    for tok in span:
        if tok.lower_ in lex["hedge_adverbs"]:
            return "hedged"
        if tok.lower_ in lex["modals"] and tok.dep_ == "aux" and not (content[0] <= tok.head.head.idx < content[1]
                                                                     and tok.head.head.i != tok.head.i):
            return "hedged"
    return stance


def _continued_quotes(out: list[Attribution], quotes: list[Offsets], text: str,
                      units: list[tuple[int, int]], doc: Doc) -> list[Attribution]:
    """A quote paragraph right after an attributed statement continues its speaker's words."""
    covered = [a.content for a in out]
    extra = []
    for q in quotes:
        if any(c[0] < q[1] and c[1] > q[0] for c in covered):
            continue
        before = [a for a in out if a.evidence[1] <= q[0]]
        if not before:
            continue
        prev = max(before, key=lambda a: a.evidence[1])
        gap = text[prev.evidence[1]:q[0]]
        if gap.strip() or gap.count("\n") > 1 or q[1] - q[0] < 15:
            continue
        span = doc.char_span(q[0], q[1], alignment_mode="expand")
        if span is None:
            continue
        extra.append(replace(prev, source=None, cue=None, content=q, evidence=(q[0], q[1]),
                             cue_token=-1, disputes=False, nested=False, disputed_by=None))
    return out + extra


def _relays(out: list[Attribution], doc: Doc, text: str, units: list[tuple[int, int]], unit_of: dict[int, int],
            index: EntityIndex, lex: dict[str, Any]) -> list[Attribution]:
    """Fill ``via``: outlets named by relay phrases in the claim's unit, or in the next one that has no claim."""
    unit_ids: dict[int, list[int]] = {n: [] for n in range(len(units))}  # unit -> attributions covering it
    for k, a in enumerate(out):
        span = doc.char_span(a.evidence[0], a.evidence[1], alignment_mode="expand")
        if span is not None and len(span):
            for n in range(unit_of.get(span[0].i, 0), unit_of.get(span[-1].i, 0) + 1):
                unit_ids[n].append(k)
    vias: dict[int, list[str]] = {k: [] for k in range(len(out))}
    claimed_units = {n for n, ks in unit_ids.items() if ks}
    for n, (us, ue) in enumerate(units):
        start, end = doc[us].idx, doc[ue - 1].idx + len(doc[ue - 1].text)
        same_paragraph = n > 0 and "\n" not in text[doc[units[n - 1][1] - 1].idx:start]
        targets = unit_ids[n] or (unit_ids[n - 1] if same_paragraph and n - 1 in claimed_units else [])
        if not targets:
            continue
        for m in lex["relay"].finditer(text, start, end):
            for eid in _outlets_after(m.end(), end, doc, index, lex):
                for k in targets:
                    relayed_by_speaker = out[k].cue_text.lower().startswith("according")  # "according to SANA"
                    if (eid != out[k].speaker or relayed_by_speaker) and eid not in vias[k]:
                        vias[k].append(eid)
    return [replace(a, via=tuple(vias[k])) if vias[k] else a for k, a in enumerate(out)]


def _outlets_after(pos: int, limit: int, doc: Doc, index: EntityIndex, lex: dict[str, Any]) -> list[str]:
    span = doc.char_span(pos, limit, alignment_mode="expand")
    if span is None:
        return []
    first = next((t for t in span if not t.is_space), None)
    if first is None or first.pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "PRON"):
        return []
    head = first
    while head.dep_ in ("det", "amod", "compound", "nmod", "poss", "case") and head.head.i > head.i:
        head = head.head
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    found = []
    for eid in index.entities_within(max(lo, pos), min(hi, limit)):
        ent = index[eid]
        if ent.type == "ORG" or ent.name.lower().split()[-1] in lex["outlets"]:
            found.append(eid)
    return found


def _nesting(out: list[Attribution], lex: dict[str, Any]) -> list[Attribution]:
    """Mark claims reported inside other claims; drop those with no identifiable speaker, link disputes."""
    kept: list[tuple[int, Attribution]] = []
    for k, a in enumerate(out):
        outer = [b for b in out if b is not a and b.cue is not None and a.cue is not None
                 and b.content[0] <= a.cue[0] < b.content[1]]
        if not outer:
            kept.append((k, a))
            continue
        disputer = next((b for b in outer if b.disputes), None)
        if disputer is not None:
            kept.append((k, replace(a, nested=True, stance="disputed", disputed_by=out.index(disputer))))
        elif a.speaker is not None:
            kept.append((k, replace(a, nested=True)))
    # positions change when nested claims are dropped: re-point disputed_by
    position = {k: n for n, (k, _) in enumerate(kept)}
    return [replace(a, disputed_by=position.get(a.disputed_by)) if a.disputed_by is not None else a
            for _, a in kept]
