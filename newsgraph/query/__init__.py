"""Asking the corpus: library calls the CLI (``newsgraph entity|timeline|search|claims``) and the web call.

    >>> from newsgraph.query import dossier, timeline, search, claims
    >>> dossier(store, "Laurent Fabius")             # what we know about X, who says so, who disputes it
    >>> timeline(store, place="Ghouta")              # what happened there, in date order
    >>> search(store, "sarin")                       # where is this mentioned
    >>> claims(store, about="Syria", stance="denied")
    >>> document_view(store, "fakes-0001")          # a document cut for highlighting, claims with grades
    >>> graph(store, types=["PER", "ORG"])          # the link chart: entities linked by evidence
    >>> places(store, outlet="Reuters")             # the map: places of reported events

Every function takes a ``Store`` and returns frozen records with ``to_dict()`` for JSON.  Names are resolved
by ``names.resolve`` (an id, a name or an alias; ``AmbiguousName``/``UnknownName`` otherwise).  Dates keep
their precision and sort by the rule in ``dates``.
"""

from newsgraph.query.claims import ClaimRecord, Named, claims, claims_by_id
from newsgraph.query.documents import DocumentView, Segment, document_view
from newsgraph.query.dossier import Dossier, DossierEntity, DossierEvent, Related, dossier
from newsgraph.query.graph import Graph, GraphEdge, GraphNode, graph
from newsgraph.query.names import AmbiguousName, NameMatch, UnknownName, find, resolve
from newsgraph.query.places import ReportedPlace, places
from newsgraph.query.search import SearchHit, SearchSyntaxError, search
from newsgraph.query.timeline import Timeline, TimelineItem, timeline

__all__ = ["AmbiguousName", "ClaimRecord", "DocumentView", "Dossier", "DossierEntity", "DossierEvent", "Graph",
           "GraphEdge", "GraphNode", "NameMatch", "Named", "Related", "ReportedPlace", "SearchHit",
           "SearchSyntaxError", "Segment", "Timeline", "TimelineItem", "UnknownName", "claims", "claims_by_id",
           "document_view", "dossier", "find", "graph", "places", "resolve", "search", "timeline"]
