"""Cue patterns: each finds one kind of attribution frame and returns its ``CueMatch``.

The frames: a reporting verb (``verb_claim``, its content shapes in ``contents``), a
figure stated by a verb ("put the toll at 10"), a passive with an agent, a claim noun
with a possessor ("Trump's claim that …"), "according to X", a clause set in a
document ("In this poll, …"), a transcript label ("PENCE: …") and a quote signed with
a dash ("“…” ― Jane Doe").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph import geo, vocab
from newsgraph.nlp.claims.attitudes import holds_positions
from newsgraph.nlp.claims.contents import VerbFrame, verb_content
from newsgraph.nlp.claims.runon_speakers import run_on_speaker
from newsgraph.nlp.claims.runons import inverted_source, quoted_end_frame, speaker_word
from newsgraph.nlp.claims.spans import CueMatch, Offsets, Unit, Units, clip_subtrees, trim_span
from newsgraph.nlp.claims.subjects import quoting_verb, verb_subject
from newsgraph.nlp.index import EntityIndex
from newsgraph.settings import settings
from newsgraph.vocab.claims import ClaimSources, ReportingVerbs

EXPLETIVES = ("it", "there")  # "it was said", "there is": no source
CLAUSE_LINKS = ("acl", "ccomp", "relcl")  # how a that-clause hangs on a claim noun


def speaker_label(colon: Token, unit_start: int) -> bool:
    """A transcript line "PENCE: …" or "Pat Caddell: …": only proper nouns before the colon."""
    start = unit_start
    while start < colon.i and colon.doc[start].is_quote:
        start += 1
    before = colon.doc[start:colon.i]
    sources: ClaimSources = vocab.load("claims_sources")
    if before.text.lower() in sources.non_speaker_labels:
        return False  # "Correction: …", "The Latest: …"
    # headlines label their speaker too ("Sanders: Clinton needs to …", "Poll: Voters …")
    return 0 < len(before) <= settings().claims.label_max_words and all(
        t.pos_ == "PROPN" or t.is_upper or t.is_title for t in before)


def verb_claim(cue: Token, units: Units, unit_of: dict[int, int], quotes: list[Offsets], doc: Doc,
               names: EntityIndex | None = None) -> CueMatch | None:
    """A reporting verb with its source and what it reports (``contents``), or the next paragraph for "X said:";
    ``names`` (the document's entities) tells where a speaker's name ends in a frame that lost its commas."""
    us, ue = units[unit_of[cue.i]]
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    if (cue.tag_ == "VBN" and cue.dep_ == "acl" and cue.lemma_.lower() in verbs.naming
            and any(c.dep_ in ("oprd", "dobj", "attr") for c in cue.children)):
        return None  # "a group called Lashkar-e-Taiba" names, it does not report
    passive = _passive_frame(cue, us, ue, doc)
    if passive is not None:
        return passive
    subject, inherited = verb_subject(cue)
    if subject is None or subject.i < cue.i:
        inverted = _inverted_claim(cue, us, ue, doc)  # "… wounded 60 people said the Observatory"
        if inverted is not None:
            return inverted
    run_on = run_on_speaker(cue, us, names, subject, inherited)
    source = run_on[0] if run_on is not None else None
    if run_on is not None:
        subject, inherited = run_on[1], False
    if subject is None:
        subject = _left_noun_phrase(cue, us)
    if subject is None or (subject.lower_ in EXPLETIVES and subject.dep_ == "expl"):
        return None
    # "He said:" closing its line introduces the next paragraph, not a quote before it
    colon_last = cue.i + 1 == ue - 1 and doc[ue - 1].text == ":"
    bounds = (source.start, source.end - 1) if source is not None else None
    content = None if colon_last else verb_content(VerbFrame(cue, subject, us, ue, quotes, bounds))
    colon_after = doc[ue - 1].text == ":" or (cue.i + 1 < ue and doc[cue.i + 1].text == ":")
    if content is None and colon_after:
        content = _next_unit(ue, units, unit_of, doc)
    quoting = quoting_verb(cue) if content is None else None
    if quoting is not None:  # "… Rossiya 24 cited the defence ministry as saying on Thursday."
        before = quoted_end_frame(cue, quoting, us, ue, names)
        content = trim_span(doc, *before) if before is not None else None
    if content is None:  # "… by morning said the head of the medical team": parsed, but nothing after it
        return _inverted_claim(cue, us, ue, doc) if subject.i > cue.i else None
    return CueMatch(cue=cue, subject=subject, inherited=inherited, content=content, kind="verb", source_span=source)


def cites_for_frame(cue: Token) -> bool:
    """"reported citing a senior official": the participle names whom the frame cites, not a statement."""
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    if cue.tag_ != "VBG" or cue.lemma_.lower() not in verbs.quoting_verbs or citing_frame(cue) is None:
        return False
    # a source ("citing a police source"), not a reason ("praised the deal, citing the release of prisoners")
    return any(c.dep_ == "dobj" and speaker_word(c) for c in cue.children)


def citing_frame(cue: Token) -> Token | None:
    """The reporting verb a "citing"/"quoting" participle belongs to: its head ("reported citing a source"),
    or the verb whose complement the parser hung it on ("reported, citing a source, that …")."""
    stance = vocab.load("reporting_verbs").stance
    host = cue.head
    if host.i < cue.i and host.lemma_.lower() in stance:
        return host
    if host.dep_ == "ccomp" and cue.i < host.i and host.head.i < cue.i and host.head.lemma_.lower() in stance:
        return host.head
    return None


def _inverted_claim(cue: Token, us: int, ue: int, doc: Doc) -> CueMatch | None:
    """"… wounded more than 60 people said the Observatory": the speaker after the verb, what it said before."""
    speaker = inverted_source(cue, us, ue)
    content = trim_span(doc, us, cue.i - 1) if speaker is not None else None
    if speaker is None or content is None:
        return None
    return CueMatch(cue=cue, subject=speaker[-1], content=content, kind="verb", source_span=speaker)


def _next_unit(end: int, units: Units, unit_of: dict[int, int], doc: Doc) -> Offsets | None:
    """The statement unit after token ``end`` (line breaks skipped): what "X said:" introduces."""
    after = end
    while after < len(doc) and doc[after].is_space:
        after += 1
    nxt = unit_of.get(after)
    if nxt is None:
        return None
    ns, ne = units[nxt]
    return doc[ns].idx, doc[ne - 1].idx + len(doc[ne - 1].text)


def figure_claim(cue: Token, unit: Unit, doc: Doc) -> CueMatch | None:
    """"The government put the toll at 10": a figure stated by the verb's subject (object and "at" phrase)."""
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    subject, inherited = verb_subject(cue)
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in verbs.figure_nouns), None)
    at = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "at" and c.i > cue.i), None)
    if subject is None or obj is None or at is None or subject.lower_ in EXPLETIVES:
        return None
    content = clip_subtrees([obj, at], unit[0], unit[1], doc, exclude=subject)
    if content is None:
        return None
    return CueMatch(cue=cue, subject=subject, inherited=inherited, content=content, kind="verb")


