"""Login: only activated spaces, generic refusals, fresh CAPTCHA after each attempt."""

from __future__ import annotations

import pytest
from conftest import PASSWORD, alert_text, field_error, page_text

from reference_impl import validation as v
from reference_impl.views.login import LOGIN_REFUSED

PENDING = "en-attente@exemple.fr"


@pytest.mark.parametrize("attempt", ["unknown", "wrong password", "pending"])
def test_refusals_say_the_same_thing(activated, other_visitor, attempt):
    if attempt == "pending":
        other_visitor.register(PENDING)
    address, password = {
        "unknown": ("personne@exemple.fr", PASSWORD),
        "wrong password": (activated, PASSWORD + "0"),
        "pending": (PENDING, PASSWORD),
    }[attempt]
    response = other_visitor.login(address, password)
    assert response.status_code == 422
    assert alert_text(response) == LOGIN_REFUSED
    assert "Se déconnecter" not in page_text(response)
    assert f'value="{address}"' in response.get_data(as_text=True)


def test_wrong_captcha_refuses_good_credentials(activated, other_visitor):
    other_visitor.get("/")
    response = other_visitor.post("/", {"email": activated, "password": PASSWORD,
                                        "captcha": "XXXXXX"})
    assert field_error(response, "captcha") == v.CAPTCHA_WRONG
    assert "Se déconnecter" not in page_text(response)


def test_a_fresh_captcha_after_a_failure(activated, other_visitor):
    other_visitor.get("/")
    first = other_visitor.captcha_answer()
    other_visitor.post("/", {"email": activated, "password": "x", "captcha": first})
    response = other_visitor.post("/", {"email": activated, "password": PASSWORD, "captcha": first})
    assert field_error(response, "captcha") == v.CAPTCHA_WRONG


def test_login_after_activation(activated, other_visitor):
    home = other_visitor.login(f" {activated.upper()} ")
    assert home.request.path == "/espace"
    assert "Se déconnecter" in page_text(home)


@pytest.mark.parametrize("path", [
    "/espace", "/espace/services", "/espace/coordonnees", "/espace/recapitulatif.pdf",
    "/activation/recapitulatif",
])
def test_space_pages_need_sign_in(visitor, path):
    response = visitor.get(path)
    assert response.request.path == "/"
    assert response.mimetype == "text/html"


def test_logout_needs_csrf(activated, visitor):
    response = visitor.post("/deconnexion", csrf=False)
    assert response.status_code == 400
    assert "Se déconnecter" in page_text(visitor.get("/espace"))
