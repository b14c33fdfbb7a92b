"""Geographic resources the stages look names up in: the offline gazetteer, countries and demonyms.

Not a stage: entities, places, events and claims all ask it whether a name is a
place, which country a name or demonym means, and how far apart two points are.

- ``names``: how names are compared (folded, without the Arabic article, by consonant skeleton);
- ``gazetteer``: GeoNames towns, admin areas, regions and countries, by normalised name;
- ``build``: the country and admin-area tables, derived from installed data packages;
- ``countries``: country names and demonyms as news writes them ("the U.S.", "Iranians");
- ``readings``: the places a name may mean, each with a context-free prior.
"""

from newsgraph.geo.countries import constituent_country, country_code, country_name, demonym_country
from newsgraph.geo.gazetteer import Place, distance_km
from newsgraph.geo.names import fold, normalise
from newsgraph.geo.readings import Reading, candidates, demonym_place, lookup_place

__all__ = ["Place", "Reading", "candidates", "constituent_country", "country_code", "country_name",
           "demonym_country", "demonym_place", "distance_km", "fold", "lookup_place", "normalise"]