def _passive_frame(cue: Token, us: int, ue: int, doc: Doc) -> CueMatch | None:
    """"The issue was first reported by The Post", "it was claimed by X that …": the agent is the source."""
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if source is None or any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None  # "as reported by X" names a relay, handled with the other relay phrases
    placeholders = vocab.load("claims_sources").placeholder_subjects
    comps = [c for c in cue.children if c.dep_ == "ccomp" and us <= c.i < ue]
    said = comps or [c for c in cue.children if c.dep_ == "nsubjpass" and c.lower_ not in placeholders]
    content = clip_subtrees(said, us, ue, doc) if said else None
    if content is None:
        return None
    return CueMatch(cue=cue, subject=source, content=content, kind="verb")


def _left_noun_phrase(cue: Token, unit_start: int) -> Token | None:
    """The noun phrase just before a verb the parser left without a subject ("…, the Center disclosed")."""
    i = cue.i - 1
    while i >= unit_start and cue.doc[i].pos_ == "ADV":
        i -= 1
    if i < unit_start or cue.doc[i].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return cue.doc[i]


def noun_claim(noun: Token, unit: Unit, doc: Doc) -> CueMatch | None:
    """"Trump's claim that …", "the ministry's statement that …": the possessor said the that-clause;
    "Clinton's plan to …", "the union's refusal to …": the possessor's intention."""
    owner = _noun_owner(noun)
    clause = _that_clause(noun)
    if clause is None:
        clause = _intended(noun)
    if clause is None:
        clause = _noun_topic(noun)
    if owner is None or clause is None:
        return None
    content = clip_subtrees([clause], unit[0], unit[1], doc)
    if content is None:
        return None
    return CueMatch(cue=noun, subject=owner, content=content, kind="noun")


