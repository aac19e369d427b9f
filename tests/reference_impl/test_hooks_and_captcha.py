"""Test hooks of the contract §3, and the CAPTCHA media."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from conftest import HOOK_HEADERS, TOKEN

from espro import schemas
from reference_impl import create_app

HOOKS = [
    ("get", "/__conformance__/captcha", None),
    ("post", "/__conformance__/clock", {"advance_seconds": 1}),
    ("post", "/__conformance__/certificate-spaces", {"email": "c@exemple.fr"}),
]


@pytest.mark.parametrize(("method", "path", "payload"), HOOKS)
@pytest.mark.parametrize("headers", [{}, {"X-Conformance-Token": "wrong"},
                                     {"X-Conformance-Token": TOKEN + "x"}])
def test_hooks_need_the_token(client, method, path, payload, headers):
    response = getattr(client, method)(path, json=payload, headers=headers)
    assert response.status_code == 401


@pytest.mark.parametrize(("method", "path", "payload"), HOOKS)
def test_hooks_absent_outside_test_mode(settings, method, path, payload):
    client = create_app({**settings, "ESPRO_TEST_MODE": "0"}).test_client()
    response = getattr(client, method)(path, json=payload, headers=HOOK_HEADERS)
    assert response.status_code == 404


def test_hooks_refuse_everyone_when_no_token_is_configured(settings):
    client = create_app({**settings, "CONFORMANCE_TOKEN": ""}).test_client()
    assert client.get("/__conformance__/captcha", headers={"X-Conformance-Token": ""}).status_code == 401


def test_captcha_hook_without_a_challenge(client):
    response = client.get("/__conformance__/captcha", headers=HOOK_HEADERS)
    assert response.status_code == 404
    assert response.get_json()["message"]


def test_captcha_hook_follows_the_session(app, visitor):
    visitor.get("/")
    answer = visitor.captcha_answer()
    assert len(answer) == 6 and answer.isalnum() and answer == answer.upper()
    other = app.test_client()
    assert other.get("/__conformance__/captcha", headers=HOOK_HEADERS).status_code == 404


@pytest.mark.parametrize("payload", [
    {}, {"advance_seconds": -1}, {"advance_seconds": "10"}, {"advance_seconds": 1.5},
    {"advance_seconds": True}, [], None,
])
def test_clock_refuses_bad_input(client, payload):
    response = client.post("/__conformance__/clock", json=payload, headers=HOOK_HEADERS)
    assert response.status_code == 400
    assert response.get_json()["message"]


def test_clock_moves_forward(client):
    first = client.post("/__conformance__/clock", json={"advance_seconds": 0}, headers=HOOK_HEADERS)
    second = client.post("/__conformance__/clock", json={"advance_seconds": 3600}, headers=HOOK_HEADERS)
    assert first.status_code == second.status_code == 200
    before, after = (datetime.fromisoformat(r.get_json()["now"]) for r in (first, second))
    assert before.utcoffset() == timedelta(0)
    assert first.get_json()["now"].endswith("Z")
    assert timedelta(hours=1) <= after - before < timedelta(hours=1, seconds=30)


@pytest.mark.parametrize("payload", [{}, {"email": ""}, {"email": "pas-une-adresse"}, {"email": 3}])
def test_certificate_hook_refuses_bad_input(client, payload):
    response = client.post("/__conformance__/certificate-spaces", json=payload, headers=HOOK_HEADERS)
    assert response.status_code == 400


def test_certificate_hook_is_idempotent(client):
    for _ in range(2):
        response = client.post("/__conformance__/certificate-spaces",
                               json={"email": "c@exemple.fr"}, headers=HOOK_HEADERS)
        assert response.status_code == 201 and response.get_json() == {}


def test_captcha_image_and_sound(visitor):
    body = visitor.get("/").get_data(as_text=True)
    image_url = body.split('src="/captcha/')[1].split('"')[0]
    challenge_id = image_url.removesuffix(".png")
    image = visitor.client.get(f"/captcha/{challenge_id}.png")
    assert image.mimetype == "image/png" and image.data.startswith(b"\x89PNG")
    sound = visitor.client.get(f"/captcha/{challenge_id}.wav")
    assert sound.mimetype == "audio/wav" and sound.data[:4] == b"RIFF"
    assert visitor.client.get("/captcha/autre.png").status_code == 404


def test_changer_l_image_only_returns_to_local_pages(visitor):
    response = visitor.client.get("/captcha/nouvelle?retour=//ailleurs.example/")
    assert response.location == "/"


def test_hook_answers_follow_the_openapi_description(client, visitor):
    """Each hook's answer is what schemas/hooks.openapi.yaml says, the schema the suite checks against."""
    visitor.get("/")
    answers = {
        "CaptchaAnswer": visitor.client.get("/__conformance__/captcha", headers=HOOK_HEADERS),
        "ClockNow": client.post("/__conformance__/clock", json={"advance_seconds": 0}, headers=HOOK_HEADERS),
        "Empty": client.post("/__conformance__/certificate-spaces", json={"email": "d@exemple.fr"}, headers=HOOK_HEADERS),
    }
    for component, response in answers.items():
        assert schemas.problems(response.get_json(), f"hooks.openapi.yaml#/components/schemas/{component}") == []
    assert schemas.problems({"now": "demain"}, "hooks.openapi.yaml#/components/schemas/ClockNow")
