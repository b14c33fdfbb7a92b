"""``Document`` to table rows and back; the store's only knowledge of the record shapes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from newsgraph.model import Claim, DateMention, Document, Entity, Event, Furniture, Quantity, Relation, Span
from newsgraph.resolve.ids import corpus_entity_id

Row = Mapping[str, Any]


def _evidence(span: Span) -> dict[str, Any]:
    return {"ev_start": span.start, "ev_end": span.end, "ev_text": span.text}


def child_rows(doc: Document, doc_pk: int) -> dict[str, list[dict[str, Any]]]:
    """The rows of every child table for one document, keyed by table name."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for seq, e in enumerate(doc.entities):
        out["entities"].append({
            "doc_pk": doc_pk, "local_id": e.id, "seq": seq, "global_id": corpus_entity_id(e), "name": e.name,
            "type": e.type, "aliases": list(e.aliases), "roles": list(e.roles), "country": e.country,
            "lat": e.lat, "lon": e.lon, "geonames_id": e.geonames_id})
        for mseq, m in enumerate(e.mentions):
            out["mentions"].append({"doc_pk": doc_pk, "entity_id": e.id, "seq": mseq,
                                    "start_offset": m.start, "end_offset": m.end, "text": m.text})
    for seq, v in enumerate(doc.events):
        out["events"].append({
            "doc_pk": doc_pk, "local_id": v.id, "seq": seq, "type": v.type, "trigger": v.trigger, "date": v.date,
            "date_text": v.date_text, "actors": list(v.actors), "targets": list(v.targets),
            "location": v.location, **_evidence(v.evidence)})
    for seq, c in enumerate(doc.claims):
        out["claims"].append({
            "doc_pk": doc_pk, "local_id": c.id, "seq": seq, "speaker": c.speaker, "speaker_text": c.speaker_text,
            "cue": c.cue, "stance": c.stance, "text": c.text, "via": list(c.via), "about": list(c.about),
            "disputed_by": c.disputed_by, **_evidence(c.evidence)})
    for seq, r in enumerate(doc.relations):
        out["relations"].append({"doc_pk": doc_pk, "seq": seq, "subject": r.subject, "predicate": r.predicate,
                                 "object": r.object, **_evidence(r.evidence)})
    for seq, d in enumerate(doc.dates):
        out["dates"].append({"doc_pk": doc_pk, "seq": seq, "start_offset": d.start, "end_offset": d.end,
                             "text": d.text, "value": d.value})
    for seq, f in enumerate(doc.furniture):
        out["furniture"].append({"doc_pk": doc_pk, "seq": seq, "start_offset": f.start, "end_offset": f.end,
                                 "kind": f.kind, "text": f.text})
    owners = [("event", v.id, v.quantities) for v in doc.events] + [("claim", c.id, c.quantities) for c in doc.claims]
    for owner, owner_id, found in owners:
        out["quantities"].extend(_quantity_row(doc_pk, owner, owner_id, seq, q) for seq, q in enumerate(found))
    return out


def _quantity_row(doc_pk: int, owner: str, owner_id: str, seq: int, q: Quantity) -> dict[str, Any]:
    return {"doc_pk": doc_pk, "owner": owner, "owner_id": owner_id, "seq": seq, "counted": q.counted, "unit": q.unit,
            "low": q.low, "high": q.high, "qualifier": q.qualifier, "start_offset": q.span.start,
            "end_offset": q.span.end, "text": q.span.text, "speaker": q.speaker, "speaker_text": q.speaker_text}


def quantities_by_owner(rows: Iterable[Row]) -> dict[tuple[str, str], tuple[Quantity, ...]]:
    """(owner, owner id) -> its quantities in order, from rows of the quantities table."""
    found: dict[tuple[str, str], list[tuple[int, Quantity]]] = defaultdict(list)
    for r in rows:
        found[(r["owner"], r["owner_id"])].append((r["seq"], Quantity(
            counted=r["counted"], low=r["low"], high=r["high"], qualifier=r["qualifier"],
            span=Span(r["start_offset"], r["end_offset"], r["text"]), unit=r["unit"], speaker=r["speaker"],
            speaker_text=r["speaker_text"])))
    return {key: tuple(q for _, q in sorted(items, key=lambda item: item[0])) for key, items in found.items()}


def _span(row: Row) -> Span:
    return Span(row["ev_start"], row["ev_end"], row["ev_text"])


def document_from_rows(doc: Row, children: Mapping[str, Iterable[Row]]) -> Document:
    """Rebuild the ``Document`` exactly as it was added."""
    mentions: dict[str, list[Span]] = defaultdict(list)
    for m in sorted(children["mentions"], key=lambda r: (r["entity_id"], r["seq"])):
        mentions[m["entity_id"]].append(Span(m["start_offset"], m["end_offset"], m["text"]))
    by_seq = {name: sorted(rows, key=lambda r: r["seq"]) for name, rows in children.items()}
    counts = quantities_by_owner(children.get("quantities", ()))
    return Document(
        doc_id=doc["doc_id"], text=doc["text"], text_sha256=doc["text_sha256"], title=doc["title"],
        published=doc["published"], source=doc["source"], url=doc["url"], author=doc["author"],
        entities=tuple(Entity(
            id=e["local_id"], name=e["name"], type=e["type"], aliases=tuple(e["aliases"]), roles=tuple(e["roles"]),
            country=e["country"], lat=e["lat"], lon=e["lon"], geonames_id=e["geonames_id"],
            mentions=tuple(mentions[e["local_id"]])) for e in by_seq["entities"]),
        events=tuple(Event(
            id=v["local_id"], type=v["type"], trigger=v["trigger"], evidence=_span(v), date=v["date"],
            date_text=v["date_text"], actors=tuple(v["actors"]), targets=tuple(v["targets"]),
            location=v["location"], quantities=counts.get(("event", v["local_id"]), ()))
            for v in by_seq["events"]),
        claims=tuple(Claim(
            id=c["local_id"], speaker=c["speaker"], speaker_text=c["speaker_text"], cue=c["cue"], stance=c["stance"],
            text=c["text"], evidence=_span(c), via=tuple(c["via"]), about=tuple(c["about"]),
            disputed_by=c["disputed_by"], quantities=counts.get(("claim", c["local_id"]), ()))
            for c in by_seq["claims"]),
        relations=tuple(Relation(r["subject"], r["predicate"], r["object"], _span(r)) for r in by_seq["relations"]),
        dates=tuple(DateMention(d["start_offset"], d["end_offset"], d["text"], d["value"]) for d in by_seq["dates"]),
        furniture=tuple(Furniture(f["start_offset"], f["end_offset"], f["kind"], f["text"])
                        for f in by_seq.get("furniture", ())),
    )
