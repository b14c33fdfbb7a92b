"""STIX 2.1: the bundle and every object parse with ``stix2.parse(..., allow_custom=False)``; references stay
inside the bundle; a report per document, a note per claim with its speaker and stance."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import stix2

from newsgraph.export.stix import ADMIRALTY_CONFIDENCE, stix_id
from newsgraph.store import Store
from newsgraph.store.corpus import Corpus
from tests.export.helpers import export_file


def _refs(obj: dict) -> set[str]:
    out = set()
    for key, value in obj.items():
        if key.endswith("_refs"):
            out.update(value)
        elif key.endswith("_ref"):
            out.add(value)
    return out


def test_bundle_and_every_object_parse_without_custom_properties(corpus_store: Store, tmp_path: Path) -> None:
    text = export_file(corpus_store, "stix", tmp_path).read_text(encoding="utf-8")
    bundle = stix2.parse(text, allow_custom=False)
    objects = json.loads(text)["objects"]
    assert len(bundle.objects) == len(objects)
    ids = {o["id"] for o in objects}
    assert len(ids) == len(objects)
    for obj in objects:
        parsed = stix2.parse(json.dumps(obj), allow_custom=False)
        assert parsed.spec_version == "2.1"
        assert not [k for k in obj if k.startswith("x_")]
        assert _refs(obj) <= ids, obj  # OpenCTI resolves every reference within the bundle


def test_reports_notes_identities_and_locations(corpus_store: Store, tmp_path: Path) -> None:
    objects = json.loads(export_file(corpus_store, "stix", tmp_path).read_text(encoding="utf-8"))["objects"]
    by_id = {o["id"]: o for o in objects}
    types = Counter(o["type"] for o in objects)
    documents = list(corpus_store.documents())
    assert types["report"] == len(documents)
    assert types["note"] == sum(len(d.claims) for d in documents)
    corpus = Corpus(corpus_store)
    people = corpus.entities("PER")
    assert all(by_id[stix_id("identity", e.id)]["identity_class"] == "individual" for e in people)
    damascus = next(e for e in corpus.entities("GPE") if e.name == "Damascus")
    place = by_id[stix_id("location", damascus.id)]
    assert (place["latitude"], place["longitude"], place["country"]) == (damascus.lat, damascus.lon, "SY")
    # the report of fakes-0482: its outlet as author, France among what it references, with France's claim
    report = by_id[stix_id("report", "fakes-0482")]
    assert report["published"].startswith("2013-08-21")
    assert by_id[report["created_by_ref"]]["name"] == "reuters"  # as FA-KES writes it
    france = stix_id("location", "country:FR")
    assert france in report["object_refs"]
    notes = [by_id[r] for r in report["object_refs"] if r.startswith("note--")]
    said = next(n for n in notes if "immediate access to the site" in n["content"])
    assert france in said["object_refs"] and report["id"] in said["object_refs"]
    assert said["authors"] == ["France"] and "stance:asserted" in said["labels"]
    for note in notes:
        assert note.get("confidence") in (None, *ADMIRALTY_CONFIDENCE.values())


def test_relationships_and_disputes(corpus_store: Store, tmp_path: Path) -> None:
    objects = json.loads(export_file(corpus_store, "stix", tmp_path).read_text(encoding="utf-8"))["objects"]
    by_id = {o["id"]: o for o in objects}
    relationships = [o for o in objects if o["type"] == "relationship"]
    predicates = {r.predicate.replace("_", "-") for d in corpus_store.documents() for r in d.relations}
    assert relationships and {r["relationship_type"] for r in relationships} <= predicates
    disputed = [(d.doc_id, c) for d in corpus_store.documents() for c in d.claims if c.disputed_by]
    opinions = [o for o in objects if o["type"] == "opinion"]
    # one per in-document dispute, and one per corroboration or contradiction across documents
    assert len(opinions) > len(disputed) and {o["opinion"] for o in opinions} == {"agree", "disagree"}
    for doc_id, claim in disputed:
        opinion = by_id[stix_id("opinion", doc_id, claim.disputed_by, doc_id, claim.id)]
        assert opinion["opinion"] == "disagree"
        assert opinion["object_refs"] == [stix_id("note", doc_id, claim.id), stix_id("note", doc_id, claim.disputed_by)]
