"""The entity graph as GEXF, written as it is read: the bytes ``networkx.generate_gexf`` writes for
``graph.build_graph``'s graph, without holding the graph.

networkx's own ``GEXFWriter`` makes every node and edge element (one at a time, from a graph of that one
node or edge), so attribute ids, types and edge ids are networkx's.  GEXF declares its attributes before
the nodes, in the order networkx meets them, so nodes and edges go to temporary files first and follow
the declarations.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from typing import IO, TYPE_CHECKING, Any
from xml.etree.ElementTree import Element, tostring

from newsgraph.export import stream
from newsgraph.export.common import require
from newsgraph.export.graph import edges_in_order, last_ingest_day, node_attributes

if TYPE_CHECKING:
    from newsgraph.store import Store

_NODES, _EDGES = "newsgraph-nodes-here", "newsgraph-edges-here"
_LEVEL = 3  # gexf > graph > nodes|edges > node|edge


class _Elements:
    """GEXF elements as networkx writes them, sharing one writer so attribute and edge ids run on."""

    def __init__(self) -> None:
        self.nx = require("networkx", "gexf")
        self.writer: Any = self.nx.readwrite.gexf.GEXFWriter()
        self.writer.graph_element = Element("graph", defaultedgetype="directed", mode="static", name="")

    def _lines(self, holder: Element) -> list[str]:
        element = holder[0][0]  # holder > nodes|edges > the one element
        self.writer.indent(element, _LEVEL)
        element.tail = None
        text = tostring(element).decode("utf-8").splitlines()
        return ["  " * _LEVEL + text[0], *text[1:]]

    def node(self, node_id: str, attrs: dict[str, Any]) -> list[str]:
        one = self.nx.DiGraph()
        one.add_node(node_id, **attrs)
        holder = Element("holder")
        self.writer.add_nodes(one, holder)
        return self._lines(holder)

    def edge(self, source: str, target: str, attrs: dict[str, Any]) -> list[str]:
        one = self.nx.DiGraph()
        one.add_edge(source, target, **attrs)
        holder = Element("holder")
        self.writer.add_edges(one, holder)
        return self._lines(holder)

    def frame(self, day: str, nodes: bool, edges: bool) -> list[str]:
        """The document's lines with a marker line where the nodes and the edges go (an empty ``<nodes />``
        or ``<edges />`` as networkx writes it when there are none), ``lastmodifieddate`` set to ``day``."""
        graph = self.writer.graph_element
        for present, tag, marker in ((nodes, "nodes", _NODES), (edges, "edges", _EDGES)):
            part = Element(tag)
            if present:
                part.append(Element(marker))
            graph.append(part)
        self.writer.xml.append(graph)
        text = re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{day}"', str(self.writer))
        return text.splitlines()


def write_gexf(store: Store, out: IO[str]) -> tuple[int, int]:
    """The entity graph to ``out`` as GEXF; returns (nodes, edges)."""
    elements = _Elements()
    nodes: set[str] = set()
    edges = 0
    with tempfile.TemporaryDirectory(prefix="newsgraph-gexf-") as tmp, \
            open(f"{tmp}/nodes.xml", "w+", encoding="utf-8") as node_lines, \
            open(f"{tmp}/edges.xml", "w+", encoding="utf-8") as edge_lines:
        for entity in stream.entities(store):
            nodes.add(entity.id)
            for line in elements.node(entity.id, node_attributes(entity)):
                node_lines.write(line + "\n")
        for a, b, edge in edges_in_order(store, nodes, tmp):
            edges += 1
            for line in elements.edge(a, b, edge.attributes()):
                edge_lines.write(line + "\n")
        document = elements.frame(last_ingest_day(store), bool(nodes), bool(edges))
        for line in document:
            marker = line.strip()
            if marker in (f"<{_NODES} />", f"<{_EDGES} />"):
                body = node_lines if marker == f"<{_NODES} />" else edge_lines
                body.seek(0)
                shutil.copyfileobj(body, out)
            else:
                out.write(line + "\n")
    return len(nodes), edges
