"""Writing and reading many rows at a time with less of SQLAlchemy's per-statement and per-row work.

``Store.add`` runs some 90 statements per document (the 227 bench texts) and inserts some 700 rows (most of
them the corpus layer's keys and refs).  Building each statement and coercing its IN list, and SQLAlchemy's per-row
parameter processing of an ``executemany``, cost more CPU than SQLite spends running them, so:

- ``among(column)`` is ``column IN (:part)`` with the list given at execution (``{"part": [...]}``), for
  statements built once at import;
- ``execute(conn, statement, params)`` runs such a statement (a SELECT, UPDATE or DELETE, one set of parameters
  or a list of them) on SQLite as the driver's SQL, compiled once, with its IN lists written out at execution:
  the same SQL SQLAlchemy would send, without its per-execution parameter processing and re-rendering of
  expanding lists (which cost more CPU than most of these statements take in SQLite); statements with a bind
  or result processor, and PostgreSQL, go through ``conn.execute`` as before;
- ``insert_rows(conn, table, rows)`` hands rows (no column with a Python-side default missing from them) to the
  driver's ``executemany`` through one cached compiled INSERT, on SQLite, the values of a column with a bind
  processor (the JSON lists) converted by that processor, as SQLAlchemy would; anything else, and PostgreSQL
  (whose dialect batches inserts its own way), goes through ``conn.execute(insert(table), rows)`` as before.
  Either way the same rows are written.

Both run the driver's SQL on the sqlite3 connection itself while SQLAlchemy's transaction is open
(``store/driver.py``: no execution context or ``CursorResult`` per call; rows as named tuples).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, Executable, Table, bindparam, insert

from newsgraph.store import driver

__all__ = ["among", "execute", "insert_rows"]

_BATCH = 5000  # rows per executemany


def among(column: Any) -> Any:
    """``column IN (:part)``, the list given at execution: ``conn.execute(statement, {"part": values})``."""
    return column.in_(bindparam("part", expanding=True))


# where SQLAlchemy's compiler leaves an expanding parameter's list to be written out at execution
_EXPANDING = re.compile(r"__\[POSTCOMPILE_(\w+)\]")


def execute(conn: Connection, statement: Executable,
            params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None
            ) -> CursorResult[Any] | driver.Rows:
    """``conn.execute(statement, params)`` for a statement built once (``params``: one dict, or a list of dicts
    for an ``executemany``), with the same SQL and rows, and on SQLite less of SQLAlchemy's work per call."""
    plan = _plain_statement(conn.dialect, statement)
    if plan is None or (params is not None and not params):
        return conn.execute(statement, params if params is not None else {})
    pieces, binds, row = plan
    expanding = any(is_list for _, _, is_list in binds)
    raw = driver.driver(conn)
    if params is not None and not isinstance(params, Mapping):  # an executemany: one SQL, many parameter sets
        if expanding or any(fixed is not _GIVEN for _, fixed, _ in binds):
            return conn.execute(statement, params)
        names = [name for name, _, _ in binds]
        if not names:
            many: list[Any] = [() for _ in params]
        else:
            values = itemgetter(*names)
            many = [values(p) for p in params] if len(names) > 1 else [(values(p),) for p in params]
        if raw is None:
            return conn.exec_driver_sql(pieces[0], many)
        return driver.Rows(driver.run_many(raw, pieces[0], many), None)
    given = params or {}
    args: list[Any] = []
    lengths: dict[str, int] = {}
    for name, fixed, is_list in binds:
        value = given[name] if fixed is _GIVEN else given.get(name, fixed)
        if is_list:
            if not value:  # an empty IN (...): SQLAlchemy's own rendering of it
                return conn.execute(statement, given)
            lengths[name] = len(value)
            args.extend(value)
        else:
            args.append(value)
    if expanding:
        sql = [pieces[0]]
        for i in range(1, len(pieces), 2):
            sql.append(", ".join("?" * lengths[pieces[i]]))
            sql.append(pieces[i + 1])
        return _run(conn, raw, "".join(sql), tuple(args), row)
    return _run(conn, raw, pieces[0], tuple(args), row)


