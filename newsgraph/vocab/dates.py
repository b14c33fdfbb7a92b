"""Typed view of the dates stage's vocabulary (``data/dates.json``): calendar words, numbers, relative phrases."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.vocab.loader import Entries, vocabulary


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
    number_guards: tuple[str, ...]    # "resolution": a number after it is not a year

    @property
    def calendar_words(self) -> frozenset[str]:
        """Month and weekday names and their abbreviations: never names of people, places or craft."""
        return frozenset(self.months) | frozenset(self.weekdays)


def _table(entries: Entries, key: str, kind: type, *, optional: bool = False) -> dict:  # type: ignore[type-arg]
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
        number_guards=entries.words("number_guards"))
