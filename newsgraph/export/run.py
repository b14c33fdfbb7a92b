"""One entry point for every format: ``write_export(store, fmt, out)`` to a text stream, or ``to_path``."""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING

from newsgraph.export.common import ExportError, atomic

if TYPE_CHECKING:
    from newsgraph.store import Store

FORMATS = ("json", "ftm", "stix", "graphml", "gexf", "csv")


def write_export(store: Store, fmt: str, out: IO[str], table: str | None = None) -> None:
    """The store in format ``fmt`` to ``out``; ``csv`` writes one ``table`` (events or claims)."""
    if fmt == "json":
        from newsgraph.export.store_json import write_store_json
        write_store_json(store, out)  # a record at a time; each claim's links and grades as stored
    elif fmt == "ftm":
        from newsgraph.export.ftm import write_ftm
        write_ftm(store, out)
    elif fmt == "stix":
        from newsgraph.export.stix import write_stix
        write_stix(store, out)
    elif fmt in ("graphml", "gexf"):
        from newsgraph.export.graph import write_graph
        write_graph(store, out, fmt)
    elif fmt == "csv":
        from newsgraph.export import tables
        if table not in tables.TABLES:
            raise ExportError("export --format csv to stdout or to one file needs --table events or --table claims "
                              "(-o DIR writes both)")
        (tables.write_events if table == "events" else tables.write_claims)(store, out)
    else:
        raise ExportError(f"{fmt}: no such export format (one of {', '.join(FORMATS)})")


def write_tables(store: Store, directory: Path) -> list[Path]:
    """``events.csv`` and ``claims.csv`` in ``directory`` (made if missing), each replaced atomically."""
    from newsgraph.export import tables
    from newsgraph.export.common import entity_index
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory}: not a directory (export --format csv -o DIR writes events.csv and "
                          f"claims.csv there; --table events|claims -o FILE writes one)")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise ExportError(f"{directory}: cannot make this directory ({reason})") from None
    index = entity_index(store)
    written = []
    for name, write in (("events", tables.write_events), ("claims", tables.write_claims)):
        path = directory / f"{name}.csv"
        with atomic(path, newline="") as handle:
            write(store, handle, index)
        written.append(path)
    return written


def to_path(store: Store, fmt: str, path: Path, table: str | None = None) -> list[Path]:
    """The export written to ``path`` (for ``csv`` without a table: a directory); returns the files written."""
    if fmt == "csv" and table is None:
        return write_tables(store, path)
    if path.is_dir():
        raise ExportError(f"{path}: is a directory (give a file name)")
    with atomic(path, newline="" if fmt == "csv" else None) as handle:
        write_export(store, fmt, handle, table)
    return [path]
