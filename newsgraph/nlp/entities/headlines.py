"""The words of a Title Case headline (or a heading in capitals) run into the text, which spaCy reads as names.

Scraped articles keep their headline, and sometimes a section heading, inside the text: "Terrorist Blast Kills
Grand Mosque Imam", "15 Medics Killed in ...", "WINNING RESPECT".  spaCy's small model joins their capitalised
common words into names.  What gives them away is the rest of the document: it writes the same words in lower
case ("blast", "bases") and uses the headline's verbs as verbs ("killed" for "Kills").  The tests here are read by
``name_kinds.no_entity`` and the rules of ``retyping.RULES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from newsgraph import vocab
from newsgraph.nlp.doc_text import doc_text
from newsgraph.nlp.entities.verdicts import UNDECIDED, Verdict
from newsgraph.settings import settings

if TYPE_CHECKING:
    from newsgraph.nlp.entities.retyping import Reading

# the share of a sentence's longer words that are capitalised when it is a Title Case headline
HEADLINE_CAPITALS = 0.7


def headline_run_into_name(r: Reading) -> Verdict:
    """ "Blast Kills Grand Mosque", "Oil Field East": a Title Case headline's words, whoever read them."""
    return None if common_word_opening_headline(r) else UNDECIDED


def common_word_opening_sentence(r: Reading) -> bool:
    """One word opening a sentence that the document writes in lower case elsewhere: a common noun, no name."""
    if r.span is None or len(r.span) != 1 or not r.span[0].is_sent_start or r.iso or r.place is not None:
        return False
    return r.text.lower() in _lower_words(r.doc)


def common_word_in_capitals(r: Reading) -> bool:
    """One word in capitals that the document writes in lower case elsewhere ("BASES", "bases"): scraped wire
    copy keeps its section headings in capitals; a name in capitals ("NATO", "BEIRUT") has no lower-case form."""
    text = r.text
    return " " not in text and len(text) >= 4 and text.isalpha() and text.isupper() \
        and text.lower() in _lower_words(r.doc)


def headline_words(r: Reading, words: list[str]) -> bool:
    """spaCy's reading of a Title Case headline's words as a name: "15 Medics Killed in ...", "Reports Suicide
    bombing" (a verb the text uses in lower case), "Killed in Terrorist Rocket Attacks" (an event noun last)."""
    given = vocab.load("given_names").all
    verbs = _verbs(r.doc)
    if r.span is not None and len(r.span) > 1 and any(
            t.is_title and t.lower_ in verbs.forms and t.lower_ not in given for t in r.span):
        return True
    if r.span is not None and len(r.span) > 1 and r.span.start_char < settings().furniture.opening_chars \
            and doc_text(r.doc).count(r.text) == 1 \
            and any(t.is_title and t.lower_ in verbs.lemmas for t in r.span[1:]):
        return True  # "Stronghold Kill 22", "Terrorists Commit Massacre": a verb's bare form after a name's first
        # word, in the text's opening (its headline), in a name said once (not "U.N. leader Ban Ki-moon" later on)
    return r.type in ("PER", "ORG") and len(words) > 1 and r.text[-1:].isalpha() \
        and r.text.split()[-1][0].isupper() and words[-1] in vocab.load("entity_words").headline_event_nouns


def common_word_opening_headline(r: Reading) -> bool:
    """ "Blast Kills Grand Mosque", "Oil Field East", "Schools & Public Market", "Deadly Aerial Campaign": a
    Title Case headline run into the text, where spaCy joins its common words into a name.  The name is said
    once, in the text's opening, inside a sentence of capitalised words, and opens with a word the text writes
    in lower case elsewhere ("blast", "oil", "schools") or holds a verb it does ("Kills"); a compass word may
    open a place's name ("Northern Syria"), and a name whose first word the text never writes in lower case
    ("Russian Air Force") stays."""
    span = r.span
    if span is None or len(span) < 2 or span.start_char >= settings().furniture.opening_chars \
            or r.place is not None or doc_text(r.doc).count(r.text) != 1:
        return False
    first = span[0].lower_
    common = vocab.load("common_words")
    common_first = span[0].is_title and first in _lower_words(r.doc) and first not in common.directions \
        and first not in common.compass_compounds
    # or a verb of the headline inside the name ("Blast Kills Grand Mosque", where the text has "killing")
    if not common_first and not any(t.is_title and _verbs(r.doc).third_person(t.lower_) for t in span[1:]):
        return False
    words = [t for t in span.sent if t.is_alpha and len(t) >= 4]
    return bool(words) and sum(t.is_title or t.is_upper for t in words) >= HEADLINE_CAPITALS * len(words)


def _lower_words(doc: Doc) -> frozenset[str]:
    lower: frozenset[str] | None = doc.user_data.get("newsgraph_lower_words")
    if lower is None:
        rows = doc.to_array(["ORTH", "IS_LOWER"]).tolist() if len(doc) else []  # no Token made for each word
        lower = doc.user_data["newsgraph_lower_words"] = frozenset(
            doc.vocab.strings[orth] for orth, is_lower in rows if is_lower)
    return lower


@dataclass(frozen=True)
class Verbs:
    """The words a document uses in lower case as verbs, read once per document."""

    forms: frozenset[str]        # "killed", "reports", and each finite verb's lemma + s/es ("kills")
    lemmas: frozenset[str]       # their bare forms ("kill")
    any_lemmas: frozenset[str]   # the bare forms of every verb, "-ing" forms too ("killing" gives "kill")

    def third_person(self, word: str) -> bool:
        """ "kills" where the text has "killed" or "killing": a verb's third person of a verb the text uses."""
        return word in self.forms or (word.endswith("s") and word[:-1] in self.any_lemmas)


def _verbs(doc: Doc) -> Verbs:
    verbs: Verbs | None = doc.user_data.get("newsgraph_verbs")
    if verbs is None:
        lower = [t for t in doc if t.is_lower]
        finite = [t for t in lower if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG"]
        facilities = vocab.load("facilities")
        # organisation and site heads and settlement nouns are names' words, whatever the tagger read
        not_verbs = facilities.org_heads | facilities.facility_heads | vocab.load("entity_words").settlement_nouns
        forms = {t.text for t in finite} | {t.lemma_ + "s" for t in finite} | {t.lemma_ + "es" for t in finite}
        verbs = doc.user_data["newsgraph_verbs"] = Verbs(
            forms=frozenset(forms - not_verbs), lemmas=frozenset({t.lemma_ for t in finite} - not_verbs),
            any_lemmas=frozenset(t.lemma_ for t in lower if t.pos_ == "VERB"))
    return verbs
