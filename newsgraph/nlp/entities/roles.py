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

from newsgraph import vocab
from newsgraph.settings import settings
from newsgraph.vocab.common import Titles

POSSESSIVE = {"'s", "\u2019s"}


def _titles() -> Titles:
    return vocab.load("titles")


@dataclass(frozen=True)
class Role:
    """A role phrase for the person mentioned at [person_start, person_end)."""

    person_start: int
    person_end: int
    start: int
    end: int
    text: str
    head: str  # the title head word, lower case ("president", "minister")
    # the head word's offsets in an apposition after the name: "head" in "X head of Y said" is X too
    apposed: tuple[int, int] | None = None


def roles_of(doc: Doc, person: Span) -> list[Role]:
    return _before(doc, person) + _after(doc, person) + _leading_clause(doc, person)


def _leading_clause(doc: Doc, person: Span) -> list[Role]:
    """ "Marta Oyelaran, who led the investigation", "Abdulrahman who runs the UK-based Observatory said": a
    relative clause right after the name whose verb leads (``entity_words.leading_verbs``) gives the role "led
    the investigation", and the person leads the organisation its object names."""
    j = person.end + (person.end < len(doc) and doc[person.end].text == ",")
    if j + 2 >= len(doc) or doc[j].lower_ != "who":
        return []
    verb = doc[j + 1]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if verb.pos_ != "VERB" or verb.lemma_ not in vocab.load("entity_words").leading_verbs or obj is None:
        return []
    span = doc[verb.i:max(t.i for t in obj.subtree) + 1]
    # the person leads the organisation the object names ("runs the UK-based Observatory"), not every name in a
    # longer object ("headed the U.N. team of weapons inspectors in Iraq": a team, neither the U.N. nor Iraq)
    head = "head" if obj.pos_ == "PROPN" else obj.lower_
    return [Role(person.start_char, person.end_char, span.start_char, span.end_char, span.text, head)]


def _title_word(tok: Token) -> bool:
    titles = _titles()
    return titles.is_title_word(tok.text) or tok.lower_ in titles.ranks


def _before(doc: Doc, person: Span) -> list[Role]:
    """Title chains that end right before the name, possibly across one comma."""
    roles: list[Role] = []
    i = person.start
    for _ in range(settings().entities.title_chains):  # "Army Chief of Staff, Lieutenant General X"
        end = i
        if end > 0 and doc[end - 1].text == ",":
            end -= 1  # "Syria's Foreign Minister, Faisal Mekdad"
        start = _chain_start(doc, end)
        if start is None and not roles:
            start = _title_of_institution(doc, end)
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
    j = end
    saw_title = False
    while j > 0:
        tok = doc[j - 1]
        step = _step_left(doc, j, saw_title)
        if step is None:
            break
        j, saw_title, possessor = step
        if possessor or tok.is_sent_start:
            break  # the possessor opens the chain: "Syria's Foreign Minister"
    if j == end or not saw_title:
        return None
    articles = vocab.load("entity_words").articles
    while j < end and doc[j].lower_ in articles:
        j += 1
    return j if j < end else None


def _step_left(doc: Doc, j: int, saw_title: bool) -> tuple[int, bool, bool] | None:
    """One step of the walk from ``j``: (where the chain now starts, a title head seen, a possessor reached),
    or None when the word before ``j`` is no part of a title chain."""
    tok = doc[j - 1]
    if _title_word(tok) and (tok.is_title or tok.is_lower or tok.is_upper):
        return j - 1, saw_title or _is_head_or_rank(tok), False
    if tok.text == "-" and j >= 2 and _title_word(doc[j - 2]) and not tok.whitespace_:
        return j - 1, saw_title, False  # "Secretary-General", which the tokenizer cuts in three
    if not saw_title:
        return None  # below: words that only belong to a chain that has its head already
    stops = vocab.load("entity_words").title_stops
    if tok.lower_ == "of" and j >= 2 and doc[j - 2].is_title and _title_word(doc[j - 2]):
        return j - 1, True, False  # "Chief of Staff", "Minister of Defense"
    if (tok.text in POSSESSIVE or tok.tag_ == "POS") and j >= 2 and doc[j - 2].is_title:
        return _possessor_start(doc, j - 2, stops), True, True  # "Syria's", "the Houthis'"
    if (tok.is_title or _acronym(tok)) and tok.lower_ not in stops and tok.pos_ in ("PROPN", "ADJ", "NOUN"):
        return j - 1, True, False  # "Hezbollah leader", "Iranian Defense Minister", "SDF spokesman"
    return None


