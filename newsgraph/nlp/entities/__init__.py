"""Entities: one per real thing per document, with aliases, roles and affiliation relations.

Steps, in order:

1. typed mentions from ``mentions.find_mentions`` (spaCy NER repaired, lexicons, patterns);
2. mentions grouped by a key (entity_groups.py): the country code for countries, the
   canonical name for known organisations, a national body with its country ("Iran's
   Foreign Ministry"), otherwise the normalised text;
3. groups joined when one names the other: a surname to the full name ("Zehavi" ->
   "Sarit Zehavi"), an abbreviation to its expansion ("the Syrian Scientific Studies and
   Research Center, known by its French abbreviation, CERS"; "Institute for National
   Security Studies (INSS)"; initials), a first word to an institution ("Alma"), a
   parent-qualified name to the name ("CERS Institute 4000" -> "Institute 4000", which
   also gives a ``part_of`` relation), an official-name form to its country ("the
   Islamic Republic" -> Iran when the document names Iran);
4. roles from title chains and appositions (roles.py), and relations to the
   organisations or countries named in them;
5. mentions by title alone ("the analyst", "the foreign minister") and demonyms
   ("Iranian") added to the person or country they refer to.
"""

from newsgraph.nlp.entities.stage import extract_entities

__all__ = ["extract_entities"]
