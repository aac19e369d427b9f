"""Activation: code, then the address of the request, then the confirmation."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, session, url_for
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from .. import auth, captcha, clock, throttle
from ..extensions import db
from ..formatting import PARIS
from ..models import ActivationRequest, Space
from ..security import code_digest
from ..validation import (
    ACTIVATION_ADDRESS, ADDRESS_TAKEN, CAPTCHA_WRONG, CODE_USED, REQUIRED,
    check_code_syntax, code_refusal, email_key,
)

bp = Blueprint("activation", __name__, url_prefix="/activation")

STEPS = ("Code d'activation", "Identifiants", "Récapitulatif")
_REQUEST_KEY = "activation_request_id"
_CODE_KEY = "activation_code"


def _step(step: int, template: str, status: int = 200, **context):
    return render_template(
        template, steps=STEPS, current_step=STEPS[step],
        errors=context.pop("errors", {}), alerts=context.pop("alerts", {}), **context,
    ), status


def _code_page(code="", status=200, errors=None):
    return _step(0, "activation/code.html", status, code=code, errors=errors or {},
                 challenge=captcha.current())


@bp.get("")
def code():
    return _code_page()


@bp.post("")
def submit_code():
    typed = request.form.get("code", "").strip()
    now = clock.now()
    if throttle.blocked("code", None, now):
        return _code_page(typed, 429, {"code": throttle.TOO_MANY})
    errors = {}
    if message := check_code_syntax(typed):
        errors["code"] = message
    else:
        found = db.session.scalar(db.select(ActivationRequest).filter_by(code_digest=code_digest(typed)))
        if found is None:
            throttle.failed("code", None, now)
        if message := code_refusal(found, now):
            errors["code"] = message
    if not captcha.check(request.form.get("captcha")):
        errors["captcha"] = CAPTCHA_WRONG
    if errors:
        return _code_page(typed, 422, errors)
    session[_REQUEST_KEY] = found.id
    session[_CODE_KEY] = typed  # shown on the next steps; the database keeps only its digest
    return redirect(url_for("activation.identifiers"), 303)


def _pending():
    """The request whose code this session entered, if any."""
    request_id = session.get(_REQUEST_KEY)
    return db.session.get(ActivationRequest, request_id) if request_id else None


def _identifiers_page(pending, email="", status=200, errors=None, alerts=None):
    return _step(1, "activation/identifiers.html", status, code=session.get(_CODE_KEY, ""), email=email,
                 errors=errors or {}, alerts=alerts or {})


@bp.route("/identifiants", methods=["GET", "POST"])
def identifiers():
    pending = _pending()
    if pending is None:
        return redirect(url_for("activation.code"), 303)
    if request.method == "GET":
        return _identifiers_page(pending)
    email = request.form.get("email", "").strip()
    now = clock.now()
    if refusal := code_refusal(pending, now):
        return _identifiers_page(pending, email, 422, alerts={"code": refusal})
    if not email:
        return _identifiers_page(pending, email, 422, errors={"email": REQUIRED})
    request_key = f"request-{pending.id}"  # whoever holds a code must still know its address
    if throttle.blocked("code", request_key, now):
        return _identifiers_page(pending, email, 429, alerts={"code": throttle.TOO_MANY})
    if email_key(email) != pending.email_key:
        throttle.failed("code", request_key, now)
        return _identifiers_page(pending, email, 422, errors={"email": ACTIVATION_ADDRESS})
    if db.session.scalar(db.select(Space.id).filter_by(email_key=pending.email_key)):
        return _identifiers_page(pending, email, 422, alerts={"email": ADDRESS_TAKEN})
    claimed = db.session.execute(  # the code is used once: of sessions that send it at once, one wins
        update(ActivationRequest).where(ActivationRequest.id == pending.id, ActivationRequest.used_at.is_(None))
        .values(used_at=now, open_key=None)).rowcount
    if claimed != 1:
        db.session.rollback()
        return _identifiers_page(pending, email, 422, alerts={"code": CODE_USED})
    space = Space(
        email=pending.email, email_key=pending.email_key, password_hash=pending.password_hash,
        profile=pending.profile, created_at=now,
    )
    db.session.add(space)
    try:
        db.session.flush()
    except IntegrityError:  # the address got its space through another request meanwhile
        db.session.rollback()
        return _identifiers_page(pending, email, 422, alerts={"email": ADDRESS_TAKEN})
    space.subscriber_number = f"{now.astimezone(PARIS).year}{space.id:010d}"
    db.session.commit()
    auth.sign_in(space)
    return redirect(url_for("activation.recap"), 303)


@bp.post("/identifiants/effacer")
def clear_identifiers():
    pending = _pending()
    if pending is None:
        return redirect(url_for("activation.code"), 303)
    return _identifiers_page(pending)


@bp.get("/recapitulatif")
@auth.login_required
def recap():
    return _step(2, "activation/recap.html", space=auth.current_space())
