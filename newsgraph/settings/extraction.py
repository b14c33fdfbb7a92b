"""Settings of the per-document stages: place scoring, entities, furniture, parsing, dates, events and claims."""

from __future__ import annotations

from dataclasses import dataclass


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
    around_chars: int = 400          # a report on two countries: a place it lacks lies where the towns this near lie
    offset_max_km: float = 150.0     # "X, 35 km north of Y" is placed that far from Y up to this distance
    town_part_km: float = 25.0       # a quarter of a named town read as a namesake farther off is in the town

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
    airfield_spelling_letters: int = 6  # an airfield's name whose spelling key is this long is matched by it
                                        # ("Shairat airbase" ~ Shayrat Air Base) though its skeleton is short
    facility_town: int = 1000        # a town named inside a facility's name has at least this many people ...
    facility_alternate_town: int = 100_000  # ... and this many when the facility names it by an alternate name,
                                     # unless the facility is named after it ("Daraa National Hospital": the
                                     # town first, a service last; not a street or square), where its own
                                     # name may have no population in GeoNames (0: "Qardaha hospital")
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
    # a byline under a dated headline ("... monitoring group. Oliver Holmes Suleiman Al-Khalidi. The ...") is a
    # sentence of at most this many name words, or at most ``headline_byline_words`` run onto the headline's end
    byline_sentence_words: int = 6
    headline_byline_words: int = 4
    # ... within this many characters of the date that opens the text
    opening_chars: int = 400
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
    # a dateline this many days or fewer from the date given leaves the given date the anchor (time zones, overnight)
    dateline_slack_days: int = 1
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
    open_quote_max_sentences: int = 2    # ... and runs to that end unless more sentences follow (then one)
    words_beside_quote: int = 4          # a quote at most this many words from "X said" is what X said
    statement_frame_words: int = 6       # "X said late on Tuesday in a statement": the cue this many words before "in"
    document_reach_sentences: int = 4    # "the statement said" is a statement named at most this many sentences back
    named_next_sentences: int = 2        # "…, a monitor said." is the organisation named as a speaker this far on
    inner_dateline_chars: int = 800      # a wire dateline after a summary ("MOSCOW (Sputnik)") starts this near the top
    join_gap_chars: int = 300            # a quote further than this from a claim's content is never joined to it ...
    join_gap_words: int = 2              # ... nor when more words than the frame's and these lie between
    continued_quote_min_chars: int = 15  # a quote paragraph continuing the last claim is at least this long
    signed_quote_min_chars: int = 15     # a quote signed with a dash ("“…” ― Jane Doe") is at least this long
    label_max_words: int = 4             # a transcript label ("PENCE:", "Pat Caddell:") has at most this many words
