"""The gazetteer's file: one SQLite database per version, read in place and built once.

Unpickling the indexes cost seconds and hundreds of MB in every process; the file is
opened read-only (``immutable=1``, memory-mapped) and each lookup reads a few pages:

- ``meta(name, value)``: JSON documents (the country records, the admin-area rows);
- ``places(id, name, country, lat, lon, geonames_id, population, kind, admin1, level)``;
- ``keys(kind, key, ids)``: a normalised name or consonant skeleton of one index, or a key of the
  airfield table (``KEY_KINDS``) -> the ids of its places in their index order (a JSON array);
- ``admin_names(country, admin1, place)``: which admin area an admin1 code names.

Columns carry no declared type, so SQLite keeps each value's own type (a country centre
written as an int stays an int, as it was in memory). A file is written under a
temporary name and renamed into place, so a reader never sees half a file and the
content of a name never changes (what ``immutable=1`` needs).  Builders of one version
take turns through a lock file; files of other versions are pruned only when unused
for ``GazetteerSettings.unused_seconds``, so worktrees and CI runs of different
versions sharing one cache directory keep their files.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsgraph.settings import settings

# the indexes' two key tables each: normalised names and consonant skeletons; the airfield table's three
# (geo/airfields.py: a name without its airfield words, its spelling key, the town served)
KEY_KINDS = {("core", "name"): 0, ("core", "skeleton"): 1, ("full", "name"): 2, ("full", "skeleton"): 3,
             ("airfield", "stem"): 4, ("airfield", "spelling"): 5, ("airfield", "town"): 6}
# an older format of the same cache directory: deleted like a file of another version
_OLD_SUFFIXES = (".pickle",)

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE places (id INTEGER PRIMARY KEY, name, country, lat, lon, geonames_id, population, kind, admin1, level);
CREATE TABLE keys (kind INTEGER, key TEXT, ids TEXT, PRIMARY KEY (kind, key)) WITHOUT ROWID;
CREATE TABLE admin_names (country, admin1, place);
"""
_PLACE_COLUMNS = "id, name, country, lat, lon, geonames_id, population, kind, admin1, level"
_RECORD = "p.name, p.country, p.lat, p.lon, p.geonames_id, p.population, p.kind, p.admin1, p.level"
# ids are a JSON array: json_each walks it in order (repeats kept), one statement per lookup
_PLACES_OF_KEY = (f"SELECT {_RECORD} FROM keys k, json_each(k.ids) j JOIN places p ON p.id = j.value "
                  "WHERE k.kind = ? AND k.key = ? ORDER BY j.key")


class Writer:
    """Fills a new gazetteer database: places get ids in the order they are first written.

    ``record`` gives a place's fields in ``places`` column order (without the id). An index holds one
    object per place under all its keys, so places are told apart by identity (hashing their fields
    would cost more than the rest of the writing); the objects are kept, so an identity is never reused.
    """

    def __init__(self, conn: sqlite3.Connection, record: Callable[[Any], tuple[Any, ...]]) -> None:
        self.conn = conn
        self.record = record
        self.ids: dict[int, str] = {}  # id() of a place object -> its place id, as the text a key row holds
        self.kept: list[Any] = []  # the objects whose identities ``ids`` holds
        self.new_places: list[tuple[Any, ...]] = []
        conn.executescript(_SCHEMA)

    def place_id(self, place: Any) -> str:
        return self.ids.get(id(place)) or self._new_place(place)

    def _new_place(self, place: Any) -> str:
        number = len(self.kept) + 1
        self.kept.append(place)
        self.new_places.append((number, *self.record(place)))
        text = self.ids[id(place)] = str(number)
        return text

    def flush(self) -> None:
        """Write the places met since the last flush (one statement for all: a statement per place is slow)."""
        self.conn.executemany(f"INSERT INTO places ({_PLACE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)", self.new_places)
        self.new_places = []

    def put_meta(self, name: str, value: Any) -> None:
        self.conn.execute("INSERT INTO meta VALUES (?, ?)", (name, json.dumps(value, ensure_ascii=False)))

    def put_keys(self, index: str, key_kind: str, table: Mapping[str, Sequence[Any]]) -> None:
        """One index's key table: key -> its places, in order (sorted by key: the B-tree fills in order)."""
        kind = KEY_KINDS[(index, key_kind)]
        known, new = self.ids.get, self._new_place
        rows = [(kind, key, "[" + ",".join([known(id(p)) or new(p) for p in table[key]]) + "]")
                for key in sorted(table)]
        self.conn.executemany("INSERT INTO keys VALUES (?, ?, ?)", rows)
        self.flush()

    def put_admin_names(self, names: Iterable[tuple[str, str, Any]]) -> None:
        self.conn.executemany("INSERT INTO admin_names VALUES (?, ?, ?)",
                              [(cc, code, int(self.place_id(place))) for cc, code, place in names])
        self.flush()


