"""The registration draft: kept server side, found through a random id in the session."""

from __future__ import annotations

import secrets

from flask import session

from .extensions import db
from .models import RegistrationDraft

_SESSION_KEY = "draft_id"


def current() -> RegistrationDraft | None:
    draft_id = session.get(_SESSION_KEY)
    return db.session.get(RegistrationDraft, draft_id) if draft_id else None


def start() -> RegistrationDraft:
    draft = RegistrationDraft(id=secrets.token_urlsafe(24), progress=0, profile={})
    db.session.add(draft)
    session[_SESSION_KEY] = draft.id
    return draft


def discard(draft: RegistrationDraft) -> None:
    """Forget the draft once its request is recorded (same transaction)."""
    db.session.delete(draft)
    session.pop(_SESSION_KEY, None)
