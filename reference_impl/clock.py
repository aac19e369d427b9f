"""The application clock: real UTC time plus an offset kept in the database,
so that the clock hook moves time for every worker and thread at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from .extensions import db
from .models import ClockOffset

_ROW_ID = 1


def ensure_row() -> None:
    """Create the offset row once; several workers may race to do it."""
    if db.session.get(ClockOffset, _ROW_ID) is None:
        db.session.add(ClockOffset(id=_ROW_ID, seconds=0))
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()


def now() -> datetime:
    """Current time (aware, UTC) as every rule sees it."""
    seconds = db.session.scalar(db.select(ClockOffset.seconds).filter_by(id=_ROW_ID)) or 0
    return datetime.now(UTC) + timedelta(seconds=seconds)


def advance(seconds: int) -> datetime:
    """Move the clock forward atomically and return the new time."""
    db.session.execute(
        update(ClockOffset)
        .where(ClockOffset.id == _ROW_ID)
        .values(seconds=ClockOffset.seconds + seconds)
    )
    db.session.commit()
    return now()
