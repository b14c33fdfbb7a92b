"""Which database a store is in, and everything that differs between SQLite and PostgreSQL.

The store's SQL is dialect-neutral SQLAlchemy Core; what is not lives here, in one place:

- turning ``--db`` into an engine: a path is a SQLite file, ``postgresql://`` (or ``postgres://``)
  goes through psycopg 3 (``postgresql+psycopg://``); other databases are refused;
- SQLite's pragmas and real transactions (``BEGIN`` / ``BEGIN IMMEDIATE`` for writers);
- the writers' lock (SQLite's write lock, PostgreSQL advisory locks);
- the integrity checks each database can do;
- driver errors as one-line ``StoreError``s naming the store (a PostgreSQL server as
  ``postgresql://user@host:port/db``, never with its password), and which of them a retry may cure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from newsgraph.errors import StoreError
from newsgraph.settings import StoreSettings

__all__ = ["Target", "create", "dialect_problems", "display", "is_transient", "lock_writers", "store_error", "target",
           "writing"]

DIALECTS = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}
URL_FORMS = "a SQLite file path or postgresql://user:password@host[:port]/database"
# the advisory lock every PostgreSQL writer takes (shared) and writer_lock() takes alone (exclusive);
# advisory locks are per database, so two stores on one server do not block each other
WRITERS_LOCK = 0x6E657773_67726170  # "newsgrap"
_WRITE_OPTION = "newsgraph_write"


@dataclass(frozen=True)
class Target:
    """Where a store is: the URL to connect with, that URL as messages show it, and the SQLite file if any."""

    url: URL
    shown: str
    path: Path | None

    @property
    def dialect(self) -> str:
        return self.url.get_backend_name()


def target(spec: str | Path) -> Target:
    """Parse ``--db``: a path (SQLite) or a URL; StoreError for anything else, naming it without its password."""
    spec = str(spec)
    if not spec.strip():
        raise StoreError(f"--db is empty; it takes {URL_FORMS}")
    if "://" not in spec:
        path = Path(spec)
        if str(path.parent) and not path.parent.is_dir():
            raise StoreError(f"{spec}: the directory {str(path.parent)!r} does not exist")
        if path.is_dir():  # SQLite would only say "unable to open database file"
            raise StoreError(f"{spec}: is a directory; --db takes {URL_FORMS}")
        if spec.endswith("/"):  # Path drops the slash: "store/" would make a file called "store"
            raise StoreError(f"{spec}: the directory {spec!r} does not exist; --db takes {URL_FORMS}")
        url = URL.create("sqlite", database=spec)
        return Target(url, display(url), path)
    try:
        url = make_url(spec)
    except (ArgumentError, ValueError) as err:
        reason = "the port is not a number" if "invalid literal for int" in str(err) else _mask(str(err))
        raise StoreError(f"{_mask(spec)}: not a database URL ({reason}); --db takes {URL_FORMS}") from None
    backend, _, driver = url.drivername.partition("+")
    if backend not in DIALECTS:
        raise StoreError(f"{_mask(spec)}: unsupported database {backend!r}; --db takes {URL_FORMS}")
    if not driver:
        url = url.set(drivername=DIALECTS[backend])
    if url.get_backend_name() == "postgresql" and not url.database:
        raise StoreError(f"{_mask(spec)}: no database named; --db takes {URL_FORMS}")
    return Target(url, display(url), Path(url.database) if backend == "sqlite" and url.database else None)


def display(url: URL) -> str:
    """The URL as messages show it: no password, no driver name."""
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///{url.database or ''}"
    host = url.host or str(url.query.get("host") or "localhost")
    user = f"{url.username}@" if url.username else ""
    return f"postgresql://{user}{host}:{url.port or 5432}/{url.database}"


def _mask(text: str) -> str:
    """Hide the password of any URL in ``text``."""
    return re.sub(r"(://[^:/@\s]*):[^@/\s]*@", r"\1:***@", text)


def create(where: Target, settings: StoreSettings) -> Engine:
    """The engine for ``where``, with this backend's connection settings."""
    try:
        if where.dialect == "sqlite":
            engine = create_engine(where.url)
            timeout_ms = int(settings.lock_timeout * 1000)
            event.listen(engine, "connect", lambda conn, _record: _sqlite_connect(conn, timeout_ms))
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        connect_args: dict[str, Any] = {"application_name": "newsgraph"}
        if "connect_timeout" not in where.url.query:
            connect_args["connect_timeout"] = settings.connect_timeout
        if "options" not in where.url.query:  # a writer waits this long for another's lock, then fails
            connect_args["options"] = f"-c lock_timeout={int(settings.lock_timeout * 1000)}"
        # pre-ping: a pooled connection that died with a server restart is replaced, not used
        return create_engine(where.url, pool_pre_ping=True, connect_args=connect_args)
    except (ImportError, NoSuchModuleError) as err:
        if where.url.drivername == DIALECTS["postgresql"]:
            raise StoreError(f"{where.shown}: PostgreSQL needs psycopg 3: pip install 'newsgraph[postgres]'") from None
        raise StoreError(f"{where.shown}: the driver {where.url.drivername!r} is not installed ({err}); "
                         "a plain postgresql:// URL uses psycopg 3") from None


def _sqlite_connect(dbapi_connection: Any, busy_timeout_ms: int) -> None:
    """WAL lets readers work while an ingest writes; busy_timeout makes a second writer wait, not fail."""
    # transactions are ours (see _sqlite_begin), not pysqlite's, which would not begin before DDL or SELECTs
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: durable across process crashes
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # a writer takes SQLite's write lock at BEGIN: one that read first and wrote later could not wait for it
    # (SQLITE_BUSY at once, whatever the busy timeout); readers take none and see one snapshot
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE_OPTION) else "BEGIN")


