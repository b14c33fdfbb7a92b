// The link chart: Cytoscape.js over /api/graph; node size = documents, edge width = evidence; click -> dossier.
"use strict";
(async function () {
  const ng = window.newsgraph;
  const box = document.getElementById("graph");
  const colours = { PER: "#c2410c", ORG: "#1d4ed8", GPE: "#15803d", LOC: "#0f766e", FAC: "#7c3aed", WEA: "#b91c1c", VEH: "#a16207" };
  const params = ng.params();
  const focus = params.get("focus");
  params.delete("focus");
  let data;
  try {
    data = await ng.getJSON("/api/graph", params);
  } catch (error) {
    ng.status("graph-status", `Could not load the link chart: ${error.message}`);
    return;
  }
  const elements = [
    ...data.nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type, documents: n.documents, colour: colours[n.type] || "#6b7280" } })),
    ...data.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, weight: e.weight,
      kinds: Object.entries(e.kinds).map(([k, v]) => `${k} ${v}`).join(", ") } })),
  ];
  const cy = cytoscape({
    container: box,
    elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 10, color: "#111827",
        "text-valign": "bottom", "text-margin-y": 2, width: "mapData(documents, 1, 20, 12, 48)", height: "mapData(documents, 1, 20, 12, 48)" } },
      { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 8)", "line-color": "#9ca3af", opacity: 0.7, "curve-style": "haystack" } },
      { selector: "node.focus", style: { "border-width": 4, "border-color": "#fbbf24" } },
      { selector: ".faded", style: { opacity: 0.15 } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 70, numIter: 600 },
  });
  cy.on("tap", "node", (event) => { window.location.href = ng.entityHref(event.target.id()); });
  cy.on("mouseover", "node", (event) => { box.title = `${event.target.data("label")} (${event.target.data("type")})`; });
  cy.on("mouseover", "edge", (event) => { box.title = event.target.data("kinds"); });
  if (focus && cy.getElementById(focus).nonempty()) {
    const node = cy.getElementById(focus);
    node.addClass("focus");
    cy.elements().difference(node.closedNeighborhood()).addClass("faded");
    cy.fit(node.closedNeighborhood(), 60);
  }
  box.dataset.nodes = String(data.nodes.length);
  box.dataset.edges = String(data.edges.length);
  window.newsgraphChart = cy;
  ng.status("graph-status", `${data.nodes.length} entities, ${data.edges.length} links, from ${data.documents} documents.`);
})();