class Store:
    """A gazetteer database opened for reading; safe to share between threads (queries take a lock)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path  # None: built in memory for this process
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path) -> Store:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        try:
            conn.execute("PRAGMA mmap_size = 1073741824")  # pages are read from the page cache in place
            conn.execute("SELECT count(*) FROM meta WHERE name = 'version'").fetchone()
        except sqlite3.Error:
            conn.close()
            raise
        return cls(conn, path)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def meta(self, name: str) -> Any:
        rows = self._rows("SELECT value FROM meta WHERE name = ?", (name,))
        return json.loads(rows[0][0]) if rows else None

    def places(self, index: str, key_kind: str, key: str) -> list[tuple[Any, ...]]:
        """The records of the places under a key, in their index order (one query: the statement is reused)."""
        return self._rows(_PLACES_OF_KEY, (KEY_KINDS[(index, key_kind)], key))

    def keys(self, index: str, key_kind: str) -> list[str]:
        return [k for (k,) in self._rows("SELECT key FROM keys WHERE kind = ? ORDER BY key",
                                         (KEY_KINDS[(index, key_kind)],))]

    def admin_names(self) -> list[tuple[Any, ...]]:
        """Rows of country, admin1 code and the admin area's record, in the order they were written."""
        return self._rows(f"SELECT a.country, a.admin1, {_RECORD} FROM admin_names a JOIN places p ON p.id = a.place "
                          "ORDER BY a.rowid")


# --- the file's life: open, build, prune ---------------------------------------------------------

Build = Callable[[sqlite3.Connection, "Report"], None]  # fills an empty database


class Report:
    """Says on stderr what is being built, with a progress bar per step (rich, imported only to build)."""

    def __init__(self, message: str) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(stderr=True, highlight=False, soft_wrap=True)
        self.console.print(message)
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=self.console)

    def step(self, description: str, total: int) -> Callable[[int], None]:
        """Start a step of ``total`` units; the callable advances it."""
        task = self.progress.add_task(description, total=total)

        def advance(done: int = 1) -> None:
            self.progress.advance(task, done)

        return advance

    def __enter__(self) -> Report:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def file_path(version: str) -> Path:
    return settings().gazetteer.cache_dir / f"gazetteer-{version}.sqlite"


def open_or_build(version: str, what: str, build: Build) -> Store:
    """The store of this version: its file opened read-only, or built (once, with a progress bar) and opened.

    An unwritable cache directory builds the database in memory for this process.
    """
    path = file_path(version)
    store = _open_existing(path)
    if store is not None:
        return store
    try:
        with _build_lock(path):
            store = _open_existing(path)  # another process built it while this one waited
            if store is not None:
                return store
            _build_file(path, what, build)
    except (OSError, sqlite3.OperationalError) as exc:  # a read-only directory, a full disk
        return _build_in_memory(path.parent, what, build, exc)
    prune(path.parent, path.name)
    return Store.open(path)


def _open_existing(path: Path) -> Store | None:
    if not path.exists():
        return None
    try:
        store = Store.open(path)
    except sqlite3.Error:
        return None  # damaged (a disk filled up?): built again under the same name
    with contextlib.suppress(OSError):
        os.utime(path)  # in use: what pruning by other versions looks at
    return store


def _build_file(path: Path, what: str, build: Build) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # parallel builders never share a temp file
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            with Report(f"newsgraph: building the gazetteer ({what}) in {path}; once for this version") as report:
                build(conn, report)
                conn.commit()
        finally:
            conn.close()
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _build_in_memory(directory: Path, what: str, build: Build, why: Exception) -> Store:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    reason = why.strerror if isinstance(why, OSError) and why.strerror else str(why)
    message = (f"newsgraph: cannot write the gazetteer to {directory} ({reason}); building it "
               f"({what}) in memory for this process (set NEWSGRAPH_CACHE to a writable directory to keep it)")
    with Report(message) as report:
        build(conn, report)
        conn.commit()
    return Store(conn, None)


@contextlib.contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """Builders of one version take turns: the second waits and then opens the first one's file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(f"{path.name}.lock")
    with lock_path.open("a") as fh:
        try:
            import fcntl
        except ImportError:  # no flock (Windows): builders race; the rename keeps each file whole
            yield
            return
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"newsgraph: waiting for another process that is building {path.name}", file=sys.stderr)
            fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def prune(directory: Path, keep: str) -> list[Path]:
    """Delete the gazetteer files of other versions unused for ``unused_seconds`` and dead builders' temp files.

    A file in use is touched when opened, so a worktree or a CI job of another version keeps
    its file; an open file that is deleted stays readable to the processes that have it open.
    """
    config = settings().gazetteer
    now = time.time()
    stem = keep.removesuffix(".sqlite")
    removed = []
    for old in directory.glob("gazetteer-*"):
        try:
            info = old.stat()
            if old.suffix == ".tmp":
                stale = info.st_mtime < now - config.orphan_seconds
            else:
                ours = old.name.startswith(stem) or old.suffix not in (".sqlite", ".lock", *_OLD_SUFFIXES)
                # older code does not touch its pickles when it reads them, and the access time moves
                # only once a day (relatime): a day more before they count as unused
                grace = config.unused_seconds + (86400 if old.suffix in _OLD_SUFFIXES else 0)
                stale = not ours and max(info.st_mtime, info.st_atime) < now - grace
            if stale:
                old.unlink()
                removed.append(old)
        except OSError:
            pass  # another process removed it first
    return removed
