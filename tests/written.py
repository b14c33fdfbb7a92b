"""Corpora written for the tests (never other people's articles): short wire-style stories, each one new."""

from __future__ import annotations

import json
from pathlib import Path

PLACES = ["Damascus", "Aleppo", "Homs", "Baghdad", "Beirut", "Tehran", "Sanaa", "Amman", "Mosul", "Basra"]
ACTORS = ["Iran", "Russia", "Turkey", "Israel", "Hezbollah", "the Houthis"]


def write_wire_corpus(path: Path, count: int, *, urls: bool = False) -> None:
    """``count`` JSON Lines stories, each with a place, an actor, a count, a denial and a quote; with
    ``urls``, each also has its own URL."""
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            place, actor = PLACES[i % len(PLACES)], ACTORS[i % len(ACTORS)]
            text = (f"Officials in {place} said on Monday that {actor} had sent {i + 3} advisers to the region. "
                    f"The defence ministry in {place} denied the report, the state news agency said. "
                    f"Analyst number {i} told reporters that {actor} would \"keep supporting\" its allies.")
            record = {"text": text, "published": f"2024-02-{i % 28 + 1:02d}"}
            if urls:
                record["url"] = f"https://example.org/story-{i}"
            handle.write(json.dumps(record) + "\n")
