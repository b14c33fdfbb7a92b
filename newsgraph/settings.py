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


@dataclass(frozen=True)
class Limits:
    """What one document may cost."""

    # spaCy needs memory in proportion to the text: about 2.7 GB at 1,000,000 characters measured
    # here. 400,000 characters (a 150-page report) keeps one document near 1 GB.
    max_chars: int = 400_000
    # the parser's hard limit, whatever the user asks for
    parser_max_chars: int = 2_000_000
    # seconds per document; far above the ~1 s an article takes, well below "hung"; 0 = no limit
    timeout: float = 300.0
    # HTML and feeds carry markup around the text: they may have this many bytes
    markup_bytes: int = 64 * 1024 * 1024


@dataclass(frozen=True)
class StoreSettings:
    url: str = "newsgraph.db"  # a path (SQLite) or a SQLAlchemy URL


@dataclass(frozen=True)
class GazetteerSettings:
    cache_dir: Path = field(default_factory=lambda: Path.home() / ".cache" / "newsgraph")
    # towns of at least this many people are in the core index; smaller ones in the full index
    core_min_population: int = 15_000
    # a temporary build file this old belongs to a builder that died
    orphan_seconds: int = 3600


@dataclass(frozen=True)
class PlaceWeights:
    """Weights of a document's evidence against the population prior (log10 of people).

    A town that the document's countries, province or neighbours support beats one 10-100
    times bigger elsewhere; tuned on the geoparsing benchmarks (``make bench-geo``).
    """

    context_weight: float = 4.0      # x the share of the document's country votes
    qualified_bonus: float = 4.0     # the area named right after it ("Paris, Texas"): all the support it needs
    province_bonus: float = 1.5      # the town's province is named too
    anchor_bonus: float = 1.5        # within nearby_km of a town or county that is clearly resolved
    neighbour_bonus: float = 1.0     # per other place name with a town or county reading within nearby_km ...
    max_neighbours: int = 3          # ... counting at most this many
    area_hint: float = 2.0           # "central Washington", "northern Syria": an area, not a town, is meant
    weak_support: float = 1.0        # local support a small town or a sound-alike needs (or half the country votes)
    country_town_support: float = 2.0  # local support a town named like a country needs
    big_state: int = 1_000_000       # a town named like a state this big needs its own state named ...
    big_city: int = 100_000          # ... unless it is a city this big ("Washington", "New York")
    top_readings: int = 5            # readings per name that count as someone's neighbours
    dominant_share: float = 0.6      # a document this much about one country ...
    dominant_votes: float = 2.0      # ... on this much evidence: its unsupported small towns abroad are misreadings
    clear_lead: float = 1.5          # a reading this far ahead of the next is taken as fixed (and votes)
    nearby_km: float = 150.0         # "near" for anchors and neighbours
    small_town: int = 15_000         # towns under this need the document's support to be chosen
    country_town_penalty: float = 3.0  # prior handicap of a town named like a country ("Jordan, Minnesota")


@dataclass(frozen=True)
class EntitySettings:
    # a proper noun spaCy did not tag is a place when the gazetteer knows a town this big by that name
    gazetteer_min_population: int = 100_000


@dataclass(frozen=True)
class CorpusSettings:
    """Corpus resolution (``newsgraph.resolve``): when two nodes are one thing across documents.

    Scores are on 0-1: a link of at least ``merge`` joins two nodes unless something conflicts;
    links down to ``candidate`` are listed by ``newsgraph candidates``.  Spelling ratios are
    rapidfuzz percentages of the name keys.  Tuned on the FA-KES cross-document gold
    (``make bench-corpus``); a change needs ``newsgraph resolve --all`` on existing stores.
    """

    merge: float = 0.8
    candidate: float = 0.5
    alias: float = 0.95          # a document gives one name as an alias of the other
    same_name: float = 0.9       # the same key under two types (GPE/LOC, PER/ORG) or two country tags
    possessive: float = 0.9      # "Assads" for "Assad" in scraped text that lost its apostrophes
    spelling: float = 0.85       # a transliteration or spelling variant (see the ratios below)
    short: float = 0.85          # a surname, prefix or placeless name with one candidate in the corpus
    similar: float = 0.75        # x the spelling ratio: alike, not enough to join (a candidate)
    acronym: float = 0.6         # initials match, but no document says so (a candidate)
    retype_dominance: float = 3.0  # a name typed otherwise in this many times the members: mistyped
    retype_gazetteer_dominance: float = 1.5  # ... or a gazetteer place's name in this many times the members
    dominance: float = 3.0       # a short name given as an alias in this many times the documents of the next
    spelling_ratio: float = 92.0     # keys this alike are one name
    skeleton_spelling: float = 80.0  # ... or this alike with the same consonant skeleton
    candidate_ratio: float = 80.0    # keys this alike make a candidate
    word_spelling: float = 65.0      # ... if each word is this alike ('hama police' / 'homs police' are not)
    related_names: float = 80.0      # token-set similarity two full names of one cluster need
    given_name_spelling: float = 80.0  # given names less alike than this are two people


@dataclass(frozen=True)
class Settings:
    limits: Limits = field(default_factory=Limits)
    store: StoreSettings = field(default_factory=StoreSettings)
    gazetteer: GazetteerSettings = field(default_factory=GazetteerSettings)
    places: PlaceWeights = field(default_factory=PlaceWeights)
    entities: EntitySettings = field(default_factory=EntitySettings)
    corpus: CorpusSettings = field(default_factory=CorpusSettings)


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