def writing(conn: Connection) -> Connection:
    """Mark ``conn`` as a writer's connection, before its transaction begins."""
    return conn.execution_options(**{_WRITE_OPTION: True})


def lock_writers(conn: Connection, exclusive: bool) -> None:
    """Take the writers' lock for the rest of this transaction: shared (adding documents) or exclusive.

    SQLite: the transaction already holds the database's write lock (BEGIN IMMEDIATE), which is
    always exclusive.  PostgreSQL: an advisory transaction lock, released at commit or rollback;
    documents are added side by side under the shared lock, and ``Store.writer_lock`` waits for
    them to finish and keeps new ones waiting.
    """
    if conn.dialect.name == "postgresql":
        function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        conn.execute(text(f"SELECT {function}(:key)"), {"key": _signed64(WRITERS_LOCK)})


def _signed64(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def dialect_problems(conn: Connection, tables: list[str]) -> list[str]:
    """What this database can say about its own integrity, for ``Store.check``."""
    if conn.dialect.name == "sqlite":
        problems = []
        result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
        if result != "ok":
            problems.append(f"sqlite integrity_check: {result}")
        problems.extend(f"orphan row in {row[0]} (rowid {row[1]})"
                        for row in conn.exec_driver_sql("PRAGMA foreign_key_check").all())
        return problems
    # PostgreSQL checks its pages itself; what can go wrong is an index left invalid (a failed concurrent build)
    # or a missing foreign key (a table created by hand); both make the guarantees above untrue
    invalid = conn.execute(text(
        "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
        "WHERE t.relname = ANY(:tables) AND t.relnamespace = to_regnamespace(current_schema()) "
        "AND NOT (i.indisvalid AND i.indisready)"), {"tables": tables}).scalars().all()
    without_fk = conn.execute(text(
        "SELECT t.relname FROM pg_class t WHERE t.relname = ANY(:tables) "
        "AND t.relnamespace = to_regnamespace(current_schema()) AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conrelid = t.oid AND c.contype = 'f' AND c.convalidated)"),
        {"tables": tables}).scalars().all()
    return ([f"index {name} is not valid (REINDEX it)" for name in invalid]
            + [f"table {name} has no valid foreign key to its document" for name in without_fk])


# -- errors ---------------------------------------------------------------------------------------
# PostgreSQL's own words for a server that is going away, coming back, or not there yet
_TRANSIENT_STATES = ("57P01", "57P02", "57P03")
_TRANSIENT_WORDS = ("Connection refused", "the database system is", "server closed the connection",
                    "terminating connection", "consuming input failed", "connection is lost", "connection is closed",
                    "sending query failed", "could not receive data", "could not send data", "no connection")


def is_transient(err: DBAPIError) -> bool:
    """Whether ``err`` says the server went away or is restarting (worth retrying), not that it refused us."""
    if err.connection_invalidated:
        return True
    sqlstate = getattr(err.orig, "sqlstate", None) or ""
    message = str(err.orig)
    return sqlstate.startswith("08") or sqlstate in _TRANSIENT_STATES or any(w in message for w in _TRANSIENT_WORDS)


_REASONS: tuple[tuple[str, str], ...] = (
    (r'password authentication failed for user "([^"]+)"',
     "authentication failed for user {0} (wrong password? it goes in the URL, $PGPASSWORD or ~/.pgpass)"),
    (r"no password supplied",
     "the server wants a password: put it in the URL (postgresql://user:password@host/db), $PGPASSWORD or ~/.pgpass"),
    (r'role "([^"]+)" does not exist', "there is no user {0} on this server"),
    (r'database "([^"]+)" does not exist', "there is no database {0} on this server (create it: createdb -O USER {0})"),
    (r"Connection refused", "cannot connect: connection refused (is PostgreSQL running and listening there?)"),
    (r"failed to resolve host '([^']+)'|could not translate host name \"([^\"]+)\"",
     "cannot connect: unknown host {0}"),
    (r"timeout expired", "cannot connect: the server did not answer in time"),
    (r"permission denied for schema (\w+)",
     "this user may not create tables in schema {0} (GRANT CREATE ON SCHEMA {0} TO the user, or make it the owner)"),
    (r"permission denied for (table|sequence) (\w+)",
     "permission denied for {0} {1} (readers need GRANT SELECT ON ALL TABLES IN SCHEMA public; writers also "
     "INSERT, UPDATE, DELETE, and USAGE ON ALL SEQUENCES IN SCHEMA public)"),
    (r"the database system is (starting up|shutting down|in recovery mode)", "the server is {0}"),
)


def store_error(name: str, err: BaseException) -> StoreError:
    """One line: the store's name and what went wrong, in words a user can act on."""
    message = str(getattr(err, "orig", None) or err)
    for pattern, reason in _REASONS:
        found = re.search(pattern, message)
        if found:
            groups = [g for g in found.groups() if g] or [""]
            return StoreError(f"{name}: {reason.format(*groups)}")
    # libpq's own prefixes say again which server it was; the first line has the reason
    first = re.sub(r"^(connection failed: )?(connection to server at [^:]+ failed: )?(FATAL: +|ERROR: +)?", "",
                   message.strip().splitlines()[0] if message.strip() else type(err).__name__)
    return StoreError(f"{name}: {_mask(first)}")
