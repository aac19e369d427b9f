"""Server-side refusals during pre-registration."""

from __future__ import annotations

import pytest
from conftest import (
    DAY, PASSWORD, PROFILE, Visitor, alert_text, current_step, field_error, field_tag, free_port,
    page_text,
)

from reference_impl import create_app
from reference_impl import validation as v
from reference_impl.captcha import _SESSION_KEY as CHALLENGE_KEY
from reference_impl.extensions import db
from reference_impl.models import ActivationRequest

ADDRESS = "usager@exemple.fr"


def _requests(app):
    with app.app_context():
        return db.session.scalars(db.select(ActivationRequest)).all()


@pytest.mark.parametrize("path", [
    "/creation/identifiants", "/creation/formulaire", "/creation/recapitulatif",
    "/creation/enregistrement",
])
def test_later_steps_redirect_to_the_first_step_not_done(visitor, path):
    assert current_step(visitor.get(path)) == "Conditions générales"


def test_posts_that_skip_steps_record_nothing(app, visitor, mail_sink):
    assert current_step(visitor.identifiers(ADDRESS)) == "Conditions générales"
    visitor.accept_terms()
    assert current_step(visitor.fill_profile()) == "Identifiants"
    assert current_step(visitor.validate()) == "Identifiants"
    assert current_step(visitor.get("/creation/recapitulatif")) == "Identifiants"
    assert _requests(app) == [] and mail_sink.messages == []


def test_post_without_csrf_token_is_refused(visitor):
    visitor.get("/creation/conditions-generales")
    response = visitor.post("/creation/conditions-generales",
                            {"terms": "1", "captcha": visitor.captcha_answer()}, csrf=False)
    assert response.status_code == 400
    assert alert_text(response)
    assert current_step(visitor.get("/creation/identifiants")) == "Conditions générales"


def test_terms_need_the_box_and_the_captcha(visitor):
    visitor.get("/creation/conditions-generales")
    response = visitor.post("/creation/conditions-generales", {"captcha": visitor.captcha_answer()})
    assert response.status_code == 422
    assert current_step(response) == "Conditions générales"
    assert field_error(response, "terms")

    response = visitor.post("/creation/conditions-generales", {"terms": "1", "captcha": "000000"})
    assert current_step(response) == "Conditions générales"
    assert field_error(response, "captcha") == v.CAPTCHA_WRONG
    assert 'checked' in field_tag(response, "terms")


def test_a_checked_captcha_is_consumed(visitor):
    visitor.get("/creation/conditions-generales")
    answer = visitor.captcha_answer()
    visitor.post("/creation/conditions-generales", {"captcha": answer})
    assert visitor.captcha_answer() != answer
    response = visitor.post("/creation/conditions-generales", {"terms": "1", "captcha": answer})
    assert field_error(response, "captcha") == v.CAPTCHA_WRONG


def test_a_session_never_shown_an_image_cannot_pass_the_captcha(visitor):
    """A robot that posts the form without having been shown an image (no challenge in its
    session) is refused like a wrong answer."""
    token = visitor.csrf_token()
    with visitor.client.session_transaction() as session:
        session.pop(CHALLENGE_KEY)
    response = visitor.client.post("/creation/conditions-generales", follow_redirects=True,
                                   data={"terms": "1", "captcha": "ABCDEF", "csrf_token": token})
    assert field_error(response, "captcha") == v.CAPTCHA_WRONG
    assert current_step(visitor.get("/creation/identifiants")) == "Conditions générales"


def test_changer_l_image_invalidates_the_old_answer(visitor):
    visitor.get("/creation/conditions-generales")
    old = visitor.captcha_answer()
    page = visitor.get("/captcha/nouvelle?retour=/creation/conditions-generales")
    assert current_step(page) == "Conditions générales"
    response = visitor.post("/creation/conditions-generales", {"terms": "1", "captcha": old})
    assert field_error(response, "captcha") == v.CAPTCHA_WRONG


def test_captcha_is_case_insensitive(visitor):
    visitor.get("/creation/conditions-generales")
    response = visitor.post("/creation/conditions-generales",
                            {"terms": "1", "captcha": f" {visitor.captcha_answer().lower()} "})
    assert current_step(response) == "Identifiants"


