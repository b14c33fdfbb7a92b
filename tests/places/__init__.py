"""The places stage (newsgraph.nlp.places): the rules on hand-built readings, the stage on real text."""
