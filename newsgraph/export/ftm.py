"""FollowTheMoney entities as JSON lines (one entity a line), for Aleph, ``ftm`` and followthemoney-store.

Every record is built through followthemoney's model (``model.make_entity``; ``add`` cleans and checks each
value against its property's type) and written as soon as it is made, in three passes over the store:

* corpus entities (by corpus id): PER -> ``Person`` (roles as ``position``), ORG -> ``Organization``,
  GPE/LOC/FAC -> ``Address`` (name, country, latitude/longitude of its gazetteer point), VEH -> ``Vehicle``;
  WEA has no FollowTheMoney schema and is left out (with the links to it);
* documents (by doc id): an ``Article`` (title, outlet as publisher, author, date, URL, text); a ``Mention``
  per corpus entity it names (its names in this document, the schema); each relation as a ``Membership``
  (a person or organisation in an organisation: "leads", "affiliated_with" as its role) or an
  ``UnknownLink`` (anything else), with the article as ``proof``; each claim as a ``Note`` on its
  speaker (FollowTheMoney 4 has no schema for a statement; a ``Note`` is an annotation of an entity: its
  ``entity`` the speaker, ``summary`` the claim's text, ``description`` the evidence sentence and the corpus
  assessment, ``keywords`` stance and cue, ``proof`` the article, ``notes`` the claim id);
* corpus events (by id): an ``Event`` (type and trigger as name, date range, place as ``location`` and
  ``addressEntity``, participants as ``involved``, reports' articles as ``proof``) and a ``Documentation``
  per report (role "report", summary its sentence).

Ids are ``make_entity_id`` hashes of "newsgraph" and the corpus id (entities, events), the doc id (articles)
and the doc id with the local record (mentions, links, claims): the same store gives the same ids, and the
same corpus entity the same id in every export.  Memory stays flat: one entity or document at a time, plus
the schema of each corpus entity (to type the links).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from newsgraph.export import stream
from newsgraph.export.common import require
from newsgraph.model import Claim, Relation
from newsgraph.resolve.corpus_events import CorpusEvent
from newsgraph.resolve.entities import CorpusEntity

if TYPE_CHECKING:
    from newsgraph.store import Store

SCHEMATA = {"PER": "Person", "ORG": "Organization", "GPE": "Address", "LOC": "Address", "FAC": "Address",
            "VEH": "Vehicle"}
_LEGAL = ("Person", "Organization")


class _Maker:
    """Entities of the model with newsgraph's deterministic ids."""

    def __init__(self) -> None:
        ftm = require("followthemoney", "ftm")
        util = require("followthemoney.util", "ftm")
        self.model = ftm.model
        self.make_id = util.make_entity_id

    def entity(self, schema: str, *key: str) -> Any:
        proxy = self.model.make_entity(schema)
        proxy.id = self.make_id("newsgraph", *key)
        return proxy


def entity_id(maker: _Maker, corpus_id: str) -> str:
    return str(maker.make_id("newsgraph", "entity", corpus_id))


def write_ftm(store: Store, out: IO[str]) -> int:
    """Every record to ``out`` as JSON lines; returns how many."""
    maker = _Maker()
    schemata: dict[str, str] = {}
    places: dict[str, str] = {}  # corpus id -> name, of the places events are at
    count = 0

    def emit(proxy: Any) -> None:
        nonlocal count
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1

    for entity in stream.entities(store):
        proxy = _entity(maker, entity)
        if proxy is not None:
            schemata[entity.id] = proxy.schema.name
            if proxy.schema.name == "Address":
                places[entity.id] = entity.name
            emit(proxy)
    for stored in stream.documents(store):
        for proxy in _document(maker, stored, schemata):
            emit(proxy)
    for event in stream.corpus_events(store):
        for proxy in _event(maker, event, schemata, places):
            emit(proxy)
    return count


def _entity(maker: _Maker, entity: CorpusEntity) -> Any:
    schema = SCHEMATA.get(entity.type)
    if schema is None:
        return None
    proxy = maker.entity(schema, "entity", entity.id)
    proxy.add("name", entity.name)
    proxy.add("alias", [n for n in entity.aliases if n != entity.name])
    if entity.country:
        proxy.add("country", entity.country.lower())
    if schema == "Person":
        proxy.add("position", list(entity.roles))
    elif entity.roles:
        proxy.add("keywords", list(entity.roles))
    if schema == "Address":
        proxy.add("full", entity.name)
        if entity.lat is not None and entity.lon is not None:
            proxy.add("latitude", str(entity.lat))
            proxy.add("longitude", str(entity.lon))
    proxy.add("notes", f"newsgraph corpus entity {entity.id} ({entity.type}), named in {len(entity.documents)} "
                       f"document(s)")
    return proxy


