"""The professional space once signed in: empty of dossiers and services."""

from __future__ import annotations

from flask import Blueprint, Response, render_template

from .. import auth, clock
from .. import profile as fields
from ..recap_pdf import build as build_recap

bp = Blueprint("space", __name__, url_prefix="/espace")


@bp.get("")
@auth.login_required
def home():
    return render_template("space/home.html", space=auth.current_space())


@bp.get("/services")
@auth.login_required
def services():
    return render_template("space/services.html", space=auth.current_space())


@bp.get("/coordonnees")
@auth.login_required
def coordinates():
    space = auth.current_space()
    usager, confidence = fields.summary(space.profile, space.email)
    return render_template("space/coordinates.html", space=space,
                           usager=usager, confidence=confidence)


@bp.get("/recapitulatif.pdf")
@auth.login_required
def recap_pdf():
    body = build_recap(auth.current_space(), clock.now())
    return Response(body, mimetype="application/pdf", headers={
        "Content-Disposition": 'inline; filename="recapitulatif-espace-professionnel.pdf"',
    })
