"""Extension objects shared by the modules, bound to the app in the factory."""

from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import Engine

db = SQLAlchemy()
csrf = CSRFProtect()


@event.listens_for(Engine, "connect")
def _sqlite_settings(connection, _record) -> None:
    """SQLite in WAL mode: readers do not wait for a writer, and a commit is not an fsync of the
    whole database; a writer waits up to 5 s for another rather than failing at once."""
    if type(connection).__module__.startswith("sqlite3"):
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()
