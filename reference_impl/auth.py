"""Who is signed in: the space id in the session, set by login or activation."""

from __future__ import annotations

from functools import wraps

from flask import redirect, session, url_for

from .extensions import db
from .models import Space

_SESSION_KEY = "space_id"


def current_space() -> Space | None:
    space_id = session.get(_SESSION_KEY)
    return db.session.get(Space, space_id) if space_id else None


def sign_in(space: Space) -> None:
    """Start a fresh session for this space (nothing of the previous one survives)."""
    session.clear()
    session[_SESSION_KEY] = space.id


def sign_out() -> None:
    session.clear()


def login_required(view):
    """Send anyone not signed in back to the login page."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if current_space() is None:
            return redirect(url_for("login.index"))
        return view(*args, **kwargs)

    return wrapper
