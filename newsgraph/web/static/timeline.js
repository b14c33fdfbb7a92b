// The timeline: vis-timeline over /api/timeline; a day is a point, a month or a year a span over it.
"use strict";
(async function () {
  const ng = window.newsgraph;
  const box = document.getElementById("timeline");
  const panel = document.getElementById("timeline-item");
  const params = ng.params();
  for (const key of [...params.keys()]) if (!params.get(key)) params.delete(key);
  let data;
  try {
    data = await ng.getJSON("/api/timeline", params);
  } catch (error) {
    ng.status("timeline-status", `Could not load the timeline: ${error.message}`);
    return;
  }
  function span(date) {  // [start, end) of the days a date at its precision covers
    const parts = date.split("-").map(Number);
    if (parts.length === 1) return [new Date(Date.UTC(parts[0], 0, 1)), new Date(Date.UTC(parts[0] + 1, 0, 1))];
    if (parts.length === 2) return [new Date(Date.UTC(parts[0], parts[1] - 1, 1)), new Date(Date.UTC(parts[0], parts[1], 1))];
    return [new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])), null];
  }
  const items = [];
  const byId = new Map();
  for (const item of data.items) {
    if (!item.date || !item.precision) continue;
    const [start, end] = span(item.date);
    const label = item.kind === "event" ? `${item.type}: ${item.label}` : item.label.slice(0, 80);
    // no "title": vis-timeline writes tooltips as HTML; the article's words stay text (details on select)
    const entry = { id: item.id, content: label, start,
      className: `${item.kind} prec-${item.precision}`, type: end ? "range" : "point" };
    if (end) entry.end = end;
    items.push(entry);
    byId.set(item.id, item);
  }
  const timeline = new vis.Timeline(box, new vis.DataSet(items), {
    stack: true, zoomable: true, horizontalScroll: false, height: "640px", maxHeight: 640,
    // item labels are text nodes: vis-timeline's own xss filter is not relied on
    template: (item) => { const label = document.createElement("span"); label.textContent = item.content; return label; },
  });
  timeline.on("select", ({ items: chosen }) => {
    const item = byId.get(chosen[0]);
    if (!item) return;
    panel.replaceChildren(ng.el("h3", {}, `${item.date} · ${item.precision}`), ng.el("p", {}, `${item.type}: ${item.label}`),
      ...item.figures.map((f) => ng.el("div", {}, `${f.counted} ${f.low}${f.high !== f.low ? "–" + f.high : ""} (${f.source})`)),
      ...item.documents.slice(0, 8).map((d) => ng.el("div", {}, ng.el("a", { href: `/document/${encodeURIComponent(d)}` }, d))));
  });
  box.dataset.items = String(items.length);
  window.newsgraphTimeline = timeline;
  ng.status("timeline-status", `${items.length} dated items (${data.items.length - items.length} undated not drawn).`);
})();
