"""newsgraph: news and analysis reporting into an evidence-linked knowledge graph, offline.

    >>> import newsgraph
    >>> doc = newsgraph.extract("Iran's foreign minister visited Damascus on March 4, 2023.")
    >>> [e.name for e in doc.entities]
"""

from typing import TYPE_CHECKING

from newsgraph.errors import ExtractionError, InputError, NewsgraphError, StoreError
from newsgraph.model import Claim, Document, Entity, Event, Relation, Span

if TYPE_CHECKING:
    from newsgraph.pipeline import extract
    from newsgraph.store import Store

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Document",
    "Entity",
    "Event",
    "ExtractionError",
    "InputError",
    "NewsgraphError",
    "Relation",
    "Span",
    "Store",
    "StoreError",
    "__version__",
    "extract",
]


def __getattr__(name: str) -> object:
    """``extract`` pulls in spaCy and ``Store`` SQLAlchemy: each is imported when first asked for, so a command
    that needs neither (``newsgraph --help``, ``newsgraph summary``) starts without them."""
    if name == "extract":
        from newsgraph.pipeline import extract
        return extract
    if name == "Store":
        from newsgraph.store import Store
        return Store
    raise AttributeError(name)
