"""The corpus JSON of a store, written as it is read: ``newsgraph export --format json`` in flat memory.

``build_corpus`` makes the contract's one corpus object in memory (with the whole store's resolution and
every claim's grades), which grows with the store.  This writes the same bytes (``json.dump(build_corpus(...),
indent=2, ensure_ascii=False)``) one record at a time:

* one pass over the documents by doc id (a document, its corpus ids and its claims' stored grades at a
  time, ``stream.documents``): its ``documents`` record goes out at once, its events, claims and relations
  to three temporary files, since the contract lists all documents before all events;
* the ``entities``, in the order ``EntityBuilder.build`` gives (most documents, most mentions, id), read in
  that order from the store and gathered one corpus entity at a time, with their members' mention offsets
  read for a page of entities at a time;
* the events, claims and relations copied from the temporary files;
* the ``corpus_events`` in ``build_corpus``'s order (most documents, most reports, id), each built from its
  own reports (``stream.corpus_events``).
"""

from __future__ import annotations

import itertools
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import func, select, tuple_

from newsgraph.export import stream
from newsgraph.export.corpus import document_records, trust_record
from newsgraph.resolve.entities import CorpusEntity
from newsgraph.resolve.events import EventResolution
from newsgraph.resolve.ids import corpus_entity_id
from newsgraph.store import schema
from newsgraph.store.event_records import page_of

if TYPE_CHECKING:
    from newsgraph.store import Store

# corpus entities whose members' mentions are read in one query: this many, or fewer with this many members
# (the first entities of the export are in most documents: a page of 200 of them held most of the store)
_PAGE, _PAGE_ROWS = 200, 500
_SECTIONS = ("events", "claims", "relations")


class _List:
    """One key of the top-level object and its list, written item by item as ``json.dump(indent=2)`` would."""

    def __init__(self, out: IO[str], key: str, last: bool = False) -> None:
        self.out, self.key, self.last, self.count = out, key, last, 0

    def __enter__(self) -> _List:
        self.out.write(f"  {json.dumps(self.key)}: [")
        return self

    def add(self, item: Any) -> None:
        self.out.write(",\n    " if self.count else "\n    ")
        self.out.write(json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    "))
        self.count += 1

    def __exit__(self, *exc: object) -> None:
        self.out.write(("\n  ]" if self.count else "]") + ("\n" if self.last else ",\n"))


def write_store_json(store: Store, out: IO[str]) -> None:
    """The store's corpus JSON to ``out``, byte for byte what ``write_json`` of ``build_corpus`` writes."""
    out.write("{\n")
    with ExitStack() as files:
        spool = {k: files.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")) for k in _SECTIONS}
        lists = {k: _List(spool[k], k) for k in _SECTIONS}
        for section in lists.values():
            section.__enter__()
        with _List(out, "documents") as documents:
            for stored in stream.documents(store):
                record, records = _document(stored)
                documents.add(record)
                for key in _SECTIONS:
                    for item in records[key]:
                        lists[key].add(item)
        for section in lists.values():
            section.__exit__()
        with _List(out, "entities") as entities:
            for entity, mentions in _entities(store):
                record = entity.to_dict()
                record["members"] = [{"doc_id": d, "entity": local, "mentions": mentions.get((d, local), [])}
                                     for d, local in entity.members]
                entities.add(record)
        for key in _SECTIONS:
            spool[key].seek(0)
            shutil.copyfileobj(spool[key], out)
    with _List(out, "corpus_events", last=True) as corpus_events:
        for event in stream.corpus_events(store, by_size=True):
            corpus_events.add(event.to_dict())
    out.write("}\n")


def _document(stored: stream.StoredDocument) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """A stored document's ``documents`` record and its events, claims and relations as the contract has them."""
    doc = stored.document
    gid = {e.id: stored.entity_ids.get(e.id) or corpus_entity_id(e) for e in doc.entities}
    events = EventResolution(ids={(doc.doc_id, local): cid for local, cid in stored.event_ids.items()})
    records: dict[str, list[dict[str, Any]]] = {"documents": [], "events": [], "claims": [], "relations": []}
    document_records(doc, gid, events, records)
    for claim, record in zip(doc.claims, records["claims"], strict=True):
        found = stored.trust.get(claim.id)
        if found is not None:
            trust_record(record, found)
    return records["documents"][0], records


def _entities(store: Store) -> Iterator[tuple[CorpusEntity, dict[tuple[str, str], list[list[int]]]]]:
    """Every corpus entity in ``EntityBuilder.build``'s order, with its members' mention offsets."""
    grouped = ((cid, list(rows)) for cid, rows in itertools.groupby(_entity_rows(store), key=lambda r: r.cid))
    with store.engine.connect() as conn:
        while page := page_of(grouped, _PAGE, _PAGE_ROWS):
            mentions = _mentions(conn, [(r.doc_pk, r.local_id) for _, rows in page for r in rows])
            for corpus_id, rows in page:
                yield stream.corpus_entity(corpus_id, rows), mentions


def _entity_rows(store: Store) -> Iterator[Any]:
    """The rows of every document entity, grouped by corpus id, the corpus ids in the export's order."""
    d, e, m, n, men = (schema.documents, schema.entities, schema.corpus_members, schema.corpus_nodes,
                       schema.mentions)
    counts = (select(men.c.doc_pk, men.c.entity_id, func.count().label("n"))
              .group_by(men.c.doc_pk, men.c.entity_id).subquery())
    cid = func.coalesce(n.c.corpus_id, e.c.global_id)

    def joined(query: Any) -> Any:
        return (query.outerjoin(m, (m.c.doc_pk == e.c.doc_pk) & (m.c.local_id == e.c.local_id))
                .outerjoin(n, n.c.node == m.c.node)
                .outerjoin(counts, (counts.c.doc_pk == e.c.doc_pk) & (counts.c.entity_id == e.c.local_id)))

    sizes = joined(select(cid.label("cid"), func.count(func.distinct(e.c.doc_pk)).label("docs"),
                          func.coalesce(func.sum(counts.c.n), 0).label("mentions")).select_from(e)
                   ).group_by(cid).subquery()
    query = (joined(select(cid.label("cid"), d.c.doc_id, e, m.c.node, counts.c.n)
                    .join(d, d.c.pk == e.c.doc_pk))
             .join(sizes, sizes.c.cid == cid)
             .order_by(sizes.c.docs.desc(), sizes.c.mentions.desc(), stream.ordered(store, cid),
                       stream.ordered(store, d.c.doc_id), e.c.local_id))
    with store.engine.connect() as conn:
        yield from stream.streamed(conn, query)


def _mentions(conn: Any, keys: Iterable[tuple[int, str]]) -> dict[tuple[str, str], list[list[int]]]:
    """(doc id, local entity id) -> [[start, end], ...] of these document entities' mentions, in order."""
    d, men = schema.documents, schema.mentions
    wanted = sorted(set(keys))
    out: dict[tuple[str, str], list[list[int]]] = {}
    for i in range(0, len(wanted), 500):
        query = (select(d.c.doc_id, men.c.entity_id, men.c.start_offset, men.c.end_offset)
                 .join(d, d.c.pk == men.c.doc_pk)
                 .where(tuple_(men.c.doc_pk, men.c.entity_id).in_(wanted[i:i + 500]))
                 .order_by(men.c.doc_pk, men.c.entity_id, men.c.seq))
        for r in conn.execute(query):
            out.setdefault((r.doc_id, r.entity_id), []).append([r.start_offset, r.end_offset])
    return out
