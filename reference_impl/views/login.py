"""The login page: the procedure starts and ends here."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from .. import auth, captcha, clock, throttle
from ..extensions import db
from ..models import Space
from ..security import verify_password
from ..validation import CAPTCHA_WRONG, email_key

bp = Blueprint("login", __name__)

# Same words whatever failed, so that nobody learns which addresses exist.
LOGIN_REFUSED = (
    "Adresse électronique ou mot de passe incorrect. "
    "Un espace professionnel n'est accessible qu'après son activation."
)


def _page(email="", errors=None, alerts=None, status=200):
    return render_template(
        "login.html",
        email=email,
        errors=errors or {},
        alerts=alerts or {},
        challenge=captcha.current(),
    ), status


@bp.get("/")
def index():
    return _page()


@bp.post("/")
def submit():
    email = request.form.get("email", "").strip()
    key, now = email_key(email), clock.now()
    if throttle.blocked("password", key, now):  # known address or not: the answer does not tell
        return _page(email, alerts={"connexion": throttle.TOO_MANY}, status=429)
    if not captcha.check(request.form.get("captcha")):
        return _page(email, errors={"captcha": CAPTCHA_WRONG}, status=422)
    space = db.session.scalar(db.select(Space).filter_by(email_key=key))
    password_hash = space.password_hash if space else None
    if not verify_password(password_hash, request.form.get("password", "")):
        throttle.failed("password", key, now)
        return _page(email, alerts={"connexion": LOGIN_REFUSED}, status=422)
    throttle.succeeded("password", key)
    auth.sign_in(space)
    return redirect(url_for("space.home"), 303)


@bp.post("/deconnexion")
def logout():
    auth.sign_out()
    return redirect(url_for("login.index"), 303)
