"""Corpus resolution: one identity per real-world thing across documents.

``ids`` gives each document entity its corpus id; ``entities`` merges the documents'
entities under those ids into ``CorpusEntity`` records.
"""

from newsgraph.resolve.entities import CorpusEntity, merge_entities
from newsgraph.resolve.ids import corpus_entity_id, normalise_name

__all__ = ["CorpusEntity", "corpus_entity_id", "merge_entities", "normalise_name"]
