"""Denials reported after the charge they deny, in a relative or reduced clause.

News style states an accusation and hangs its denial on it: "Damascus has accused rebels of shelling the
safe corridors, which rebels have denied", "… it cooperates with Damascus, an accusation the YPG has
denied", "… killing over 1000 civilians with poison gas - an accusation dismissed by the government". The
denying verb then has no clause of its own (its object is "which", or the charge noun it modifies), so
no content shape of ``contents`` fits; what it denies is the clause before the relative pronoun or the
charge noun, and its speaker is the relative clause's subject or the passive's agent.

A denial named by a noun ("repeated denials by Assad", "the governments denial", "Syrian government denials",
"denials from the Assad administration") is its owner's denied claim too: what it denies is the noun's own
charge ("denial of any role", "denial that …"), else the accusation the sentence states before the clause the
noun sits in ("World powers have pointed the finger at Assad but Muallem repeated the governments denial"),
else only the noun phrase itself (the corpus layer then reads the charge from the headline).

A negation in what a speaker says is a denial only when it rejects a charge or a report (``negated_denial``, words
in ``data/denials.json``): "the ministry said Russian planes had not carried out air strikes", "there was no truth
to the reports"; "the gas had never been used before" and "they would never have left" keep their own polarity.
A denying verb whose object is a demand takes a position ("rejected the demand they withdraw": ``rejects_a_request``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph import vocab
from newsgraph.nlp.claims.runons import has_clause, speaker_word
from newsgraph.nlp.claims.spans import CueMatch, Unit, clip_subtrees, trim_span
from newsgraph.vocab.claims import ReportingVerbs
from newsgraph.vocab.denials import DenialWords

RELATIVE_PRONOUNS = ("which", "that")
OWNER_PREPOSITIONS = ("by", "from")
OWNER_TYPES = ("PERSON", "ORG", "GPE", "NORP")


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


def nominal_denial(noun: Token, unit: Unit, doc: Doc) -> CueMatch | None:
    """"repeated denials by Assad", "the governments denial", "Syrian government denials": the owner denies
    the noun's charge, the accusation before it in the sentence, or (with neither) what the phrase names."""
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    if noun.lemma_.lower() not in verbs.denial_nouns:
        return None
    us, ue = unit
    if noun.left_edge.i == us and not any(c.dep_ in ("det", "poss") for c in noun.children):
        return None  # a heading run into the sentence: "Regime denial Meanwhile Syrian authorities denied …"
    owner = _denier(noun)
    if owner is None:
        return None
    content = _own_charge(noun, us, ue, doc) or _charge_before(noun, us, doc)
    if content is None:
        content = clip_subtrees([noun], us, ue, doc)
    if content is None:
        return None
    return CueMatch(cue=noun, subject=owner, content=content, kind="noun", source_span=_owner_words(noun, owner))


def _owner_words(noun: Token, owner: Token) -> Span | None:
    """A compound owner's words with the modifiers the parser hung on the noun: "Syrian government denials",
    "the governments denial" (not "repeated": a modifier of the denial, not of who denies)."""
    if owner.dep_ != "compound":
        return None
    lo = noun.left_edge.i
    doc = noun.doc
    while lo < owner.i and (doc[lo].tag_ in ("VBN", "VBD", "VBG", "RB")
                            or (doc[lo].pos_ == "ADJ" and not doc[lo].ent_type_)):
        lo += 1
    return doc[lo:owner.i + 1]


def _denier(noun: Token) -> Token | None:
    """Who denies: the possessor, "by"/"from" someone after the noun, or a speaker noun compounded before it
    ("governments denial", scraped of its apostrophe)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in OWNER_PREPOSITIONS):
        owner = next((g for g in prep.children if g.dep_ == "pobj" and _speaks(g)), None)
        if owner is not None:
            return owner
    return next((c for c in reversed(list(noun.lefts)) if c.dep_ == "compound" and _speaks(c)), None)


def _speaks(tok: Token) -> bool:
    return speaker_word(tok) or tok.ent_type_ in OWNER_TYPES


def _own_charge(noun: Token, us: int, ue: int, doc: Doc) -> tuple[int, int] | None:
    """"denial of any role in the attack", "denial that its forces used gas", "denial it had used gas"."""
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ == "prep" and c.lower_ == "of":
            objects = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                return clip_subtrees(objects, us, ue, doc)
        if c.dep_ in ("acl", "ccomp") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            return clip_subtrees([c], us, ue, doc)
    return None


def _charge_before(noun: Token, us: int, doc: Doc) -> tuple[int, int] | None:
    """The clause the noun's own clause follows and hangs on: "World powers have pointed the finger at Assad
    but Muallem repeated the governments denial", "… forces were responsible for the attack contradicting
    repeated denials by Assad"."""
    clause = _verb_above(noun)
    if clause is None or clause.head.i == clause.i or clause.head.i > clause.i:
        return None
    host = _verb_above(clause)
    if host is None:
        return None
    lo, hi = max(host.left_edge.i, us), clause.left_edge.i - 1
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    if host.lemma_.lower() in verbs.stance:  # "… 1400 people Human Rights Watch said contradicting denials by X"
        lo, hi = _reported_before(host, clause, us) or (lo, hi)
    while hi >= lo and (doc[hi].dep_ == "cc" or doc[hi].is_punct or doc[hi].is_space):
        hi -= 1  # "… at the government of Bashar al-Assad but"
    if hi < lo or not has_clause(doc, lo, hi + 1):
        return None
    return trim_span(doc, lo, hi)


