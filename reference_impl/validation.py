"""The rules of the procedure, checked server side; each returns messages by field."""

from __future__ import annotations

import re
import string
from datetime import datetime

from flask import current_app

from . import profile as p
from .extensions import db
from .models import ActivationRequest, CertificateSpace, Space

EMAIL_MAX = 100
PASSWORD_MIN = 20
CODE_PATTERN = re.compile(r"[A-Za-z0-9]{12}")

REQUIRED = "Veuillez renseigner ce champ."
EMAIL_INVALID = "L'adresse électronique n'est pas valide (format attendu : adresse@domaine.fr)."
EMAIL_TOO_LONG = f"L'adresse électronique ne doit pas dépasser {EMAIL_MAX} caractères."
EMAILS_DIFFER = "Les deux adresses électroniques saisies ne sont pas identiques."
PASSWORD_TOO_SHORT = f"Le mot de passe doit comporter {PASSWORD_MIN} caractères minimum."
PASSWORD_COMPOSITION = "Le mot de passe doit comporter au moins une lettre et un chiffre."
PASSWORD_SPACE = "Le mot de passe ne doit pas comporter d'espace."
PASSWORDS_DIFFER = "Les deux mots de passe saisis ne sont pas identiques."
ADDRESS_TAKEN = (
    "Cette adresse électronique est déjà associée à un espace professionnel. Vous pouvez "
    "poursuivre la création d'espace en choisissant une autre adresse électronique."
)
ADDRESS_CERTIFICATE = (
    "L'adresse électronique saisie est rattachée à un espace professionnel avec "
    "certificat. Veuillez contacter l'assistance."
)
ADDRESS_PENDING = (
    "Une demande de création d'espace est déjà en cours pour cette adresse électronique : "
    "utilisez le code d'activation reçu par courriel ou attendez la fin du délai de 48 h."
)
PHONE_DIGITS = "Le numéro de téléphone ne doit comporter que des chiffres."
PHONE_FR_LENGTH = "Le numéro de téléphone doit comporter 10 chiffres."
PHONE_OTHER_LENGTH = "Le numéro de téléphone doit comporter de 4 à 15 chiffres."
PREFIX_UNKNOWN = "Veuillez choisir un indicatif de la liste."
QUESTION_UNKNOWN = "Veuillez choisir une question de la liste."
CODE_MALFORMED = "Le code d'activation comporte 12 caractères, lettres et chiffres uniquement."
CODE_UNKNOWN = "Ce code d'activation est incorrect."
CODE_USED = "Ce code d'activation a déjà été utilisé."
CODE_EXPIRED = (
    "Ce code d'activation n'est plus valable : le délai de 48 h est dépassé. "
    "Vous devez reprendre la procédure de création d'espace."
)
ACTIVATION_ADDRESS = (
    "Cette adresse électronique ne correspond pas à celle de la demande de création d'espace."
)
CAPTCHA_WRONG = "Les caractères saisis ne correspondent pas à ceux de l'image."


def too_long(max_length: int) -> str:
    return f"Ce champ ne doit pas dépasser {max_length} caractères."


def email_key(address: str) -> str:
    """The form under which addresses are compared: trimmed, case-insensitive."""
    return address.strip().lower()


# RFC 5322's atext: what a local part may hold besides letters and digits. The header specials
# ( ) < > [ ] : ; , " \ are left out: a mail library reads them as comments, groups or a second
# recipient, and the code would reach a mailbox other than the address kept.
LOCAL_EXTRAS = set("!#$%&'*+-/=?^_`{|}~.")


def email_syntax_ok(address: str) -> bool:
    """One @, a local part of letters, digits and atext (no dot at either end nor two in a row, no
    "=?" that a mail library would decode as an encoded word), a domain of two or more dot-separated labels of letters, digits and hyphens."""
    if address.count("@") != 1:
        return False
    local, domain = address.split("@")
    labels = domain.split(".")
    return (bool(local) and all(c.isalnum() or c in LOCAL_EXTRAS for c in local) and "=?" not in local
            and not local.startswith(".") and not local.endswith(".") and ".." not in local
            and len(labels) >= 2 and all(label and all(c.isalnum() or c == "-" for c in label) for label in labels))


