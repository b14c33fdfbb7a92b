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

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.nlp.claims.coref import source_nouns
from newsgraph.nlp.claims.spans import Offsets, Units, clip_subtrees

SubjectOf = Callable[[Token], tuple[Token | None, bool]]  # a verb's subject, and whether it was inherited
CLAUSES = ("ccomp",)
INFINITIVES = ("xcomp", "ccomp")
OBJECTS = ("dobj", "ccomp", "xcomp")
TOPIC_PREPOSITIONS = ("about", "of", "on", "over")
ADJECTIVE_PREPOSITIONS = ("about", "of", "on", "over", "with", "in", "toward", "towards", "to")


@lru_cache(maxsize=1)
def attitude_lexicon() -> dict[str, Any]:
    """lemma -> (verb class, stance), the pronouns that can hold a position, and nouns of intention."""
    data = json.loads(resources.files("newsgraph.data").joinpath("attitude_verbs.json").read_text("utf-8"))
    verbs: dict[str, tuple[str, str]] = {}
    for kind in ("topic", "cognition", "knowledge", "evaluation", "intention"):  # later classes win: "consider to"
        for stance in ("asserted", "hedged"):
            verbs.update({lemma: (kind, stance) for lemma in data[kind][stance]})
    adjectives = {lemma: ("adjective", stance) for stance in ("asserted", "hedged") for lemma in data["adjectives"][stance]}
    light = data["light_verbs"]
    stance_nouns = {lemma: stance for stance in ("asserted", "hedged") for lemma in light[stance]}
    return {"verbs": verbs, "adjectives": adjectives, "pronouns": frozenset(data["agent_pronouns"]),
            "nouns": frozenset(data["intention_nouns"]), "light_verbs": frozenset(light["verbs"]),
            "stance_nouns": stance_nouns, "no_fallback": frozenset(data["no_object_fallback"]),
            "not_after_have": frozenset(light["not_after_have"]),
            "intention_no_object": frozenset(data["intention"]["no_object"]),
            "physical_verbs": frozenset(data["physical_verbs"]), "physical_targets": frozenset(data["physical_targets"])}


def attitude_stance(cue: Token) -> str | None:
    """The stance an attitude cue expresses: its own, or its stance noun's ("expressed doubts" → hedged)."""
    lex = attitude_lexicon()
    lemma = cue.lemma_.lower()
    if lemma in lex["light_verbs"]:
        noun = _stance_noun(cue)
        if noun is not None:
            return lex["stance_nouns"][noun.lemma_.lower()]
    found = lex["verbs"].get(lemma) or lex["adjectives"].get(lemma)
    return found[1] if found else None


def holds_positions(subject: Token) -> bool:
    """A person, group or organisation (a proper name, a personal pronoun, a noun like "officials"), or a
    document that speaks for one ("the report recommends …", "the ad attacks …")."""
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":  # "Clinton, who wants …"
        return holds_positions(subject.head.head)
    if subject.pos_ == "PRON":
        return subject.lower_ in attitude_lexicon()["pronouns"]
    people, documents = source_nouns()
    return subject.pos_ == "NOUN" and any(w in people or w in documents for w in (subject.lemma_.lower(), subject.lower_))


def attitude_claim(cue: Token, units: Units, unit_of: dict[int, int], doc: Doc, subject_of: SubjectOf,
                   fallback: tuple[str, str] | None = None) -> dict[str, Any] | None:
    """The raw match for an attitude verb, or None when its subject or content does not fit.  ``fallback``
    is the verb class for a reporting verb no statement frame fitted ("is stressing the need to …")."""
    lex = attitude_lexicon()
    noun = _stance_noun(cue) if cue.lemma_.lower() in lex["light_verbs"] else None
    if cue.lemma_.lower() in lex["no_fallback"]:
        fallback = None
    found = ("light", "") if noun is not None else lex["verbs"].get(cue.lemma_.lower(), fallback)
    if found is None or cue.pos_ not in ("VERB", "AUX"):
        return None
    us, ue = units[unit_of[cue.i]]
    if cue.tag_ == "VBN" and (_passive(cue) or cue.dep_ == "acl"):
        return _passive_agent(cue, us, ue, doc)  # "is supported by X"; not "a group known as …"
    kind = found[0]
    subject, inherited = subject_of(cue)
    if subject is None or not holds_positions(subject):
        return None
    content = _noun_content(noun, cue, subject, us, ue, doc) if noun is not None else \
        _content(cue, kind, subject, us, ue, doc)
    if content is None:
        return None
    return {"cue": cue, "subject": subject, "inherited": inherited, "content": content, "kind": "verb"}


