"""Database tables: everything that must survive between requests and workers."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import JSON, DateTime, TypeDecorator

from .extensions import db


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in Python, naive UTC in the database (SQLite has no zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value.astimezone(UTC).replace(tzinfo=None) if value else value

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=UTC) if value else value


class ClockOffset(db.Model):
    """Single row: seconds added to real time by the clock hook."""

    id = db.Column(db.Integer, primary_key=True)
    seconds = db.Column(db.Integer, nullable=False, default=0)


class CaptchaChallenge(db.Model):
    """A CAPTCHA shown to one session; its id is in the session, never the answer."""

    id = db.Column(db.String(64), primary_key=True)
    answer = db.Column(db.String(6), nullable=False)


class RegistrationDraft(db.Model):
    """The registration in progress; `progress` counts the steps completed."""

    id = db.Column(db.String(64), primary_key=True)
    progress = db.Column(db.Integer, nullable=False, default=0)
    email = db.Column(db.String(100))
    password_hash = db.Column(db.String(255))
    profile = db.Column(JSON, nullable=False, default=dict)


class ActivationRequest(db.Model):
    """A validated registration waiting for its activation code (48 h)."""

    id = db.Column(db.Integer, primary_key=True)
    code_digest = db.Column(db.String(64), unique=True, nullable=False)  # the code itself is only e-mailed
    email = db.Column(db.String(100), nullable=False)
    email_key = db.Column(db.String(100), index=True, nullable=False)
    # The address key while the request may still be activated, NULL once used or expired: the
    # database itself then refuses a second open request for one address, however many sessions
    # press « Valider » at once.
    open_key = db.Column(db.String(100), unique=True)
    password_hash = db.Column(db.String(255), nullable=False)
    profile = db.Column(JSON, nullable=False)
    sent_at = db.Column(UTCDateTime, nullable=False)
    used_at = db.Column(UTCDateTime)


class Space(db.Model):
    """An activated professional space, the only thing one can sign in to."""

    id = db.Column(db.Integer, primary_key=True)
    # Set right after the first flush, from the row id (unique by construction).
    subscriber_number = db.Column(db.String(14), unique=True)
    email = db.Column(db.String(100), nullable=False)
    email_key = db.Column(db.String(100), unique=True, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)
    profile = db.Column(JSON, nullable=False)
    created_at = db.Column(UTCDateTime, nullable=False)

    @property
    def display_name(self) -> str:
        """« NOM Prénom », as on the confirmation page of the guide: the name as typed."""
        return f"{self.profile['last_name']} {self.profile['first_name']}"


class Failure(db.Model):
    """One wrong code or wrong password, by client address or by target (reference_impl.throttle)."""

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(20), nullable=False)
    key = db.Column(db.String(255), nullable=False)
    at = db.Column(UTCDateTime, nullable=False)
    __table_args__ = (db.Index("failure_lookup", "kind", "key", "at"),)


class CertificateSpace(db.Model):
    """An address that belongs to a space with certificate (set by a test hook)."""

    email_key = db.Column(db.String(255), primary_key=True)

