"""Cue patterns: each finds one kind of attribution frame and returns a raw match.

A raw match is a dict with the cue token, the source's head token ("subject"),
whether the subject was inherited from a governing verb, the content offsets
and the ``kind`` of frame (verb, noun, according, colon, dash).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.nlp.claims.coref import source_nouns
from newsgraph.nlp.claims.spans import Offsets, Units, clip_subtrees, lexicon, quote_ends_sentence, trim_span


def speaker_label(colon: Token, unit_start: int) -> bool:
    """A transcript line "PENCE: …" or "Pat Caddell: …": only proper nouns before the colon."""
    start = unit_start
    while start < colon.i and colon.doc[start].is_quote:
        start += 1
    before = colon.doc[start:colon.i]
    if before.text.lower() in lexicon()["non_speaker_labels"]:
        return False  # "Correction: …", "The Latest: …"
    # headlines label their speaker too ("Sanders: Clinton needs to …", "Poll: Voters …")
    return 0 < len(before) <= 4 and all(t.pos_ == "PROPN" or t.is_upper or t.is_title for t in before)


def verb_tagged_noun(tok: Token) -> bool:
    """"Trump claims that …", "Obama says …" in headlines: a verb the tagger took for a plural noun."""
    return (tok.pos_ == "NOUN" and tok.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in tok.children)
            and any(c.dep_ in ("ccomp", "xcomp") for c in tok.children))


def verb_claim(cue: Token, units: Units, unit_of: dict[int, int], quotes: list[Offsets],
               doc: Doc, lex: dict[str, Any]) -> dict[str, Any] | None:
    us, ue = units[unit_of[cue.i]]
    if (cue.tag_ == "VBN" and cue.dep_ == "acl" and cue.lemma_.lower() in lex["naming"]
            and any(c.dep_ in ("oprd", "dobj", "attr") for c in cue.children)):
        return None  # "a group called Lashkar-e-Taiba" names, it does not report
    passive = _passive_frame(cue, us, ue, doc)
    if passive is not None:
        return passive
    subject, inherited = verb_subject(cue)
    if subject is None:
        subject = _left_noun_phrase(cue, us)
    if subject is None or (subject.lower_ in ("it", "there") and subject.dep_ == "expl"):
        return None
    # "He said:" closing its line introduces the next paragraph, not a quote before it
    colon_last = cue.i + 1 == ue - 1 and doc[ue - 1].text == ":"
    content = None if colon_last else _content(cue, subject, us, ue, quotes, doc, lex)
    if (content is None and doc[ue - 1].text == ":") or (content is None and cue.i + 1 < ue and doc[cue.i + 1].text == ":"):
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


def figure_claim(cue: Token, unit: tuple[int, int], doc: Doc, lex: dict[str, Any]) -> dict[str, Any] | None:
    """"The government put the toll at 10": a figure stated by the verb's subject (object and "at" phrase)."""
    subject, inherited = verb_subject(cue)
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in lex["figure_nouns"]), None)
    at = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "at" and c.i > cue.i), None)
    if subject is None or obj is None or at is None or subject.lower_ in ("it", "there"):
        return None
    content = clip_subtrees([obj, at], unit[0], unit[1], doc, exclude=subject)
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
    content = clip_subtrees(said, us, ue, doc) if said else None
    if content is None:
        return None
    return {"cue": cue, "subject": source, "inherited": False, "content": content, "kind": "verb"}