def _reported_before(frame: Token, clause: Token, us: int) -> tuple[int, int] | None:
    """What a reporting verb the denial's clause hangs on reports: its clausal complement, or the words
    before the verb when the parser found no subject for it (less the name closing them)."""
    doc = frame.doc
    comps = [c for c in frame.children if c.dep_ == "ccomp" and c.i != clause.i]
    if comps:
        return max(comps[0].left_edge.i, us), comps[0].right_edge.i
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in frame.children):
        return None
    hi = frame.i - 1
    while hi > us and doc[hi].pos_ == "PROPN":
        hi -= 1
    return us, hi


def _verb_above(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (not ``tok`` itself)."""
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def rejects_a_request(cue: Token) -> bool:
    """"Rebels have rejected the demand they withdraw", "rejected a US plea to halt flights": a denying verb
    whose object is a demand or a proposal takes a position; it denies no report."""
    words: DenialWords = vocab.load("denials")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in words.request_nouns for c in cue.children)


def negated_denial(span: Span) -> bool:
    """A reported clause that rejects a charge or a report: its main verb negated, a charge's predicate
    ("Russian planes had not carried out air strikes", "the army has not used them", "its aircraft were not
    involved", "was not responsible for the bombing") with a party as its doer, or "no truth to the reports",
    "had no role in the attack". A negation that rejects no charge keeps the content asserted: "the gas had
    never been used before" (no doer), "they would never have left their hometowns" (no charge), "will not use
    them" (a pledge)."""
    words: DenialWords = vocab.load("denials")
    lo, hi = span.start_char, span.end_char
    return any(_main(tok, lo, hi) and _denies_charge(tok, words) for tok in span) or any(
        _no_charge_noun(tok, words) for tok in span)


def _main(tok: Token, lo: int, hi: int) -> bool:
    """The content's main verb, or a verb conjoined to it ("has not, did not and will not use")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.i == tok.i or not lo <= tok.head.idx < hi


def _denies_charge(verb: Token, words: DenialWords) -> bool:
    chain = _coordination(verb)
    negated = [v for v in chain if _negated(v, words)]
    if not negated or all(_hypothetical(v, words) for v in negated):
        return False  # "will not use them", "would never have left": a pledge or a condition, not a denial
    if any(c.dep_ == "mark" and c.lower_ in words.condition_marks for v in chain for c in v.children):
        return False  # "if the army had not killed the militants …"
    subjects = next((found for found in (_subjects(v) for v in chain) if found), [])
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    lemma = verb.lemma_.lower()
    if lemma == "be" or (lemma == "involve" and passive):
        return any(_actor(s, words) for s in subjects) and (lemma == "involve" or any(
            c.dep_ in ("acomp", "attr", "prep") and c.lower_ in words.responsibility_words for c in verb.children))
    if _predicate(verb) not in words.accusation_predicates:
        return False
    if passive:  # "the attack was not carried out by the army"; not "the gas had never been used"
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return agent is not None and any(_actor(g, words) for g in agent.children if g.dep_ == "pobj")
    return any(_actor(s, words) for s in subjects)


def _coordination(verb: Token) -> list[Token]:
    """The verb and the verbs it is conjoined to sharing their subject: "did not and will not use" is one negated
    predicate; "… was not an isolated case and that Russian warplanes targeted …" is two clauses."""
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head.i != chain[-1].i and not _subjects(chain[-1]):
        chain.append(chain[-1].head)
    return chain


def _with_auxiliaries(verb: Token) -> list[Token]:
    """The verb's children and its auxiliaries' (the parser hangs "not" and the subject on "has" in "has not
    and does not use")."""
    children = list(verb.children)
    return children + [g for c in children if c.dep_ == "aux" for g in c.children]


def _negated(verb: Token, words: DenialWords) -> bool:
    return any(c.dep_ == "neg" and c.lower_ in words.negations for c in _with_auxiliaries(verb))


def _hypothetical(verb: Token, words: DenialWords) -> bool:
    """Only modal auxiliaries ("will not", "would never have"), besides a bare "have" or "be"."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux" and c.lower_ != "to"]
    modal = [a for a in auxiliaries if a in words.hypothetical_auxiliaries]
    return bool(modal) and len(modal) == len([a for a in auxiliaries if a not in ("have", "be")])


def _subjects(verb: Token) -> list[Token]:
    return [c for c in _with_auxiliaries(verb) if c.dep_ in ("nsubj", "nsubjpass", "csubj")]


def _predicate(verb: Token) -> str:
    """The verb's lemma with its particle: "carry out"."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _actor(tok: Token, words: DenialWords) -> bool:
    """A party a charge can name: a name, a personal pronoun, "the army", "its aircraft or those of its allies"."""
    if tok.pos_ == "PRON":
        return tok.lower_ in words.actor_pronouns
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN":
        return True
    compound = " ".join(t.lower_ for t in tok.lefts if t.dep_ == "compound")
    if tok.lemma_.lower() in words.actor_nouns or tok.lower_ in words.actor_nouns or (
            f"{compound} {tok.lower_}".strip() in words.actor_nouns):
        return True
    return any(_actor(c, words) for c in tok.children if c.dep_ == "conj")


def _no_charge_noun(tok: Token, words: DenialWords) -> bool:
    """"no truth to the reports", "no evidence to support the allegation", "had no role in the attack"."""
    if tok.lower_ != "no" or tok.dep_ != "det":
        return False
    noun = tok.head
    lemma = noun.lemma_.lower()
    if lemma in words.refutation_nouns:  # the report in the noun's phrase, or the verb's "to …" after it
        after = [t for t in noun.subtree if t.i > noun.i] + [
            t for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i for t in c.subtree]
        return any(t.lemma_.lower() in words.report_nouns for t in after)
    if lemma in words.responsibility_nouns and noun.dep_ in ("dobj", "attr"):
        return any(_actor(s, words) for s in _subjects(noun.head))
    return False
