"""Attributed statements: who said what, relayed by whom, with what stance.

Works on the dependency parse.  A *cue* is a reporting verb from
``data/reporting_verbs.json`` (or "according to", a framing document — "in
this poll" —, or a transcript colon); its *source* is the verb's subject (or
the noun phrase just before it, or the subject it shares with the verb it
hangs from); its *content* is the clausal complement, the object of verbs like
"reveal"/"describe … as", the direct quote beside it, or the rest of the
sentence for "…, X said."  Positions a person or organisation holds ("wants
to …", "attacked …", "knows that …") are claims too (``claim_attitudes``).
Direct quotes are found from the quote marks themselves, so a quote that opens
in one sentence and is attributed at the end of the next is one claim.

The work is split by job: ``claim_spans`` (record, lexicon, units, quotes),
``claim_cues`` and ``claim_attitudes`` (frame patterns), ``claim_frames``
(source/cue extents and stance), ``claim_links`` (continued quotes, relays,
nesting, disputes).  ``find_attributions`` returns rich internal records with
source/cue/content offsets (used by bench/attribution.py); ``extract_claims``
maps them to the contract's ``Claim``.
"""

from newsgraph.nlp.claims.stage import Attribution, extract_claims, find_attributions

__all__ = ["Attribution", "extract_claims", "find_attributions"]
