"""The dependency labels the event readers walk (grammar, not vocabulary: the words are in
``data/events_triggers.json``, read through ``newsgraph.vocab.events``)."""

from __future__ import annotations

# A date climbing the tree stops at these: beyond them lies another clause with its own time.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "flat", "nummod", "det", "case", "quantmod"})
