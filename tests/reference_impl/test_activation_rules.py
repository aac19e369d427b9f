"""Server-side refusals during activation, and what activation creates."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from conftest import DAY, PARIS, alert_text, current_step, field_error, page_text

from reference_impl import validation as v
from reference_impl.extensions import db
from reference_impl.models import Space

ADDRESS = "activation@exemple.fr"


@pytest.fixture
def code(visitor, mail_sink):
    visitor.register(ADDRESS)
    return mail_sink.code_for(ADDRESS)


def _spaces(app):
    with app.app_context():
        return db.session.scalars(db.select(Space)).all()


@pytest.mark.parametrize(("typed", "message"), [
    ("", v.REQUIRED),
    ("abc", v.CODE_MALFORMED),
    ("abcdefghijk!", v.CODE_MALFORMED),
    ("abcdefghijklm", v.CODE_MALFORMED),
    ("AAAAAAAAAAAA", v.CODE_UNKNOWN),
])
def test_bad_codes_are_refused_on_the_field(visitor, typed, message):
    response = visitor.enter_code(typed)
    assert response.status_code == 422
    assert current_step(response) == "Code d'activation"
    assert field_error(response, "code") == message


def test_code_needs_the_captcha(visitor, code):
    visitor.get("/activation")
    response = visitor.post("/activation", {"code": code, "captcha": "WRONG1"})
    assert current_step(response) == "Code d'activation"
    assert field_error(response, "captcha") == v.CAPTCHA_WRONG
    assert f'value="{code}"' in response.get_data(as_text=True)


def test_code_is_case_sensitive(visitor, code):
    response = visitor.enter_code(code.swapcase())
    assert field_error(response, "code") == v.CODE_UNKNOWN


def test_identifiers_step_needs_a_code(visitor):
    assert current_step(visitor.get("/activation/identifiants")) == "Code d'activation"
    response = visitor.post("/activation/identifiants", {"email": ADDRESS})
    assert current_step(response) == "Code d'activation"


def test_wrong_address_is_refused(app, visitor, code):
    visitor.enter_code(code)
    response = visitor.post("/activation/identifiants", {"email": "autre@exemple.fr"})
    assert current_step(response) == "Identifiants"
    assert field_error(response, "email") == v.ACTIVATION_ADDRESS
    assert 'value="autre@exemple.fr"' in response.get_data(as_text=True)
    assert _spaces(app) == []


def test_effacer_empties_the_address(visitor, code):
    visitor.enter_code(code)
    visitor.post("/activation/identifiants", {"email": "autre@exemple.fr"})
    cleared = visitor.post("/activation/identifiants/effacer")
    assert current_step(cleared) == "Identifiants"
    assert 'value=""' in cleared.get_data(as_text=True)


def test_used_code_is_refused(visitor, other_visitor, code):
    visitor.activate(code, ADDRESS)
    response = other_visitor.enter_code(code)
    assert field_error(response, "code") == v.CODE_USED


def test_code_works_until_48_hours(visitor, code):
    visitor.hook("clock", {"advance_seconds": 2 * DAY - 5})
    assert current_step(visitor.activate(code, ADDRESS)) == "Récapitulatif"


def test_code_expires_after_48_hours(app, visitor, code):
    visitor.hook("clock", {"advance_seconds": 2 * DAY})
    response = visitor.enter_code(code)
    assert field_error(response, "code") == v.CODE_EXPIRED
    assert _spaces(app) == []


def test_code_expiring_between_the_two_steps(app, visitor, code):
    visitor.enter_code(code)
    visitor.hook("clock", {"advance_seconds": 2 * DAY})
    response = visitor.post("/activation/identifiants", {"email": ADDRESS})
    assert current_step(response) == "Identifiants"
    assert alert_text(response) == v.CODE_EXPIRED
    assert _spaces(app) == []


def test_expired_request_lets_the_address_register_again(visitor, other_visitor, mail_sink, code):
    visitor.hook("clock", {"advance_seconds": 3 * DAY})
    other_visitor.register(ADDRESS)
    new_code = mail_sink.code_for(ADDRESS)
    assert new_code != code
    assert current_step(other_visitor.activate(new_code, ADDRESS)) == "Récapitulatif"


def test_subscriber_numbers_are_unique_14_digits(app, visitor, other_visitor, mail_sink):
    numbers = []
    for browser, address in ((visitor, "un@exemple.fr"), (other_visitor, "deux@exemple.fr")):
        browser.register(address)
        page = browser.activate(mail_sink.code_for(address), address)
        numbers.append(re.search(r"sous le numéro (\d+)\.", page_text(page)).group(1))
    assert all(re.fullmatch(r"\d{14}", n) for n in numbers)
    assert len(set(numbers)) == 2
    assert sorted(numbers) == sorted(s.subscriber_number for s in _spaces(app))


def test_confirmation_date_follows_the_clock_in_paris_time(visitor, code):
    """Moved to 23:30 UTC, which is already the next day in Paris in every season."""
    now = datetime.fromisoformat(visitor.hook("clock", {"advance_seconds": 0}).get_json()["now"])
    late_evening = now.replace(hour=23, minute=30, second=0, microsecond=0)
    late_evening += timedelta(days=1) if late_evening <= now else timedelta(0)
    advance = int((late_evening - now).total_seconds())
    moved = datetime.fromisoformat(visitor.hook("clock", {"advance_seconds": advance}).get_json()["now"])
    page = visitor.activate(code, ADDRESS)
    in_paris = moved.astimezone(PARIS)
    assert in_paris.date() != moved.date()
    assert re.search(rf"réalisée le {in_paris.day} \w+ {in_paris.year} ", page_text(page))
