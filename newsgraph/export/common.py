"""What the exporters share: atomic files, the optional libraries, a small index of the corpus entities."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING

from newsgraph.errors import NewsgraphError
from newsgraph.export import stream

if TYPE_CHECKING:
    from newsgraph.store import Store


class ExportError(NewsgraphError):
    """An export that cannot be written (a missing optional library, an unwritable path)."""


def require(module: str, fmt: str) -> ModuleType:
    """``module`` imported, or an ``ExportError`` saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExportError(f"export --format {fmt} needs the Python package {module.partition('.')[0]!r}: "
                          f"pip install 'newsgraph[export]' (make install does)") from None


@contextlib.contextmanager
def atomic(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file written as ``path.part`` and renamed over ``path`` when complete: an interrupted export never
    replaces a good file with half of one. A path that is there but is no file (``/dev/stdout``, a named pipe)
    is written in place: renaming over it would put a file where the device was. A write the system refuses
    (a full disk) is an ``ExportError`` naming the path, and the file before the export is kept."""
    in_place = path.exists() and not path.is_file()
    target = path if in_place else path.with_name(path.name + ".part")
    try:
        handle = target.open("w", encoding="utf-8", newline=newline)
    except OSError as error:  # a missing directory, no permission: the user's path, not a bug
        raise _cannot_write(path, error) from None
    try:
        with handle:
            yield handle
    except BaseException as error:
        if not in_place:
            target.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _cannot_write(path, error) from None
        raise
    if not in_place:
        target.replace(path)


def _cannot_write(path: Path, error: OSError) -> ExportError:
    return ExportError(f"{path}: cannot write here ({(error.strerror or str(error)).lower()})")


@dataclass(frozen=True)
class EntityInfo:
    """What an export says of an entity it refers to: enough for a name, a type and a point."""

    id: str
    name: str
    type: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None


def entity_index(store: Store) -> dict[str, EntityInfo]:
    """Corpus id -> ``EntityInfo`` of every corpus entity (one small record each: the graph of entities is
    much smaller than the documents that mention them)."""
    return {e.id: EntityInfo(e.id, e.name, e.type, e.country, e.lat, e.lon, e.geonames_id)
            for e in stream.entities(store)}


def timestamp(value: str | None, default: str = "1970-01-01T00:00:00Z") -> str:
    """An ISO date or datetime (a store's ``published`` 2024, 2024-05, 2024-05-02 or ``ingested_at``) as a UTC
    timestamp ``YYYY-MM-DDTHH:MM:SSZ``; the first day of a year or month stated alone."""
    if not value:
        return default
    text = value.strip()
    try:
        if len(text) == 4 and text.isdigit():
            return f"{text}-01-01T00:00:00Z"
        if len(text) == 7:
            return f"{text}-01T00:00:00Z"
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat() + "T00:00:00Z"
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return default
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
