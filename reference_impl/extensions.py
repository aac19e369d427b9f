"""Extension objects shared by the modules, bound to the app in the factory."""

from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import Engine

db = SQLAlchemy()
csrf = CSRFProtect()
SQLITE_BUSY_TIMEOUT_MS = 10_000


def _is_sqlite(dbapi_connection) -> bool:
    return type(dbapi_connection).__module__.startswith("sqlite3")


@event.listens_for(Engine, "connect")
def _sqlite_settings(dbapi_connection, _record) -> None:
    """SQLite in WAL mode (readers do not wait for a writer, a commit is not an fsync of the whole
    database); a writer waits up to 10 s for another rather than failing at once. The driver's own
    transaction handling is off: `_sqlite_begin` says how a transaction starts."""
    if _is_sqlite(dbapi_connection):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection) -> None:
    """Every SQLite transaction takes the write lock when it starts (BEGIN IMMEDIATE). Started as a
    reader, a transaction that then writes while another wrote fails at once ("database is
    locked", an HTTP 500), where the busy timeout cannot help; this way, they take turns."""
    if _is_sqlite(connection.connection.dbapi_connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
