"""Helpers for the claim-link tests: extract short written reports and find a claim by its words."""

from __future__ import annotations

from typing import Any

import newsgraph
from newsgraph.export import build_corpus


def corpus_claims(*docs: tuple[str, str, str, str]) -> list[dict[str, Any]]:
    """The corpus claims of documents given as (doc id, publication day, outlet, text)."""
    claims: list[dict[str, Any]] = build_corpus([newsgraph.extract(text, day, doc_id=doc_id, source=outlet)
                                                 for doc_id, day, outlet, text in docs])["claims"]
    return claims


def claim_with(claims: list[dict[str, Any]], doc_id: str, phrase: str) -> dict[str, Any]:
    """The first claim of ``doc_id`` whose evidence holds ``phrase``."""
    found = [c for c in claims if c["doc_id"] == doc_id and phrase in c["evidence"]["text"]]
    assert found, f"no claim with {phrase!r} in {doc_id}"
    return found[0]