def check_email(address: str) -> str | None:
    if not address:
        return REQUIRED
    if len(address) > EMAIL_MAX:
        return EMAIL_TOO_LONG
    if not email_syntax_ok(address):
        return EMAIL_INVALID
    return None


def check_password(password: str) -> str | None:
    if not password:
        return REQUIRED
    if len(password) < PASSWORD_MIN:
        return PASSWORD_TOO_SHORT
    if any(c.isspace() for c in password):
        return PASSWORD_SPACE
    if not any(c.isalpha() for c in password) or not any(c in string.digits for c in password):
        return PASSWORD_COMPOSITION
    return None


def address_refusal(address: str, now: datetime) -> str | None:
    """Why this address cannot be used for a new request, if it cannot."""
    key = email_key(address)
    if db.session.get(CertificateSpace, key):
        return ADDRESS_CERTIFICATE
    if db.session.scalar(db.select(Space.id).filter_by(email_key=key)):
        return ADDRESS_TAKEN
    if pending_request(key, now):
        return ADDRESS_PENDING
    return None


def pending_request(key: str, now: datetime) -> ActivationRequest | None:
    """An unused request for this address whose 48 h have not run out."""
    return db.session.scalar(
        db.select(ActivationRequest).where(
            ActivationRequest.email_key == key,
            ActivationRequest.used_at.is_(None),
            ActivationRequest.sent_at > now - current_app.config["ACTIVATION_DELAY"],
        )
    )


def check_identifiers(form: dict, now: datetime) -> tuple[dict, dict]:
    """(errors by field, page-level errors by field) for the Identifiants step."""
    email = form.get("email", "").strip()
    errors = {}
    if message := check_email(email):
        errors["email"] = message
    elif email_key(form.get("email_confirmation", "")) != email_key(email):
        errors["email_confirmation"] = EMAILS_DIFFER
    password = form.get("password", "")
    if message := check_password(password):
        errors["password"] = message
    elif form.get("password_confirmation", "") != password:
        errors["password_confirmation"] = PASSWORDS_DIFFER
    alerts = {}
    if "email" not in errors and (refusal := address_refusal(email, now)):
        alerts["email"] = refusal
    return errors, alerts


def check_phone(prefix: str, raw: str) -> tuple[str, str | None]:
    """(normalised number, error): spaces removed, digits only, 10 for France."""
    number = re.sub(r"\s", "", raw)
    if not number:
        return number, REQUIRED
    if not all(c in string.digits for c in number):
        return number, PHONE_DIGITS
    if prefix == p.DEFAULT_PREFIX and len(number) != 10:
        return number, PHONE_FR_LENGTH
    if prefix != p.DEFAULT_PREFIX and not 4 <= len(number) <= 15:
        return number, PHONE_OTHER_LENGTH
    return number, None


def check_profile(form: dict) -> tuple[dict, dict]:
    """(clean values, errors by field) for the Formulaire inscription step."""
    values, errors = {}, {}
    for field in p.TEXT_FIELDS:
        value = form.get(field.name, "").strip()
        values[field.name] = value
        if field.required and not value:
            errors[field.name] = REQUIRED
        elif len(value) > field.max_length:
            errors[field.name] = too_long(field.max_length)
    values["phone_prefix"] = form.get("phone_prefix", p.DEFAULT_PREFIX)
    if values["phone_prefix"] not in p.PHONE_PREFIXES:
        errors["phone_prefix"] = PREFIX_UNKNOWN
    values["phone"], phone_error = check_phone(values["phone_prefix"], form.get("phone", ""))
    if phone_error:
        errors["phone"] = phone_error
    values["question"] = form.get("question", "")
    if values["question"] not in p.QUESTIONS:
        errors["question"] = QUESTION_UNKNOWN
    return values, errors


def check_code_syntax(code: str) -> str | None:
    if not code:
        return REQUIRED
    return None if CODE_PATTERN.fullmatch(code) else CODE_MALFORMED


def code_refusal(request: ActivationRequest | None, now: datetime) -> str | None:
    """Why a well-formed code cannot activate anything, if it cannot."""
    if request is None:
        return CODE_UNKNOWN
    if request.used_at is not None:
        return CODE_USED
    if now >= request.sent_at + current_app.config["ACTIVATION_DELAY"]:
        return CODE_EXPIRED
    return None