def _address(length: int) -> str:
    domain = "@exemple.fr"
    return "a" * (length - len(domain)) + domain


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"address": _address(101)}, "email", v.EMAIL_TOO_LONG),
    ({"address": "usager@exemple"}, "email", v.EMAIL_INVALID),
    ({"address": "usa ger@exemple.fr"}, "email", v.EMAIL_INVALID),
    ({"address": "usager@@exemple.fr"}, "email", v.EMAIL_INVALID),
    ({"address": "usager.exemple.fr"}, "email", v.EMAIL_INVALID),
    ({"address": "usager@exemple..fr"}, "email", v.EMAIL_INVALID),
    ({"address": ""}, "email", v.REQUIRED),
    ({"confirmation": "autre@exemple.fr"}, "email_confirmation", v.EMAILS_DIFFER),
    ({"password": "a1" * 9 + "b"}, "password", v.PASSWORD_TOO_SHORT),
    ({"password": "abcdefghijklmnopqrstu"}, "password", v.PASSWORD_COMPOSITION),
    ({"password": "12345678901234567890"}, "password", v.PASSWORD_COMPOSITION),
    ({"password": "abcdefghij 1234567890"}, "password", v.PASSWORD_SPACE),
    ({"password_confirmation": PASSWORD + "x"}, "password_confirmation", v.PASSWORDS_DIFFER),
])
def test_identifiers_refusals(visitor, changes, field, message):
    visitor.accept_terms()
    address = changes.pop("address", ADDRESS)
    response = visitor.identifiers(address, **changes)
    assert response.status_code == 422
    assert current_step(response) == "Identifiants"
    assert field_error(response, field) == message
    assert f'value="{address}"' in field_tag(response, "email")
    assert "value=" not in field_tag(response, "password")


@pytest.mark.parametrize(("address", "confirmation", "password"), [
    (_address(100), _address(100), PASSWORD),
    (ADDRESS, f"  {ADDRESS.upper()} ", PASSWORD),
    (ADDRESS, ADDRESS, "a1" * 10),
    (ADDRESS, ADDRESS, "1tvmq2t'A-1tvmq2t'A-"),
])
def test_identifiers_boundaries_accepted(visitor, address, confirmation, password):
    visitor.accept_terms()
    response = visitor.identifiers(address, password, confirmation=confirmation)
    assert current_step(response) == "Formulaire inscription"


def test_certificate_address_is_refused_with_the_guide_message(visitor):
    hook = visitor.hook("certificate-spaces", {"email": ADDRESS})
    assert hook.status_code == 201 and hook.get_json() == {}
    visitor.accept_terms()
    response = visitor.identifiers(ADDRESS.upper())
    assert current_step(response) == "Identifiants"
    assert alert_text(response) == v.ADDRESS_CERTIFICATE
    assert v.ADDRESS_CERTIFICATE == (
        "L'adresse électronique saisie est rattachée à un espace professionnel avec "
        "certificat. Veuillez contacter l'assistance.")
    assert 'aria-invalid="true"' in field_tag(response, "email")


def test_active_space_address_is_refused(activated, other_visitor):
    other_visitor.accept_terms()
    response = other_visitor.identifiers(activated)
    assert alert_text(response) == v.ADDRESS_TAKEN


def test_pending_request_blocks_the_address_for_48_hours(visitor, other_visitor):
    visitor.register(ADDRESS)
    other_visitor.accept_terms()
    response = other_visitor.identifiers(f" {ADDRESS.upper()}")
    assert alert_text(response) == v.ADDRESS_PENDING

    visitor.hook("clock", {"advance_seconds": 2 * DAY})
    assert current_step(other_visitor.identifiers(ADDRESS)) == "Formulaire inscription"


def test_address_taken_between_recap_and_valider(app, visitor, other_visitor, mail_sink):
    visitor.accept_terms()
    visitor.identifiers(ADDRESS)
    visitor.fill_profile()
    other_visitor.register(ADDRESS)
    response = visitor.validate()
    assert current_step(response) == "Récapitulatif"
    assert alert_text(response) == v.ADDRESS_PENDING
    assert len(_requests(app)) == 1 and len(mail_sink.messages) == 1


