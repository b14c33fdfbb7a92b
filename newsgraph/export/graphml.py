"""The entity graph as GraphML, written as it is read: the bytes ``networkx.generate_graphml`` writes for
``graph.build_graph``'s graph, without holding the graph.

Nodes (the corpus entities) are written as they stream from the store, edges as ``graph.edges_in_order``
gathers them one at a time.  GraphML declares its keys before the graph, in the reverse order networkx meets them,
so the graph's body goes to a temporary file first and follows the keys.  Each element is made and
serialised by ElementTree with networkx's own indenting and types, so the text is networkx's.
"""

from __future__ import annotations

import shutil
import tempfile
from typing import IO, TYPE_CHECKING, Any
from xml.etree.ElementTree import Element, SubElement, tostring

from newsgraph.export import stream
from newsgraph.export.common import require
from newsgraph.export.graph import edges_in_order, node_attributes

if TYPE_CHECKING:
    from newsgraph.store import Store

_ROOT = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
         'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')


class _Elements:
    """GraphML elements as networkx writes them, and the keys they use in the order first used."""

    def __init__(self) -> None:
        nx = require("networkx", "graphml")
        self.writer = nx.readwrite.graphml.GraphMLWriter(named_key_ids=True)
        self.keys: dict[tuple[str, str, str], None] = {}

    def lines(self, tag: str, attrs: dict[str, str], data: dict[str, Any], scope: str, level: int) -> list[str]:
        element = Element(tag, attrs)
        for name, value in data.items():
            kind = self.writer.get_xml_type(type(value))
            self.keys.setdefault((name, kind, scope), None)
            SubElement(element, "data", key=name).text = str(value)
        self.writer.indent(element, level)
        element.tail = None
        text = tostring(element).decode("utf-8").splitlines()
        return ["  " * level + text[0], *text[1:]]

    def key_lines(self) -> list[str]:
        out = []
        for name, kind, scope in reversed(self.keys):
            key = Element("key", {"id": name, "for": scope, "attr.name": name, "attr.type": kind})
            out.append("  " + tostring(key).decode("utf-8"))
        return out


def write_graphml(store: Store, out: IO[str]) -> tuple[int, int]:
    """The entity graph to ``out`` as GraphML; returns (nodes, edges)."""
    elements = _Elements()
    nodes: set[str] = set()
    edges = 0
    with tempfile.TemporaryDirectory(prefix="newsgraph-graphml-") as tmp, \
            open(f"{tmp}/body.xml", "w+", encoding="utf-8") as body:
        for entity in stream.entities(store):
            nodes.add(entity.id)
            for line in elements.lines("node", {"id": entity.id}, node_attributes(entity), "node", 2):
                body.write(line + "\n")
        for a, b, edge in edges_in_order(store, nodes, tmp):
            edges += 1
            for line in elements.lines("edge", {"source": a, "target": b}, edge.attributes(), "edge", 2):
                body.write(line + "\n")
        if not nodes:
            out.write(_ROOT + "\n" + '  <graph edgedefault="directed" />' + "\n</graphml>\n")
            return 0, 0
        out.write(_ROOT + "\n")
        for line in elements.key_lines():
            out.write(line + "\n")
        out.write('  <graph edgedefault="directed">\n')
        body.seek(0)
        shutil.copyfileobj(body, out)
        out.write("  </graph>\n</graphml>\n")
    return len(nodes), edges
