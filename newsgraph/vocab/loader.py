"""Read a vocabulary file once, check it, and build its typed view.

A vocabulary is a JSON object in ``newsgraph/data``. Keys starting with ``_`` are
notes for people (``_source`` is required: where the words come from). A view
builder reads the entries through ``Entries``, which refuses what would otherwise
pass unnoticed: an unknown key, a duplicate key or list entry, a value outside the
allowed set (event types, stances). Every refusal is a ``VocabularyError`` naming
the file and the entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from newsgraph.errors import VocabularyError

V = TypeVar("V")
_BUILDERS: dict[str, Callable[[Entries], Any]] = {}


def vocabulary(name: str) -> Callable[[Callable[[Entries], V]], Callable[[Entries], V]]:
    """Register the builder of the typed view of ``data/<name>.json``."""
    def register(builder: Callable[[Entries], V]) -> Callable[[Entries], V]:
        if name in _BUILDERS:
            raise RuntimeError(f"two views registered for the vocabulary {name!r}")
        _BUILDERS[name] = builder
        return builder
    return register


@cache
def load(name: str) -> Any:
    """The typed view of ``data/<name>.json``, built and checked once per process."""
    builder = _BUILDERS.get(name)
    if builder is None:
        raise KeyError(f"no vocabulary view is registered for {name!r}")
    entries = Entries(f"{name}.json", read(name))
    view = builder(entries)
    entries.check_all_read()
    return view


def names() -> list[str]:
    """Every registered vocabulary."""
    return sorted(_BUILDERS)


def read(name: str) -> dict[str, Any]:
    """The raw JSON object of ``data/<name>.json``; a duplicate key anywhere is an error."""
    file = f"{name}.json"
    try:
        text = resources.files("newsgraph.data").joinpath(file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise VocabularyError(file, "(file)", "not found in newsgraph/data") from None
    try:
        data = json.loads(text, object_pairs_hook=lambda pairs: _unique_keys(file, pairs))
    except json.JSONDecodeError as err:
        raise VocabularyError(file, f"line {err.lineno}", f"not valid JSON ({err.msg})") from None
    if not isinstance(data, dict):
        raise VocabularyError(file, "(top level)", "must be a JSON object")
    if "_source" not in data:
        raise VocabularyError(file, "_source", "missing: say where the words come from")
    return data


def _unique_keys(file: str, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise VocabularyError(file, repr(key), "duplicate key")
        out[key] = value
    return out


class Entries:
    """The entries of one vocabulary file, read through checks; notes (``_`` keys) are skipped."""

    def __init__(self, file: str, data: Mapping[str, Any]) -> None:
        self.file = file
        self.data = data
        self._read: set[str] = set()

    def error(self, entry: str, reason: str) -> VocabularyError:
        return VocabularyError(self.file, entry, reason)

    def _get(self, key: str, kind: type | tuple[type, ...], where: Mapping[str, Any] | None = None,
             path: str | None = None) -> Any:
        source = self.data if where is None else where
        label = path or key
        if key not in source:
            raise self.error(label, "missing")
        value = source[key]
        if not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.error(label, f"must be a {names}, not {type(value).__name__}")
        if where is None:
            self._read.add(key)
        return value

    def value(self, key: str) -> Any:
        """Any JSON value under ``key``."""
        return self._get(key, object)

    def text(self, key: str) -> str:
        return str(self._get(key, str))

    def words(self, key: str, *, fold: bool = False, where: Mapping[str, Any] | None = None,
              path: str | None = None) -> tuple[str, ...]:
        """A list of distinct strings (``fold``: compared and returned lower-cased)."""
        items = self._get(key, list, where, path)
        return self.distinct(items, path or key, fold=fold)

    def word_set(self, key: str, *, fold: bool = True) -> frozenset[str]:
        """``words`` as a set, lower-cased unless ``fold`` is off: what membership tests read."""
        return frozenset(self.words(key, fold=fold))

    def distinct(self, items: Iterable[Any], label: str, *, fold: bool = False) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for item in items:
            if not isinstance(item, str) or not item.strip():
                raise self.error(label, f"entries must be non-empty strings, found {item!r}")
            word = item.lower() if fold else item
            if word in seen:
                raise self.error(label, f"duplicate entry {item!r}")
            seen[word] = None
        return tuple(seen)

    def grouped(self, groups: Mapping[str, Any], label: str, *, verb: str = "is in") -> dict[str, str]:
        """Each word (lower-cased) of word lists keyed by group to its group; a word may be in one group only
        (``label.group``: where an error points; ``verb``: how it says which group has the word already)."""
        group_of: dict[str, str] = {}
        for group, words in groups.items():
            for word in self.distinct(words, f"{label}.{group}", fold=True):
                if word in group_of:
                    raise self.error(f"{label}.{group}", f"{word!r} {verb} {group_of[word]} too")
                group_of[word] = group
        return group_of

    def mapping(self, key: str, *, where: Mapping[str, Any] | None = None, path: str | None = None) -> dict[str, Any]:
        """An object, without its ``_`` notes."""
        found = self._get(key, dict, where, path)
        return {k: v for k, v in found.items() if not k.startswith("_")}

    def one_of(self, value: Any, allowed: Iterable[str], entry: str) -> str:
        """``value`` itself, when it is one of ``allowed`` (event types, stances, …)."""
        options = tuple(allowed)
        if value not in options:
            raise self.error(entry, f"{value!r} is not one of {', '.join(options)}")
        return str(value)

    def check_all_read(self) -> None:
        """Every entry of the file was read by the view: an unknown key is a typo or a forgotten list."""
        unknown = [k for k in self.data if not k.startswith("_") and k not in self._read]
        if unknown:
            raise self.error(unknown[0], "unknown key (no view reads it)")
