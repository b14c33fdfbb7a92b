"""Fixtures of the entity tests: the rows of the FA-KES articles in ../shared, read once."""

from __future__ import annotations

import csv

import pytest

from tests.shared import shared_file


@pytest.fixture(scope="session")
def fakes_rows() -> list[dict[str, str]]:
    """The 804 FA-KES rows (``article_content``, ``article_title``, ``date``, ``source``), in file order."""
    with shared_file("benchmarks", "news", "FA-KES-Dataset.csv").open(encoding="latin-1") as f:
        return list(csv.DictReader(f))
