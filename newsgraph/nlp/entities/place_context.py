"""Names the words around them show to be places: "the village of X", "X governorate", "in X", "the vicinity of
X", "rebel-held X".  Each test is one rule of ``retyping.RULES``; the word lists are ``data/entity_words.json``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from newsgraph import vocab
from newsgraph.nlp.entities.verdicts import APOSTROPHES, UNDECIDED, Verdict
from newsgraph.vocab.entities import EntityWords

if TYPE_CHECKING:
    from newsgraph.nlp.entities.retyping import Reading


def held_by_a_side(r: Reading) -> Verdict:
    """ "stuck in regime-controlled Ramusa", "the rebel-held Atareb town": a name right after a side's hyphened
    participle of holding ground (``control_participles``) is a place, though spaCy read a person or an
    organisation; a known organisation or a name opening with a given name is left as read."""
    if r.type not in ("PER", "ORG") or r.span is None or r.span.start < 3:
        return UNDECIDED
    doc, start = r.doc, r.span.start
    hyphened = doc[start - 2].text == "-" and doc[start - 2].whitespace_ == ""
    if not (hyphened and doc[start - 1].lower_ in vocab.load("entity_words").control_participles) \
            or vocab.load("organizations").canonical_name(r.text) or r.first_word_is_given_name():
        return UNDECIDED
    return r.as_type("GPE")


def name_in_place_context(r: Reading) -> Verdict:
    """ "the village of X", "X governorate"; a "person" after "in"/"near" or "the vicinity of" that starts with no
    first name ("villagers in Maaten al-Sarra", "in the vicinity of Palmyra": people are not "in" a person); a
    "site" too, but before an admin word only
    when the word heads the phrase ("the Bustan al-Qasr district after ..."; "Rossiya 24 state television" is
    no place)."""
    if r.type == "PER" and (r.word_after() in vocab.load("entity_words").ruler_nouns or r.owns_ruler_noun()):
        return UNDECIDED  # "killed in Russian and Assad regime airstrikes": the ruler, not a place in a list
    site = r.type == "FAC" and r.text.split()[-1].lower() in vocab.load("facilities").facility_heads
    if ((r.type in ("PER", "ORG") and (r.after_place_word() or r.before_admin_word()))
            or (r.type == "FAC" and not site and (r.after_place_word() or _admin_word_heads(r)))) \
            and not (r.type == "PER" and r.possessor()):  # "a stronghold of Bashar al-Assads regime"
        return r.as_type("GPE")
    words: EntityWords = vocab.load("entity_words")
    around = _around_a_place(r.doc, r.span.start if r.span is not None else 0, words) or (
        r.word_before() == "and" and not r.acts_like_person() and _after_a_place_conjunct(r, words))
    if r.type == "PER" and around and not r.first_word_is_given_name() \
            and not r.text.endswith(APOSTROPHES) and not r.possessor():
        return r.as_type("GPE")
    return UNDECIDED


def _around_a_place(doc: Doc, start: int, words: EntityWords) -> bool:
    """The name at token ``start`` follows "in"/"near" or "the vicinity of", "the areas of", "the parts of"."""
    before = doc[start - 1].lower_ if start >= 1 else None
    return before in words.place_locatives or (
        before == "of" and start >= 2 and doc[start - 2].lower_ in words.vicinity_nouns)


def _after_a_place_conjunct(r: Reading, words: EntityWords) -> bool:
    """ "in the vicinity of Palmyra and al-Qaryatain": the name after "and" whose first conjunct is in a place's
    context, and opens with no given name, is a place too."""
    if r.span is None:
        return False
    doc, j = r.doc, r.span.start - 2
    while j >= 0 and r.span.start - j <= 5 and (doc[j].is_title or doc[j].text == "-" or doc[j].lower_ in ("al", "el")):
        j -= 1
    first = j + 1
    return first < r.span.start - 1 and doc[first].lower_ not in vocab.load("given_names").all \
        and _around_a_place(doc, first, words)


def _admin_word_heads(r: Reading) -> bool:
    """An admin word right after the name that is no modifier of a noun after it ("X district after", not "X
    state television")."""
    if not r.before_admin_word() or r.span is None:
        return False
    after = r.doc[r.span.end + 1] if r.span.end + 1 < len(r.doc) else None
    return after is None or not (after.is_lower and after.pos_ == "NOUN")
