"""A type rule's answer (``retyping.RULES``): a typed candidate, None (not an entity) or ``UNDECIDED``."""

from __future__ import annotations

from newsgraph.nlp.entities.scans import MentionCandidate


class Undecided:
    """A rule's answer when it has nothing to say about the candidate."""


UNDECIDED = Undecided()
# a rule's answer: the candidate, typed; None: not an entity; UNDECIDED: ask the next rule
Verdict = MentionCandidate | Undecided | None
