"""Who leads an organisation, read off the parse where no title names it.

"the Rapid Support Forces, commanded by Mohamed Hamdan Dagalo" and "the army, led by General
Abdel Fattah al-Burhan" give ``leads``; "Khalifa Haftar's Libyan National Army" gives
``affiliated_with`` (a possessor may command, fund or merely back a force).  Titles ("RSF leader
X") are roles.py's job; this covers the participle and possessive forms news uses instead.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph import vocab
from newsgraph.model import Span
from newsgraph.nlp.doc_text import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsgraph.nlp.entities.groups import Group

INSTITUTIONS = ("ORG",)


@lru_cache(maxsize=1)
def _led_by_cue() -> re.Pattern[str]:
    """ ", led by", ", which is commanded by": the leading verbs read off the words, for parses that hang
    the participle elsewhere."""
    participles = "|".join(re.escape(p) for p in vocab.load("entity_words").leading_verbs.values())
    return re.compile(rf"\s*,?\s*(?:which is |who are |that is )?(?:{participles})"
                      r"\s+by\s+(?:(?:[A-Z][a-z]+\.?|the|its|former)\s+){0,3}")


def leadership_relations(groups: list[Group], doc: Doc) -> list[tuple[Group, str, Group, Span]]:
    text = doc_text(doc)  # spaCy joins the tokens again on every read of doc.text
    by_token = _groups_by_token(groups, doc)
    out = []
    for org in (g for g in groups if g.type in INSTITUTIONS):
        for mention in org.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            for child in root.children:
                leader = _led_by(child, by_token)
                if leader is not None:
                    out.append((leader, "leads", org, _evidence(text, child)))
                owner = by_token.get(child.i) if child.dep_ == "poss" else None
                if owner is not None and owner.type == "PER" and owner is not org:
                    out.append((owner, "affiliated_with", org, _evidence(text, child, root)))
            leader_span = _led_by_words(doc, text, mention.end, by_token)
            if leader_span is not None:
                leader, end = leader_span
                out.append((leader, "leads", org, Span(mention.start, end, text[mention.start:end])))
    return out


def _groups_by_token(groups: list[Group], doc: Doc) -> dict[int, Group]:
    by_token: dict[int, Group] = {}
    for group in groups:
        for mention in group.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    by_token[tok.i] = group
    return by_token


def _led_by_words(doc: Doc, text: str, after: int, by_token: dict[int, Group]) -> tuple[Group, int] | None:
    """The person named right after ", led by" following an organisation's name, and where it ends."""
    cue = _led_by_cue().match(text, after)
    if cue is None:
        return None
    nxt = doc.char_span(cue.end(), cue.end() + 1, alignment_mode="expand")
    if nxt is None or not len(nxt):
        return None
    leader = by_token.get(nxt[0].i)
    if leader is None or leader.type != "PER":
        return None
    at = nxt[0].idx
    return leader, next((m.end for m in leader.mentions if m.start <= at < m.end), at + len(nxt[0]))


def _led_by(child: Token, by_token: dict[int, Group]) -> Group | None:
    """', led by X' / ', commanded by X' hanging on the organisation's name."""
    leading_verbs = vocab.load("entity_words").leading_verbs
    if child.dep_ not in ("acl", "relcl") or child.lemma_.lower() not in leading_verbs or child.tag_ != "VBN":
        return None
    for agent in (c for c in child.children if c.dep_ == "agent"):
        for pobj in (c for c in agent.children if c.dep_ == "pobj"):
            leader = by_token.get(pobj.i)
            if leader is not None and leader.type == "PER":
                return leader
    return None


def _evidence(text: str, first: Token, last: Token | None = None) -> Span:
    tokens = list(first.subtree) + (list(last.subtree) if last is not None else [])
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Span(start, end, text[start:end])