def _document(maker: _Maker, stored: stream.StoredDocument, schemata: dict[str, str]) -> Iterator[Any]:
    doc = stored.document
    article = maker.entity("Article", "document", doc.doc_id)
    article.add("title", doc.title or doc.doc_id)
    article.add("fileName", f"{doc.doc_id}.txt")
    article.add("publishedAt", doc.published)
    article.add("author", doc.author)
    article.add("publisher", doc.source)
    article.add("sourceUrl", doc.url)
    article.add("bodyText", doc.text)
    yield article
    names: dict[str, list[str]] = {}
    for e in doc.entities:
        cid = stored.entity_ids.get(e.id, e.id)
        if cid in schemata:
            names.setdefault(cid, []).extend(n for n in (e.name, *e.aliases) if n not in names.get(cid, ()))
    for cid, found in sorted(names.items()):
        mention = maker.entity("Mention", "mention", doc.doc_id, cid)
        mention.add("document", article.id)
        mention.add("resolved", entity_id(maker, cid))
        mention.add("name", found)
        mention.add("detectedSchema", schemata[cid])
        yield mention
    seen: set[str] = set()
    for relation in doc.relations:
        link = _relation(maker, stored, relation, schemata, article.id)
        if link is not None and link.id not in seen:
            seen.add(link.id)
            yield link
    for claim in doc.claims:
        yield _claim(maker, stored, claim, schemata, article.id)


def _relation(maker: _Maker, stored: stream.StoredDocument, relation: Relation, schemata: dict[str, str],
              article: str) -> Any:
    subject, obj = stored.entity(relation.subject), stored.entity(relation.object)
    if subject not in schemata or obj not in schemata or subject == obj:
        return None
    key = ("link", stored.document.doc_id, subject, relation.predicate, obj)
    if schemata[subject] in _LEGAL and schemata[obj] == "Organization":
        link = maker.entity("Membership", *key)
        link.add("member", entity_id(maker, subject))
        link.add("organization", entity_id(maker, obj))
    else:
        link = maker.entity("UnknownLink", *key)
        link.add("subject", entity_id(maker, subject))
        link.add("object", entity_id(maker, obj))
    link.add("role", relation.predicate.replace("_", " "))
    link.add("proof", article)
    link.add("summary", relation.evidence.text)
    link.add("date", stored.document.published)
    return link


def _claim(maker: _Maker, stored: stream.StoredDocument, claim: Claim, schemata: dict[str, str],
           article: str) -> Any:
    doc = stored.document
    found = stored.assessment(claim)
    record = maker.entity("Note", "claim", doc.doc_id, claim.id)
    speaker = stored.entity(claim.speaker)
    if speaker in schemata:  # a claim by no exported entity (an unnamed source, a weapon) is a note on nothing
        record.add("entity", entity_id(maker, speaker))
    who = claim.speaker_text or "unnamed source"
    record.add("name", f"{who} ({claim.stance}, {claim.cue}): {claim.text}"[:200])
    record.add("summary", claim.text)
    grades = [f"source grade {found.source_grade}" if found.source_grade else "",
              f"credibility {found.credibility}" if found.credibility else "",
              f"corroborated by {', '.join(found.corroborated_by)}" if found.corroborated_by else "",
              f"contradicted by {', '.join(found.contradicted_by)}" if found.contradicted_by else ""]
    record.add("description", "\n".join(x for x in (claim.evidence.text, *grades) if x))
    record.add("keywords", [f"stance:{claim.stance}", f"cue:{claim.cue}"])
    record.add("proof", article)
    record.add("publisher", doc.source)
    record.add("notes", f"newsgraph claim {doc.doc_id}/{claim.id}")
    return record


def _event(maker: _Maker, event: CorpusEvent, schemata: dict[str, str], places: dict[str, str]) -> Iterator[Any]:
    record = maker.entity("Event", "event", event.id)
    triggers = sorted({r.trigger for r in event.reports})
    record.add("name", f"{event.type}: {', '.join(triggers[:3])}" if triggers else event.type)
    record.add("summary", event.reports[0].evidence.text if event.reports else None)
    if event.date_start:
        record.add("startDate", event.date_start)
        record.add("endDate", event.date_end)
        record.add("date", event.date_start if event.date_start == event.date_end else None)
    if event.place in places:
        record.add("location", places[event.place])
        record.add("addressEntity", entity_id(maker, event.place))
    record.add("involved", [entity_id(maker, p) for p in event.participants if p in schemata])
    record.add("proof", [maker.make_id("newsgraph", "document", d) for d in event.documents])
    record.add("recordId", event.id)
    killed = event.estimates.get("killed")
    if killed and killed[0] is not None:
        record.add("description", f"killed: {killed[0]}" + (f" to {killed[2]}" if killed[2] != killed[0] else ""))
    yield record
    for report in event.reports:
        doc_id = report.doc_id
        documentation = maker.entity("Documentation", "report", report.event)
        documentation.add("document", maker.make_id("newsgraph", "document", doc_id))
        documentation.add("entity", record.id)
        documentation.add("role", f"report ({report.trigger})")
        documentation.add("summary", report.evidence.text)
        documentation.add("date", report.date or report.published)
        documentation.add("recordId", report.event)
        yield documentation
