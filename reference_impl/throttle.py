"""Limits on guessing: wrong activation codes and wrong passwords, counted in the database (every
worker sees them) per client address and per target (the account, the activation request).

Our decision, recorded in the catalogue (features/regles.yaml: CNX-18, ACTIV-14): within 15 minutes,
10 failures against one account or one activation request, 100 from one client address, then
refusal until the oldest failure leaves the window. NIST SP 800-63B-4 sets 100 consecutive failures
on one account as the outer bound; the CAPTCHA already costs each attempt a human's effort.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from flask import request
from sqlalchemy import delete, func, select

from .extensions import db
from .models import Failure

WINDOW = timedelta(minutes=15)
PER_TARGET = 10
PER_CLIENT = 100
TOO_MANY = "Trop de tentatives infructueuses : réessayez dans 15 minutes."


def _key(target: str) -> str:
    """Targets are kept as digests: bounded in length, and no address typed by anyone is stored."""
    return hashlib.sha256(target.encode(errors="replace")).hexdigest()


def _count(kind: str, key: str, now: datetime) -> int:
    return db.session.scalar(select(func.count()).select_from(Failure).where(
        Failure.kind == kind, Failure.key == key, Failure.at > now - WINDOW))


def blocked(kind: str, target: str | None, now: datetime) -> bool:
    """Whether `kind` attempts (« code », « password ») from this client, or at this target, must wait."""
    return (_count(f"{kind}:client", request.remote_addr or "", now) >= PER_CLIENT
            or target is not None and _count(f"{kind}:target", _key(target), now) >= PER_TARGET)


def failed(kind: str, target: str | None, now: datetime) -> None:
    """Count one failure, from this client and, when known, at this target."""
    db.session.add(Failure(kind=f"{kind}:client", key=request.remote_addr or "", at=now))
    if target is not None:
        db.session.add(Failure(kind=f"{kind}:target", key=_key(target), at=now))
    db.session.commit()


def succeeded(kind: str, target: str) -> None:
    """A success ends the run of failures at this target (the client's count stays)."""
    db.session.execute(delete(Failure).where(Failure.kind == f"{kind}:target", Failure.key == _key(target)))
    db.session.commit()
