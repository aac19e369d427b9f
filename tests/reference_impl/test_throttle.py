"""Guessing is limited (catalogue CNX-18, ACTIV-14): wrong passwords per account and per client,
wrong codes per client and per activation request, within a window that the clock hook can pass."""

from __future__ import annotations

from datetime import timedelta

from reference_impl import throttle
from tests.reference_impl.conftest import PASSWORD, alert_text, field_error

WRONG = "Faux1234567890Faux12345"
# The numbers the catalogue records as the reference's decision (CNX-18, ACTIV-14), written here
# rather than read from reference_impl.throttle: a limit loosened there must fail these tests.
PER_TARGET = 10
PER_CLIENT = 100
WINDOW = timedelta(minutes=15)


def _too_many(response) -> bool:
    return response.status_code == 429 and throttle.TOO_MANY in (alert_text(response) or field_error(response, "code") or "")


def test_ten_wrong_passwords_block_the_account_not_the_others(visitor, activated, other_visitor):
    for _ in range(PER_TARGET):
        assert visitor.login(activated, WRONG).status_code == 422
    assert _too_many(visitor.login(activated, PASSWORD))
    assert not _too_many(visitor.login("autre.compte@exemple.fr", WRONG))
    visitor.hook("clock", {"advance_seconds": int(WINDOW.total_seconds()) + 1})
    assert visitor.login(activated, PASSWORD).status_code == 200  # the window passed: signed in


def test_a_success_ends_the_run_of_failures(visitor, activated):
    for _ in range(PER_TARGET - 1):
        visitor.login(activated, WRONG)
    visitor.login(activated, PASSWORD)
    visitor.post("/deconnexion")
    for _ in range(PER_TARGET - 1):
        assert visitor.login(activated, WRONG).status_code == 422


def test_a_hundred_wrong_passwords_from_one_client_block_it(visitor):
    for index in range(PER_CLIENT):
        visitor.login(f"compte{index}@exemple.fr", WRONG)
    assert _too_many(visitor.login("encore.un@exemple.fr", WRONG))


def test_a_hundred_unknown_codes_from_one_client_block_it(visitor):
    for index in range(PER_CLIENT):
        assert visitor.enter_code(f"Inconnu{index:05d}").status_code == 422
    assert _too_many(visitor.enter_code("InconnuAutre"))


def test_ten_wrong_addresses_for_one_code_block_its_request(visitor, mail_sink):
    address = "bonne.adresse@exemple.fr"
    visitor.register(address)
    visitor.enter_code(mail_sink.code_for(address))
    for index in range(PER_TARGET):
        assert visitor.post("/activation/identifiants", {"email": f"autre{index}@exemple.fr"}).status_code == 422
    assert _too_many(visitor.post("/activation/identifiants", {"email": address}))
