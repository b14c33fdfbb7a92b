"""A type rule's answer (``retyping.RULES``): a typed candidate, None (not an entity) or ``UNDECIDED``."""

from __future__ import annotations

from newsgraph.nlp.entities.scans import MentionCandidate


class Undecided:
    """A rule's answer when it has nothing to say about the candidate."""


UNDECIDED = Undecided()
# the endings of a possessive, with a straight or a curly apostrophe
APOSTROPHES = ("'s", "\u2019s", "'", "\u2019")
# a rule's answer: the candidate, typed; None: not an entity; UNDECIDED: ask the next rule
Verdict = MentionCandidate | Undecided | None