def test_posted_address_in_the_form_is_ignored(app, visitor, mail_sink):
    visitor.accept_terms()
    visitor.identifiers(ADDRESS)
    recap = visitor.fill_profile(email="pirate@exemple.fr", login_email="pirate@exemple.fr")
    assert f"Adresse électronique de connexion : {ADDRESS}" in page_text(recap)
    visitor.post("/creation/recapitulatif", {"email": "pirate@exemple.fr"})
    assert [r.email for r in _requests(app)] == [ADDRESS]
    assert mail_sink.last_to(ADDRESS)


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"last_name": "  "}, "last_name", v.REQUIRED),
    ({"first_name": ""}, "first_name", v.REQUIRED),
    ({"city": ""}, "city", v.REQUIRED),
    ({"country": ""}, "country", v.REQUIRED),
    ({"answer": ""}, "answer", v.REQUIRED),
    ({"last_name": "N" * 51}, "last_name", v.too_long(50)),
    ({"phone": ""}, "phone", v.REQUIRED),
    ({"phone": "01-23-45-67-89"}, "phone", v.PHONE_DIGITS),
    ({"phone": "012345678"}, "phone", v.PHONE_FR_LENGTH),
    ({"phone_prefix": "BE", "phone": "123"}, "phone", v.PHONE_OTHER_LENGTH),
    ({"phone_prefix": "XX"}, "phone_prefix", v.PREFIX_UNKNOWN),
    ({"question": "Quelle est la réponse ?"}, "question", v.QUESTION_UNKNOWN),
])
def test_form_refusals_keep_what_was_typed(visitor, changes, field, message):
    visitor.accept_terms()
    visitor.identifiers(ADDRESS)
    response = visitor.fill_profile(**changes)
    assert response.status_code == 422
    assert current_step(response) == "Formulaire inscription"
    assert field_error(response, field) == message
    assert 'value="de Longchamp"' in field_tag(response, "street_name")


def test_foreign_phone_is_shown_with_its_prefix(visitor):
    visitor.accept_terms()
    visitor.identifiers(ADDRESS)
    recap = visitor.fill_profile(phone_prefix="BE", phone="471 23 45 67")
    assert "Téléphone : +32 471234567" in page_text(recap)


def test_previous_step_keeps_the_form_and_effacer_clears_it(visitor):
    visitor.accept_terms()
    visitor.identifiers(ADDRESS)
    visitor.fill_profile()
    form = visitor.get("/creation/formulaire")
    assert 'value="ROSEMONDE"' in field_tag(form, "last_name")
    assert 'value="0123456789"' in field_tag(form, "phone")

    identifiers = visitor.get("/creation/identifiants")
    assert f'value="{ADDRESS}"' in field_tag(identifiers, "email")
    visitor.identifiers("autre@exemple.fr")

    cleared = visitor.post("/creation/formulaire/effacer")
    assert current_step(cleared) == "Formulaire inscription"
    for name in ("last_name", "first_name", "phone", "street_name", "city", "country", "answer"):
        assert 'value=""' in field_tag(cleared, name)
    assert 'value="autre@exemple.fr"' in field_tag(cleared, "login_email")


def test_smtp_failure_records_nothing(settings, mail_sink):
    app = create_app({**settings, "ESPRO_MAIL_PORT": str(free_port())})
    visitor = Visitor(app.test_client())
    visitor.accept_terms()
    visitor.identifiers(ADDRESS)
    visitor.fill_profile()
    response = visitor.validate()
    assert current_step(response) == "Récapitulatif"
    assert "n'a pas pu être envoyé" in alert_text(response)
    assert _requests(app) == []
    assert current_step(visitor.get("/creation/recapitulatif")) == "Récapitulatif"


def test_draft_is_cleared_after_valider(visitor):
    visitor.register(ADDRESS)
    assert current_step(visitor.get("/creation/recapitulatif")) == "Conditions générales"
    assert current_step(visitor.get("/creation/enregistrement")) == "Enregistrement"


def test_nothing_secret_in_the_session_cookie(visitor, client):
    visitor.accept_terms()
    visitor.identifiers(ADDRESS)
    with client.session_transaction() as session:
        stored = repr(dict(session))
    assert PASSWORD not in stored and visitor.captcha_answer() not in stored
    assert "password" not in stored and "answer" not in stored
    assert PROFILE["answer"] not in stored
