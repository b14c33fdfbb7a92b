"""What the speaker resolver remembers and reads besides entities: the speakers quoted so far (also those
that are no entity: "an official at the governor's office"), and the names inside a speaker phrase.

Reporting refers back to its sources by pronoun and by description ("He said", "the official said", "the
monitor said", "the head of the Britain-based group said"), and a source that is not an entity is referred
back to the same way: "An official at the governor's office in Homs said … He said …" is the official
both times, not the last person the text named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Span, Token

from newsgraph import vocab
from newsgraph.nlp.index import EntityIndex
from newsgraph.settings import settings
from newsgraph.vocab.claims import ClaimSources, Relays
from newsgraph.vocab.common import Titles


@dataclass(frozen=True)
class Spoken:
    """A speaker the text has quoted: where, its entity (None for "an official in Homs"), its words, and
    what its head word says it is ("official", "person"; "group", "body"; "" for a bare name)."""

    offset: int
    entity: str | None
    text: str
    word: str
    kind: str       # "person", "body" or ""
    plural: bool = False


def _sources() -> ClaimSources:
    sources: ClaimSources = vocab.load("claims_sources")
    return sources


def spoken(head: Token, text: str, entity: str | None) -> Spoken:
    """The record of a speaker phrase headed by ``head``: a person or a body by its head noun."""
    sources = _sources()
    words = {head.lemma_.lower(), head.lower_}
    kind = "body" if words & sources.body_nouns else "person" if words & sources.person_nouns else ""
    return Spoken(head.idx, entity, text, head.lemma_.lower() if kind else "", kind,
                  head.tag_ in ("NNS", "NNPS"))


def entity_kind(index: EntityIndex, eid: str) -> str:
    entity_type = index[eid].type
    return "person" if entity_type == "PER" else "body" if entity_type in ("ORG", "GPE") else ""


def fits(record: Spoken, index: EntityIndex, kind: str, plural: bool | None = None) -> bool:
    """The speaker is of the kind a pronoun or descriptor asks for ("he": a person; "it": a body; "they":
    a body or several people); an entity by its type, a phrase by its head noun."""
    if record.entity is not None:
        if kind == "plural":
            return entity_kind(index, record.entity) == "body"
        return entity_kind(index, record.entity) == kind
    if kind == "plural":
        return record.plural or record.kind == "body"
    return record.kind == kind and (plural is None or record.plural == plural)


def titled_name(index: EntityIndex, core: Span, head: Token) -> str | None:
    """The name a title or an outlet word follows in a phrase without commas: "Rami Abdel Rahman head
    (of the Observatory)" is Rami Abdel Rahman, "the pro-regime Sham FM radio" is Sham FM; only title or
    outlet words may stand between them ("the Assad regime's official television channel" is no Assad)."""
    titles: Titles = vocab.load("titles")
    relays: Relays = vocab.load("relays")
    lower = head.lower_
    sources = _sources()
    filler: Callable[[str], bool]
    if titles.is_head(lower) or (lower in sources.person_nouns and lower not in sources.body_nouns):
        wanted, filler = "PER", titles.is_title_word
    elif lower in relays.outlet_words:
        wanted, filler = "ORG", relays.outlet_words.__contains__
    else:
        return None
    for _, end, eid in reversed(index.mentions_within(core.start_char, head.idx)):
        between = core.doc.char_span(end, head.idx, alignment_mode="expand") if end < head.idx else ()
        if index[eid].type == wanted and between is not None and all(filler(w.lower_) for w in between):
            return eid
    return None


def name_after_title(index: EntityIndex, head: Token) -> str | None:
    """The person named at the end of a title phrase without commas: "the UN Resident Representative in Syria
    Ali al-Zaatari said", "the head of the tribe Sheikh Rafaa al-Raju called" (the parser heads the phrase at
    the title). Not a name that is a preposition's whole object ("the lawyer for Ahmed Ali", "the son of
    President Hafez al-Assad" speak for someone else)."""
    titles: Titles = vocab.load("titles")
    sources = _sources()
    lower = head.lower_
    if not (titles.is_head(lower) or lower in sources.person_nouns) or lower in sources.body_nouns:
        return None
    doc, right = head.doc, head.right_edge
    for second in head.head.children:  # the parser may make the name a second subject of the verb
        if second.dep_ == "nsubj" and head.i < second.i < head.head.i and second.right_edge.i > right.i:
            right = second.right_edge
    end = right.idx + len(right.text)
    for start, stop, eid in index.mentions_within(head.idx + len(head.text), end):
        span = doc.char_span(start, stop, alignment_mode="expand")
        if stop != end or index[eid].type != "PER" or span is None or not len(span):
            continue
        before = span.start - 1
        while before > head.i and titles.is_title_word(doc[before].lower_):
            before -= 1  # the name's own title ("Sheikh", "President") belongs to it
        if before > head.i and doc[before].pos_ in ("NOUN", "PROPN"):
            return eid
    return None


