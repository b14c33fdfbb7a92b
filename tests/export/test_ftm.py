"""FollowTheMoney: every line is an entity of followthemoney's model, valid for its schema, with its required
properties, linked to entities of the same export; one record per corpus entity, document and corpus event."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from followthemoney import model

from newsgraph.export.ftm import SCHEMATA
from newsgraph.store import Store
from newsgraph.store.corpus import Corpus
from tests.export.helpers import export_file


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_record_is_valid_for_its_schema(corpus_store: Store, tmp_path: Path) -> None:
    records = _records(export_file(corpus_store, "ftm", tmp_path))
    ids = {r["id"] for r in records}
    assert len(ids) == len(records), "ids are unique"
    for record in records:
        proxy = model.get_proxy(record, cleaned=False)  # cleans every value again through its property's type
        schema = proxy.schema
        assert not schema.abstract
        assert set(record["properties"]) <= set(schema.properties), record
        assert proxy.to_dict()["properties"] == record["properties"], f"values change when cleaned: {record}"
        schema.validate(record)
        missing = [p for p in schema.required if not proxy.get(p)]
        assert not missing, f"{schema.name} {record['id']} lacks {missing}"
        for prop in proxy.iterprops():
            if prop.type.name == "entity":  # every reference points at an entity of this export
                assert set(proxy.get(prop)) <= ids, (schema.name, prop.name, record)


def test_one_record_per_entity_document_and_event(corpus_store: Store, tmp_path: Path) -> None:
    records = _records(export_file(corpus_store, "ftm", tmp_path))
    schemata = Counter(r["schema"] for r in records)
    corpus = Corpus(corpus_store)
    entities = corpus.entities()
    wanted = Counter(SCHEMATA[e.type] for e in entities if e.type in SCHEMATA)
    assert {s: schemata[s] for s in wanted} == dict(wanted)
    documents = list(corpus_store.documents())
    assert schemata["Article"] == len(documents)
    assert schemata["Note"] == sum(len(d.claims) for d in documents)
    events = corpus.events()
    assert schemata["Event"] == len(events)
    assert schemata["Documentation"] == sum(len(e.reports) for e in events)
    assert schemata["Membership"] + schemata["UnknownLink"] > 0


def test_people_places_and_claims_read_back(corpus_store: Store, tmp_path: Path) -> None:
    proxies = [model.get_proxy(r) for r in _records(export_file(corpus_store, "ftm", tmp_path))]
    by_id = {p.id: p for p in proxies}
    corpus = Corpus(corpus_store)
    assad = corpus.entity("per:bashar-al-assad")
    person = next(p for p in proxies if p.schema.name == "Person" and assad.name in p.get("name"))
    assert set(assad.aliases) - {assad.name} <= set(person.get("alias"))
    damascus = next(e for e in corpus.entities("GPE") if e.name == "Damascus")
    place = next(p for p in proxies if p.schema.name == "Address" and p.get("name") == ["Damascus"])
    assert (float(place.first("latitude")), float(place.first("longitude"))) == (damascus.lat, damascus.lon)
    assert place.get("country") == ["sy"]
    # each document's mentions resolve to its entities; the article carries the text
    article = next(p for p in proxies if p.schema.name == "Article" and p.first("fileName") == "fakes-0482.txt")
    assert article.first("publishedAt") == "2013-08-21"
    mentioned = {by_id[m.first("resolved")].caption for m in proxies
                 if m.schema.name == "Mention" and m.first("document") == article.id}
    assert {"France", "Bashar al-Assad"} <= mentioned
    # France's claim in fakes-0482 is a note on France, proven by the article
    france = next(p for p in proxies if p.schema.name == "Address" and p.get("name") == ["France"])
    notes = [p for p in proxies if p.schema.name == "Note" and p.first("proof") == article.id
             and p.first("entity") == france.id]
    assert any("immediate access to the site" in n.first("summary") for n in notes), notes
    assert all("stance:asserted" in n.get("keywords") for n in notes)


def test_events_with_place_dates_and_reports(corpus_store: Store, tmp_path: Path) -> None:
    proxies = [model.get_proxy(r) for r in _records(export_file(corpus_store, "ftm", tmp_path))]
    by_id = {p.id: p for p in proxies}
    bombing = next(e for e in Corpus(corpus_store).events() if set(e.documents) >= {"fakes-0042", "fakes-0063"}
                   and e.type == "ASSAULT" and e.date_start == "2016-07-05")
    event = next(p for p in proxies if p.schema.name == "Event" and p.first("recordId") == bombing.id)
    assert event.first("startDate") == event.first("endDate") == "2016-07-05"
    assert by_id[event.first("addressEntity")].first("name") == event.first("location")
    articles = {by_id[a].first("fileName") for a in event.get("proof")}
    assert articles == {f"{d}.txt" for d in bombing.documents}
    reports = [p for p in proxies if p.schema.name == "Documentation" and p.first("entity") == event.id]
    assert len(reports) == len(bombing.reports)
