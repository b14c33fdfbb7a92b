"""The pages in headless Chromium against ``newsgraph serve`` on 127.0.0.1: what an analyst sees.

Screenshots of each page go to tests/web/artifacts/ (or $NEWSGRAPH_ARTIFACTS).  Every test also checks
that no request left 127.0.0.1 (no CDN, tiles or fonts) and that no script error was logged.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newsgraph.geo.readings import lookup_place
from newsgraph.query import claims, dossier, timeline
from newsgraph.store import Store
from tests.web.conftest import Watched
from tests.web.hostile import MARKERS


def assert_local(page: Watched, base: str) -> None:
    outside = [u for u in page.requests if not u.startswith(base) and not u.startswith(("data:", "blob:"))]
    assert outside == [], f"requests left the server: {outside[:5]}"
    assert page.errors == [], f"script errors: {page.errors[:5]}"


def person_claim(web_db: Path) -> Any:
    """A claim of the person with most claims in the real articles (not the hostile one), from the store."""
    with Store(web_db) as store:
        found = [c for c in claims(store, limit=500) if c.speaker and c.speaker.id.startswith("per:")
                 and c.doc_id != "hostile-page"]
    assert found, "the store built from the shared corpus and our examples has no claim by a person"
    counts = Counter(c.speaker.id for c in found)
    return min(found, key=lambda c: (-counts[c.speaker.id], c.id))


def test_dossier_shows_the_claim_and_its_evidence_highlighted_in_the_document(page: Watched, server: str,
                                                                                web_db: Path) -> None:
    claim = person_claim(web_db)
    page.page.goto(f"{server}/entity/{quote(claim.speaker.id, safe='')}")
    row = page.page.locator(f'tr[data-claim="{claim.id}"]').first
    assert row.locator(".evidence-text").inner_text().strip() == claim.evidence[2].strip()
    assert claim.stance in row.locator(".stance").inner_text()
    assert claim.credibility and re.fullmatch(r"[A-F][1-6]", claim.credibility), claim.credibility
    grade = row.locator(".cred .grade")
    assert grade.inner_text().strip() == claim.credibility  # the "B2" of the claims layer, beside the claim
    assert grade.is_visible() and f"source reliability {claim.source_grade}" in (grade.get_attribute("title") or "")
    if page.page.locator("td.figures").count():  # filled from /api/timeline by static/dossier.js
        page.page.wait_for_function("() => ![...document.querySelectorAll('td.figures')].some(t => t.textContent === '…')")
    page.shot("dossier")

    row.locator("a.evidence-link").click()
    page.page.wait_for_url(f"**/document/{quote(claim.doc_id, safe='')}*")
    local = claim.id.split("/")[-1]
    spans = page.page.locator(f'#doctext [data-claims~="{local}"]')
    starts = [int(x) for x in spans.evaluate_all("els => els.map(e => e.dataset.start)")]
    ends = [int(x) for x in spans.evaluate_all("els => els.map(e => e.dataset.end)")]
    start, end, _sentence = claim.evidence
    assert (min(starts), max(ends)) == (start, end)
    text = "".join(spans.evaluate_all("els => els.map(e => e.textContent)"))
    with Store(web_db) as store:
        assert text == store.document(claim.doc_id).text[start:end]
    colour = spans.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), "the evidence is not highlighted"
    mention = page.page.locator("#doctext a.ent").first
    assert mention.get_attribute("title"), "hovering a mention names its entity"
    page.shot("document")
    assert_local(page, server)


def test_the_dossier_shows_contradicting_claims_side_by_side_with_their_grades(page: Watched, server: str,
                                                                             web_db: Path) -> None:
    # corpus-ghouta.json: Syria's denial (fakes-0482) against Moshe Yaalon's accusation (fakes-0516)
    with Store(web_db) as store:
        denial = next(c for c in claims(store, contradicted=True, limit=1000)
                      if c.doc_id == "fakes-0482" and c.cue == "denied" and "using chemical" in c.text)
        holder = denial.speaker or denial.about[0]
        linked = {c.id: c for c in dossier(store, holder.id).linked}
    against = {cid: linked[cid] for cid in denial.contradicted_by if cid in linked}
    page.page.goto(f"{server}/entity/{quote(holder.id, safe='')}#disputes")
    row = page.page.locator(".dispute", has=page.page.locator(f'.claim-self [data-claim="{denial.id}"]')).first
    side = row.locator(".contradicting")
    shown = side.locator(".claim-card").evaluate_all("els => els.map(e => e.dataset.claim)")
    assert set(shown) >= set(against) and against
    for cid, claim in against.items():
        card = side.locator(f'.claim-card[data-claim="{cid}"]')
        assert card.locator(".evidence-text").inner_text().strip() == claim.evidence[2].strip()
        assert card.locator(".grade").inner_text().strip() == claim.credibility
    self_box, against_box = row.locator(".claim-self").bounding_box(), side.bounding_box()
    assert self_box and against_box and against_box["x"] > self_box["x"] + self_box["width"] - 1  # side by side
    row.scroll_into_view_if_needed()
    page.shot("dossier-disputes")
    assert_local(page, server)


def test_a_mention_in_a_document_goes_to_its_dossier(page: Watched, server: str, web_db: Path) -> None:
    claim = person_claim(web_db)
    page.page.goto(f"{server}/document/{quote(claim.doc_id, safe='')}")
    link = page.page.locator(f'#doctext a.ent[data-entity="{claim.speaker.id}"]').first
    link.click()
    page.page.wait_for_url("**/entity/**")
    assert page.page.locator("h1").inner_text().startswith(claim.speaker.name)
    assert_local(page, server)


def test_link_chart_draws_the_entities_and_a_click_opens_a_dossier(page: Watched, server: str) -> None:
    page.page.goto(f"{server}/graph")
    page.page.wait_for_selector("#graph[data-nodes]")
    nodes = int(page.page.get_attribute("#graph", "data-nodes") or 0)
    assert nodes > 10
    inked = page.page.evaluate("""() => [...document.querySelectorAll('#graph canvas')].some(c => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true; return false; })""")
    assert inked, "the link chart's canvas is empty"
    page.shot("graph")
    where = page.page.evaluate("""() => { const n = window.newsgraphChart.nodes().max(x => x.degree()).ele;
        const p = n.renderedPosition(); const b = document.getElementById('graph').getBoundingClientRect();
        return {id: n.id(), x: b.left + p.x, y: b.top + p.y}; }""")
    page.page.mouse.click(where["x"], where["y"])
    page.page.wait_for_url(f"**/entity/{quote(where['id'], safe='')}")
    assert_local(page, server)


def test_map_has_the_basemap_and_a_marker_at_a_known_town(page: Watched, server: str, web_db: Path) -> None:
    page.page.goto(f"{server}/map")
    page.page.wait_for_selector("#map[data-markers]")
    outlines = page.page.locator("#map path.leaflet-interactive, #map .leaflet-overlay-pane path").count()
    assert outlines > 100, "the Natural Earth outlines are not drawn"
    towns = page.page.locator('#map path[data-precision="town"]')
    assert towns.count() > 0
    place = towns.first.get_attribute("data-place") or ""
    name = page.page.evaluate("id => fetch('/api/places').then(r => r.json()).then(d => d.places.find(p => p.id === id).name)",
                              place)
    known = lookup_place(name)
    assert known is not None and place == f"geonames:{known.geonames_id}"
    lat, lon = float(towns.first.get_attribute("data-lat") or 0), float(towns.first.get_attribute("data-lon") or 0)
    assert (round(lat, 2), round(lon, 2)) == (round(known.lat, 2), round(known.lon, 2))
    offset = page.page.evaluate("""([lat, lon, id]) => { const p = window.newsgraphMap.latLngToContainerPoint([lat, lon]);
        const e = document.querySelector(`#map path[data-place="${id}"]`).getBoundingClientRect();
        const b = document.getElementById('map').getBoundingClientRect();
        return Math.hypot(e.left + e.width / 2 - b.left - p.x, e.top + e.height / 2 - b.top - p.y); }""",
                                [lat, lon, place])
    assert offset < 2, f"the marker of {name} is {offset:.1f} px off its coordinates"
    page.shot("map")
    towns.first.click(force=True)
    page.page.wait_for_selector(".place-event-list li")
    assert page.page.locator(".place-event-list li").count() >= 1
    page.shot("map-events")
    assert_local(page, server)


def test_timeline_draws_a_month_as_a_span(page: Watched, server: str, web_db: Path) -> None:
    with Store(web_db) as store:
        months = [i for i in timeline(store).items if i.precision == "month"]
    assert months, "no month-precision item in the store"
    page.page.goto(f"{server}/timeline")
    page.page.wait_for_selector("#timeline[data-items]")
    drawn = page.page.evaluate("""id => { const it = window.newsgraphTimeline.itemsData.get(id);
        return it ? {type: it.type, days: (new Date(it.end) - new Date(it.start)) / 86400000} : null; }""", months[0].id)
    assert drawn is not None and drawn["type"] == "range" and 28 <= drawn["days"] <= 31
    page.page.evaluate("id => window.newsgraphTimeline.focus(id, {animation: false})", months[0].id)
    page.page.wait_for_selector(".vis-item.vis-range.prec-month")
    width = page.page.locator(".vis-item.vis-range.prec-month").first.bounding_box()
    assert width is not None and width["width"] > 20
    page.shot("timeline-month")
    page.page.evaluate("""id => { const it = window.newsgraphTimeline.itemsData.get(id); const s = new Date(it.start);
        window.newsgraphTimeline.setWindow(new Date(s.getTime() - 4 * 365 * 86400000), new Date(s.getTime() + 4 * 365 * 86400000),
        {animation: false}); }""", months[0].id)
    page.shot("timeline")
    assert_local(page, server)


def test_search_page_lists_hits_with_facets(page: Watched, server: str, web_db: Path) -> None:
    claim = person_claim(web_db)
    word = claim.speaker.name.split()[-1]
    page.page.goto(f"{server}/?q={quote(word)}")
    assert page.page.locator(".hits li").count() > 0
    assert page.page.locator(".facets h3").count() >= 2
    page.shot("search")
    assert_local(page, server)


def test_hostile_article_renders_inert_in_every_page(page: Watched, server: str, web_db: Path) -> None:
    with Store(web_db) as store:
        doc = store.document("hostile-page")
    named = sorted({e.id for e in doc.entities})
    urls = [f"/document/{doc.doc_id}", "/?q=Haddad", "/timeline", "/graph", "/map"]
    with Store(web_db) as store:
        from newsgraph.query.common import corpus_ids  # the corpus ids of the article's own entities
        from newsgraph.store import schema
        with store.engine.connect() as conn:
            pk = conn.execute(schema.documents.select().where(schema.documents.c.doc_id == doc.doc_id)).first().pk
            ids = corpus_ids(conn, {(pk, local) for local in named})
    urls += [f"/entity/{quote(cid, safe='')}" for cid in sorted(set(ids.values()))[:4]]
    for url in urls:
        page.page.goto(server + url)
        page.page.wait_for_load_state("networkidle")
        scripts = page.page.evaluate("() => [...document.querySelectorAll('script')].map(s => s.src + ' ' + s.textContent)")
        assert not [s for s in scripts if any(m in s for m in MARKERS)], f"{url}: a script from the text is in the DOM"
        assert page.page.locator("[onerror], [onload], a[href^='javascript:'], svg[onload]").count() == 0, url
    page.page.goto(f"{server}/document/{doc.doc_id}")
    assert '<script>alert("script-in-text")</script>' in page.page.locator("#doctext").inner_text()
    page.shot("hostile-document")
    assert page.dialogs == [], f"dialogs fired: {page.dialogs}"
    assert_local(page, server)
