"""Asking the corpus: library calls the CLI (``newsgraph entity|timeline|search|claims``) and the web call.

    >>> from newsgraph.query import dossier, timeline, search, claims
    >>> dossier(store, "Laurent Fabius")             # what we know about X, who says so, who disputes it
    >>> timeline(store, place="Ghouta")              # what happened there, in date order
    >>> search(store, "sarin")                       # where is this mentioned
    >>> claims(store, about="Syria", stance="denied")

Every function takes a ``Store`` and returns frozen records with ``to_dict()`` for JSON.  Names are resolved
by ``names.resolve`` (an id, a name or an alias; ``AmbiguousName``/``UnknownName`` otherwise).  Dates keep
their precision and sort by the rule in ``dates``.
"""

from newsgraph.query.claims import ClaimRecord, Named, claims
from newsgraph.query.dossier import Dossier, DossierEntity, DossierEvent, Related, dossier
from newsgraph.query.names import AmbiguousName, NameMatch, UnknownName, find, resolve
from newsgraph.query.search import SearchHit, SearchSyntaxError, search
from newsgraph.query.timeline import Timeline, TimelineItem, timeline

__all__ = ["AmbiguousName", "ClaimRecord", "Dossier", "DossierEntity", "DossierEvent", "NameMatch", "Named",
           "Related", "SearchHit", "SearchSyntaxError", "Timeline", "TimelineItem", "UnknownName", "claims",
           "dossier", "find", "resolve", "search", "timeline"]
