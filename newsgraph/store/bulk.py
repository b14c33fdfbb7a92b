"""Writing and reading many rows at a time with less of SQLAlchemy's per-statement and per-row work.

``Store.add`` runs some 65 statements per document and inserts some 700 rows (most of them the corpus
layer's keys and refs).  Building each statement and coercing its IN list, and SQLAlchemy's per-row
parameter processing of an ``executemany``, cost more CPU than SQLite spends running them, so:

- ``among(column)`` is ``column IN (:part)`` with the list given at execution (``{"part": [...]}``), for
  statements built once at import;
- ``insert_rows(conn, table, rows)`` hands plain rows (no column with a bind processor or a Python-side
  default among them or missing) to the driver's ``executemany`` through one cached compiled INSERT, on
  SQLite; anything else, and PostgreSQL (whose dialect batches inserts its own way), goes through
  ``conn.execute(insert(table), rows)`` as before.  Either way the same rows are written.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert

__all__ = ["among", "insert_rows"]

_BATCH = 5000  # rows per executemany


def among(column: Any) -> Any:
    """``column IN (:part)``, the list given at execution: ``conn.execute(statement, {"part": values})``."""
    return column.in_(bindparam("part", expanding=True))


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``, in batches."""
    if not rows:
        return
    plain = _plain_insert(conn.dialect, table, tuple(rows[0]))
    for i in range(0, len(rows), _BATCH):
        part = rows[i:i + _BATCH]
        if plain is None:
            conn.execute(insert(table), list(part))
        else:
            sql, order = plain
            # itemgetter builds each row's tuple in C (a generator per row cost more than SQLite's insert)
            values = itemgetter(*order)
            conn.exec_driver_sql(sql, [values(row) for row in part] if len(order) > 1
                                 else [(values(row),) for row in part])


@lru_cache(maxsize=256)
def _plain_insert(dialect: Any, table: Table, keys: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
    """The driver's SQL and the order of its parameters, when SQLAlchemy would only pass the values through."""
    if dialect.name != "sqlite" or not set(keys) <= set(table.c.keys()):
        return None
    if any(c.default is not None or c.onupdate is not None for c in table.c if c.key not in keys):
        return None
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    if not compiled.positional or compiled._bind_processors or compiled.positiontup is None:
        return None
    order = tuple(compiled.binds[name].key for name in compiled.positiontup)
    if sorted(order) != sorted(keys):
        return None
    return str(compiled), order
