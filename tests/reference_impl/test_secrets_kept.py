"""Secrets at rest: the database holds neither the password nor the activation code, and the
password is never mailed nor shown back."""

from __future__ import annotations

from sqlalchemy import inspect, text

from reference_impl.extensions import db
from tests.reference_impl.conftest import PASSWORD


def _database_text(app) -> str:
    """Every value of every table, as text."""
    with app.app_context():
        tables = inspect(db.engine).get_table_names()
        return "\n".join(str(row) for table in tables for row in db.session.execute(text(f"SELECT * FROM {table}")))


def test_neither_password_nor_code_is_stored(app, visitor, mail_sink):
    address = "secret.garde@exemple.fr"
    visitor.register(address)
    code = mail_sink.code_for(address)
    stored = _database_text(app)
    assert address in stored  # the rows are there, read whole
    assert PASSWORD not in stored and code not in stored
    visitor.activate(code, address)
    stored = _database_text(app)
    assert PASSWORD not in stored and code not in stored


def test_password_is_never_mailed_nor_shown_back(visitor, mail_sink):
    address = "jamais.montre@exemple.fr"
    pages = [visitor.accept_terms(), visitor.identifiers(address, confirmation="autre@exemple.fr"),
             visitor.identifiers(address), visitor.fill_profile(), visitor.validate()]
    assert all(PASSWORD not in page.get_data(as_text=True) for page in pages)
    assert PASSWORD not in mail_sink.last_to(address).as_string()
