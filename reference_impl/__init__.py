"""Reference implementation of « Créer un espace professionnel expert »."""

from __future__ import annotations

import os
import secrets
import tempfile
from datetime import timedelta

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import InternalServerError

from . import clock, formatting, headers
from .extensions import csrf, db
from .hooks import bp as hooks_bp
from .views import activation, captcha, login, registration, space

# Environment variables read by the factory, with their defaults.
ENV_DEFAULTS = {
    "DATABASE_URL": None,
    "SECRET_KEY": None,
    "ESPRO_TEST_MODE": "0",
    "CONFORMANCE_TOKEN": None,
    "ESPRO_MAIL_HOST": "127.0.0.1",
    "ESPRO_MAIL_PORT": "2525",
}


def _settings(overrides: dict) -> dict:
    """Environment values, each replaced by the override of the same name."""
    return {
        name: overrides.get(name, os.environ.get(name, default))
        for name, default in ENV_DEFAULTS.items()
    }


def _instance_secret(folder: str) -> str:
    """The key that signs sessions, made once and kept in the instance folder (owner-only), so that
    a restart or another worker still reads the sessions it signed. Written whole under another
    name, then linked in place: two processes starting at once end with the same key."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "secret_key")
    if not os.path.exists(path):
        with tempfile.NamedTemporaryFile("w", dir=folder, prefix=".secret_key.", encoding="ascii") as made:
            made.write(secrets.token_hex(32))
            made.flush()
            try:
                os.link(made.name, path)
            except FileExistsError:
                pass
    with open(path, encoding="ascii") as kept:
        return kept.read().strip()


def _unavailable() -> str:
    return render_template(
        "message.html",
        title="Service momentanément indisponible",
        alert="Le service ne peut pas répondre pour le moment. Rien n'a été enregistré : veuillez réessayer plus tard.",
    )


def create_app(overrides: dict | None = None) -> Flask:
    """Build the application.

    `overrides` takes the environment variable names above; any other key is
    copied into `app.config` as is (e.g. `WTF_CSRF_ENABLED`).
    """
    overrides = dict(overrides or {})
    settings = _settings(overrides)
    app = Flask(__name__, instance_relative_config=True)
    database_url = settings["DATABASE_URL"]
    if not database_url:
        os.makedirs(app.instance_path, exist_ok=True)
        database_url = "sqlite:///" + os.path.join(app.instance_path, "espro-reference.sqlite")
    app.config.update(
        SQLALCHEMY_DATABASE_URI=database_url,
        SECRET_KEY=settings["SECRET_KEY"] or _instance_secret(app.instance_path),
        TEST_MODE=str(settings["ESPRO_TEST_MODE"]) == "1",
        CONFORMANCE_TOKEN=settings["CONFORMANCE_TOKEN"],
        MAIL_HOST=settings["ESPRO_MAIL_HOST"],
        MAIL_PORT=int(settings["ESPRO_MAIL_PORT"]),
        ACTIVATION_DELAY=timedelta(hours=48),
    )
    app.config.update({k: v for k, v in overrides.items() if k not in ENV_DEFAULTS})

    db.init_app(app)
    csrf.init_app(app)
    headers.install(app)
    for module in (login, registration, activation, space, captcha):
        app.register_blueprint(module.bp)
    if app.config["TEST_MODE"]:
        csrf.exempt(hooks_bp)
        app.register_blueprint(hooks_bp)

    app.jinja_env.filters["french_date"] = formatting.french_date
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.errorhandler(CSRFError)
    def csrf_refused(error):
        return render_template(
            "message.html",
            title="Formulaire refusé",
            alert="Le formulaire a expiré ou n'est pas valide. Veuillez recommencer.",
        ), 400

    @app.errorhandler(OperationalError)
    def database_unavailable(error):
        """A locked or full database, a lost connection: a page that says so, nothing half-recorded."""
        db.session.rollback()
        app.logger.error("base de données indisponible : %s", error.orig)
        return _unavailable(), 503

    @app.errorhandler(InternalServerError)
    def unexpected(error):
        return _unavailable(), 500

    with app.app_context():
        db.create_all()
        clock.ensure_row()
    return app