def _title_of_institution(doc: Doc, end: int) -> int | None:
    """ "President of the Syrian Coalition Anas Abdah": scraped text without the comma after the institution;
    the start of the title when a title head, "of", the institution's capitalised name end right before ``end``."""
    j = end
    while j > 0 and end - j < settings().entities.apposition_title_tokens and doc[j - 1].is_title \
            and not _title_word(doc[j - 1]):
        j -= 1
    if j == end:
        return None
    if j > 0 and doc[j - 1].lower_ in vocab.load("entity_words").articles:
        j -= 1
    if j < 2 or doc[j - 1].lower_ != "of" or not _titles().is_head(doc[j - 2].text):
        return None
    j -= 2
    while j > 0 and _title_word(doc[j - 1]) and not doc[j].is_sent_start:
        j -= 1
    return j


def _possessor_start(doc: Doc, j: int, stops: frozenset[str]) -> int:
    """Start of the capitalised name that ends at ``j``: "Islamic Revolutionary Guard Corps" 's."""
    while j > 0 and doc[j - 1].is_title and not doc[j - 1].is_sent_start and doc[j - 1].lower_ not in stops:
        j -= 1
    return j


def _is_head_or_rank(tok: Token) -> bool:
    titles = _titles()
    return titles.is_head(tok.text) or tok.lower_ in titles.ranks


def _acronym(tok: Token) -> bool:
    """"SDF", "IDF", "UN": an organisation's initials before a title."""
    return tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 6


def _head_word(span: Span) -> str | None:
    return next((tok.lower_ for tok in reversed(span) if _is_head_or_rank(tok)), None)


def _after(doc: Doc, person: Span) -> list[Role]:
    """Appositions after the name: ", president of X and a former officer in Y,"."""
    end = person.end
    if end < len(doc) and doc[end].text != ",":
        return _after_without_comma(doc, person)
    if end >= len(doc):
        return []
    titles = _titles()
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
                                  member.lower_, (member.idx, member.idx + len(member.text))))
    return roles


def _after_without_comma(doc: Doc, person: Span) -> list[Role]:
    """ "Rami Abdel Rahman head of the Syrian Observatory for Human Rights said": scraped text drops the
    commas around an apposition.  Without them only a lower-case title right after the name, followed by the
    preposition that ties it to an organisation or a place ("head of", "spokesman for", "analyst at"), is
    taken for a role: "Erdogan spokesman Ibrahim Kalin" names the spokesman, not Erdogan."""
    titles = _titles()
    articles = vocab.load("entity_words").articles
    j = person.end
    while j < len(doc) and doc[j].lower_ in articles:
        j += 1
    limit = j + settings().entities.apposition_title_tokens
    while j < min(limit, len(doc) - 1) and doc[j].is_lower and _title_word(doc[j]) and not _is_title_noun(doc[j]):
        j += 1
    head = doc[j] if j < len(doc) - 1 else None
    if head is None or not head.is_lower or not titles.is_head(head.text) \
            or doc[j + 1].lower_ not in vocab.load("entity_words").role_prepositions:
        return []
    span = _apposition_span(doc, head, person.end)
    if span is None:
        return []
    return [Role(person.start_char, person.end_char, span.start_char, span.end_char, span.text, head.lower_,
                 (head.idx, head.idx + len(head.text)))]


def _first_title_after(doc: Doc, i: int) -> Token | None:
    """Fallback when the parse has no appos: ", (a|the) senior analyst at ..." read token by token."""
    articles = vocab.load("entity_words").articles
    j = i
    while j < len(doc) and doc[j].lower_ in articles:
        j += 1
    while j < len(doc) and j < i + settings().entities.apposition_title_tokens:
        if _is_title_noun(doc[j]):
            return doc[j]
        if not (_title_word(doc[j]) or doc[j].is_title):
            return None
        j += 1
    return None


def _is_title_noun(tok: Token) -> bool:
    """A title head used as a noun: "president of X", not "official" in "the official news agency"."""
    return _titles().is_head(tok.text) and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("amod", "compound")


def _apposition_span(doc: Doc, head: Token, floor: int) -> Span | None:
    """The role phrase around ``head``: its left modifiers and its "of/at/in/for X" tail, up to a comma."""
    start = head.i
    while start > floor and doc[start - 1].lower_ not in (",", "and", "or") and (
            _title_word(doc[start - 1]) or doc[start - 1].pos_ in ("ADJ", "PROPN", "NOUN", "DET", "NUM")):
        start -= 1
    articles = vocab.load("entity_words").articles
    while doc[start].lower_ in articles and start < head.i:
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
