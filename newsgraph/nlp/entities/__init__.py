"""Entities: one per real thing per document, with aliases, roles and affiliation relations.

``extract_entities(parsed)`` runs the stage (``stage.py`` says its steps); the vocabularies are
read through ``newsgraph.vocab`` (``vocab/entities.py``), the stage's numbers are
``settings().entities``.
"""

from newsgraph.nlp.entities.stage import extract_entities

__all__ = ["extract_entities"]
