"""Expand command-line paths (files, directories, globs) into the files to read, and those left out.

Directories are walked recursively in sorted order, following symlinks but never entering
the same real directory twice, so symlink loops end.  A walk (or a glob) leaves out, and
reports as ``Skipped``: hidden files and directories, files with an extension newsgraph
does not read, and a project's documentation (``README*``, ``LICENSE*``, ``CHANGELOG*``, ...),
which sits beside articles but is not one.  A file named explicitly is always read.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
TABLE_SUFFIXES = {".csv", ".tsv"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | TABLE_SUFFIXES | FEED_SUFFIXES
_GLOB_CHARS = set("*?[")
# Names the conventions of software projects and data sets give their documentation; the
# ones that are also plain English words count only in capitals (NOTICE, not notice.txt).
_DOCUMENTATION = re.compile(r"(readme|licen[cs]e|changelog|contributing|code_of_conduct|copying)([._-].*)?",
                            re.IGNORECASE)
_DOCUMENTATION_CAPITALS = re.compile(r"(AUTHORS|CHANGES|HISTORY|NOTICE|SECURITY|CITATION)([._-].*)?")
HIDDEN, DOCUMENTATION = "hidden", "documentation"


@dataclass(frozen=True)
class Found:
    """A file to read; ``walked``: reached through a directory or a glob rather than named."""

    path: Path
    walked: bool = False


@dataclass(frozen=True)
class Skipped:
    """A file a walk left out, and why: its extension (".png"), "hidden" or "documentation"."""

    path: Path
    why: str


def walk_inputs(paths: Iterable[str | Path], own: Iterable[Path] = ()) -> Iterator[Found | Skipped | InputError]:
    """Every file to read, in order, every file left out, and an error for each path naming nothing.

    ``own``: files of newsgraph's own (the store being written) a walk passes over without a word.
    """
    seen: set[Path] = set()
    mine = {p.resolve() for p in own}
    for raw in paths:
        for item in _expand_one(str(raw)):
            if isinstance(item, Skipped) and item.path.resolve() in mine:
                continue
            if isinstance(item, Found):
                key = item.path.resolve()
                if key in seen:  # the same file named twice (or reached twice through links)
                    continue
                seen.add(key)
            yield item


def expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The files to read and the errors, without the report of what was left out."""
    for item in walk_inputs(paths):
        if isinstance(item, Found):
            yield item.path
        elif isinstance(item, InputError):
            yield item


def documentation(name: str) -> bool:
    """A README, LICENSE, CHANGELOG... file: documentation of a project or data set, not an article."""
    return bool(_DOCUMENTATION.fullmatch(name) or _DOCUMENTATION_CAPITALS.fullmatch(name))


def _expand_one(raw: str) -> Iterator[Found | Skipped | InputError]:
    path = Path(raw)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists() or path.is_symlink():
        yield Found(path)
    elif _GLOB_CHARS & set(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield InputError(raw, "no files match this pattern")
        for match in matches:
            yield from _walk(Path(match)) if Path(match).is_dir() else _choose(Path(match))
    else:
        yield InputError(raw, "no such file or directory")


def _choose(path: Path) -> Iterator[Found | Skipped]:
    name = path.name
    if name.startswith("."):
        yield Skipped(path, HIDDEN)
    elif documentation(name):
        yield Skipped(path, DOCUMENTATION)
    elif path.suffix.lower() in SUFFIXES or not path.suffix:
        yield Found(path, walked=True)
    else:
        yield Skipped(path, path.suffix.lower())


def _walk(root: Path) -> Iterator[Found | Skipped | InputError]:
    visited: set[str] = set()
    errors: list[InputError] = []

    def on_error(err: OSError) -> None:
        errors.append(InputError(err.filename or str(root), (err.strerror or str(err)).lower()))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):
        yield from errors
        errors.clear()
        real = os.path.realpath(dirpath)
        if real in visited:  # a symlink loop or a second link to a directory already read
            dirnames[:] = []
            continue
        visited.add(real)
        for hidden in sorted(d for d in dirnames if d.startswith(".")):
            yield Skipped(Path(dirpath) / hidden, HIDDEN)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            yield from _choose(Path(dirpath) / name)
    yield from errors
