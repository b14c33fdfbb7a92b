"""Exporting a store to a file (through the same entry point as ``newsgraph export -o``) and reading it back."""

from __future__ import annotations

from pathlib import Path

from newsgraph.export.run import to_path
from newsgraph.store import Store


def export_file(store: Store, fmt: str, folder: Path, table: str | None = None) -> Path:
    path = folder / (f"export.{table}.csv" if table else f"export.{fmt}")
    to_path(store, fmt, path, table)
    return path
