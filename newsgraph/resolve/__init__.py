"""Corpus resolution: one identity per real-world thing across documents.

The stage between extraction and the store.  Each document entity is a *member*
with a content-derived *node key* (``ids``, ``members``); members sharing a key
are a *node* (``nodes``); nodes that share a blocking key form a *block*
(``batch.components``), and each block is clustered into corpus entities
(``cluster``) from the evidence ``links`` weighs: gazetteer ids, ISO codes,
transliteration-aware name keys (``keys``), spelling similarity, types, roles,
affiliations, countries, and the aliases documents give.  An analyst's
``judgements`` bind the clustering.  ``entities`` gathers the members of each
corpus entity into a ``CorpusEntity``.

In memory: ``resolve_documents(docs)``; in a store, ``newsgraph.store.corpus``
keeps the same result up to date document by document.
"""

from newsgraph.resolve.batch import Resolution, resolve_documents, resolve_members
from newsgraph.resolve.cluster import Candidate
from newsgraph.resolve.entities import CorpusEntity
from newsgraph.resolve.ids import corpus_entity_id, normalise_name
from newsgraph.resolve.judgements import Judgement
from newsgraph.resolve.members import Member, members_of

__all__ = ["Candidate", "CorpusEntity", "Judgement", "Member", "Resolution", "corpus_entity_id", "members_of",
           "normalise_name", "resolve_documents", "resolve_members"]
