"""Bodies of law named like organisations: "International Humanitarian Law", "the Chemical Weapons Convention",
"the Convention on Certain Conventional Weapons", "Resolution 2286", "the Constitution".  A law, a treaty or a
resolution is no ACE entity (no person, organisation or place), though spaCy's small model reads one as an
organisation; the rule of ``retyping.RULES`` here drops it.  The head nouns are ``entity_words.json``
``law_heads``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph import vocab
from newsgraph.nlp.entities.verdicts import UNDECIDED, Verdict

if TYPE_CHECKING:
    from newsgraph.nlp.entities.retyping import Reading

# the words after a body of law's head that say what it is about ("Convention on ...", "Law of the Sea")
_ABOUT_WORDS = ("on", "of", "against", "concerning")


def body_of_law(r: Reading) -> Verdict:
    """None for a name whose head is a law's noun; the head is the last word before the first of
    ``_ABOUT_WORDS`` or, without one, the last word that is no number ("Resolution 2254"), written in title case."""
    if r.type not in ("ORG", "PER", "FAC", "GPE", "LOC"):
        return UNDECIDED
    words = r.text.split()
    cut = next((i for i, w in enumerate(words) if w.lower() in _ABOUT_WORDS), len(words))
    named = [w for w in words[:cut] if not w[:1].isdigit()]
    if not named or not named[-1][:1].isupper() or named[-1].isupper():
        return UNDECIDED  # a head in capitals is an abbreviation: "ACT" is the Australian Capital Territory
    return None if named[-1].lower() in vocab.load("entity_words").law_heads else UNDECIDED
