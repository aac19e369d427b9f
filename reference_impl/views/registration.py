"""Pre-registration: mode page, then the five steps of « Créer votre espace professionnel »."""

from __future__ import annotations

import secrets
import string

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from .. import captcha, clock, drafts
from .. import profile as fields
from ..extensions import db
from ..mail import MailError, send_activation
from ..models import ActivationRequest
from ..security import code_digest, hash_password
from ..validation import (
    ADDRESS_PENDING, CAPTCHA_WRONG, address_refusal, check_email, check_identifiers, check_profile, email_key,
)

bp = Blueprint("registration", __name__)

STEPS = ("Conditions générales", "Identifiants", "Formulaire inscription",
         "Récapitulatif", "Enregistrement")
# Endpoint of each step that the user fills in; a draft's progress indexes it.
STEP_ENDPOINTS = ("registration.terms", "registration.identifiers",
                  "registration.form", "registration.recap")
TERMS_REQUIRED = "Vous devez accepter les conditions générales pour continuer."
MAIL_FAILED = (
    "Le courriel contenant le code d'activation n'a pas pu être envoyé. "
    "Votre demande n'a pas été enregistrée : veuillez réessayer plus tard."
)
PROFILE_INCOMPLETE = (
    "Le formulaire d'inscription comporte des erreurs : "
    "revenez à l'étape précédente pour les corriger."
)
CODE_ALPHABET = string.ascii_letters + string.digits
_REGISTERED_KEY = "registered_email"


def _step(step: int, template: str, status: int = 200, **context):
    return render_template(
        template, steps=STEPS, current_step=STEPS[step],
        errors=context.pop("errors", {}), alerts=context.pop("alerts", {}), **context,
    ), status


def _first_missing_step():
    draft = drafts.current()
    return redirect(url_for(STEP_ENDPOINTS[draft.progress if draft else 0]), 303)


def _draft_at(step: int):
    """The draft if every step before `step` is done in this session, else None."""
    draft = drafts.current()
    return draft if draft and draft.progress >= step else None


def _advance(draft, step: int):
    """Record that `step` is done and go to the next one."""
    draft.progress = max(draft.progress, step + 1)
    db.session.commit()
    return redirect(url_for(STEP_ENDPOINTS[step + 1]), 303)


@bp.get("/creation")
def mode():
    return render_template("mode.html")


@bp.get("/creation/mode-simplifie")
def simplified():
    return render_template(
        "message.html",
        title="Créez votre espace en mode simplifié",
        text="La création d'un espace en mode simplifié n'entre pas dans le champ de ce kit "
        "de conformité, qui ne couvre que le mode expert.",
    )


@bp.get("/conditions-generales")
def terms_of_use():
    return render_template("terms_of_use.html")


@bp.route("/creation/conditions-generales", methods=["GET", "POST"])
def terms():
    if request.method == "GET":
        return _step(0, "registration/terms.html", challenge=captcha.current(), accepted=False)
    accepted = request.form.get("terms") == "1"
    errors = {} if accepted else {"terms": TERMS_REQUIRED}
    if not captcha.check(request.form.get("captcha")):
        errors["captcha"] = CAPTCHA_WRONG
    if errors:
        return _step(0, "registration/terms.html", 422, errors=errors,
                     challenge=captcha.current(), accepted=accepted)
    return _advance(drafts.current() or drafts.start(), 0)


@bp.route("/creation/identifiants", methods=["GET", "POST"])
def identifiers():
    draft = _draft_at(1)
    if draft is None:
        return _first_missing_step()
    if request.method == "GET":
        values = {"email": draft.email or "", "email_confirmation": draft.email or ""}
        return _step(1, "registration/identifiers.html", values=values)
    errors, alerts = check_identifiers(request.form, clock.now())
    if errors or alerts:
        values = {name: request.form.get(name, "") for name in ("email", "email_confirmation")}
        return _step(1, "registration/identifiers.html", 422,
                     values=values, errors=errors, alerts=alerts)
    draft.email = request.form["email"].strip()
    draft.password_hash = hash_password(request.form["password"])
    return _advance(draft, 1)


def _form_page(draft, values, status=200, errors=None):
    return _step(
        2, "registration/form.html", status, values=values, errors=errors or {},
        email=draft.email, fields=fields, questions=[(q, q) for q in fields.QUESTIONS],
        prefixes=[(code, code) for code in fields.PHONE_PREFIXES],
    )


@bp.route("/creation/formulaire", methods=["GET", "POST"])
def form():
    draft = _draft_at(2)
    if draft is None:
        return _first_missing_step()
    if request.method == "GET":
        return _form_page(draft, draft.profile or fields.INITIAL)
    values, errors = check_profile(request.form)
    if errors:
        return _form_page(draft, values, 422, errors)
    draft.profile = values
    return _advance(draft, 2)


@bp.post("/creation/formulaire/effacer")
def clear_form():
    draft = _draft_at(2)
    if draft is None:
        return _first_missing_step()
    draft.profile = dict(fields.CLEARED)
    db.session.commit()
    return redirect(url_for("registration.form"), 303)


def _recap_page(draft, status=200, alerts=None):
    usager, confidence = fields.summary(draft.profile, draft.email)
    return _step(3, "registration/recap.html", status, alerts=alerts or {},
                 usager=usager, confidence=confidence)


def _recheck(draft, now) -> dict:
    """Everything again, at the moment of recording: the address may have gone since."""
    if check_email(draft.email) or not draft.password_hash:
        return {"email": PROFILE_INCOMPLETE}
    if refusal := address_refusal(draft.email, now):
        return {"email": refusal}
    if check_profile(draft.profile)[1]:
        return {"formulaire": PROFILE_INCOMPLETE}
    return {}


@bp.route("/creation/recapitulatif", methods=["GET", "POST"])
def recap():
    draft = _draft_at(3)
    if draft is None:
        return _first_missing_step()
    if request.method == "GET":
        return _recap_page(draft)
    now = clock.now()
    if alerts := _recheck(draft, now):
        return _recap_page(draft, 422, alerts)
    key = email_key(draft.email)
    db.session.execute(update(ActivationRequest)  # an expired request no longer holds its address
                       .where(ActivationRequest.open_key == key,
                              ActivationRequest.sent_at <= now - current_app.config["ACTIVATION_DELAY"])
                       .values(open_key=None))
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    request_row = ActivationRequest(
        code_digest=code_digest(code),
        email=draft.email,
        email_key=key,
        open_key=key,
        password_hash=draft.password_hash,
        profile=draft.profile,
        sent_at=now,
    )
    db.session.add(request_row)
    try:
        db.session.flush()
    except IntegrityError:  # another session's « Valider » for this address won
        db.session.rollback()
        return _recap_page(draft, 422, {"email": ADDRESS_PENDING})
    try:
        send_activation(request_row.email, code, now)
    except MailError:
        db.session.rollback()
        return _recap_page(draft, 503, {"courriel": MAIL_FAILED})
    email = draft.email
    drafts.discard(draft)
    db.session.commit()
    session[_REGISTERED_KEY] = email
    return redirect(url_for("registration.registered"), 303)


@bp.get("/creation/enregistrement")
def registered():
    email = session.get(_REGISTERED_KEY)
    if email is None:
        return _first_missing_step()
    return _step(4, "registration/registered.html", email=email)