def verb_subject(cue: Token) -> tuple[Token | None, bool]:
    """The verb's own subject, or the one it shares ("…, noting that", "and added that")."""
    for child in cue.children:
        if child.dep_ == "nsubj":
            return child, False
    quoting = quoting_verb(cue)
    if quoting is not None:  # "TASS quoted Peskov as saying …": Peskov says it (TASS relays it)
        quoted = next((c for c in quoting.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted, False
    if cue.dep_ == "acl" and (cue.head.pos_ in ("NOUN", "PROPN") or cue.head.lemma_.lower() in lexicon()["claim_nouns"]):
        return cue.head, False
    host = cue.head.head if cue.dep_ == "pcomp" and cue.head.dep_ == "prep" else cue.head
    # not through a participle modifying a noun: in "deaths caused by missiles and called on the EU to …"
    # the subject of "called" is not "deaths" (a misparse of a second verb of the sentence's subject)
    if cue.dep_ in ("conj", "advcl", "xcomp", "pcomp") and host.pos_ in ("VERB", "AUX") and host.dep_ != "acl":
        head_subject, _ = verb_subject(host)
        if head_subject is not None:
            return head_subject, True
    return None, False


def quoting_verb(cue: Token) -> Token | None:
    """The "quoted"/"cited" of "X quoted Y as saying …" that hangs ``cue`` ("saying") on its "as"."""
    prep = cue.head
    if cue.dep_ in ("pcomp", "advcl") and prep.lower_ == "as" and prep.head.lemma_.lower() in ("quote", "cite"):
        return prep.head
    if cue.dep_ == "advcl" and prep.lemma_.lower() in ("quote", "cite") and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return prep
    return None


def _left_noun_phrase(cue: Token, unit_start: int) -> Token | None:
    """The noun phrase just before a verb the parser left without a subject ("…, the Center disclosed")."""
    i = cue.i - 1
    while i >= unit_start and cue.doc[i].pos_ == "ADV":
        i -= 1
    if i < unit_start or cue.doc[i].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return cue.doc[i]


def _content(cue: Token, subject: Token, us: int, ue: int, quotes: list[Offsets], doc: Doc,
             lex: dict[str, Any]) -> Offsets | None:
    lemma = cue.lemma_.lower()
    # a clause before a semicolon is a sentence of its own ("X did not respond; Tehran denied arming …")
    comps = [c for c in cue.children if c.dep_ in ("ccomp", "parataxis") and us <= c.i < ue
             and not (c.dep_ == "parataxis" and c.i > cue.i)
             and not (c.i < cue.i and any(t.text == ";" for t in doc[c.right_edge.i:cue.i]))]
    comps = [c for c in comps if c.dep_ == "ccomp"] or comps
    if comps:
        return clip_subtrees(comps, us, ue, doc, exclude=subject)
    stated = _statement_clause(cue, us, ue)
    if stated is not None:  # "said in a statement that …": the parser hangs the clause on the noun
        return clip_subtrees([stated], us, ue, doc, exclude=subject)
    if lemma in lex["stance"]:
        # "Trump said after the convention he would …": the parser hangs the clause as an advcl
        clauses = [c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and us <= c.i < ue
                   and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                   and not any(g.dep_ == "mark" and g.lower_ != "that" for g in c.children)]
        if clauses:
            return clip_subtrees(clauses, us, ue, doc, exclude=subject)
    # "…, as police have said" has no complement of its own ("as warships continue to patrol" is no frame)
    if cue.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "as" for g in cue.children) \
            and not any(g.dep_ in ("xcomp", "ccomp", "dobj") for g in cue.children) \
            and subject.head.i == cue.i and subject.dep_ == "nsubj" and us <= cue.head.i < ue:
        # "…, as police have said": the main clause around the frame is what was said
        lo, hi = cue.left_edge.i, cue.right_edge.i
        return trim_span(doc, us, lo - 1) if lo - us > ue - 1 - hi else trim_span(doc, hi + 1, ue - 1)
    if lemma in lex["object"] or lemma in lex["xcomp"]:
        # "vowed to …", "expects to …": the infinitive is what was said even when an object is not
        in_object = lemma in lex["object"] and (lemma not in lex["finding"] or _reports_findings(subject))
        objs = [c for c in cue.children if c.dep_ in ("dobj", "attr", "oprd") and c.i > cue.i and in_object]
        preps = lex["object_prep"].get(lemma) or ()
        preps = (preps,) if isinstance(preps, str) else tuple(preps)  # "called for …", "called on X to …"
        objs += [c for c in cue.children if c.dep_ == "prep" and c.lower_ in preps]
        if lemma in lex["xcomp"]:
            objs += [c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i]
        if objs:
            return clip_subtrees(objs, us, ue, doc, exclude=subject)
    frame_start = min(subject.left_edge.i, cue.i)
    if (cue.dep_ == "parataxis" and cue.head.i != cue.i and us <= cue.head.i < ue
            and not any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.i > cue.i for c in cue.children)
            and not (frame_start > us and doc[frame_start - 1].text == ";")):
        # not "…; Tehran has denied arming the group": a clause after a semicolon is a sentence of its own
        # "The museum, Mr. Bush said, celebrated …": the sentence around the parenthetical frame
        return clip_subtrees([cue.head], us, ue, doc)
    if lemma in ("point",):
        preps = [c for c in cue.children if c.dep_ == "prep" and c.lower_ == "to"]
        if preps:
            return clip_subtrees(preps, us, ue, doc, exclude=subject)
    unit_span = (doc[us].idx, doc[ue - 1].idx + len(doc[ue - 1].text))
    frame = (min(subject.left_edge.idx, cue.idx), max(subject.right_edge.idx + len(subject.right_edge.text),
                                                      cue.idx + len(cue.text)))
    for q in quotes:  # a direct quote right beside the "X said" frame
        touching = q[0] < unit_span[1] and q[1] > unit_span[0]
        # "“…?” she said." (never across a paragraph break: a new paragraph is a new statement)
        just_before = q[1] <= unit_span[0] and not doc.text[q[1]:unit_span[0]].strip() \
            and "\n" not in doc.text[q[1]:unit_span[0]] and not quote_ends_sentence(q, doc.text)
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
        return trim_span(doc, start, left - 1)
    return None


