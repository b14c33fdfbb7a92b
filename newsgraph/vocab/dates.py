"""Typed view of the dates stage's vocabulary (``data/dates.json``): calendar words, numbers, relative phrases."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.vocab.loader import Entries, vocabulary


@dataclass(frozen=True)
class TenseWords:
    """Words of the verb group that say whether a date's clause is past or future."""

    future_aux: frozenset[str]        # "will"
    perfect_aux: frozenset[str]       # "has"
    present_be: frozenset[str]        # "is" going to
    deadline_preps: frozenset[str]    # postponed "until" Saturday
    period_preps: frozenset[str]      # a program to run "through" June


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]            # "january", "jan" -> 1
    weekdays: dict[str, int]          # "monday", "mon" -> 0
    seasons: dict[str, str]           # "summer" -> "SU" (TimeML)
    numbers: dict[str, int | None]    # "two" -> 2; "several" -> None (a count, no value)
    ordinals: dict[str, int]          # "first", "1st" -> 1
    references: dict[str, str]        # "now" -> "PRESENT_REF"
    same_day: tuple[str, ...]         # "today", "this morning"
    day_offsets: dict[str, int]       # "yesterday" -> -1
    direction_words: dict[str, int]   # "last" -> -1, "next" -> 1
    units: dict[str, str]             # "weeks" -> "W"
    modifiers: tuple[str, ...]        # "early", "mid-"
    prepositions: tuple[str, ...]     # "in", "since"
    number_guards: tuple[str, ...]    # "resolution", "at" (1900 GMT): a number after it is not a year
    dateline_labels: tuple[str, ...]  # "published", "updated on": before a dateline's date, in this order
    running_text_preps: tuple[str, ...]  # "on 5 April 2017, ...": running text, not a dateline
    day_times: frozenset[str]         # TIME spans with these name a day ("Friday night")
    deictic_words: frozenset[str]     # "today": also a word of names ("USA Today")
    count_words: frozenset[str]       # "over 1500 drones": a count, not a year
    missed_words: tuple[str, ...]     # one-word dates spaCy tends to miss
    missed_phrases: dict[str, str]    # "the past" -> "in": found only after its preposition
    century_words: dict[str, int]     # "twentieth" -> 20
    approximators: tuple[str, ...]    # "about" two years ago
    offset_words: dict[str, tuple[int, bool]]  # "ago" -> (-1, counted from now); "later" -> (1, from the previous date)
    unit_fillers: frozenset[str]      # "the", "very": nothing to a unit ("that very day")
    anaphoric_words: frozenset[str]   # "that", "following": the unit of the date just mentioned
    deictic_directions: frozenset[str]  # "last", "this": the unit of the publication date
    weekday_directions: dict[str, int]  # "next" Friday -> 1
    day_parts: tuple[str, ...]        # Friday "night"
    year_prefixes: tuple[str, ...]    # "fiscal year" 2021
    tense: TenseWords

    @property
    def calendar_words(self) -> frozenset[str]:
        """Month and weekday names and their abbreviations: never names of people, places or craft."""
        return frozenset(self.months) | frozenset(self.weekdays)


def _table(entries: Entries, key: str, kind: type, *, optional: bool = False) -> dict:
    table = entries.mapping(key)
    for word, value in table.items():
        if not isinstance(value, kind) and not (optional and value is None):
            raise entries.error(f"{key}.{word}", f"must be a {kind.__name__}")
    return table


@vocabulary("dates")
def _dates(entries: Entries) -> DateWords:
    return DateWords(
        months=_table(entries, "months", int), weekdays=_table(entries, "weekdays", int),
        seasons=_table(entries, "seasons", str), numbers=_table(entries, "numbers", int, optional=True),
        ordinals=_table(entries, "ordinals", int), references=_table(entries, "references", str),
        same_day=entries.words("same_day"), day_offsets=_table(entries, "day_offsets", int),
        direction_words=_table(entries, "direction_words", int), units=_table(entries, "units", str),
        modifiers=entries.words("modifiers"), prepositions=entries.words("prepositions"),
        number_guards=entries.words("number_guards"), dateline_labels=entries.words("dateline_labels"),
        running_text_preps=entries.words("running_text_preps"), day_times=frozenset(entries.words("day_times")),
        deictic_words=frozenset(entries.words("deictic_words")), count_words=frozenset(entries.words("count_words")),
        missed_words=entries.words("missed_words"), missed_phrases=_table(entries, "missed_phrases", str),
        century_words=_table(entries, "century_words", int), approximators=entries.words("approximators"),
        offset_words=_offsets(entries), unit_fillers=frozenset(entries.words("unit_fillers")),
        anaphoric_words=frozenset(entries.words("anaphoric_words")),
        deictic_directions=frozenset(entries.words("deictic_directions")),
        weekday_directions=_table(entries, "weekday_directions", int), day_parts=entries.words("day_parts"),
        year_prefixes=entries.words("year_prefixes"), tense=_tense(entries))


def _offsets(entries: Entries) -> dict[str, tuple[int, bool]]:
    """"two years ago": [direction, "now" | "previous"] -> (direction, counted from the publication date)."""
    out = {}
    for word, value in entries.mapping("offset_words").items():
        if not (isinstance(value, list) and len(value) == 2
                and value[0] in (-1, 1) and value[1] in ("now", "previous")):
            raise entries.error(f"offset_words.{word}", 'must be [-1 or 1, "now" or "previous"]')
        out[word] = (int(value[0]), value[1] == "now")
    return out


def _tense(entries: Entries) -> TenseWords:
    table = entries.mapping("tense")

    def words(key: str) -> frozenset[str]:
        return frozenset(entries.words(key, where=table, path=f"tense.{key}"))

    found = TenseWords(future_aux=words("future_aux"), perfect_aux=words("perfect_aux"), present_be=words("present_be"),
                       deadline_preps=words("deadline_preps"), period_preps=words("period_preps"))
    unknown = set(table) - {"future_aux", "perfect_aux", "present_be", "deadline_preps", "period_preps"}
    if unknown:
        raise entries.error(f"tense.{min(unknown)}", "unknown key (no view reads it)")
    return found
