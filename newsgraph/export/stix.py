"""A STIX 2.1 bundle, written object by object (each built and checked by ``stix2``, no custom properties).

* ``identity`` for each outlet (class organization), person (individual) and organisation;
* ``location`` for each place: latitude/longitude of its gazetteer point, its country; a place with neither
  point nor country cannot be a STIX location and is left out, as are weapons and vehicles;
* ``report`` per document (published: its date; created_by_ref: its outlet; object_refs: what it mentions,
  its relationships and its claims' notes; its URL as an external reference);
* ``relationship`` per relation in a document ("leads", "affiliated-with"), described by its evidence;
* ``note`` per claim: the claim's text as content, "speaker (stance, cue)" as abstract, the speaker's name
  as author, the speaker's identity as created_by_ref (who made the claim: OpenCTI shows it as the author),
  object_refs the report, speaker and what it is about; labels ``stance:…``, ``cue:…``;
* ``opinion`` per dispute or corroboration between claims: the disputing (corroborating) claim's speaker
  disagrees (agrees) with the other claim's note.

Admiralty grades (issue 12 part B2, read through ``StoredDocument.assessment``): the information credibility 1-6 is
the note's ``confidence``, by the STIX 2.1 Appendix A table (1 -> 90, 2 -> 70, 3 -> 50, 4 -> 30, 5 -> 10,
6 "cannot be judged" -> no confidence); the source reliability A-F goes on the author identity as a label
``admiralty:reliability-B`` and in its description (OpenCTI reads reliability only from its own custom
``x_opencti_reliability``, which a bundle without custom properties cannot carry; labels it imports).

Ids: STIX 2.1 requires ``type--UUID`` (RFC 4122; any version for SDOs and SROs): here UUIDs of version-4
form whose bits are a SHA-256 of "newsgraph", the type and the corpus id (doc id, claim id), so the same
store exports the same bytes.  Timestamps: a report's and its notes' are the document's ingest time;
entities' the store's first ingest time.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import func, select

from newsgraph.export import stream
from newsgraph.export.common import require, timestamp
from newsgraph.model import Claim
from newsgraph.resolve.entities import CorpusEntity
from newsgraph.store import schema

if TYPE_CHECKING:
    from newsgraph.store import Store

# STIX 2.1 Appendix A, "Admiralty Credibility" to confidence; 6 (truth cannot be judged): no confidence
ADMIRALTY_CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
_PLACES = ("GPE", "LOC", "FAC")


def stix_id(kind: str, *key: str) -> str:
    """``kind--UUID``: a version-4-form UUID whose bits are a hash of ``key`` (deterministic)."""
    digest = hashlib.sha256("\x1f".join(("newsgraph", kind, *key)).encode("utf-8")).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


class _Writer:
    """The bundle's JSON, one object at a time (a bundle with no objects has no ``objects`` list: STIX forbids an
    empty one)."""

    def __init__(self, out: IO[str], bundle_id: str) -> None:
        self.out = out
        self.count = 0
        out.write(f'{{"type": "bundle", "id": "{bundle_id}"')

    def add(self, obj: Any) -> None:
        self.out.write(",\n" if self.count else ', "objects": [\n')
        self.out.write(obj.serialize(sort_keys=True, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]}\n" if self.count else "}\n")


def write_stix(store: Store, out: IO[str]) -> int:
    """The bundle to ``out``; returns how many objects it holds."""
    stix2 = require("stix2", "stix")
    d = schema.documents
    with store.engine.connect() as conn:
        first = conn.execute(select(func.min(d.c.ingested_at))).scalar()
        digest = hashlib.sha256()
        for row in conn.execute(select(d.c.doc_id, d.c.text_sha256).order_by(d.c.doc_id)):
            digest.update(f"{row.doc_id}\x1f{row.text_sha256}\n".encode())
    writer = _Writer(out, stix_id("bundle", digest.hexdigest()))
    since = timestamp(first)
    exported: dict[str, str] = {}  # corpus id -> STIX id
    names: dict[str, str] = {}
    for entity in stream.entities(store):
        obj = _entity(stix2, entity, since)
        if obj is not None:
            exported[entity.id] = obj.id
            names[entity.id] = entity.name
            writer.add(obj)
    outlets: set[str] = set()
    for stored in stream.documents(store):
        for obj in _document(stix2, stored, exported, names, outlets):
            writer.add(obj)
    writer.close()
    return writer.count


def _entity(stix2: Any, entity: CorpusEntity, created: str) -> Any:
    common = {"id": "", "created": created, "modified": created, "name": entity.name, "allow_custom": False,
              "description": _describe(entity)}
    if entity.type in ("PER", "ORG"):
        common["id"] = stix_id("identity", entity.id)
        return stix2.Identity(identity_class="individual" if entity.type == "PER" else "organization",
                              roles=list(entity.roles) or None, **common)
    if entity.type not in _PLACES:
        return None
    point = entity.lat is not None and entity.lon is not None
    if not point and not entity.country:
        return None
    common["id"] = stix_id("location", entity.id)
    return stix2.Location(latitude=entity.lat if point else None, longitude=entity.lon if point else None,
                          country=entity.country, **common)


def _describe(entity: CorpusEntity) -> str:
    aliases = f"; also {', '.join(entity.aliases[:10])}" if entity.aliases else ""
    return f"newsgraph {entity.id} ({entity.type}), named in {len(entity.documents)} document(s){aliases}"


def _document(stix2: Any, stored: stream.StoredDocument, exported: dict[str, str], names: dict[str, str],
              outlets: set[str]) -> Iterator[Any]:
    doc = stored.document
    created = timestamp(stored.ingested_at)
    outlet_name = doc.source or "unknown outlet"
    outlet = stix_id("identity", "outlet", outlet_name)
    if outlet not in outlets:
        outlets.add(outlet)
        yield stix2.Identity(id=outlet, created=created, modified=created, name=outlet_name,
                             identity_class="organization", sectors=["communications"],
                             description="news outlet (newsgraph: the source of stored documents)",
                             allow_custom=False)
    refs = sorted({exported[c] for e in doc.entities if (c := stored.entity_ids.get(e.id, e.id)) in exported})
    for relation in doc.relations:
        subject, obj = stored.entity(relation.subject), stored.entity(relation.object)
        if subject in exported and obj in exported and subject != obj:
            rid = stix_id("relationship", doc.doc_id, subject, relation.predicate, obj)
            if rid not in refs:
                refs.append(rid)
                yield stix2.Relationship(id=rid, created=created, modified=created,
                                         relationship_type=relation.predicate.replace("_", "-").lower(),
                                         source_ref=exported[subject], target_ref=exported[obj],
                                         description=relation.evidence.text, allow_custom=False)
    report = stix_id("report", doc.doc_id)
    notes = {c.id: stix_id("note", doc.doc_id, c.id) for c in doc.claims}
    for claim in doc.claims:
        yield _note(stix2, stored, claim, notes[claim.id], report, exported, names, created)
        for obj in _opinions(stix2, stored, claim, notes, exported, names, created):
            yield obj
    external = [{"source_name": outlet_name, "url": doc.url}] if doc.url else None
    yield stix2.Report(id=report, created=created, modified=created, name=doc.title or doc.doc_id,
                       published=timestamp(doc.published, created), report_types=["threat-report"],
                       created_by_ref=outlet, object_refs=[*refs, *notes.values()] or [outlet],
                       description=f"newsgraph document {doc.doc_id}", external_references=external,
                       allow_custom=False)


def _note(stix2: Any, stored: stream.StoredDocument, claim: Claim, note_id: str, report: str,
          exported: dict[str, str], names: dict[str, str], created: str) -> Any:
    found = stored.assessment(claim)
    speaker = stored.entity(claim.speaker)
    who = names.get(speaker or "", claim.speaker_text or "unnamed source")
    about = [exported[a] for x in claim.about if (a := stored.entity(x) or "") in exported]
    refs = [report, *([exported[speaker]] if speaker in exported else []), *about]
    labels = [f"stance:{claim.stance}", f"cue:{claim.cue}"]
    if found.source_grade:
        labels.append(f"admiralty:reliability-{found.source_grade}")
    if found.credibility:
        labels.append(f"admiralty:credibility-{found.credibility}")
    return stix2.Note(id=note_id, created=created, modified=created, content=claim.text,
                      abstract=f"{who} ({claim.stance}, {claim.cue})", authors=[who],
                      object_refs=list(dict.fromkeys(refs)), labels=labels,
                      confidence=ADMIRALTY_CONFIDENCE.get(found.credibility or 0),
                      created_by_ref=exported.get(speaker or "") if speaker in exported
                      and exported[speaker].startswith("identity--") else None,
                      external_references=[{"source_name": "newsgraph", "external_id": f"{stored.document.doc_id}/"
                                            f"{claim.id}", "description": claim.evidence.text}],
                      allow_custom=False)


def _opinions(stix2: Any, stored: stream.StoredDocument, claim: Claim, notes: dict[str, str],
              exported: dict[str, str], names: dict[str, str], created: str) -> Iterator[Any]:
    """The claims of this document that dispute or corroborate ``claim``, each as its speaker's opinion of it."""
    found = stored.assessment(claim)
    doc_id = stored.document.doc_id
    others = {c.id: c for c in stored.document.claims}  # the note ids of other documents' claims are known too
    for opinion, ids in (("disagree", found.contradicted_by), ("agree", found.corroborated_by)):
        for other_id in ids:
            other_doc, _, local = other_id.partition("/")
            other = others.get(local) if other_doc == doc_id else None
            if other is None:  # a claim of another document (part B2): its note is in that document's report
                explanation, authors = f"claim {other_id}", None
            else:
                speaker = stored.entity(other.speaker)
                who = names.get(speaker or "", other.speaker_text or "unnamed source")
                explanation, authors = f"{who} ({other.stance}): {other.text}", [who]
            yield stix2.Opinion(id=stix_id("opinion", other_doc, local, doc_id, claim.id), created=created,
                                modified=created, opinion=opinion, authors=authors, explanation=explanation,
                                object_refs=[notes[claim.id], stix_id("note", other_doc, local)],
                                allow_custom=False)

