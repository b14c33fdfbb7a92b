"""CSV tables: ``events.csv`` (one row per corpus event, in the style of ACLED's columns) and ``claims.csv``
(one row per claim).  UTF-8, RFC 4180 quoting (every field quoted when it needs it, CRLF line ends), so a
spreadsheet or ``csv.DictReader`` reads them as they are.

ACLED columns and what fills them: ``event_date`` the first day the reports' dates cover,
``time_precision`` 1 (a day), 2 (a range of up to a week), 3 (longer: a month, a year); ``event_type`` the
PLOVER type, ``sub_event_type`` the trigger most reports use; ``actor1``/``actor2`` the first two
participants (names); ``geo_precision`` 1 for a gazetteer point (a town), 2 a named place without a point,
3 a country; ``fatalities_low``/``fatalities_high`` the range of "killed" figures across sources;
``source`` the outlets, ``source_url`` the documents' URLs, ``notes`` the first report's sentence.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING

from newsgraph.export import stream
from newsgraph.export.common import EntityInfo, entity_index
from newsgraph.resolve.corpus_events import CorpusEvent

if TYPE_CHECKING:
    from newsgraph.store import Store

EVENT_COLUMNS = ("event_id", "event_date", "event_date_end", "time_precision", "event_type", "sub_event_type",
                 "actor1", "actor2", "participants", "location", "location_id", "latitude", "longitude",
                 "geo_precision", "country", "source", "source_url", "notes", "fatalities_low", "fatalities_high",
                 "reports", "documents")
CLAIM_COLUMNS = ("claim_id", "document", "published", "outlet", "speaker", "speaker_id", "via", "cue", "stance",
                 "source_grade", "credibility", "corroborations", "contradictions", "corroborated_by",
                 "contradicted_by", "about", "text", "evidence", "evidence_start", "evidence_end")
TABLES = ("events", "claims")


def _writer(out: IO[str], columns: Iterable[str]) -> csv.DictWriter[str]:
    writer = csv.DictWriter(out, fieldnames=list(columns), dialect="excel", lineterminator="\r\n")
    writer.writeheader()
    return writer


def write_events(store: Store, out: IO[str], index: dict[str, EntityInfo] | None = None) -> int:
    """``events.csv`` to ``out`` (opened with ``newline=""``); returns the rows written."""
    index = entity_index(store) if index is None else index
    urls = {d.doc_id: d.url for d in store.infos()}
    writer = _writer(out, EVENT_COLUMNS)
    rows = 0
    for event in stream.corpus_events(store):
        writer.writerow(_event_row(event, index, urls))
        rows += 1
    return rows


def _event_row(event: CorpusEvent, index: dict[str, EntityInfo], urls: dict[str, str | None]) -> dict[str, object]:
    killed = event.estimates.get("killed", (None, None, None))
    triggers = Counter(r.trigger.casefold() for r in event.reports)
    return {
        "event_id": event.id, "event_date": event.date_start or "", "event_date_end": event.date_end or "",
        "time_precision": _time_precision(event.date_start, event.date_end), "event_type": event.type,
        "sub_event_type": min(triggers, key=lambda t: (-triggers[t], t)) if triggers else "",
        **_actor_columns(event, index), **_place_columns(event, index),
        "source": "; ".join(sorted({r.outlet for r in event.reports})),
        "source_url": "; ".join(u for d in event.documents if (u := urls.get(d))),
        "notes": event.reports[0].evidence.text if event.reports else "",
        "fatalities_low": "" if killed[0] is None else killed[0],
        "fatalities_high": "" if killed[2] is None else killed[2],
        "reports": len(event.reports), "documents": len(event.documents),
    }


def _actor_columns(event: CorpusEvent, index: dict[str, EntityInfo]) -> dict[str, object]:
    """``actor1``, ``actor2`` (the first two participants) and all ``participants``, by name."""
    names = [index[cid].name if cid in index else cid for cid in event.participants]
    return {"actor1": names[0] if names else "", "actor2": names[1] if len(names) > 1 else "",
            "participants": "; ".join(names)}


def _place_columns(event: CorpusEvent, index: dict[str, EntityInfo]) -> dict[str, object]:
    """``location`` ... ``country``: the event's place, its point when the gazetteer gave one."""
    place = index.get(event.place) if event.place else None
    point = place is not None and place.lat is not None and place.lon is not None
    return {"location": place.name if place else (event.place or ""), "location_id": event.place or "",
            "latitude": place.lat if point and place else "", "longitude": place.lon if point and place else "",
            "geo_precision": _geo_precision(event.place, point), "country": (place.country if place else None) or ""}


def _time_precision(start: str | None, end: str | None) -> str:
    if not start or not end:
        return ""
    days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
    return "1" if days == 0 else "2" if days < 7 else "3"


def _geo_precision(place_id: str | None, point: bool) -> str:
    if not place_id:
        return ""
    if place_id.startswith("country:"):
        return "3"
    return "1" if point else "2"


def write_claims(store: Store, out: IO[str], index: dict[str, EntityInfo] | None = None) -> int:
    """``claims.csv`` to ``out`` (opened with ``newline=""``); returns the rows written."""
    index = entity_index(store) if index is None else index
    writer = _writer(out, CLAIM_COLUMNS)
    rows = 0
    def name(cid: str | None) -> str:
        return index[cid].name if cid in index else (cid or "")

    for stored in stream.documents(store):
        doc = stored.document
        for claim in doc.claims:
            speaker = stored.entity(claim.speaker)
            found = stored.assessment(claim)
            writer.writerow({
                "claim_id": f"{doc.doc_id}/{claim.id}", "document": doc.doc_id, "published": doc.published or "",
                "outlet": doc.source or "", "speaker": name(speaker) if speaker else claim.speaker_text or "",
                "speaker_id": speaker or "", "via": "; ".join(name(stored.entity(v)) for v in claim.via),
                "cue": claim.cue, "stance": claim.stance, "source_grade": found.source_grade or "",
                "credibility": found.credibility or "", "corroborations": len(found.corroborated_by),
                "contradictions": len(found.contradicted_by), "corroborated_by": "; ".join(found.corroborated_by),
                "contradicted_by": "; ".join(found.contradicted_by),
                "about": "; ".join(name(stored.entity(a)) for a in claim.about), "text": claim.text,
                "evidence": claim.evidence.text, "evidence_start": claim.evidence.start,
                "evidence_end": claim.evidence.end})
            rows += 1
    return rows
