"""Mentions by description: "the foreign minister", "the spokesman", "the Britain-based monitor".

After "Foreign Minister Walid al-Muallem" the text says "the foreign minister reiterated";
after "the UK-based Syrian Observatory for Human Rights" it says "the Britain-based monitor" or
"the monitoring group".  Such a phrase is a mention of the one entity of the document it
describes, added to that entity (so claims and events find it through the entity index):

- a title alone refers to the person the document gave that title; its modifiers must be in the
  role ("the Russian foreign minister" is not the Syrian one), and when several people hold it,
  to the one named last before the phrase (none when none was named before it);
- "the monitor", "the monitoring group" (``monitor_descriptors``) refer to the one monitoring
  organisation the document names ("... Observatory ...", "... Network for Human Rights");
- "the X-based group" refers to the organisation the document itself called X-based.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph import geo, vocab
from newsgraph.model import Mention
from newsgraph.nlp.doc_text import doc_text
from newsgraph.nlp.entities.groups import Group
from newsgraph.nlp.token_arrays import tokens_where
from newsgraph.vocab.entities import EntityWords


def attach_descriptors(groups: list[Group], doc: Doc) -> None:
    _attach_titles(groups, doc)
    _attach_organisation_descriptions(groups, doc_text(doc))


def _taken(groups: list[Group]) -> list[tuple[int, int]]:
    """Spans already mentions; a place may stand inside a description ("the Britain-based monitor")."""
    spans = [(m.start, m.end) for g in groups if g.type not in ("GPE", "LOC") for m in g.mentions]
    return spans + [(m.start, m.end) for g in groups if g.type not in ("GPE", "LOC") for m in g.extra]


# --- titles alone --------------------------------------------------------------------------

def _attach_titles(groups: list[Group], doc: Doc) -> None:
    """ "the analyst said": a title alone refers to the person the text gave that title."""
    by_head = _people_by_role_head(groups)
    taken = _taken(groups)
    determiners = vocab.load("entity_words").descriptor_determiners
    text = doc_text(doc)
    for tok in tokens_where(doc, "LOWER", by_head):  # the words a role's head is written as
        owners = by_head.get(tok.lower_)
        if not owners or tok.dep_ == "compound":
            continue
        descriptor = _descriptor(doc, tok, determiners)
        if descriptor is None or any(s < descriptor[1] and descriptor[0] < e for s, e in taken):
            continue
        start, end = descriptor
        owner = _title_holder(owners, _modifiers(tok), tok.lower_, start)
        if owner is not None and not any(r.start <= start < r.end for r in owner.roles):
            owner.extra.append(Mention(start, end, text[start:end]))


def _people_by_role_head(groups: list[Group]) -> dict[str, list[Group]]:
    by_head: dict[str, list[Group]] = {}
    for g in groups:
        for role in g.roles:
            by_head.setdefault(role.head, [])
            if g not in by_head[role.head]:
                by_head[role.head].append(g)
    return by_head


def _modifiers(head: Token) -> list[str]:
    """The words before a title head that narrow it: "foreign" and "Russian" in "the Russian foreign minister"."""
    return [c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") and c.is_alpha]


def _title_holder(owners: list[Group], modifiers: list[str], head: str, at: int) -> Group | None:
    """The person named before ``at`` whose role has ``head`` and every modifier; the last named, if several."""
    def fits(g: Group) -> bool:
        return any(r.head == head and all(_in_role(w, r.text) for w in modifiers) for r in g.roles)

    named_before = [(max(m.start for m in g.mentions if m.start < at), g) for g in owners
                    if fits(g) and any(m.start < at for m in g.mentions)]
    return max(named_before, key=lambda pair: pair[0])[1] if named_before else None


def _in_role(word: str, role: str) -> bool:
    """ "foreign" in "Foreign Minister"; "russian" in "Russia's foreign minister" (a demonym for its country)."""
    words = re.findall(r"[\w-]+", role.lower())
    if word in words:
        return True
    country = geo.demonym_country(word)
    return country is not None and any(geo.country_code(w) == country for w in words)


def _descriptor(doc: Doc, head: Token, determiners: frozenset[str]) -> tuple[int, int] | None:
    """Character offsets of "the analyst" for the title head "analyst"; None when it names someone else
    ("the analyst Farzin Nadimi" is a role, not a reference back)."""
    det = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
    if det is None or det.lower_ not in determiners or (head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN"):
        return None
    return doc[det.i].idx, head.idx + len(head.text)


# --- organisations described ----------------------------------------------------------------

@lru_cache(maxsize=1)
def _description() -> re.Pattern[str]:
    """ "the Britain-based monitor", "a UK-based monitoring group", "the monitor": determiner, place, noun."""
    words: EntityWords = vocab.load("entity_words")
    nouns = sorted({*words.monitor_descriptors, *words.based_nouns}, key=len, reverse=True)
    noun = "|".join(re.escape(n) for n in nouns)
    return re.compile(rf"\b(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?P<place>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-based\s+)?"
                      rf"(?P<noun>{noun})\b")


def _attach_organisation_descriptions(groups: list[Group], text: str) -> None:
    words: EntityWords = vocab.load("entity_words")
    institutions = [g for g in groups if g.type == "ORG" and not g.country]
    based = _based_organisations(institutions, text)
    monitors = [g for g in institutions
                if any(w.lower() in words.monitor_name_words for s in g.surfaces for w in s.split()[1:])]
    taken = _taken(groups)
    for match in _description().finditer(text):
        place, noun = match.group("place"), match.group("noun").lower()
        determined = match.group(0)[:1].lower() in ("t", "a") and not match.group(0).startswith(match.group("noun"))
        if not (place or determined):
            continue  # "the Observatory for Human Rights monitor said": the noun after a name is no mention
        start, end = match.start(), match.end()
        if any(s < end and start < e for s, e in taken):
            continue
        owner = based.get(_place_key(place)) if place else None
        if owner is None and noun in words.monitor_descriptors and len(monitors) == 1:
            owner = monitors[0]
        if owner is not None and owner.first < start:
            owner.extra.append(Mention(start, end, text[start:end]))


def _based_organisations(institutions: list[Group], text: str) -> dict[str, Group]:
    """Place -> the organisation the text calls based there ("the UK-based Syrian Observatory ...")."""
    out: dict[str, Group] = {}
    for g in institutions:
        for m in g.mentions:
            found = re.search(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-based\s+$", text[max(0, m.start - 40):m.start])
            if found:
                out.setdefault(_place_key(found.group(1)), g)
    return out


def _place_key(place: str) -> str:
    """ "Britain", "UK", "U.K." -> "GB": one key per country; other places by their text."""
    return geo.country_code(place) or place.lower()