def adjective_claim(adj: Token, units: Units, unit_of: dict[int, int], doc: Doc,
                    subject_of: SubjectOf) -> dict[str, Any] | None:
    """"Graham has been critical of Trump", "aides were confident that …": the copula's subject holds it."""
    copula = adj.head
    if adj.dep_ != "acomp" or copula.pos_ not in ("AUX", "VERB") or copula.i == adj.i:
        return None
    subject, inherited = subject_of(copula)
    if subject is None or not holds_positions(subject):
        return None
    us, ue = units[unit_of[adj.i]]
    heads = [c for c in adj.children if c.i > adj.i and us <= c.i < ue and (
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ADJECTIVE_PREPOSITIONS))]
    if not heads:
        return None
    content = clip_subtrees(heads, us, ue, doc, exclude=subject)
    if content is None:
        return None
    return {"cue": adj, "subject": subject, "inherited": inherited, "content": content, "kind": "verb"}


def _stance_noun(verb: Token) -> Token | None:
    lex = attitude_lexicon()
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in lex["stance_nouns"]:
        return None
    if verb.lemma_.lower() in ("have", "enjoy") and obj.lemma_.lower() in lex["not_after_have"]:
        return None  # "has the support of 40 percent" is a poll figure, not a position
    return obj


def _noun_content(noun: Token, verb: Token, subject: Token, us: int, ue: int, doc: Doc) -> Offsets | None:
    """What "expressed misgivings about …", "made the case that …" is about: the noun's or the verb's
    prepositional object, or the noun's clause."""
    for host in (noun, verb):
        heads = [c for c in host.children if c.i > noun.i and us <= c.i < ue and (
            (c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to")
                                                       for m in c.children))
            or (c.dep_ == "prep" and c.lower_ in ADJECTIVE_PREPOSITIONS + ("for", "against", "regarding")
            and not any(t.ent_type_ in ("DATE", "TIME", "PERCENT") for t in c.subtree)))]
        if heads:
            return clip_subtrees(heads, us, ue, doc, exclude=subject)
    return None


def _passive_agent(cue: Token, us: int, ue: int, doc: Doc) -> dict[str, Any] | None:
    """"Clinton is supported by most editorial boards": the agent holds the position about the subject."""
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    target = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if source is None or target is None or not holds_positions(source) or cue.dep_ == "acl":
        return None
    content = clip_subtrees([target], us, ue, doc)
    if content is None:
        return None
    return {"cue": cue, "subject": source, "inherited": False, "content": content, "kind": "verb"}


def _finite(clause: Token) -> bool:
    """"knows that the vote will be close", not the bare infinitive of perception ("saw him leave")."""
    return clause.tag_ != "VB" or any(c.dep_ in ("aux", "mark") for c in clause.children)


def _passive(cue: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children)


def _content(cue: Token, kind: str, subject: Token, us: int, ue: int, doc: Doc) -> Offsets | None:
    after = [c for c in cue.children if c.i > cue.i and us <= c.i < ue]
    if kind == "cognition":
        heads = [c for c in after if c.dep_ in CLAUSES and _finite(c)]
        # "sees the deal as a win", "views him as …": object and its predicate together
        as_prep = [c for c in after if c.dep_ == "prep" and c.lower_ == "as"]
        if not heads and as_prep:
            heads = [c for c in after if c.dep_ == "dobj"] + as_prep
    elif kind == "intention":
        heads = [c for c in after if c.dep_ in INFINITIVES]
        heads = heads or [c for c in after if c.dep_ == "prep" and c.lower_ in ("for", "against")]
        if not heads and cue.lemma_.lower() not in attitude_lexicon()["intention_no_object"]:
            heads = [c for c in after if c.dep_ == "dobj"]  # "wants lower taxes", "refused the offer"
    elif kind == "knowledge":
        heads = [c for c in after if (c.dep_ in CLAUSES and _finite(c)) or c.dep_ == "dobj"
                 or (c.dep_ == "prep" and c.lower_ in ("of", "about"))]
    elif kind == "topic":
        heads = [c for c in after if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS]
    else:
        heads = [c for c in after if c.dep_ in OBJECTS]
        prep = [c for c in after if c.dep_ == "prep" and c.lower_ in ("for", "as", "over", "against")]
        # "railed against the deal" has no object; "attacked on Monday" names no target
        heads = heads + prep if heads else [p for p in prep if p.lower_ == "against"]
    heads = [h for h in heads if h.i != subject.i]
    if not heads or (kind == "evaluation" and _physical_target(cue, heads)):
        return None
    return clip_subtrees(heads, us, ue, doc, exclude=subject)


def _physical_target(cue: Token, heads: list[Token]) -> bool:
    """"attacked more than 50 vessels", "hit the base": violence against a concrete target, not a position."""
    lex = attitude_lexicon()
    if cue.lemma_.lower() not in lex["physical_verbs"]:
        return False
    for head in heads:
        if head.dep_ != "dobj":
            continue
        if head.lemma_.lower() in lex["physical_targets"] or head.ent_type_ in ("GPE", "LOC", "FAC", "PRODUCT"):
            return True
        if any(t.like_num or t.ent_type_ == "CARDINAL" for t in head.subtree if t.i < head.i):
            return True
    return False
