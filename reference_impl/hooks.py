"""Test hooks of the contract (§3), registered only in test mode."""

from __future__ import annotations

import hmac

from flask import Blueprint, current_app, jsonify, request
from sqlalchemy.exc import IntegrityError

from . import captcha, clock
from .extensions import db
from .models import CertificateSpace
from .validation import check_email, email_key

bp = Blueprint("hooks", __name__, url_prefix="/__conformance__")


def _error(status: int, message: str):
    return jsonify({"message": message}), status


@bp.before_request
def require_token():
    expected = current_app.config.get("CONFORMANCE_TOKEN") or ""
    given = request.headers.get("X-Conformance-Token", "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        return _error(401, "Jeton X-Conformance-Token absent ou incorrect.")
    return None


@bp.get("/captcha")
def captcha_answer():
    challenge = captcha.shown()
    if challenge is None:
        return _error(404, "Aucune image CAPTCHA n'est affichée pour cette session.")
    return jsonify({"answer": challenge.answer})


@bp.post("/clock")
def advance_clock():
    body = request.get_json(silent=True)
    seconds = body.get("advance_seconds") if isinstance(body, dict) else None
    if not isinstance(seconds, int) or isinstance(seconds, bool) or seconds < 0:
        return _error(400, "advance_seconds doit être un entier positif ou nul.")
    moment = clock.advance(seconds)
    return jsonify({"now": moment.isoformat().replace("+00:00", "Z")})


@bp.post("/certificate-spaces")
def add_certificate_space():
    body = request.get_json(silent=True)
    address = body.get("email") if isinstance(body, dict) else None
    if not isinstance(address, str) or check_email(address.strip()):
        return _error(400, "email doit être une adresse électronique valide.")
    db.session.add(CertificateSpace(email_key=email_key(address)))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
    return jsonify({}), 201
