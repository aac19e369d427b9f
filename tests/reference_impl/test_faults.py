"""Faults: the mail server down at « Valider », a crash between « Valider » and the activation, a
locked database. Each ends in a clear page or a working restart, never a traceback nor half a record."""

from __future__ import annotations

import sqlite3

import pytest

from reference_impl import create_app, extensions
from reference_impl.models import ActivationRequest
from tests.reference_impl.conftest import TOKEN, Visitor, alert_text, page_text
from tests.reference_impl.served import HttpClient, new_database, serving
from tests.support import free_port


def test_mail_server_down_at_validate_records_nothing_and_the_same_address_can_retry(settings, mail_sink):
    app = create_app({**settings, "ESPRO_MAIL_PORT": str(free_port())})
    visitor = Visitor(app.test_client())
    address = "courrier.en.panne@exemple.fr"
    refused = visitor.register(address)
    assert refused.status_code == 503
    assert "n'a pas pu être envoyé" in alert_text(refused)
    with app.app_context():
        assert extensions.db.session.scalar(extensions.db.select(ActivationRequest)) is None
    app.config["MAIL_PORT"] = mail_sink.port  # the mail server is back
    assert visitor.validate().status_code == 200
    assert mail_sink.code_for(address)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_crash_between_validate_and_activation_loses_nothing(kind, tmp_path, mail_sink):
    address = "apres.la.panne@exemple.fr"
    port = free_port()
    with new_database(kind, tmp_path) as database_url:
        with serving(database_url, mail_sink.port, TOKEN, tmp_path, port) as server:
            Visitor(HttpClient(server.url)).register(address)
            server.kill_hard()
        with serving(database_url, mail_sink.port, TOKEN, tmp_path, port) as server:
            visitor = Visitor(HttpClient(server.url))
            activated = visitor.activate(mail_sink.code_for(address), address)
            assert "Votre inscription" in page_text(activated)


def test_a_locked_database_gives_a_clear_page_then_works_again(settings, monkeypatch, tmp_path):
    monkeypatch.setattr(extensions, "SQLITE_BUSY_TIMEOUT_MS", 50)
    app = create_app(settings)
    client = app.test_client()
    locker = sqlite3.connect(settings["DATABASE_URL"].removeprefix("sqlite:///"), isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    locked = client.get("/")
    assert locked.status_code == 503
    assert "Service momentanément indisponible" in page_text(locked) and "Traceback" not in page_text(locked)
    locker.execute("ROLLBACK")
    locker.close()
    assert client.get("/").status_code == 200