def _statement_clause(cue: Token, us: int, ue: int) -> Token | None:
    """The that-clause of "said in a statement that …" when the parser attached it to "statement"."""
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.i > cue.i and c.lower_ in ("in", "during")):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            for clause in noun.children:
                if (clause.dep_ in ("acl", "relcl", "ccomp") and us <= clause.i < ue
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                        and any(g.dep_ in ("nsubj", "nsubjpass") for g in clause.children)):
                    return clause
    return None


def _reports_findings(subject: Token) -> bool:
    """A study, report or named body: "the study found higher rates", not "they found a way"."""
    _, documents = source_nouns()
    return (subject.lemma_.lower() in documents or subject.lower_ in documents or subject.pos_ == "PROPN"
            or subject.ent_type_ in ("ORG", "GPE", "NORP"))


def noun_claim(noun: Token, unit: tuple[int, int], doc: Doc, intentions: frozenset[str] = frozenset()
               ) -> dict[str, Any] | None:
    """"Trump's claim that …", "the ministry's statement that …": the possessor said the that-clause;
    "Clinton's plan to …", "the union's refusal to …": the possessor's intention (``intentions``)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:  # "a New York Times report that …": the named owner as a compound
        owner = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None and noun.lemma_.lower() in intentions:
        clause = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i
                       and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)), None)
    if clause is None:  # "Trump's comments about Machado", "the ministry's warning over the strikes"
        clause = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i
                       and c.lower_ in ("about", "on", "over", "regarding")
                       and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)), None)
    if owner is None or clause is None:
        return None
    content = clip_subtrees([clause], unit[0], unit[1], doc)
    if content is None:
        return None
    return {"cue": noun, "subject": owner, "inherited": False, "content": content, "kind": "noun"}


def according_claim(tok: Token, unit: tuple[int, int], doc: Doc) -> dict[str, Any] | None:
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    # "according to show insiders": a misparse hangs the source as a clause under "to"
    objs = objs or [c for c in to.children if c.dep_ == "pcomp" and c.i > to.i]
    if not objs:
        return None
    source = objs[0]
    us, ue = unit
    hi = source.right_edge.i
    # content: the unit without the "according to X" phrase
    if tok.i - us > ue - hi:
        content = trim_span(doc, us, tok.i - 1)
    else:
        content = trim_span(doc, hi + 1, ue - 1)
    if content is None:
        return None
    return {"cue": tok, "cue_end": to, "subject": source, "inherited": False, "content": content, "kind": "according"}


def in_document_claim(tok: Token, unit: tuple[int, int], doc: Doc, lex: dict[str, Any],
                      documents: frozenset[str]) -> dict[str, Any] | None:
    """"In this poll, Trump rose …", "…, in a new survey": a clause set in a document that reports it."""
    source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    host = tok.head
    if (tok.dep_ != "prep" or source is None or source.lemma_.lower() not in documents
            or host.pos_ not in ("VERB", "AUX") or host.lemma_.lower() in lex["stance"]):
        return None  # "said in a statement" is the verb's frame; "the rise in polls" is no source
    us, ue = unit
    hi = source.right_edge.i
    if tok.i == us or (doc[tok.i - 1].is_punct and tok.i - us <= 1):
        content = trim_span(doc, hi + 1, ue - 1)
    elif hi + 1 >= ue - 1 and doc[tok.i - 1].text == ",":
        content = trim_span(doc, us, tok.i - 1)
    else:
        return None  # only a sentence-opening or sentence-closing phrase frames the whole clause
    if content is None:
        return None
    return {"cue": tok, "cue_end": tok, "subject": source, "inherited": False, "content": content, "kind": "according"}


def transcript_claim(colon: Token, units: Units, unit_of: dict[int, int], doc: Doc) -> dict[str, Any] | None:
    us, ue = units[unit_of[colon.i]]
    content = trim_span(doc, colon.i + 1, ue - 1)
    if content is None and unit_of.get(ue) is not None:
        ns, ne = units[unit_of[ue]]
        content = trim_span(doc, ns, ne - 1)
    if content is None:
        return None
    return {"cue": colon, "subject": doc[colon.i - 1], "inherited": False, "content": content, "kind": "colon"}


DASH_NAME = re.compile(r"(?<=[\"“”'’.!?])[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*"
                       r"([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,4})\.?[ \t\u00a0]*(?=\n|$|[\"“”])")


def dash_quotes(doc: Doc, text: str) -> list[dict[str, Any]]:
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


def merge_according(raw: list[dict[str, Any]], unit_of: dict[int, int]) -> list[dict[str, Any]]:
    """"X said …, according to SANA": the according-phrase is the relay of X's claim, not a claim."""
    # only a reporting verb makes the phrase a relay: "Clinton wants …, according to aides" is the aides' claim
    reporting = lexicon()["stance"]
    verbs_by_unit = {unit_of[r["cue"].i] for r in raw if r["kind"] == "verb" and r["cue"].lemma_.lower() in reporting}
    out = []
    for r in raw:
        if r["kind"] == "according" and unit_of[r["cue"].i] in verbs_by_unit:
            continue
        out.append(r)
    return out
