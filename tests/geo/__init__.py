"""The geographic resources (newsgraph.geo): name keys, the gazetteer and its cache, countries, readings."""
