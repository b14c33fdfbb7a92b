"""A surname alone is a person's, even where the corpus also knows a place of that name.

Real FA-KES reports from ../shared: four SANA reports of shelling on the "al-Assad suburb" of Aleppo (a
place, typed GPE), and two of the shared development articles about the Ghouta attack, one naming
Bashar al-Assad in full, the other writing only "Assads" (a possessive whose apostrophe the scrape lost).
"""

from __future__ import annotations

import csv
from pathlib import Path

import newsgraph
from newsgraph.model import Document
from newsgraph.resolve import resolve_documents
from tests.resolve.test_identity import corpus_id

SUBURB_REPORTS = (546, 767, 769, 770)  # rows of the FA-KES table, doc ids fakes-NNNN as the bench gives them


def _fakes_texts(shared_dir: Path, rows: tuple[int, ...]) -> list[Document]:
    with (shared_dir / "benchmarks" / "news" / "FA-KES-Dataset.csv").open(encoding="latin-1", newline="") as f:
        table = list(csv.DictReader(f))
    return [newsgraph.extract(table[i]["article_content"], doc_id=f"fakes-{i:04d}") for i in rows]


def test_a_lone_surname_joins_the_person_not_the_suburb_named_after_him(
        shared_dir: Path, fakes_docs: dict[str, Document]) -> None:
    suburbs = _fakes_texts(shared_dir, SUBURB_REPORTS)
    full, lone = fakes_docs["fakes-0482"], fakes_docs["fakes-0516"]
    resolution = resolve_documents([full, lone, *suburbs])
    president = corpus_id(resolution, full, "Bashar al-Assad")
    assert corpus_id(resolution, lone, "Assads") == president
    suburb = corpus_id(resolution, suburbs[0], "al-Assad")
    assert suburb.startswith("gpe:") and suburb != president
    assert {corpus_id(resolution, doc, "al-Assad") for doc in suburbs[1:]} == {suburb}
