// The map: Leaflet over the shipped Natural Earth outlines (no tiles); markers at reported places,
// radius by report count, style by precision (town point, region centre, country centre); click -> events.
"use strict";
(async function () {
  const ng = window.newsgraph;
  const box = document.getElementById("map");
  const panel = document.getElementById("place-events");
  const map = L.map(box, { worldCopyJump: true, minZoom: 2, maxZoom: 12, attributionControl: true, preferCanvas: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth (world-atlas)");
  map.setView([30, 30], 3);
  try {
    const world = await ng.getJSON("/static/vendor/countries-50m.json");
    const countries = topojson.feature(world, world.objects.countries);
    countries.features.forEach((country) => unwrap(country.geometry));
    L.geoJSON(countries, { interactive: false, style: { color: "#9ca3af", weight: 0.7, fillColor: "#f9fafb", fillOpacity: 1 } }).addTo(map);
  } catch (error) {
    ng.status("map-status", `Could not load the basemap: ${error.message}`);
  }
  const params = ng.params();
  const focus = params.get("focus");
  params.delete("focus");
  let data;
  try {
    data = await ng.getJSON("/api/places", params);
  } catch (error) {
    ng.status("map-status", `Could not load the places: ${error.message}`);
    return;
  }
  const styles = { town: { color: "#b91c1c", dashArray: null }, region: { color: "#d97706", dashArray: null },
    country: { color: "#6b7280", dashArray: "4 3" } };
  const markers = [];
  for (const place of data.places) {
    const style = styles[place.precision] || styles.region;
    const marker = L.circleMarker([place.lat, place.lon], {
      radius: 5 + 3 * Math.sqrt(place.reports), color: style.color, dashArray: style.dashArray, weight: 2,
      fillColor: style.color, fillOpacity: place.precision === "country" ? 0.12 : 0.35,
      className: `place-marker precision-${place.precision}`,
    }).addTo(map);
    marker.bindTooltip(`${place.name} · ${place.precision} · ${place.reports} reports`);
    marker.on("click", () => showEvents(place));
    const path = marker.getElement && marker.getElement();
    if (path) {
      path.dataset.place = place.id;
      path.dataset.lat = String(place.lat);
      path.dataset.lon = String(place.lon);
      path.dataset.precision = place.precision;
    }
    markers.push(marker);
    if (focus === place.id) map.setView([place.lat, place.lon], 7, { animate: false });
  }
  if (!focus && markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2), { maxZoom: 6, animate: false });
  box.dataset.markers = String(markers.length);
  window.newsgraphMap = map;
  ng.status("map-status", `${data.places.length} places with reported events.`);

  async function showEvents(place) {
    panel.replaceChildren(ng.el("h3", {}, ng.el("a", { href: ng.entityHref(place.id), class: "ent ent-GPE" }, place.name)),
      ng.el("p", { class: "dim" }, `${place.precision} · ${place.reports} reports of ${place.events} events`));
    try {
      const told = await ng.getJSON("/api/timeline", new URLSearchParams({ place: place.id, claims: "false", limit: "50" }));
      const list = ng.el("ol", { class: "place-event-list" });
      for (const item of told.items) {
        list.append(ng.el("li", {}, `${item.date || "undated"} · ${item.type} · ${item.label} (${item.reports} reports) `,
          ...item.documents.slice(0, 3).map((d) => ng.el("a", { href: `/document/${encodeURIComponent(d)}` }, `${d} `))));
      }
      panel.append(list);
    } catch (error) {
      panel.append(ng.el("p", { class: "error-msg" }, error.message));
    }
  }
})();

// Outlines that meet the antimeridian (Russia, Fiji, Antarctica) jump from +180 to -180 inside a ring, and
// Leaflet, drawing on a plane, joins the two with a line across the whole map: keep each ring's longitudes
// continuous instead (a point 360 degrees over is the same point).
function unwrapRing(ring) {
  let previous = null;
  return ring.map(([lon, lat]) => {
    let x = lon;
    if (previous !== null) {
      while (x - previous > 180) x -= 360;
      while (previous - x > 180) x += 360;
    }
    previous = x;
    return [x, lat];
  });
}

function unwrap(geometry) {
  if (!geometry) return;
  if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(unwrapRing);
  else if (geometry.type === "MultiPolygon") geometry.coordinates = geometry.coordinates.map((p) => p.map(unwrapRing));
}

