"""Expand command-line paths (files, directories, globs) into the files to read.

Directories are walked recursively in sorted order, following symlinks but
never entering the same real directory twice, so symlink loops end.  Hidden
files and files with extensions newsgraph does not read are left out of
directories; a file named explicitly is always tried.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
_GLOB_CHARS = set("*?[")


def expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every file to read, in order, and an error for each path that names nothing readable."""
    seen: set[Path] = set()
    for raw in paths:
        for item in _expand_one(str(raw)):
            if isinstance(item, Path):
                key = item.resolve()
                if key in seen:  # the same file named twice (or reached twice through links)
                    continue
                seen.add(key)
            yield item


def _expand_one(raw: str) -> Iterator[Path | InputError]:
    path = Path(raw)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists() or path.is_symlink():
        yield path
    elif _GLOB_CHARS & set(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield InputError(raw, "no files match this pattern")
        for match in matches:
            yield from _walk(Path(match)) if Path(match).is_dir() else iter([Path(match)])
    else:
        yield InputError(raw, "no such file or directory")


def _walk(root: Path) -> Iterator[Path | InputError]:
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
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if path.suffix.lower() in SUFFIXES or not path.suffix:
                yield path
    yield from errors
