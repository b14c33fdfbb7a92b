"""Typed view of the outlets' reliability grades (``data/sources.json``, or the file ``$NEWSGRAPH_SOURCES`` names).

Each source is an outlet, agency, monitor or government with its NATO Admiralty reliability grade (A-F) and a
line of why.  ``Sources.find(name)`` looks a name up by its name or any alias, case and punctuation folded,
so a document's ``source`` column ("dailysabah") and a speaker's name ("Daily Sabah") find the same entry.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.errors import VocabularyError
from newsgraph.settings import settings
from newsgraph.vocab.loader import Entries, vocabulary

GRADES = ("A", "B", "C", "D", "E", "F")
KINDS = ("wire", "state agency", "state media", "independent", "partisan", "monitor", "government")
_FOLD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=settings().caches.names)  # the writer folds the same speakers and outlets for every claim it grades
def fold(name: str) -> str:
    """A name compared without case, spaces, hyphens or a leading 'the'."""
    return _FOLD.sub("", re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).casefold())


@dataclass(frozen=True)
class Source:
    name: str
    aliases: tuple[str, ...]
    kind: str
    affiliation: str | None  # ISO country code of the state behind it, or the party or movement
    grade: str
    why: str

    @property
    def key(self) -> str:
        """The source's id: its folded name."""
        return fold(self.name)


@dataclass(frozen=True)
class Sources:
    entries: tuple[Source, ...]
    by_name: dict[str, Source]

    def find(self, name: str | None) -> Source | None:
        return self.by_name.get(fold(name)) if name else None

    def government(self, affiliation: str) -> Source | None:
        """The government entry of a state (``affiliation``: its ISO code), if the file has one."""
        return next((s for s in self.entries if s.kind == "government" and s.affiliation == affiliation), None)


def build(entries: Entries) -> Sources:
    found: list[Source] = []
    by_name: dict[str, Source] = {}
    for i, raw in enumerate(entries.value("sources")):
        where = f"sources[{i}]"
        if not isinstance(raw, dict):
            raise entries.error(where, "must be an object")
        unknown = set(raw) - {"name", "aliases", "kind", "affiliation", "grade", "why"}
        if unknown:
            raise entries.error(where, f"unknown key {sorted(unknown)[0]!r}")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise entries.error(where, "needs a name")
        affiliation = raw.get("affiliation")
        if affiliation is not None and not isinstance(affiliation, str):
            raise entries.error(f"{where}.affiliation", "must be a string or null")
        source = Source(name=name, aliases=entries.words("aliases", where=raw, path=f"{where}.aliases"),
                        kind=entries.one_of(raw.get("kind"), KINDS, f"{where}.kind"), affiliation=affiliation,
                        grade=entries.one_of(raw.get("grade"), GRADES, f"{where}.grade"),
                        why=str(raw.get("why") or ""))
        for alias in (source.name, *source.aliases):
            if fold(alias) in by_name and by_name[fold(alias)] is not source:
                raise entries.error(f"{where}.aliases", f"{alias!r} names {by_name[fold(alias)].name} too")
            by_name[fold(alias)] = source
        found.append(source)
    return Sources(entries=tuple(found), by_name=by_name)


@vocabulary("sources")
def _packaged(entries: Entries) -> Sources:
    return build(entries)


def load_sources() -> Sources:
    """The user's file (``$NEWSGRAPH_SOURCES``) when set, else the packaged one."""
    from newsgraph.vocab.loader import load
    path = os.environ.get("NEWSGRAPH_SOURCES")
    if not path:
        return load("sources")
    return _user_file(Path(path))


def _user_file(path: Path) -> Sources:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise VocabularyError(str(path), "(file)", f"cannot be read ({err.strerror})") from None
    except json.JSONDecodeError as err:
        raise VocabularyError(str(path), f"line {err.lineno}", f"not valid JSON ({err.msg})") from None
    if not isinstance(data, dict):
        raise VocabularyError(str(path), "(top level)", "must be a JSON object")
    entries = Entries(str(path), data)
    view = build(entries)
    entries.check_all_read()
    return view
