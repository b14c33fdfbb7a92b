"""Attributed positions: intentions, evaluations and beliefs of a named source.

"Clinton wants to …", "the union plans to …", "Trump attacked the deal",
"we know that …": for an analyst these are positions a source holds, and
PolNeAR counts them as attributions.  They are riskier than reporting verbs
("a bulldozer pushed the mound", "you saw the tweet"), so the rules ask more:
the subject must be a person, group or named organisation, and each verb
class takes only its own kind of content (``data/attitude_verbs.json``):

* intention   the infinitive or clause ("plans to reform …"; "called for …");
* evaluation  the object or a clause ("supports the bill");
* cognition   a finite clause only ("thinks that …", "sees the deal as a win"; not "saw him leave");
* knowledge   a clause, an object or what it is about ("knows that …", "recognizes the danger");
* light verbs with a stance noun ("expressed misgivings about …", "made the case for …");
* topic       the object of about/of/on/over ("spoke about her faith", "worried about turnout");
* adjectives  predicate adjectives with their clause or object ("is critical of …", "was sure that …").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsgraph import vocab
from newsgraph.nlp.claims.spans import CueMatch, Offsets, Units, clip_subtrees, trim_span
from newsgraph.vocab.claims import AttitudeClass, AttitudeVerbs, ClaimSources

SubjectOf = Callable[[Token], tuple[Token | None, bool]]  # a verb's subject, and whether it was inherited
CLAUSES = ("ccomp",)
INFINITIVES = ("xcomp", "ccomp")
OBJECTS = ("dobj", "ccomp", "xcomp")


def _words() -> AttitudeVerbs:
    words: AttitudeVerbs = vocab.load("attitude_verbs")
    return words


def attitude_stance(cue: Token) -> str | None:
    """The stance an attitude cue expresses: its own, or its stance noun's ("expressed doubts" → hedged)."""
    words = _words()
    lemma = cue.lemma_.lower()
    if lemma in words.light_verbs:
        noun = _stance_noun(cue)
        if noun is not None:
            return words.stance_nouns[noun.lemma_.lower()]
    if lemma in words.verbs:
        return words.verbs[lemma][1]
    return words.adjectives.get(lemma)


def holds_positions(subject: Token) -> bool:
    """A person, group or organisation (a proper name, a personal pronoun, a noun like "officials"), or a
    document that speaks for one ("the report recommends …", "the ad attacks …")."""
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":  # "Clinton, who wants …"
        return holds_positions(subject.head.head)
    if subject.pos_ == "PRON":
        return subject.lower_ in _words().agent_pronouns
    sources: ClaimSources = vocab.load("claims_sources")
    return subject.pos_ == "NOUN" and any(w in sources.person_nouns or w in sources.document_nouns
                                          for w in (subject.lemma_.lower(), subject.lower_))


def attitude_claim(cue: Token, units: Units, unit_of: dict[int, int], doc: Doc, subject_of: SubjectOf,
                   fallback: tuple[AttitudeClass, str] | None = None) -> CueMatch | None:
    """The match for an attitude verb, or None when its subject or content does not fit.  ``fallback``
    is the verb class for a reporting verb no statement frame fitted ("is stressing the need to …")."""
    words = _words()
    lemma = cue.lemma_.lower()
    noun = _stance_noun(cue) if lemma in words.light_verbs else None
    if lemma in words.no_object_fallback:
        fallback = None
    kind = words.verbs[lemma][0] if lemma in words.verbs else (fallback[0] if fallback else None)
    if (noun is None and kind is None) or cue.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in words.agenda_verbs and _purpose_infinitive(cue):
        return None  # "will hold a meeting to discuss the attack": what a meeting is for, not a position
    if kind == "intention" and cue.tag_ == "VBG" and cue.dep_ == "acl":
        return None  # "rebels seeking to end his rule", "regime forces seeking to encircle": a description
    us, ue = units[unit_of[cue.i]]
    if cue.tag_ == "VBN" and (_passive(cue) or cue.dep_ == "acl"):
        return _passive_agent(cue, us, ue, doc)  # "is supported by X"; not "a group known as …"
    subject, inherited = subject_of(cue)
    if subject is None or not holds_positions(subject):
        return None
    content = (_noun_content(noun, cue, subject, us, ue, doc) if noun is not None
               else _verb_content(cue, kind, subject, us, ue, doc) if kind is not None else None)
    if content is None:
        return None
    return CueMatch(cue=cue, subject=subject, inherited=inherited, content=content, kind="verb")


