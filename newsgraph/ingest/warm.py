"""Importing this module loads everything extraction needs: the spaCy model, the vocabularies, the gazetteer.

The worker processes of ``--workers N`` are forked from a server process that imported
this module once (``multiprocessing``'s forkserver preload), so each worker starts with
the model in memory, shared copy-on-write, instead of loading it again.
"""

from __future__ import annotations

from newsgraph.geo.facilities import airfield_readings
from newsgraph.pipeline import extract

# one short text that reaches every stage: a dateline, a date, a person, a place, an event, a claim
_TEXT = ("BEIRUT, Jan. 15, 2024 — Syrian government forces shelled Aleppo on Monday, "
         "the Syrian Observatory for Human Rights said. \"The strikes hit a market,\" said Rami Abdulrahman.")


def warm_up() -> None:
    """Load the model and every lazily loaded table now (idempotent: they are cached per process)."""
    extract(_TEXT)
    # an airfield's lookups (the table is read from the gazetteer file, geo/airfields.py): here, once
    airfield_readings("Aleppo International Airport")
    # dateparser (the dates stage's last resort for odd formats) is imported and loads its English data on first
    # use (~0.3 s of CPU): here, once
    _warm_date_parser()


def _warm_date_parser() -> None:
    import datetime as dt

    import dateparser

    dateparser.parse("March 3rd 2020", languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(2020, 1, 1), "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month"]})


warm_up()
