"""One wire story carried by two outlets is one source: the pairs of copies, in memory and from the store.

The stories are written for this test; the documents come from the real pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph
from newsgraph.model import Document
from newsgraph.resolve.claim_corpus import copies_of
from newsgraph.store import Store, corpus_claims

STORY = ("Heavy rain flooded three districts of the port city on Thursday, forcing hundreds of families from their "
         "homes, the civil defence agency said. Rescue teams used boats to reach people trapped on rooftops in the "
         "old market quarter, where the water rose above two metres overnight. The agency said at least nine "
         "people had drowned and that the toll could rise as teams searched collapsed buildings. Schools were "
         "closed and the main coastal road was cut in two places, the governor's office said in a statement.")
OTHER = ("The central bank kept its main interest rate unchanged on Wednesday, saying inflation had eased for a "
         "third month in a row. The governor told reporters that the bank would watch food prices closely before "
         "it moved again, and that the currency had held steady against the dollar since the spring.")


@pytest.fixture(scope="module")
def outlets() -> list[Document]:
    """The story as one outlet ran it, the same story under a dateline with a line added, and another story."""
    return [newsgraph.extract(STORY, "2024-03-07", doc_id="first", source="Outlet A"),
            newsgraph.extract("PORT CITY (Wire) - " + STORY + " The agency could not give a figure for the injured.",
                              "2024-03-07", doc_id="carried", source="Outlet B"),
            newsgraph.extract(OTHER, "2024-03-07", doc_id="bank", source="Outlet A")]


def test_a_story_and_its_copy_are_one_pair(outlets: list[Document]) -> None:
    first, carried, _ = outlets
    assert copies_of(outlets) == {tuple(sorted((first.text_sha256, carried.text_sha256)))}
    assert copies_of(outlets[1:]) == set()  # the copy alone with another story


def test_the_store_finds_the_same_pair_through_its_bands(outlets: list[Document], tmp_path: Path) -> None:
    with Store(str(tmp_path / "copies.db")) as store:
        for doc in outlets:
            store.add(doc)
        with store.engine.begin() as conn:
            assert corpus_claims.copies(conn) == copies_of(outlets)