def _run(conn: Connection, raw: sqlite3.Connection | None, sql: str, args: tuple[Any, ...],
         row: type[tuple[Any, ...]] | None) -> CursorResult[Any] | driver.Rows:
    """``sql`` on the driver's connection inside SQLAlchemy's transaction, else through SQLAlchemy."""
    if raw is None or row is None:
        return conn.exec_driver_sql(sql, args)
    return driver.Rows(driver.run(raw, sql, args), row)


_GIVEN = object()  # a parameter the caller gives (not a value written in the statement)


@lru_cache(maxsize=512)
def _plain_statement(dialect: Any, statement: Executable
                     ) -> tuple[list[str], tuple[tuple[str, Any, bool], ...], type[tuple[Any, ...]] | None] | None:
    """The compiled SQL cut at its expanding parameters (text, name, text, ...), its parameters in order
    (name, the value written in the statement or ``_GIVEN``, expanding) and the named tuple of its result's
    columns (``driver.row_type``; None: read through SQLAlchemy), when SQLAlchemy would only pass the values
    through (no bind or result processor); else None."""
    if dialect.name != "sqlite":
        return None
    compiled = cast(Any, statement).compile(dialect=dialect)  # a Select, Update or Delete
    if not compiled.positional or compiled.positiontup is None or compiled._bind_processors:
        return None
    columns = getattr(compiled, "_result_columns", None) or []
    keys = [c.keyname for c in columns]
    if len(set(keys)) != len(keys) or any(c.type._cached_result_processor(dialect, None) is not None
                                          for c in columns):
        return None
    pieces = _EXPANDING.split(str(compiled))
    binds = []
    for name in compiled.positiontup:
        bind = compiled.binds[name]
        if (bind.required and bind.key != name) or bind.callable is not None:
            return None
        binds.append((name, _GIVEN if bind.required else bind.effective_value, bool(bind.expanding)))
    if set(pieces[1::2]) != {name for name, _, is_list in binds if is_list}:
        return None  # a literal rendered at execution, or a list SQLAlchemy renders another way
    return pieces, tuple(binds), driver.row_type(tuple(keys))


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``, in batches."""
    if not rows:
        return
    plain = _plain_insert(conn.dialect, table, tuple(rows[0]))
    for i in range(0, len(rows), _BATCH):
        part = rows[i:i + _BATCH]
        if plain is None:
            conn.execute(insert(table), list(part))
            continue
        sql, order, processors = plain
        # itemgetter builds each row's tuple in C (a generator per row cost more than SQLite's insert)
        values = itemgetter(*order)
        many = [values(row) for row in part] if len(order) > 1 else [(values(row),) for row in part]
        if processors:  # the columns SQLAlchemy converts (JSON lists): its own converter, value by value
            many = [tuple(v if p is None else p(v) for p, v in zip(processors, row, strict=True)) for row in many]
        raw = driver.driver(conn)
        if raw is None:
            conn.exec_driver_sql(sql, many)
        else:
            driver.run_many(raw, sql, many)


@lru_cache(maxsize=256)
def _plain_insert(dialect: Any, table: Table, keys: tuple[str, ...]
                  ) -> tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]] | None:
    """The driver's SQL, the order of its parameters and the bind processor of each (None: passed through, as
    SQLAlchemy would pass it; else the processor it would call, a JSON column's serializer), when no column
    left out has a Python-side default."""
    if dialect.name != "sqlite" or not set(keys) <= set(table.c.keys()):
        return None
    if any(c.default is not None or c.onupdate is not None for c in table.c if c.key not in keys):
        return None
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    if not compiled.positional or compiled.positiontup is None:
        return None
    order = tuple(compiled.binds[name].key for name in compiled.positiontup)
    if sorted(order) != sorted(keys):
        return None
    processors = tuple(compiled._bind_processors.get(name) for name in compiled.positiontup)
    if not all(p is None or callable(p) for p in processors):
        return None  # a tuple-valued column's processors (none in our schema)
    return str(compiled), order, cast(tuple[Callable[[Any], Any] | None, ...], processors) if any(processors) else ()
