"""Every tunable number in one place: limits, the store, the gazetteer and the scoring weights of the stages.

``settings()`` is read once per process from the environment (the ``NEWSGRAPH_*``
variables listed in the README) and is frozen; code reads its fields, never the
environment.  Tests and scripts that need other values build their own with
``dataclasses.replace`` and pass it where a function takes one, or call
``settings.cache_clear()`` after changing the environment.

Each section says why its numbers are what they are; changing one changes the
extraction, so the evaluation gate (``tests/gate``) will say what it cost.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsgraph.settings.corpus import ClaimLinkSettings, CorpusEventSettings, CorpusSettings
from newsgraph.settings.extraction import (
    ClaimSettings,
    DateSettings,
    EntitySettings,
    EventSettings,
    FurnitureSettings,
    ParseSettings,
    PlaceWeights,
)
from newsgraph.settings.system import CacheSettings, GazetteerSettings, Limits, StoreSettings, WebSettings

__all__ = ["CacheSettings", "ClaimLinkSettings", "ClaimSettings", "CorpusEventSettings", "CorpusSettings",
           "DateSettings", "EntitySettings", "EventSettings", "FurnitureSettings", "GazetteerSettings", "Limits",
           "ParseSettings", "PlaceWeights", "Settings", "StoreSettings", "WebSettings", "settings"]


@dataclass(frozen=True)
class Settings:
    limits: Limits = field(default_factory=Limits)
    store: StoreSettings = field(default_factory=StoreSettings)
    gazetteer: GazetteerSettings = field(default_factory=GazetteerSettings)
    places: PlaceWeights = field(default_factory=PlaceWeights)
    entities: EntitySettings = field(default_factory=EntitySettings)
    furniture: FurnitureSettings = field(default_factory=FurnitureSettings)
    parse: ParseSettings = field(default_factory=ParseSettings)
    dates: DateSettings = field(default_factory=DateSettings)
    events: EventSettings = field(default_factory=EventSettings)
    claims: ClaimSettings = field(default_factory=ClaimSettings)
    corpus: CorpusSettings = field(default_factory=CorpusSettings)
    corpus_events: CorpusEventSettings = field(default_factory=CorpusEventSettings)
    claim_links: ClaimLinkSettings = field(default_factory=ClaimLinkSettings)
    web: WebSettings = field(default_factory=WebSettings)
    caches: CacheSettings = field(default_factory=CacheSettings)


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return float(raw)
    except ValueError:
        return default  # a typo in the environment must not stop a batch; the default holds


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The settings of this process: the defaults above, overridden by ``NEWSGRAPH_*`` variables."""
    limits = Limits()
    max_chars = int(_number("NEWSGRAPH_MAX_CHARS", limits.max_chars))
    limits = Limits(max_chars=max(1, min(max_chars, limits.parser_max_chars)),
                    timeout=_number("NEWSGRAPH_TIMEOUT", limits.timeout))
    cache = os.environ.get("NEWSGRAPH_CACHE")
    gazetteer = GazetteerSettings(cache_dir=Path(cache)) if cache else GazetteerSettings()
    return Settings(limits=limits, store=StoreSettings(url=os.environ.get("NEWSGRAPH_DB") or StoreSettings.url),
                    gazetteer=gazetteer)
