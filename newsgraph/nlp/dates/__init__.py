"""Date expressions normalised at the precision the text states.

``DateMention.value`` carries what the text pins down and nothing more:

* calendar values ``2021``, ``2021-06``, ``2021-06-14`` (the contract's forms);
* TimeML forms a calendar date cannot express without inventing precision:
  ISO weeks ``2013-W11`` (``2013-W11-WE`` for a weekend), seasons ``2012-SU``, quarters
  ``2013-Q1``, halves ``2013-H1``, decades ``201`` (the 2010s), centuries ``19``;
* ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` for "now", "recently", "in the future";
* ``None`` when the expression cannot be anchored.

``contract_date()`` reduces any of these to ``YYYY`` / ``YYYY-MM`` / ``YYYY-MM-DD`` or None;
that is what events carry.  Candidates are spaCy DATE/TIME spans plus patterns spaCy
misses; ``dateparser`` is only a last resort for odd formats, because it fills missing
parts from its base date and finds "dates" in money amounts and resolution numbers.

The publication date a text states in its own dateline is read before parsing, by
``newsgraph.nlp.dateline``.
"""

from newsgraph.nlp.dates.finding import find_dates
from newsgraph.nlp.dates.normalize import normalize_date
from newsgraph.nlp.dates.values import contract_date

__all__ = ["contract_date", "find_dates", "normalize_date"]
