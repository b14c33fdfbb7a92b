// The dossier's events table: each event's figures by source and its documents, from /api/timeline.
"use strict";
(async function () {
  const ng = window.newsgraph;
  const table = document.getElementById("events-table");
  if (!table || !table.querySelector("td[data-event]")) return;
  const cells = (kind) => new Map([...table.querySelectorAll(`td.${kind}[data-event]`)].map((td) => [td.dataset.event, td]));
  const figures = cells("figures");
  const reports = cells("reports");
  let told;
  try {
    told = await ng.getJSON("/api/timeline", new URLSearchParams({ entity: table.dataset.entity, claims: "false", limit: "500" }));
  } catch (error) {
    for (const td of figures.values()) td.replaceChildren(ng.el("span", { class: "dim" }, "?"));
    return;
  }
  for (const item of told.items) {
    const td = figures.get(item.id);
    if (td) {
      td.replaceChildren(...(item.figures.length ? item.figures.map((f) => ng.el("div", { class: "figure" },
        `${f.counted} ${f.low === f.high ? f.low : `${f.low ?? "?"}–${f.high ?? "?"}`} (${f.source})`)) : [ng.el("span", { class: "dim" }, "—")]));
    }
    const docs = reports.get(item.id);
    if (docs) {
      docs.querySelector(".docs").replaceChildren(...item.documents.slice(0, 4).map((d) =>
        ng.el("div", {}, ng.el("a", { href: `/document/${encodeURIComponent(d)}` }, d))));
    }
  }
  for (const td of figures.values()) if (td.querySelector(".dim") && td.textContent === "…") td.replaceChildren(ng.el("span", { class: "dim" }, "—"));
})();