def by_surname(index: EntityIndex, head: Token) -> str | None:
    """"Fabius called …" after "Laurent Fabius": the person or organisation named before whose name ends in
    this word (the latest such mention)."""
    word = head.lower_
    for _, _, eid in reversed(index.mentions_within(0, head.idx)):
        entity = index[eid]
        last = entity.name.lower().replace("-", " ").split()[-1:]
        if entity.type in ("PER", "ORG") and last == [word] and entity.name.lower() != word:
            return eid
    return None


def names_outlet(index: EntityIndex, eid: str, words: str) -> bool:
    """An organisation named or described as an outlet: "Reuters", "the pro-regime Sham FM radio"."""
    outlet_words = vocab.load("relays").outlet_words
    entity = index[eid]
    named = set(entity.name.lower().replace("-", " ").split()) | set(words.lower().replace("-", " ").split())
    # an outlet's own name is one whatever type the entities stage gave it ("Sputnik" read as a person)
    return (entity.type == "ORG" and bool(named & outlet_words)) or entity.name.lower() in outlet_words


def named_next(index: EntityIndex, head: Token) -> str | None:
    """"… killed 24 people, a monitor said. … the Syrian Observatory for Human Rights said": wire copy
    describes its source in the lead ("a monitor", "a monitoring group", "a Britain-based watchdog") and names
    it in the next sentences; the organisation quoted by name there ("X said", "said X", "according to X"),
    within ``named_next_sentences``. Only for an indefinite generic body noun: "an official" or "a ministry"
    may be anyone's."""
    sources = _sources()
    doc = head.doc
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    if not indefinite or not {head.lower_, head.lemma_.lower()} & sources.generic_body_nouns:
        return None
    # "a television channel" is an outlet named next, "a monitor" no outlet ("told a Reuters photographer")
    outlet_words = vocab.load("relays").outlet_words
    media = any(c.i < head.i and c.dep_ in ("amod", "compound") and c.lower_ in outlet_words for c in head.children)
    sentences = [s for s in doc.sents if s.end > head.i][: settings().claims.named_next_sentences + 1]
    end = sentences[-1].end_char if sentences else head.idx
    for start, stop, eid in index.mentions_within(head.idx + len(head.text), end):
        span = doc.char_span(start, stop, alignment_mode="expand")
        if (index[eid].type == "ORG" and span is not None and len(span) and _quoted_there(span)
                and names_outlet(index, eid, "") == media):
            return eid
    return None


def _quoted_there(name: Span) -> bool:
    """The name is a speaker where it stands: the subject of a verb of saying, the name right before or after
    one ("… on Friday the Observatory said", "… said the Observatory"), or "according to" it."""
    doc = name.doc
    stance = vocab.load("reporting_verbs").stance
    root = name.root
    if root.dep_ in ("compound", "poss", "amod", "nmod"):
        return False  # "told a Reuters photographer": the name only qualifies the hearer
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in stance:
        return True
    after = doc[name.end] if name.end < len(doc) else None
    before = doc[name.start - 1] if name.start > 0 else None
    if before is not None and before.pos_ == "DET" and name.start > 1:
        before = doc[name.start - 2]
    return ((after is not None and after.pos_ == "VERB" and after.lemma_.lower() in stance)
            or (before is not None and before.pos_ == "VERB" and before.lemma_.lower() in stance
                and not _hyphen_joined(before))
            or (before is not None and before.lower_ == "to" and doc[before.i - 1].lower_ == "according"))


def _hyphen_joined(word: Token) -> bool:
    """The second half of a hyphenated word: "the so-called Islamic State" names the group, "called" quotes
    nobody there."""
    doc = word.doc
    return word.i > 1 and doc[word.i - 1].text == "-" and not doc[word.i - 1].whitespace_ \
        and not doc[word.i - 2].whitespace_


def first_of_unpunctuated_list(index: EntityIndex, core: Span) -> str | None:
    """"Russia Iran and Turkey said …", "Britain France and Russia have urged …": a list of names whose commas
    the page lost reads as one name phrase headed by its second name; each name is its own entity mention
    with nothing but spaces between, and, as with the commas kept, the first name is the speaker."""
    text = core.doc.text
    mentions = index.mentions_within(core.start_char, core.end_char)
    lead = text[core.start_char:mentions[0][0]].strip().lower() if mentions else ""
    if len(mentions) < 2 or lead not in ("", "the"):  # "the United States France and Britain"
        return None
    ids = [eid for _, _, eid in mentions]
    gaps = [text[e:s] for (_, e, _), (s, _, _) in pairwise(mentions)]
    whole = mentions[-1][1] == core.end_char and not any(g.strip() for g in gaps)  # names only, nothing else
    if not whole or len(set(ids)) < len(ids) or any(index[eid].type not in _LISTED_KINDS for eid in ids):
        return None  # "Russian defence ministry spokesman Igor Konashenkov", "New Aleppo SANA reporter"
    return ids[0]


_LISTED_KINDS = frozenset({"GPE", "ORG"})  # states and bodies; two people's names run together are one name

