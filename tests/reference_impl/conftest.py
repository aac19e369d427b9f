"""Fixtures for the reference implementation: app in test mode, a browser-like
visitor driving the Flask test client, and a real SMTP sink."""

from __future__ import annotations

import email
import html
import re
from email import policy
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller

from reference_impl import create_app
from tests.support import free_port

TOKEN = "reference-tests-token"
HOOK_HEADERS = {"X-Conformance-Token": TOKEN}
DAY = 24 * 3600
PARIS = ZoneInfo("Europe/Paris")  # the reference shows dates in Paris time, its clock hook answers in UTC
PASSWORD = "Un1tienVautMieuxQue2tu'Auras"
PROFILE = {
    "last_name": "ROSEMONDE",
    "first_name": "Lila",
    "phone_prefix": "FR",
    "phone": "01 23 45 67 89",
    "street_number": "12",
    "street_type": "rue",
    "street_name": "de Longchamp",
    "address_complement": "",
    "postal_code": "75016",
    "city": "PARIS",
    "country": "FRANCE",
    "question": "Quel est le prénom de votre conjoint(e) ?",
    "answer": "Paul",
}


def page_text(response) -> str:
    """Visible text of an HTML response, tags removed and whitespace folded."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.get_data(as_text=True), flags=re.S)
    body = re.sub(r"</?(?:a|strong|em|span|b|i)\b[^>]*>", "", body)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def current_step(response) -> str | None:
    found = re.search(r'aria-current="step"[^>]*>([^<]*)<', response.get_data(as_text=True))
    return html.unescape(found.group(1)).strip() if found else None


def field_tag(response, name: str) -> str:
    """The opening tag of the input or select whose id is `name`."""
    found = re.search(rf'<(?:input|select)[^>]*\bid="{name}"[^>]*>', response.get_data(as_text=True))
    assert found, f"no field {name}"
    return found.group(0)


def field_error(response, name: str) -> str | None:
    """The message linked to the field by aria-describedby, if the field is invalid."""
    tag = field_tag(response, name)
    if 'aria-invalid="true"' not in tag:
        return None
    target = re.search(r'aria-describedby="([^"]+)"', tag).group(1)
    body = response.get_data(as_text=True)
    message = re.search(rf'id="{target}"[^>]*>(.*?)</p>', body, flags=re.S)
    return html.unescape(message.group(1)).strip()


def alert_text(response) -> str | None:
    found = re.search(r'role="alert"[^>]*>(.*?)</div>', response.get_data(as_text=True), re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split()) if found else None


class MailSink:
    """aiosmtpd handler keeping every message received."""

    def __init__(self):
        self.messages = []
        self.port = None

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"

    def last_to(self, address: str):
        matching = [m for m in self.messages if m["To"] == address]
        assert matching, f"no message to {address}"
        return matching[-1]

    def code_for(self, address: str) -> str:
        text = self.last_to(address).get_body(("plain",)).get_content()
        return re.search(r"code suivant :\s*([A-Za-z0-9]{12})\b", text).group(1)


class Visitor:
    """One browser: a test client with its cookies, plus the procedure's gestures."""

    def __init__(self, client):
        self.client = client

    def get(self, url):
        return self.client.get(url, follow_redirects=True)

    def csrf_token(self) -> str:
        body = self.client.get("/").get_data(as_text=True)
        return re.search(r'name="csrf_token" value="([^"]+)"', body).group(1)

    def post(self, url, data=None, csrf=True):
        data = dict(data or {})
        if csrf:
            data["csrf_token"] = self.csrf_token()
        return self.client.post(url, data=data, follow_redirects=True)

    def captcha_answer(self) -> str:
        response = self.client.get("/__conformance__/captcha", headers=HOOK_HEADERS)
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_json()["answer"]

    def accept_terms(self):
        self.get("/creation/conditions-generales")
        return self.post("/creation/conditions-generales",
                         {"terms": "1", "captcha": self.captcha_answer()})

    def identifiers(self, address, password=PASSWORD, confirmation=None, password_confirmation=None):
        return self.post("/creation/identifiants", {
            "email": address,
            "email_confirmation": address if confirmation is None else confirmation,
            "password": password,
            "password_confirmation": password if password_confirmation is None else password_confirmation,
        })

    def fill_profile(self, **changes):
        return self.post("/creation/formulaire", {**PROFILE, **changes})

    def validate(self):
        return self.post("/creation/recapitulatif")

    def register(self, address, password=PASSWORD):
        """Every pre-registration step; returns the Enregistrement page."""
        self.accept_terms()
        self.identifiers(address, password)
        self.fill_profile()
        return self.validate()

    def enter_code(self, code):
        self.get("/activation")
        return self.post("/activation", {"code": code, "captcha": self.captcha_answer()})

    def activate(self, code, address):
        self.enter_code(code)
        return self.post("/activation/identifiants", {"email": address})

    def hook(self, path, payload):
        return self.client.post(f"/__conformance__/{path}", json=payload, headers=HOOK_HEADERS)

    def login(self, address, password=PASSWORD):
        self.get("/")
        return self.post("/", {"email": address, "password": password,
                               "captcha": self.captcha_answer()})


@pytest.fixture
def mail_sink():
    sink = MailSink()
    sink.port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    yield sink
    controller.stop()


@pytest.fixture
def settings(tmp_path, mail_sink):
    return {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'espro.sqlite'}",
        "SECRET_KEY": "reference-tests",
        "ESPRO_TEST_MODE": "1",
        "CONFORMANCE_TOKEN": TOKEN,
        "ESPRO_MAIL_HOST": "127.0.0.1",
        "ESPRO_MAIL_PORT": str(mail_sink.port),
    }


@pytest.fixture
def app(settings):
    return create_app(settings)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def visitor(client):
    return Visitor(client)


@pytest.fixture
def other_visitor(app):
    """A second browser on the same target, with its own cookies."""
    return Visitor(app.test_client())


@pytest.fixture
def activated(visitor, mail_sink):
    """An address whose space is activated (the visitor is signed in)."""
    address = "lila.rosemonde@exemple.fr"
    visitor.register(address)
    visitor.activate(mail_sink.code_for(address), address)
    return address
