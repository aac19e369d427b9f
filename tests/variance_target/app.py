"""La cible de variance : ses propres pages, ses propres décisions ; elle ne partage avec
l'implémentation de référence que ses tables, son envoi de courriel et son dessin des images."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import IntegrityError

from . import crochets, vues
from .crochets import PREFIXE as HOOKS_PREFIX  # noqa: F401
from .stockage import ClockOffset, csrf, db

HERE = Path(__file__).parent
NOMS = ("DATABASE_URL", "SECRET_KEY", "ESPRO_TEST_MODE", "CONFORMANCE_TOKEN", "ESPRO_MAIL_HOST", "ESPRO_MAIL_PORT")


def create_app(overrides: dict | None = None) -> Flask:
    overrides = dict(overrides or {})
    reglages = {nom: overrides.get(nom, os.environ.get(nom)) for nom in NOMS}
    app = Flask(__name__, template_folder=str(HERE / "templates"), static_folder=str(HERE / "static"),
                static_url_path="/ressources")
    app.config.update(
        SQLALCHEMY_DATABASE_URI=reglages["DATABASE_URL"] or "sqlite:///" + str(HERE / "variance.sqlite"),
        SECRET_KEY=reglages["SECRET_KEY"] or secrets.token_hex(32),
        TEST_MODE=str(reglages["ESPRO_TEST_MODE"] or "0") == "1",
        CONFORMANCE_TOKEN=reglages["CONFORMANCE_TOKEN"],
        MAIL_HOST=reglages["ESPRO_MAIL_HOST"] or "127.0.0.1",
        MAIL_PORT=int(reglages["ESPRO_MAIL_PORT"] or 2525),
        SESSION_COOKIE_NAME="variance",
        SESSION_COOKIE_SAMESITE="Strict",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=2),
    )
    app.config.update({k: v for k, v in overrides.items() if k not in NOMS})
    db.init_app(app)
    csrf.init_app(app)
    app.register_blueprint(vues.bp)
    if app.config["TEST_MODE"]:
        csrf.exempt(crochets.bp)
        app.register_blueprint(crochets.bp)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.errorhandler(CSRFError)
    def _csrf(erreur):
        return render_template("message.html", titre="Page expirée",
                               alerte="Cette page a expiré : recommencez votre saisie."), 400

    with app.app_context():
        db.create_all()
        if db.session.get(ClockOffset, 7) is None:
            db.session.add(ClockOffset(id=7, seconds=0))
            try:
                db.session.commit()
            except IntegrityError:
                db.session.rollback()
    return app
