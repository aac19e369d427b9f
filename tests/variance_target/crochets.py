"""Les crochets de test du contrat (§3), sous /essais-variance, seulement en mode test."""

from __future__ import annotations

import hmac

from flask import Blueprint, current_app, jsonify, request
from sqlalchemy.exc import IntegrityError

from . import regles, stockage
from .stockage import CertificateSpace, db

PREFIXE = "/essais-variance"
bp = Blueprint("crochets", __name__, url_prefix=PREFIXE)


@bp.before_request
def jeton():
    attendu = current_app.config.get("CONFORMANCE_TOKEN") or ""
    donne = request.headers.get("X-Conformance-Token", "")
    if not attendu or not hmac.compare_digest(donne.encode(), attendu.encode()):
        return jsonify({"message": "jeton absent ou faux"}), 401
    return None


@bp.get("/captcha")
def captcha():
    image = stockage.image_montree()
    if image is None:
        return jsonify({"message": "aucune image affichée pour cette session"}), 404
    return jsonify({"answer": image.answer})


@bp.post("/clock")
def horloge():
    corps = request.get_json(silent=True)
    secondes = corps.get("advance_seconds") if isinstance(corps, dict) else None
    if not isinstance(secondes, int) or isinstance(secondes, bool) or secondes < 0:
        return jsonify({"message": "advance_seconds : entier positif ou nul"}), 400
    return jsonify({"now": stockage.avancer(secondes).isoformat().replace("+00:00", "Z")})


@bp.post("/certificate-spaces")
def certificat():
    corps = request.get_json(silent=True)
    adresse = corps.get("email") if isinstance(corps, dict) else None
    if not isinstance(adresse, str) or regles.erreur_courriel(adresse.strip(), "email"):
        return jsonify({"message": "email : une adresse électronique valide"}), 400
    db.session.add(CertificateSpace(email_key=regles.cle(adresse)))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
    return jsonify({}), 201