def _noun_owner(noun: Token) -> Token | None:
    """The possessor ("Trump's claim"), or a named owner as a compound ("a New York Times report that …")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    return owner


def _that_clause(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ in CLAUSE_LINKS and c.i > noun.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _intended(noun: Token) -> Token | None:
    """The infinitive of a noun of intention ("plan to …", "refusal to …")."""
    if noun.lemma_.lower() not in vocab.load("attitude_verbs").intention_nouns:
        return None
    return next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i
                 and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)), None)


def _noun_topic(noun: Token) -> Token | None:
    """What the statement is about: "Trump's comments about Machado", "the ministry's warning over the strikes"."""
    prepositions = vocab.load("reporting_verbs").claim_noun_prepositions
    return next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in prepositions
                 and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)), None)


def according_claim(tok: Token, unit: Unit, doc: Doc) -> CueMatch | None:
    """"…, according to X": X said the rest of the unit."""
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
        name_end = _name_before_subject(doc, to.i + 1, source)
        if name_end is not None:  # "According to Al-Manar Syrian forces have been carrying out …"
            source, hi = doc[name_end], name_end
        content = trim_span(doc, hi + 1, ue - 1)
    if content is None:
        return None
    return CueMatch(cue=tok, cue_end=to, subject=source, content=content, kind="according")


def according_conjuncts(match: CueMatch) -> list[CueMatch]:
    """"according to the Syrian Observatory and the Civil Defence", "according to the Observatory and Kurdish
    officials" (the parser reads "Observatory" as a modifier of "officials"): each source of a phrase joined
    by one "and" says the content, when both name a speaker ("according to type location flight patterns
    and munitions used" names none), a name the parser read as an adjective has its own article, and the
    "and" is not inside a document's "by" phrase."""
    if match.kind != "according" or match.cue.lower_ != "according" or match.cue_end is None:
        return [match]
    doc = match.cue.doc
    lo, hi = match.cue_end.i + 1, match.subject.right_edge.i
    joins = [t for t in doc[lo:hi + 1] if t.lower_ == "and" and t.pos_ == "CCONJ"]
    if len(joins) != 1:
        return [match]
    parts = [doc[lo:joins[0].i], doc[joins[0].i + 1:hi + 1]]
    heads = [next((t for t in reversed(part) if _names_a_speaker(t)), None) for part in parts]
    if any(head is None for head in heads) or any(t.lower_ == "by" for t in parts[0]):
        return [match]  # "according to a tally by the Center for … and USA TODAY": one document's authors
    if any(head is not None and head.pos_ == "ADJ" and part[0].pos_ != "DET"
           for part, head in zip(parts, heads, strict=True)):
        return [match]  # "according to Republican and Democratic strategists": two modifiers of one source
    return [CueMatch(cue=match.cue, cue_end=match.cue_end, subject=head, content=match.content, kind="according",
                     source_span=doc[part.start:head.i + 1])
            for part, head in zip(parts, heads, strict=True) if head is not None]


def _names_a_speaker(tok: Token) -> bool:
    """A capitalised name word (whatever the parser tagged it) or a noun for people or a body."""
    if tok.is_title and tok.pos_ in ("PROPN", "ADJ", "NOUN") and geo.demonym_country(tok.text) is None:
        return True
    return holds_positions(tok)


def _name_before_subject(doc: Doc, first: int, source: Token) -> int | None:
    """"According to the Observatory heavy bombardment has battered …", "According to Al-Manar Syrian forces
    have been …": without its comma the parser reads the name as a modifier of what was said's subject; the
    name ends at its last proper noun when only common words (the subject) follow it up to a finite verb."""
    hi = source.right_edge.i
    nxt = doc[hi + 1] if hi + 1 < len(doc) else None
    if source.pos_ == "PROPN" or nxt is None or nxt.tag_ not in ("VBD", "VBZ", "VBP", "MD"):
        return None
    names = [t.i for t in doc[first:source.i] if t.pos_ == "PROPN"]
    if not names:
        return None
    for i in names[1:]:  # "According to SANA al-Nusra militants …": a second name starts at its article
        if doc[i].text.islower() and doc[i - 1].pos_ == "PROPN" and (doc[i - 1].is_title or doc[i - 1].is_upper):
            return i - 1
    last = names[-1]
    inside = all(t.pos_ in ("DET", "PROPN", "PUNCT") or t.lower_ in ("of", "for") for t in doc[first:last])
    subject = all(t.pos_ in ("ADJ", "NOUN", "NUM") and (not t.is_title or geo.demonym_country(t.text) is not None)
                  for t in doc[last + 1:source.i + 1])  # "heavy bombardment", "Syrian forces"
    return last if inside and subject else None


def by_account_claim(tok: Token, unit: Unit, doc: Doc) -> CueMatch | None:
    """"gassing hundreds of people - by one report as many as 1300 -", "tolls from 500 to - by one account -
    some 1300": a figure set off as one source's count; the source is the account, the content the figure."""
    sources: ClaimSources = vocab.load("claims_sources")
    ue = unit[1]
    if tok.i + 2 >= ue or doc[tok.i + 1].lower_ not in sources.account_determiners:
        return None
    noun = doc[tok.i + 2]
    if noun.lemma_.lower() not in sources.framing_nouns and noun.lower_ not in sources.framing_nouns:
        return None
    lo = noun.i + 1
    while lo < ue and doc[lo].is_punct:
        lo += 1
    hi = lo
    while hi < ue and (doc[hi].pos_ in ("NUM", "ADJ", "ADV", "DET", "NOUN") or doc[hi].lower_ in ("as", "than")):
        hi += 1
    if not any(t.pos_ == "NUM" or t.like_num for t in doc[lo:hi]):
        return None
    content = trim_span(doc, lo, hi - 1)
    if content is None:
        return None
    return CueMatch(cue=tok, cue_end=noun, subject=noun, content=content, kind="according",
                    source_span=doc[tok.i + 1:noun.i + 1])


def in_document_claim(tok: Token, unit: Unit, doc: Doc) -> CueMatch | None:
    """"In this poll, Trump rose …", "…, in a new survey": a clause set in a document that reports it."""
    sources: ClaimSources = vocab.load("claims_sources")
    source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    host = tok.head
    if (tok.dep_ != "prep" or source is None or source.lemma_.lower() not in sources.framing_nouns
            or host.pos_ not in ("VERB", "AUX") or host.lemma_.lower() in vocab.load("reporting_verbs").stance):
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
    return CueMatch(cue=tok, cue_end=tok, subject=source, content=content, kind="according")


def transcript_claim(colon: Token, units: Units, unit_of: dict[int, int], doc: Doc) -> CueMatch | None:
    """"PENCE: We will win": the label's speaker said the rest of the line (or the next line)."""
    ue = units[unit_of[colon.i]][1]
    content = trim_span(doc, colon.i + 1, ue - 1)
    if content is None and unit_of.get(ue) is not None:
        ns, ne = units[unit_of[ue]]
        content = trim_span(doc, ns, ne - 1)
    if content is None:
        return None
    return CueMatch(cue=colon, subject=doc[colon.i - 1], content=content, kind="colon")


DASH_NAME = re.compile(r"(?<=[\"“”'’.!?])[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*"
                       r"([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,4})\.?[ \t\u00a0]*(?=\n|$|[\"“”])")


def dash_quotes(doc: Doc, text: str) -> list[CueMatch]:
    """"“We need change.” ― Jane Doe": a quote signed with a dash and a name right after it."""
    min_chars = settings().claims.signed_quote_min_chars
    found = []
    for m in DASH_NAME.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev = list(DASH_NAME.finditer(text, line_start, m.start()))
        start = prev[-1].end() if prev else line_start
        while start < m.start() and text[start].isspace():
            start += 1
        if start >= m.start() or text[start] not in "\"“”" or m.start() - start < min_chars:
            continue
        name = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        cue = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or cue is None or not len(name) or not len(cue):
            continue
        found.append(CueMatch(cue=cue[0], subject=name[-1], source_span=name, content=(start, m.start()),
                              kind="dash"))
    return found


def merge_according(matches: list[CueMatch], unit_of: dict[int, int]) -> list[CueMatch]:
    """"X said …, according to SANA": the according-phrase is the relay of X's claim, not a claim."""
    # only a reporting verb makes the phrase a relay: "Clinton wants …, according to aides" is the aides' claim
    reporting = vocab.load("reporting_verbs").stance
    verbs_by_unit = {unit_of[m.cue.i] for m in matches if m.kind == "verb" and m.cue.lemma_.lower() in reporting}
    # a figure "by one report" is that report's, whoever else speaks in the sentence
    return [m for m in matches if not (m.kind == "according" and m.cue.lower_ != "by"
                                       and unit_of[m.cue.i] in verbs_by_unit)]