def _purpose_infinitive(verb: Token) -> bool:
    """"to discuss" as the purpose of another verb or noun ("hold a meeting to discuss …", "travelled to Ankara
    to discuss …"), not the object of a verb of wanting ("wants to discuss …" is an xcomp); only for
    ``agenda_verbs`` ("the latest newspaper to endorse Clinton" is a position)."""
    return verb.tag_ == "VB" and verb.dep_ in ("advcl", "acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def adjective_claim(adj: Token, units: Units, unit_of: dict[int, int], doc: Doc,
                    subject_of: SubjectOf) -> CueMatch | None:
    """"Graham has been critical of Trump", "aides were confident that …": the copula's subject holds it."""
    copula = adj.head
    if adj.dep_ != "acomp" or copula.pos_ not in ("AUX", "VERB") or copula.i == adj.i:
        return None
    subject, inherited = subject_of(copula)
    if subject is None or not holds_positions(subject):
        return None
    us, ue = units[unit_of[adj.i]]
    prepositions = _words().adjective_prepositions
    heads = [c for c in adj.children if c.i > adj.i and us <= c.i < ue and (
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in prepositions))]
    if not heads:
        return None
    content = clip_subtrees(heads, us, ue, doc, exclude=subject)
    if content is None:
        return None
    return CueMatch(cue=adj, subject=subject, inherited=inherited, content=content, kind="verb")


def _stance_noun(verb: Token) -> Token | None:
    words = _words()
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in words.stance_nouns:
        return None
    if verb.lemma_.lower() in words.possession_verbs and obj.lemma_.lower() in words.not_after_possession:
        return None  # "has the support of 40 percent" is a poll figure, not a position
    return obj


def _noun_content(noun: Token, verb: Token, subject: Token, us: int, ue: int, doc: Doc) -> Offsets | None:
    """What "expressed misgivings about …", "made the case that …" is about: the noun's or the verb's
    prepositional object, or the noun's clause."""
    prepositions = _words().light_prepositions
    for host in (noun, verb):
        heads = [c for c in host.children if c.i > noun.i and us <= c.i < ue and (
            (c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to")
                                                       for m in c.children))
            or (c.dep_ == "prep" and c.lower_ in prepositions
                and not any(t.ent_type_ in ("DATE", "TIME", "PERCENT") for t in c.subtree)))]
        if heads:
            return clip_subtrees(heads, us, ue, doc, exclude=subject)
    return None


def _passive_agent(cue: Token, us: int, ue: int, doc: Doc) -> CueMatch | None:
    """"Clinton is supported by most editorial boards": the agent holds the position about the subject."""
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    target = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if source is None or target is None or not holds_positions(source) or cue.dep_ == "acl":
        return None
    if cue.lemma_.lower() in _words().sponsorship_verbs and source.ent_type_ == "GPE":
        return None  # "the operation has been backed by Moscow": a country's material backing
    content = clip_subtrees([target], us, ue, doc)
    if content is None:
        return None
    return CueMatch(cue=cue, subject=source, content=content, kind="verb")


def _finite(clause: Token) -> bool:
    """"knows that the vote will be close", not the bare infinitive of perception ("saw him leave")."""
    return clause.tag_ != "VB" or any(c.dep_ in ("aux", "mark") for c in clause.children)


def _passive(cue: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children)


def _preps(tokens: list[Token], words: frozenset[str]) -> list[Token]:
    return [c for c in tokens if c.dep_ == "prep" and c.lower_ in words]


def _cognition(cue: Token, after: list[Token]) -> list[Token]:
    """A finite clause; else "sees the deal as a win": the object with its predicate."""
    heads = [c for c in after if c.dep_ in CLAUSES and _finite(c)]
    predicate = _preps(after, _words().cognition_predicate_prepositions)
    if not heads and predicate:
        heads = [c for c in after if c.dep_ == "dobj"] + predicate
    return heads


def _intention(cue: Token, after: list[Token]) -> list[Token]:
    """The infinitive or clause; else "called for talks"; else the object ("wants lower taxes") unless the
    verb's object is no position ("planned a rally")."""
    words = _words()
    thing = _thing_sought(cue)
    if thing is not None:  # "considering air strikes to try to deter him": the infinitive is the purpose
        return [thing] if thing.i > cue.i else []
    heads = [c for c in after if c.dep_ in INFINITIVES] or _preps(after, words.intention_prepositions)
    if not heads and cue.lemma_.lower() not in words.intention_no_object:
        heads = [c for c in after if c.dep_ == "dobj"]
    return heads


