"""The places stage: every GPE/LOC/FAC entity gets a country and, where the gazetteer knows it, coordinates.

``resolve_places`` (stage.py) ranks each name's readings (``newsgraph.geo.readings``) by
what the document says about where it is (context.py, gathered once per document in
evidence.py, judged by the rules of rules.py): country votes, qualifiers, the dateline,
nearby towns.
"""

from newsgraph.nlp.places.context import PLACE_ENTITY_TYPES
from newsgraph.nlp.places.stage import embedded_places, resolve_places

__all__ = ["PLACE_ENTITY_TYPES", "embedded_places", "resolve_places"]
