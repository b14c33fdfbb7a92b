"""Attributed statements: who said what, relayed by whom, with what stance.

``extract_claims(parsed, index)`` is the stage function.  ``find_attributions``
returns the rich internal records (source, cue and content offsets: what
bench/attribution.py scores) and ``claims_from`` maps them to the contract's
``Claim``; ``pipeline.run`` keeps both in its ``Trace``.  How the stage works is
in ``stage``'s docstring.
"""

from newsgraph.nlp.claims.stage import Attribution, claims_from, extract_claims, find_attributions

__all__ = ["Attribution", "claims_from", "extract_claims", "find_attributions"]
