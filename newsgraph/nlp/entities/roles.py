"""Roles of people: title chains before a name and appositions after it.

"Former Defense Secretary Mark Esper", "Syria's Foreign Minister, Faisal Mekdad",
"Army Chief of Staff, Lieutenant General Herzi Halevi" (two roles), and
"Sarit Zehavi, president of the Alma Research and Education Center and a
former officer in the IDF Intelligence Directorate" (two roles).  A role must
contain a title head word from ``data/titles.json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import lexicon

STOP_LEFT = {"by", "with", "to", "from", "as", "said", "says", "told", "and", "or", "that", "who", "in", "on", "at"}
POSSESSIVE = {"'s", "\u2019s"}


@dataclass(frozen=True)
class Role:
    """A role phrase for the person mentioned at [person_start, person_end)."""

    person_start: int
    person_end: int
    start: int
    end: int
    text: str
    head: str  # the title head word, lower case ("president", "minister")


def roles_of(doc: Doc, person: Span) -> list[Role]:
    return _before(doc, person) + _after(doc, person)


def _title_word(tok: Token) -> bool:
    titles = lexicon.titles()
    return titles.is_title_word(tok.text) or tok.lower_ in titles.ranks


def _before(doc: Doc, person: Span) -> list[Role]:
    """Title chains that end right before the name, possibly across one comma."""
    roles: list[Role] = []
    i = person.start
    for _ in range(3):  # "Army Chief of Staff, Lieutenant General X": chains separated by commas
        end = i
        if end > 0 and doc[end - 1].text == ",":
            end -= 1  # "Syria's Foreign Minister, Faisal Mekdad"
        start = _chain_start(doc, end)
        if start is None:
            break
        span = doc[start:end]
        head = _head_word(span)
        if head is None:
            break
        roles.insert(0, Role(person.start_char, person.end_char, span.start_char, span.end_char, span.text, head))
        i = start
    return roles


def _chain_start(doc: Doc, end: int) -> int | None:
    """Walk left from ``end`` over title words, capitalised modifiers and "X's"; None when no title."""
    titles = lexicon.titles()
    j = end
    saw_title = False
    while j > 0:
        tok = doc[j - 1]
        if _title_word(tok) and (tok.is_title or tok.is_lower or tok.is_upper):
            saw_title = saw_title or titles.is_head(tok.text) or tok.lower_ in titles.ranks
            j -= 1
        elif tok.lower_ == "of" and saw_title and j >= 2 and doc[j - 2].is_title and _title_word(doc[j - 2]):
            j -= 1  # "Chief of Staff", "Minister of Defense"
        elif (tok.text in POSSESSIVE or tok.tag_ == "POS") and saw_title and j >= 2 and doc[j - 2].is_title:
            j -= 2  # "Syria's Foreign Minister", "the Houthis' military spokesman"
            while j > 0 and doc[j - 1].is_title and not doc[j - 1].is_sent_start and doc[j - 1].lower_ not in STOP_LEFT:
                j -= 1
            break
        elif (tok.is_title or _acronym(tok)) and saw_title and tok.lower_ not in STOP_LEFT and tok.pos_ in ("PROPN", "ADJ", "NOUN"):
            j -= 1  # "Hezbollah leader", "Iranian Defense Minister", "British Defence Secretary", "SDF spokesman"
        else:
            break
        if tok.is_sent_start:
            break
    if j == end or not saw_title:
        return None
    while j < end and doc[j].lower_ in ("the", "a", "an"):
        j += 1
    return j if j < end else None


def _acronym(tok: Token) -> bool:
    """"SDF", "IDF", "UN": an organisation's initials before a title."""
    return tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 6


def _head_word(span: Span) -> str | None:
    titles = lexicon.titles()
    for tok in reversed(span):
        if titles.is_head(tok.text) or tok.lower_ in titles.ranks:
            return tok.lower_
    return None


def _after(doc: Doc, person: Span) -> list[Role]:
    """Appositions after the name: ", president of X and a former officer in Y,"."""
    end = person.end
    if end >= len(doc) or doc[end].text != ",":
        return []
    titles = lexicon.titles()
    roles = []
    heads = [t for t in person.root.children if t.dep_ == "appos" and t.i >= end and _is_title_noun(t)]
    if not heads:
        nxt = _first_title_after(doc, end + 1)
        heads = [nxt] if nxt is not None else []
    for head in heads:
        for member in [head, *[c for c in head.children if c.dep_ == "conj" and titles.is_head(c.text)]]:
            span = _apposition_span(doc, member, end + 1)
            if span is not None:
                roles.append(Role(person.start_char, person.end_char, span.start_char, span.end_char, span.text,
                                  member.lower_))
    return roles


def _first_title_after(doc: Doc, i: int) -> Token | None:
    """Fallback when the parse has no appos: ", (a|the) senior analyst at ..." read token by token."""
    titles = lexicon.titles()
    j = i
    while j < len(doc) and doc[j].lower_ in ("a", "an", "the"):
        j += 1
    while j < len(doc) and j < i + 6:
        if _is_title_noun(doc[j]):
            return doc[j]
        if not (_title_word(doc[j]) or doc[j].is_title):
            return None
        j += 1
    return None


def _is_title_noun(tok: Token) -> bool:
    """A title head used as a noun: "president of X", not "official" in "the official news agency"."""
    return lexicon.titles().is_head(tok.text) and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("amod", "compound")


def _apposition_span(doc: Doc, head: Token, floor: int) -> Span | None:
    """The role phrase around ``head``: its left modifiers and its "of/at/in/for X" tail, up to a comma."""
    start = head.i
    while start > floor and doc[start - 1].lower_ not in (",", "and", "or") and (
            _title_word(doc[start - 1]) or doc[start - 1].pos_ in ("ADJ", "PROPN", "NOUN", "DET", "NUM")):
        start -= 1
    while doc[start].lower_ in ("a", "an", "the") and start < head.i:
        start += 1
    excluded = {t.i for c in head.children if c.dep_ in ("conj", "cc", "appos", "relcl", "acl") for t in c.subtree}
    end = head.i + 1
    while end < len(doc) and end not in excluded and doc[end].text not in (",", ";", "(", ")", ".", "\u2014", "--"):
        if doc[end].dep_ == "cc" and doc[end].head == head:
            break
        if doc[end].head.i < start or (doc[end].pos_ in ("VERB", "AUX") and doc[end].dep_ not in ("amod", "compound")):
            break
        end += 1
    if end <= start:
        return None
    return doc[start:end]
