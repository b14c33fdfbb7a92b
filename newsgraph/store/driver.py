"""The corpus layer's plain SQLite statements, run on the sqlite3 connection under SQLAlchemy's transaction.

``bulk.execute`` and ``bulk.insert_rows`` already hand SQLite the driver's SQL, compiled once; but
``Connection.exec_driver_sql`` still builds an execution context and a ``CursorResult`` for every call, and
reading rows goes through SQLAlchemy's row processing: together more CPU than SQLite spends running most of
these statements (``Store.add`` runs about 85 of them a document).  Inside a transaction SQLAlchemy has begun
(``Store.add``'s, ``dialects.writing(conn).begin()``), the same SQL with the same parameters goes here to the
sqlite3 connection itself, in that transaction; a driver error is raised as SQLAlchemy's own
(``IntegrityError``, ``OperationalError``: what ``Store`` catches and retries), as ``exec_driver_sql`` would
raise it.  Outside a transaction (``driver`` gives None) callers go through SQLAlchemy, which begins one.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, MultipleResultsFound, NoResultFound

__all__ = ["Rows", "driver", "row_type", "run", "run_many"]


def driver(conn: Connection) -> sqlite3.Connection | None:
    """The sqlite3 connection under ``conn`` while SQLAlchemy's transaction on it is open, else None."""
    if not conn.in_transaction():
        return None
    raw = conn.connection.driver_connection
    return raw if isinstance(raw, sqlite3.Connection) else None


def run(raw: sqlite3.Connection, sql: str, args: Sequence[Any]) -> sqlite3.Cursor:
    """``sql`` with ``args`` on the driver's connection; its errors as SQLAlchemy's."""
    try:
        return raw.execute(sql, args)
    except sqlite3.Error as err:
        raise DBAPIError.instance(sql, args, err, sqlite3.Error) from err


def run_many(raw: sqlite3.Connection, sql: str, rows: Sequence[Sequence[Any]]) -> sqlite3.Cursor:
    """``sql`` once per row of parameters (the driver's ``executemany``); its errors as SQLAlchemy's."""
    try:
        return raw.executemany(sql, rows)
    except sqlite3.Error as err:
        raise DBAPIError.instance(sql, rows, err, sqlite3.Error) from err


@lru_cache(maxsize=512)
def row_type(keys: tuple[str, ...]) -> type[tuple[Any, ...]] | None:
    """A named tuple of the result's column keys (read as ``row.name``, as SQLAlchemy's rows are), or None when
    the keys cannot all be attribute names of a tuple (a leading underscore, ``count``, ``index``)."""
    if any(k in ("count", "index") for k in keys):
        return None
    try:
        return namedtuple("Row", keys)  # the keys are known only at run time
    except ValueError:
        return None


class Rows:
    """A statement's result as the corpus layer reads it: its rows (named tuples) or their first column."""

    __slots__ = ("_cursor", "_make")

    def __init__(self, cursor: sqlite3.Cursor, row: type[tuple[Any, ...]] | None) -> None:
        self._cursor = cursor
        self._make: Any = getattr(row, "_make", tuple)

    def __iter__(self) -> Iterator[Any]:
        return map(self._make, self._cursor)

    def scalars(self) -> Iterator[Any]:
        """The first column of every row."""
        return (row[0] for row in self._cursor)

    def first(self) -> Any:
        """The first row, or None; the rest are not read."""
        row = self._cursor.fetchone()
        self._cursor.close()
        return None if row is None else self._make(row)

    def one(self) -> Any:
        """The one row (``NoResultFound``, ``MultipleResultsFound`` otherwise)."""
        rows = self._cursor.fetchmany(2)
        self._cursor.close()
        if not rows:
            raise NoResultFound("No row was found when one was required")
        if len(rows) > 1:
            raise MultipleResultsFound("Multiple rows were found when exactly one was required")
        return self._make(rows[0])

    def scalar_one(self) -> Any:
        """The first column of the one row (``NoResultFound``, ``MultipleResultsFound`` otherwise)."""
        return self.one()[0]