def _thing_sought(cue: Token) -> Token | None:
    """The thing a verb of intention has as its object beside an infinitive, which then says what the thing is
    for: "are considering air strikes to try to deter him", "the intervention that rebel leaders have sought to
    break a stalemate" (the relative clause's object is its noun).  Not a person or group, whom the infinitive
    is about ("pushes Syria to allow", "wants him to resign")."""
    if not any(c.dep_ == "xcomp" for c in cue.children):
        return None
    thing = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if thing is None and cue.dep_ == "relcl" and any(c.dep_ in ("dobj", "mark") and c.i < cue.i and
                                                     c.lower_ in ("that", "which") for c in cue.children):
        thing = cue.head
    sources: ClaimSources = vocab.load("claims_sources")
    if thing is None or thing.pos_ != "NOUN" or thing.ent_type_ or thing.lemma_.lower() in sources.person_nouns \
            or thing.lemma_.lower() in sources.body_nouns:
        return None
    return thing


def _knowledge(cue: Token, after: list[Token]) -> list[Token]:
    """A finite clause, the object, or what it is of or about ("knew of the plan")."""
    prepositions = _words().knowledge_prepositions
    return [c for c in after if (c.dep_ in CLAUSES and _finite(c)) or c.dep_ == "dobj"
            or (c.dep_ == "prep" and c.lower_ in prepositions)]


def _topic(cue: Token, after: list[Token]) -> list[Token]:
    """What it is about: "spoke about her faith"."""
    return _preps(after, _words().topic_prepositions)


def _evaluation(cue: Token, after: list[Token]) -> list[Token]:
    """The object or clause, with "for"/"as" phrases; with no object only "railed against the deal" (not
    "attacked on Monday")."""
    words = _words()
    heads = [c for c in after if c.dep_ in OBJECTS]
    prep = _preps(after, words.evaluation_prepositions)
    return heads + prep if heads else [p for p in prep if p.lower_ in words.evaluation_bare_prepositions]


CONTENT_HEADS: dict[AttitudeClass, Callable[[Token, list[Token]], list[Token]]] = {
    "cognition": _cognition, "intention": _intention, "knowledge": _knowledge, "topic": _topic,
    "evaluation": _evaluation}


def _verb_content(cue: Token, kind: AttitudeClass, subject: Token, us: int, ue: int, doc: Doc) -> Offsets | None:
    after = [c for c in cue.children if c.i > cue.i and us <= c.i < ue]
    heads = [h for h in CONTENT_HEADS[kind](cue, after) if h.i != subject.i]
    if not heads and kind == "evaluation" and _verb_read_as_modifier(cue, subject, ue):
        # "the Russian Foreign Ministry condemned coalitions airstrikes in Raqqa": with the apostrophe stripped
        # the parser reads the verb as a modifier of the noun after it; the object is the rest of the sentence
        last = ue - 1
        while last > cue.i and doc[last].is_punct:
            last -= 1
        return trim_span(doc, cue.i + 1, last)
    if not heads or (kind == "evaluation" and _physical_target(cue, heads)):
        return None
    return clip_subtrees(heads, us, ue, doc, exclude=subject)


def _verb_read_as_modifier(cue: Token, subject: Token, ue: int) -> bool:
    """A finite verb with a subject of its own that the parser hung on the noun after it as a modifier."""
    return (cue.dep_ == "amod" and cue.tag_ == "VBD" and subject.head.i == cue.i and subject.i < cue.i
            and cue.head.i == cue.i + 1 < ue and cue.head.pos_ in ("NOUN", "PROPN"))


def _physical_target(cue: Token, heads: list[Token]) -> bool:
    """"attacked more than 50 vessels", "hit the base": violence against a concrete target, not a position."""
    words = _words()
    if cue.lemma_.lower() not in words.physical_verbs:
        return False
    with_phrases = [c for c in cue.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > cue.i]
    if any(t.lemma_.lower() in words.physical_instruments for p in with_phrases for t in p.subtree):
        return True  # "attacked government forces with two suicide car bombs", "hammering them with rocket fire"
    for head in heads:
        if head.dep_ != "dobj":
            continue
        if head.lemma_.lower() in words.physical_targets or head.ent_type_ in ("GPE", "LOC", "FAC", "PRODUCT"):
            return True
        if any(t.like_num or t.ent_type_ == "CARDINAL" for t in head.subtree if t.i < head.i):
            return True
    return False
