// Shared by the chart pages: read the page's filters, call the JSON API, build DOM with textContent only.
"use strict";
window.newsgraph = {
  params() {
    return new URLSearchParams(window.location.search);
  },
  async getJSON(path, params) {
    const url = params && [...params].length ? `${path}?${params}` : path;
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : `HTTP ${response.status}`);
    return body;
  },
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  },
  status(id, text) {
    const node = document.getElementById(id);
    if (node) node.textContent = text;
  },
  entityHref(id) {
    return `/entity/${encodeURIComponent(id)}`;
  },
};
